// The 工作台: a local web server on one workspace. Every page calls the same workspace services (src/workspace) and
// stages as the CLI on the same ledger, so the two always agree. This file only assembles the server: the security
// guard before any route (guard.ts), one error handler, and one Fastify plugin per page (routes/).
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { internalErrorMessage, UserError } from '../util/errors.ts';
import { createContext, type WebContext, type WorkbenchOptions } from './context.ts';
import { installGuard } from './guard.ts';
import { chineseHttpError, MAX_UPLOAD_FILES, MB } from './http.ts';
import { PAGES } from './routes/index.ts';
import { removeStaleUploads } from './upload.ts';
import type { NavItem } from './views.ts';

export type { WorkbenchOptions } from './context.ts';

export async function createWorkbench(o: WorkbenchOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MB, trustProxy: false });
  await app.register(cookie);
  const ctx = createContext(o, PAGES.flatMap((p): NavItem[] => (p.nav ? [p.nav] : [])));
  // The collect page sends each file's time as a field before it: a field per file, and a few for the forms.
  await app.register(multipart, { limits: { fileSize: ctx.maxFileBytes, files: MAX_UPLOAD_FILES, fields: MAX_UPLOAD_FILES + 20, parts: 2 * MAX_UPLOAD_FILES + 20, fieldSize: 64 * 1024 } });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  await removeStaleUploads(o.workspace);
  installGuard(app, ctx);
  app.setErrorHandler((e, req, reply) => answerError(ctx, e as Error, req, reply));
  for (const p of PAGES) await app.register(p.routes, { ctx });
  return app;
}

/**
 * A user's mistake (a UserError, or a request Fastify refused) is answered with its message and hint; anything else
 * is an internal bug, said to be one. Pages get a page, the API and forms sent by script get JSON.
 */
function answerError(ctx: WebContext, e: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = (e as { statusCode?: number }).statusCode;
  const user = e instanceof UserError ? e : status && status < 500 ? new UserError(chineseHttpError(e as Error)) : null;
  const api = req.url.startsWith('/api/') || req.method !== 'GET';
  if (user) {
    reply.code(status ?? 400);
    return api ? reply.send({ error: user.message, hint: user.hint }) : reply.type('text/html; charset=utf-8').send(ctx.views.render('error', '出错了', { message: user.message, hint: user.hint }));
  }
  reply.code(500);
  const message = internalErrorMessage(e);
  return api ? reply.send({ error: message, internal: true }) : reply.type('text/html; charset=utf-8').send(ctx.views.render('error', '程序内部错误', { message, internal: true, stack: e.stack }));
}

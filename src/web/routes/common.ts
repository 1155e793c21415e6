// What every page shares: the static assets, following a job again, and the downloads offered by id.
import type { FastifyPluginAsync } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { UserError } from '../../util/errors.ts';
import { followJob, sendFile } from '../http.ts';
import { WEB_DIR } from '../views.ts';
import type { WebContext } from '../context.ts';

const ASSET_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

export const commonRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  // Served locally: the 工作台 works offline.
  app.get('/assets/:name', async (req, reply) => {
    const name = (req.params as { name: string }).name;
    const file = join(WEB_DIR, 'assets', basename(name));
    if (!ASSET_TYPES[extname(name)] || !existsSync(file)) return reply.code(404).send('');
    return reply.type(ASSET_TYPES[extname(name)]!).send(readFileSync(file));
  });

  // A page reloaded while its work runs follows it again.
  app.get('/api/jobs/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!ctx.jobs.has(id)) return reply.code(404).send({ error: '这项操作的进度已不在工作台中（工作台可能已重启）。', hint: '操作的结果已记入台账，请刷新页面查看。' });
    return followJob(reply, ctx.jobs, id);
  });

  app.get('/download/:id', async (req, reply) => {
    const file = ctx.downloads.get((req.params as { id: string }).id);
    if (!file || !existsSync(file.path)) throw Object.assign(new UserError('下载链接已失效，请刷新页面后重试。'), { statusCode: 404 });
    return sendFile(reply, file.path, file.name);
  });
};

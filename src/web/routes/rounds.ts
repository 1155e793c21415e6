// 轮次: issue a round from a plan (the workbooks generated as a job the page follows), and the rounds issued, each
// with its workbooks as one zip and its 下发清单.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import { UserError } from '../../util/errors.ts';
import { attachment, headersOf } from '../http.ts';
import type { WebContext } from '../context.ts';
import { mailState } from './mail.ts';

interface IssueForm {
  plan?: string;
  round?: string;
  deadline?: string;
  contact?: string;
  password?: string;
  prefill?: boolean;
}

export const roundsRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws, downloads } = ctx;

  app.get('/rounds', async (req, reply) => {
    const { rounds, current } = await ctx.roundsAndCurrent(req);
    const { readSettings } = await import('../../ledger/settings.ts');
    const listed = rounds.map((r) => {
      const issued = ws.roundFolder(r.id, 'issued');
      const list = join(issued, '下发清单.xlsx');
      return { ...r, listId: existsSync(list) ? downloads.register(list, `下发清单_${r.id}.xlsx`) : null, zip: existsSync(issued) };
    });
    const mail = await mailState(ctx, ['smtp']);
    return ctx.page(reply, 'rounds', '轮次', { rounds: listed, round: current, plans: ws.plans.list(), contact: readSettings(ws.path).contact ?? '', roundId: current?.id, mail }, '/rounds');
  });

  app.post('/api/rounds', async (req, reply) => {
    const body = (req.body ?? {}) as IssueForm;
    if (!body.plan) throw new UserError('请选择任务清单。');
    if (!body.round) throw new UserError('请填写轮次，如 2025-Q3、2025-09、2025-H1 或 2025-年终。');
    const [{ parseRound }, { issueRound }] = await Promise.all([import('../../model/round.ts'), import('../../sheets/issue.ts')]);
    const { plan } = await ws.plans.get(body.plan);
    const round = parseRound(body.round.trim(), body.deadline?.trim() || undefined, { year: plan.year });
    const outDir = ws.roundFolder(round.id, 'issued');
    return ctx.streamed(reply, async (send) => {
      const onProgress = (done: number, total: number) => (done % 50 === 0 || done === total ? send({ progress: { done, total } }) : undefined);
      const result = (await ws.withLedger(true, (ledger) => issueRound(ledger, { plan, round, outDir, password: body.password || undefined, contact: body.contact || undefined, prefill: body.prefill !== false, onProgress })))!;
      send({ done: { round: round.id, label: round.label, deadline: round.deadline, files: result.files.length, unassigned: result.unassigned.map((u) => `${u.clause.id} ${u.task.lead}`) } });
    });
  });

  app.get('/rounds/:id/issued.zip', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const expected = await ws.withLedger(false, (ledger) => {
      ledger.requireRound(id);
      return ledger.expected(id);
    });
    if (!expected) throw new UserError('工作目录中还没有台账。');
    const dir = ws.roundFolder(id, 'issued');
    const files = [...expected.map((e) => e.file), '下发清单.xlsx'].filter((f) => existsSync(join(dir, f)));
    if (!files.length) throw new UserError(`轮次 ${id} 的调度表不在 ${dir}，无法打包下载。`, '可能是生成调度表时指定了其他输出目录：请到该目录取用。');
    return sendZip(reply, dir, files, `${id}_调度表.zip`);
  });
};

/** Files of one folder as a zip, streamed and stored (an xlsx is compressed already): memory does not grow with them. */
async function sendZip(reply: FastifyReply, dir: string, files: string[], name: string): Promise<FastifyReply> {
  reply.hijack();
  reply.raw.writeHead(200, { ...headersOf(reply), 'Content-Type': 'application/zip', 'Content-Disposition': attachment(name) });
  const zip = new Zip((err, chunk, final) => {
    if (err) return reply.raw.destroy(err);
    reply.raw.write(chunk);
    if (final) reply.raw.end();
  });
  for (const f of files) {
    const entry = new ZipPassThrough(f);
    entry.mtime = statSync(join(dir, f)).mtime;
    zip.add(entry);
    for await (const chunk of createReadStream(join(dir, f))) entry.push(chunk as Uint8Array);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  return reply;
}

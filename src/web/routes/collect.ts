// 收集: returned workbooks dropped on the page, kept as received in the round's inbox, and collected by the same
// stage as `taizhang collect`, each outcome streamed back as it comes.
import type { FastifyPluginAsync } from 'fastify';
import { basename, join } from 'node:path';
import { MB } from '../http.ts';
import { receiveInbox } from '../upload.ts';
import type { WebContext } from '../context.ts';
import { mailState } from './mail.ts';

export const collectRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws, downloads } = ctx;

  app.get('/collect', async (req, reply) => {
    const { rounds, current } = await ctx.roundsAndCurrent(req);
    const mail = await mailState(ctx, ['imap', 'smtp']);
    return ctx.page(reply, 'collect', '收集', { rounds, round: current, roundId: current?.id, mail }, '/collect');
  });

  app.post('/api/rounds/:id/collect', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    await ws.withLedger(false, (ledger) => ledger.requireRound(id));
    // The archive keeps the originals; the upload's folder says when and how they came.
    const { folder, files, tooLarge } = await receiveInbox(req, ws.roundFolder(id, 'inbox'));
    return ctx.streamed(reply, async (send) => {
      for (const name of tooLarge) send({ file: name, outcome: { kind: 'unusable', reason: `文件超过 ${ctx.maxFileBytes / MB} MB，远超调度表的正常大小，未收取` } });
      const { collect } = await import('../../collect/index.ts');
      await ws.withLedger(false, (ledger) =>
        collect({
          ledger,
          roundId: id,
          paths: files.map((f) => join(folder, f)),
          outDir: ws.roundFolder(id, 'collected'),
          now: ctx.options.now,
          onFile: (e) => {
            const outcome = e.outcome as Record<string, unknown>;
            // Derived files are offered by id; their paths stay on the server.
            const links = 'returnWorkbook' in outcome ? { returnWorkbookId: downloads.register(String(outcome.returnWorkbook)), receiptId: downloads.register(String(outcome.receipt)) } : {};
            const { returnWorkbook: _w, receipt: _r, ...rest } = outcome;
            send({ file: basename(e.file), outcome: { ...rest, ...links } });
          },
        }),
      );
    });
  });
};

// 催报: the units to urge with whom to call and their workbook to send again, and the notice to paste.
import type { FastifyPluginAsync } from 'fastify';
import type { WebContext } from '../context.ts';
import { mailState } from './mail.ts';

export const urgeRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws, downloads } = ctx;
  app.get('/urge', async (req, reply) => {
    const { rounds, current } = await ctx.roundsAndCurrent(req);
    if (!current) return ctx.page(reply, 'urge', '催报', { rounds }, '/urge');
    const until = (req.query as { until?: string }).until || undefined;
    const { urgeView, issuedWorkbook } = await import('../../workspace/views.ts');
    const view = (await ws.withLedger(false, (ledger) => urgeView(ledger, current.id, ws.today(), until)))!;
    const issued = ws.roundFolder(current.id, 'issued');
    // Each unit's workbook as a download, to send it again with the notice; plain text when it is not on disk.
    const list = view.list.map((u) => {
      const path = issuedWorkbook(issued, u.file);
      return { ...u, fileId: path ? downloads.register(path, u.file) : null };
    });
    const mail = await mailState(ctx, ['smtp']);
    return ctx.page(reply, 'urge', '催报', { rounds, round: current, roundId: current.id, today: ws.today(), until, list, notice: view.notice, mail }, '/urge');
  });
};

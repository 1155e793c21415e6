// 总览: who has reported in a round, filterable by state; and one unit's submissions with its issued workbook.
import type { FastifyPluginAsync } from 'fastify';
import { basename } from 'node:path';
import { UserError } from '../../util/errors.ts';
import { displayTime } from '../../util/time.ts';
import type { WebContext } from '../context.ts';

export const overviewRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws, downloads } = ctx;

  app.get('/', async (req, reply) => {
    const { rounds, current } = await ctx.roundsAndCurrent(req);
    if (!current) return ctx.page(reply, 'overview', '总览', { empty: true, hasLedger: ws.hasLedger() }, '/');
    const { roundBoard } = await import('../../workspace/views.ts');
    const { mailOverview } = await import('../../mail/overview.ts');
    const { board, mail } = (await ws.withLedger(false, (ledger) => ({ board: roundBoard(ledger, current.id, ws.today()), mail: mailOverview(ledger, current.id) })))!;
    // The mail columns appear once the round has gone out by mail: when each unit's workbook went, when its reply came.
    const byUnit = new Map(mail.map((m) => [m.unit, m]));
    const hasMail = mail.some((m) => m.sentAt || m.repliedAt);
    const at = (iso: string | null | undefined) => (iso ? displayTime(iso) : '');
    const receipts = board.receipts.map((r) => ({ ...r, when: at(r.receivedAt), mailSent: at(byUnit.get(r.unit)?.sentAt), mailReplied: at(byUnit.get(r.unit)?.repliedAt) }));
    return ctx.page(reply, 'overview', '总览', { rounds, round: current, roundId: current.id, today: ws.today(), ...board, receipts, hasMail }, '/');
  });

  app.get('/units/:unit', async (req, reply) => {
    const unit = (req.params as { unit: string }).unit;
    const { current } = await ctx.roundsAndCurrent(req);
    if (!current) throw new UserError('台账中还没有轮次。');
    const [{ unitHistory, issuedWorkbook }] = await Promise.all([import('../../workspace/views.ts')]);
    const { submissions, issued } = (await ws.withLedger(false, (ledger) => unitHistory(ledger, current.id, unit)))!;
    const history = submissions.map((s) => ({
      ...s,
      when: displayTime(s.receivedAt),
      file: basename(s.originalPath),
      archiveId: downloads.register(s.archivePath, basename(s.originalPath)),
    }));
    // The unit's own workbook of this round, for the clerk who sends it again by hand.
    const issuedPath = issuedWorkbook(ws.roundFolder(current.id, 'issued'), issued);
    const issuedId = issuedPath ? downloads.register(issuedPath, issued!) : null;
    return ctx.page(reply, 'unit', unit, { unit, round: current, roundId: current.id, history, issuedId }, '/');
  });
};

// 名录: the unit registry (单位名录) — every unit with 联系人, 电话, 邮箱 and what is missing; a 通讯录 imported, one
// unit edited in place, the registry exported for editing, and the contacts units wrote in their workbooks offered.
import type { FastifyPluginAsync } from 'fastify';
import { basename } from 'node:path';
import { displayTime } from '../../util/time.ts';
import { UserError } from '../../util/errors.ts';
import { attachment, contentType } from '../http.ts';
import { receiveOne } from '../upload.ts';
import type { WebContext } from '../context.ts';

export const registryRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws } = ctx;
  /** What the last import did, shown once on the page it leads to. */
  let lastImport: Record<string, unknown> | null = null;

  app.get('/registry', async (_req, reply) => {
    const { listUnits } = await import('../../units/index.ts');
    const listing = await ws.withLedger(false, (ledger) => listUnits(ledger));
    const units = (listing?.units ?? []).map((u) => ({ unit: u.unit, contact: u.registered?.contact ?? '', phone: u.registered?.phone ?? '', emails: u.registered?.emails.join('；') ?? '', missing: u.missing.join('、') }));
    const offers = (listing?.offers ?? []).map((o) => ({ ...o, file: basename(o.file), when: displayTime(o.receivedAt) }));
    const missingMail = units.filter((u) => !u.emails).length;
    const shown = lastImport;
    lastImport = null;
    return ctx.page(reply, 'registry', '单位名录', { units, extra: listing?.extra ?? [], offers, missingMail, imported: shown, hasUnits: units.length > 0 }, '/registry');
  });

  app.post('/registry/import', async (req, reply) => {
    const saved = await receiveOne(req, ws.path, ctx.maxFileBytes, ['.xlsx'], '通讯录');
    const { importUnits } = await import('../../units/index.ts');
    const result = await ws.withLedger(false, (ledger) => importUnits(ledger, saved.path)).finally(saved.cleanup);
    if (!result) throw new UserError('工作目录中还没有台账。', '请先在“轮次”页面建立轮次。');
    lastImport = { file: basename(result.file), added: result.added.length, changed: result.changed, unchanged: result.unchanged, unknown: result.unknown, problems: result.problems };
    return reply.redirect('/registry', 303);
  });

  app.post('/api/registry/units/:unit', async (req) => {
    const unit = (req.params as { unit: string }).unit;
    const body = (req.body ?? {}) as { contact?: string; phone?: string; emails?: string };
    const { editUnit } = await import('../../units/index.ts');
    const saved = await ws.withLedger(false, (ledger) => editUnit(ledger, unit, { contact: body.contact ?? '', phone: body.phone ?? '', emails: body.emails ?? '' }));
    if (!saved) throw new UserError('工作目录中还没有台账。');
    return { saved: true, unit: saved.unit, emails: saved.emails };
  });

  app.post('/api/registry/offers', async (req) => {
    const units = ((req.body ?? {}) as { units?: unknown }).units;
    if (!Array.isArray(units) || !units.length || !units.every((u) => typeof u === 'string')) throw new UserError('请勾选要采用的联系人更新。');
    const { acceptOffers } = await import('../../units/index.ts');
    const applied = await ws.withLedger(false, (ledger) => acceptOffers(ledger, units as string[]));
    return { applied: (applied ?? []).map((o) => o.unit) };
  });

  app.get('/registry/export.xlsx', async (_req, reply) => {
    const { exportUnits } = await import('../../units/index.ts');
    const bytes = await ws.withLedger(false, (ledger) => exportUnits(ledger));
    if (!bytes) throw new UserError('工作目录中还没有台账。');
    reply.header('Content-Disposition', attachment('单位名录.xlsx'));
    return reply.type(contentType('单位名录.xlsx')).send(Buffer.from(bytes));
  });
};

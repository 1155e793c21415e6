// `mail send` and `mail remind` as services: one message per unit to its registered addresses, each unit's result
// returned (a page shows them as they come through onUnit), each message booked in the ledger once it is sent.
import type { Transporter } from 'nodemailer';
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { loadReceipts, needsUrging } from '../consolidate/index.ts';
import { urgeNotice } from '../consolidate/status.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Settings } from '../model/settings.ts';
import { derivedPaths } from '../collect/index.ts';
import { safeFileName } from '../sheets/assign.ts';
import { registeredUnits } from '../units/store.ts';
import { UserError } from '../util/errors.ts';
import { beijingToday, cnDate } from '../util/time.ts';
import { mailServerError, mailSettings, requireSettings, type MailSettings } from './config.ts';
import { recordSent, sentOf } from './store.ts';
import { openSmtp } from './transport.ts';

/** What a mail command needs: the ledger, the workspace's settings, and the password (null when no login is set). */
export interface MailContext {
  ledger: Ledger;
  workspace: string;
  settings: Settings;
  password: string | null;
  now?: () => Date;
  /** An SMTP transport already open (the 工作台 may keep one); otherwise one is opened and closed per call. */
  transport?: Transporter;
}

/** One unit's result of a send or a reminder, as a page lists it. */
export interface UnitMailResult {
  unit: string;
  outcome: 'sent' | 'dry-run' | 'already' | 'no-address' | 'no-file' | 'failed';
  addresses: string[];
  /** What happened beyond the outcome, in words for the coordinator (addresses refused, when it was sent before…): empty
   * for a plain 已发送, which the outcome says already. */
  detail: string;
  messageId?: string;
}

/** The 落款 and 联系人 lines every message ends with. */
export function signature(ctx: MailContext, issuer: string, now: Date): string {
  return [...(ctx.settings.contact ? [`联系人：${ctx.settings.contact}`, ''] : []), ctx.settings.issuer ?? issuer, cnDate(beijingToday(now))].join('\n');
}

/** The units a command works on: the round's, or the named ones, each checked against the round. */
function chosenUnits(ledger: Ledger, roundId: string, units: string[] | undefined): { unit: string; file: string }[] {
  const expected = ledger.expected(roundId);
  if (!units?.length) return expected;
  const unknown = units.filter((u) => !expected.some((e) => e.unit === u));
  if (unknown.length) throw new UserError(`轮次 ${roundId} 中没有单位：${unknown.join('、')}。`, `本轮应报单位：${expected.map((e) => e.unit).join('、')}。`);
  return expected.filter((e) => units.includes(e.unit));
}

/** Opens the context's transport, or uses the one given; closes only what it opened. */
async function withTransport<T>(ctx: MailContext, s: MailSettings, body: (t: Transporter) => Promise<T>): Promise<T> {
  if (ctx.transport) return body(ctx.transport);
  const transport = await openSmtp(s.smtp!, ctx.password);
  try {
    return await body(transport);
  } finally {
    transport.close();
  }
}

/**
 * Sends one message to one unit. A refusal of the whole connection (server gone, login lost) stops the run with
 * its Chinese message; a refusal of addresses is this unit's result, and the others still go.
 */
async function sendOne(transport: Transporter, s: MailSettings, message: Parameters<Transporter['sendMail']>[0]): Promise<{ messageId: string; accepted: string[]; rejected: string[] } | { error: string }> {
  try {
    const info = await transport.sendMail({ ...message, from: s.from!.text });
    const list = (x: unknown) => ((x as (string | { address: string })[] | undefined) ?? []).map((a) => (typeof a === 'string' ? a : a.address));
    return { messageId: info.messageId, accepted: list(info.accepted), rejected: list(info.rejected) };
  } catch (e) {
    const err = e as { code?: string; response?: string; rejected?: unknown[] };
    if (err.code === 'EENVELOPE' || err.code === 'EMESSAGE') return { error: `服务器拒收${err.response ? `（${err.response.slice(0, 200)}）` : ''}` };
    throw mailServerError(e, s.smtp!) ?? e;
  }
}

export interface SendOptions {
  roundId: string;
  units?: string[];
  dryRun?: boolean;
  /** Where the round's workbooks are, when `sheets generate -o` put them elsewhere than `<工作目录>/<轮次>/下发`. */
  workbookDir?: string;
  onUnit?: (r: UnitMailResult) => void;
}

/** `mail send`: each unit its workbook, once; a second run sends only what was not sent. */
export async function sendRound(ctx: MailContext, o: SendOptions): Promise<UnitMailResult[]> {
  const s = mailSettings(ctx.settings);
  requireSettings(s, o.dryRun ? ['from'] : ['smtp', 'from']);
  const round = ctx.ledger.requireRound(o.roundId);
  const plan = ctx.ledger.planByHash(round.planHash);
  const now = ctx.now ?? (() => new Date());
  const registry = new Map(registeredUnits(ctx.ledger).map((u) => [u.unit, u]));
  const sent = new Map(sentOf(ctx.ledger, round.id, 'workbook').map((x) => [x.unit, x]));
  const dir = o.workbookDir ?? join(ctx.workspace, safeFileName(round.id), '下发');
  const results: UnitMailResult[] = [];
  const emit = (r: UnitMailResult) => {
    results.push(r);
    o.onUnit?.(r);
  };
  const todo: { unit: string; file: string; emails: string[] }[] = [];
  for (const e of chosenUnits(ctx.ledger, round.id, o.units)) {
    const before = sent.get(e.unit);
    const emails = registry.get(e.unit)?.emails ?? [];
    const file = isAbsolute(e.file) ? e.file : join(dir, e.file);
    if (before) emit({ unit: e.unit, outcome: 'already', addresses: before.addresses, detail: `已于 ${before.sentAt} 发送，不再重发`, messageId: before.messageId });
    else if (!emails.length) emit({ unit: e.unit, outcome: 'no-address', addresses: [], detail: '单位名录中没有邮箱，未发送；请用 npx taizhang units import 登记后再发' });
    else if (!existsSync(file)) emit({ unit: e.unit, outcome: 'no-file', addresses: emails, detail: `找不到调度表 ${file}，未发送；如调度表生成在其他目录，请用 --from 指定` });
    else todo.push({ unit: e.unit, file, emails });
  }
  if (o.dryRun) {
    for (const t of todo) emit({ unit: t.unit, outcome: 'dry-run', addresses: t.emails, detail: `将发送 ${basename(t.file)}` });
    return results;
  }
  if (!todo.length) return results;
  const issuer = plan?.issuer ?? '';
  await withTransport(ctx, s, async (transport) => {
    for (const t of todo) {
      const at = now();
      const subject = `关于报送${round.label}重点工作调度表的通知（${t.unit}）`;
      const text = [
        `${t.unit}：`,
        '',
        `现将${plan ? `《${plan.title}》` : ''}${round.label}重点工作调度表发给你们（见附件），请按表中“填报说明”逐项如实填写，于${cnDate(round.deadline)}前直接回复本邮件报送。`,
        '',
        '报送时请在附件原表中填写，回复时附上填好的调度表即可，文件名可以修改；请勿另建表格或改动表格结构。收到后系统将自动回复回执；如有问题，将随回执附上退回重报表。',
        '',
        signature(ctx, issuer, at),
      ].join('\n');
      const r = await sendOne(transport, s, { to: t.emails, subject, text, attachments: [{ filename: basename(t.file), content: readFileSync(t.file) }] });
      if ('error' in r) {
        emit({ unit: t.unit, outcome: 'failed', addresses: t.emails, detail: r.error });
        continue;
      }
      recordSent(ctx.ledger, { roundId: round.id, unit: t.unit, kind: 'workbook', addresses: r.accepted, messageId: r.messageId, sentAt: at.toISOString(), day: beijingToday(at), inReplyTo: null });
      emit({ unit: t.unit, outcome: 'sent', addresses: r.accepted, detail: r.rejected.length ? `以下地址被服务器拒收：${r.rejected.join('、')}` : '', messageId: r.messageId });
    }
  });
  return results;
}

export interface RemindOptions {
  roundId: string;
  /** The date deadlines are judged against (the CLI's --today). */
  today: string;
  /** The new date given in the notice once the deadline is past (`--until`). */
  until?: string;
  /** Remind again a unit reminded earlier today. */
  force?: boolean;
  dryRun?: boolean;
  workbookDir?: string;
  onUnit?: (r: UnitMailResult) => void;
}

/**
 * `mail remind`: a 催报 to each unit not yet reported or returned, in the words `status` gives (urgeNotice), with
 * the workbook (or the 退回重报 workbook) attached; at most once per unit per day unless `force`.
 */
export async function remindRound(ctx: MailContext, o: RemindOptions): Promise<UnitMailResult[]> {
  const s = mailSettings(ctx.settings);
  requireSettings(s, o.dryRun ? ['from'] : ['smtp', 'from']);
  const { round, receipts } = loadReceipts(ctx.ledger, o.roundId, o.today);
  const plan = ctx.ledger.planByHash(round.planHash);
  const now = ctx.now ?? (() => new Date());
  const registry = new Map(registeredUnits(ctx.ledger).map((u) => [u.unit, u]));
  const remindedToday = new Map(sentOf(ctx.ledger, round.id, 'remind').filter((x) => x.day === beijingToday(now())).map((x) => [x.unit, x]));
  const files = new Map(ctx.ledger.expected(round.id).map((e) => [e.unit, e.file]));
  const dir = o.workbookDir ?? join(ctx.workspace, safeFileName(round.id), '下发');
  const results: UnitMailResult[] = [];
  const emit = (r: UnitMailResult) => {
    results.push(r);
    o.onUnit?.(r);
  };
  const todo: { unit: string; emails: string[]; notice: string; attachment: string | null; returned: boolean }[] = [];
  for (const r of receipts.filter(needsUrging)) {
    const emails = registry.get(r.unit)?.emails ?? [];
    const before = remindedToday.get(r.unit);
    if (before && !o.force) {
      emit({ unit: r.unit, outcome: 'already', addresses: before.addresses, detail: `今天已催报过（${before.sentAt}），不再重发；确需再发请加 --force` });
      continue;
    }
    if (!emails.length) {
      emit({ unit: r.unit, outcome: 'no-address', addresses: [], detail: `单位名录中没有邮箱，未发送${registry.get(r.unit)?.phone ? `；电话 ${registry.get(r.unit)!.phone}` : ''}` });
      continue;
    }
    const returned = r.state === '退回';
    const issued = files.get(r.unit);
    const candidate = returned ? derivedPaths(join(ctx.workspace, safeFileName(round.id), '收集'), r.unit, round.id).returnWorkbook : issued ? (isAbsolute(issued) ? issued : join(dir, issued)) : null;
    todo.push({ unit: r.unit, emails, notice: urgeNotice([r], round, o.today, o.until), attachment: candidate && existsSync(candidate) ? candidate : null, returned });
  }
  if (o.dryRun) {
    for (const t of todo) emit({ unit: t.unit, outcome: 'dry-run', addresses: t.emails, detail: t.notice });
    return results;
  }
  if (!todo.length) return results;
  await withTransport(ctx, s, async (transport) => {
    for (const t of todo) {
      const at = now();
      const text = [`${t.unit}：`, '', t.notice, '', t.attachment ? (t.returned ? '退回重报表见附件，请按红色单元格的批注修改后直接回复本邮件报送。' : '调度表见附件，请填写后直接回复本邮件报送。') : '请直接回复本邮件报送。', '', signature(ctx, plan?.issuer ?? '', at)].join('\n');
      const r = await sendOne(transport, s, {
        to: t.emails,
        subject: `催报：${round.label}重点工作调度表（${t.unit}）`,
        text,
        attachments: t.attachment ? [{ filename: basename(t.attachment), content: readFileSync(t.attachment) }] : [],
      });
      if ('error' in r) {
        emit({ unit: t.unit, outcome: 'failed', addresses: t.emails, detail: r.error });
        continue;
      }
      recordSent(ctx.ledger, { roundId: round.id, unit: t.unit, kind: 'remind', addresses: r.accepted, messageId: r.messageId, sentAt: at.toISOString(), day: beijingToday(at), inReplyTo: null });
      emit({ unit: t.unit, outcome: 'sent', addresses: r.accepted, detail: r.rejected.length ? `以下地址被服务器拒收：${r.rejected.join('、')}` : '', messageId: r.messageId });
    }
  });
  return results;
}

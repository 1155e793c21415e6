// The mailbox loop's actions, each a job a page follows: 邮件下发 (轮次 page), 从邮箱收取 (收集 page), 邮件催报
// (催报 page); and the 设置 page's mail settings. The password is asked in the page and held in memory (mail-session.ts).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { MailContext } from '../../mail/send.ts';
import type { Ledger } from '../../ledger/ledger.ts';
import { UserError } from '../../util/errors.ts';
import { displayTime } from '../../util/time.ts';
import type { WebContext } from '../context.ts';

interface MailBody {
  password?: string;
  dryRun?: boolean;
  force?: boolean;
  until?: string;
}

type Send = (line: Record<string, unknown>) => void;

/** What a page shows of the mail setup: whether the servers are set, and whether it must ask for the password. */
export async function mailState(ctx: WebContext, servers: ('imap' | 'smtp')[]): Promise<{ configured: boolean; askPassword: boolean }> {
  const [{ readSettings }, { needsLogin }] = await Promise.all([import('../../ledger/settings.ts'), import('../../workspace/mail.ts')]);
  const s = readSettings(ctx.ws.path);
  const configured = !!s.mailFrom && servers.every((n) => !!(n === 'imap' ? s.imapServer : s.smtpServer));
  return { configured, askPassword: configured && needsLogin(s, servers) && !ctx.mail.known() };
}

/**
 * Runs a mail command as a job: the password taken from the form (kept for the session), checked present when a
 * server asks for a login, and forgotten again when the server refuses it.
 */
async function mailJob(ctx: WebContext, reply: FastifyReply, roundId: string, body: MailBody, servers: ('imap' | 'smtp')[], work: (m: MailContext, send: Send) => Promise<void>): Promise<FastifyReply> {
  const [{ readSettings }, { needsLogin }] = await Promise.all([import('../../ledger/settings.ts'), import('../../workspace/mail.ts')]);
  await ctx.ws.withLedger(false, (ledger) => ledger.requireRound(roundId));
  ctx.mail.set(body.password);
  const settings = readSettings(ctx.ws.path);
  const login = needsLogin(settings, servers);
  if (login && !ctx.mail.known()) throw new UserError('需要邮箱口令。', '请在本页输入邮箱口令后重试。口令只保存在本次运行的工作台中，不写入任何文件。');
  return ctx.streamed(reply, async (send) => {
    try {
      await ctx.ws.withLedger(false, (ledger: Ledger) => work({ ledger, workspace: ctx.ws.path, settings, password: login ? ctx.mail.get() : null, now: ctx.options.now }, send));
    } catch (e) {
      if (e instanceof UserError && /拒绝登录/.test(e.message)) ctx.mail.forget();
      throw e;
    }
  });
}

const roundOf = (params: unknown) => (params as { id: string }).id;
const bodyOf = (body: unknown) => (body ?? {}) as MailBody;

export const mailRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  app.post('/api/rounds/:id/mail/send', async (req, reply) => {
    const body = bodyOf(req.body);
    return mailJob(ctx, reply, roundOf(req.params), body, body.dryRun ? [] : ['smtp'], async (m, send) => {
      const [{ sendRound }, { unitResultWords }] = await Promise.all([import('../../mail/send.ts'), import('../../workspace/mail.ts')]);
      const results = await sendRound(m, { roundId: roundOf(req.params), dryRun: body.dryRun, onUnit: (r) => send({ unit: unitResultWords(r) }) });
      send({ done: tally(results.map((r) => r.outcome)), dryRun: !!body.dryRun });
    });
  });

  app.post('/api/rounds/:id/mail/remind', async (req, reply) => {
    const body = bodyOf(req.body);
    const { parseNewDeadline } = await import('../../util/time.ts');
    const until = body.until ? parseNewDeadline(body.until, '“新的报送期限”', ctx.ws.today(), '新的报送期限') : undefined;
    return mailJob(ctx, reply, roundOf(req.params), body, body.dryRun ? [] : ['smtp'], async (m, send) => {
      const [{ remindRound }, { unitResultWords }] = await Promise.all([import('../../mail/send.ts'), import('../../workspace/mail.ts')]);
      const results = await remindRound(m, { roundId: roundOf(req.params), today: ctx.ws.today(), until, force: !!body.force, dryRun: body.dryRun, onUnit: (r) => send({ unit: unitResultWords(r) }) });
      send({ done: tally(results.map((r) => r.outcome)), dryRun: !!body.dryRun });
    });
  });

  app.post('/api/rounds/:id/mail/collect', async (req, reply) => {
    const body = bodyOf(req.body);
    const { parseNewDeadline } = await import('../../util/time.ts');
    const until = body.until ? parseNewDeadline(body.until, '“重新报送期限”', ctx.ws.today(), '重新报送期限') : undefined;
    return mailJob(ctx, reply, roundOf(req.params), body, ['imap', 'smtp'], async (m, send) => {
      const { collectMail } = await import('../../mail/collect.ts');
      const results = await collectMail(m, { roundId: roundOf(req.params), until, onMessage: (r) => send({ message: { ...r, receivedAt: displayTime(r.receivedAt), files: r.files.map(({ returnWorkbook: _w, ...f }) => f) } }) });
      send({ done: tally(results.map((r) => (r.kind === 'submission' ? 'submission' : 'left'))) });
    });
  });

  app.get('/settings', async (_req, reply) => {
    const { mailForm } = await import('../../workspace/mail.ts');
    const state = await mailState(ctx, ['imap', 'smtp']);
    return ctx.page(reply, 'settings', '设置', { mail: mailForm(ctx.ws.path), passwordKnown: ctx.mail.known(), ...state }, '/settings');
  });

  app.post('/api/settings/mail', async (req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const { saveMailForm } = await import('../../workspace/mail.ts');
    await saveMailForm(ctx.ws.path, { imapServer: body.imapServer, smtpServer: body.smtpServer, mailFrom: body.mailFrom });
    ctx.mail.set(body.password);
    return { saved: true, passwordKnown: ctx.mail.known() };
  });
};

/** Counts of each outcome, for the line a page ends a job with. */
function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

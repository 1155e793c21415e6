// The mail loop as the 工作台 uses it: the mail settings as a form (saved checked as `config set` checks them, the
// password never among them), whether a login is needed, and a unit's result in a page's words (no command names).
import { readSettings, writeSettings } from '../ledger/settings.ts';
import { checkMailSetting, mailSettings } from '../mail/config.ts';
import type { UnitMailResult } from '../mail/send.ts';
import type { Settings } from '../model/settings.ts';
import { displayTime } from '../util/time.ts';

export const MAIL_FIELDS = ['imapServer', 'smtpServer', 'mailFrom'] as const;
export type MailForm = Record<(typeof MAIL_FIELDS)[number], string>;

/** The three mail settings as the 设置 page shows them; unset ones empty. */
export function mailForm(workspace: string): MailForm {
  const s = readSettings(workspace);
  return { imapServer: s.imapServer ?? '', smtpServer: s.smtpServer ?? '', mailFrom: s.mailFrom ?? '' };
}

/** Saves the form: each value checked as `config set` checks it; an emptied field removes the setting. */
export async function saveMailForm(workspace: string, form: Partial<MailForm>): Promise<void> {
  const settings: Settings = { ...readSettings(workspace) };
  for (const key of MAIL_FIELDS) {
    const value = (form[key] ?? '').trim();
    if (value) {
      checkMailSetting(key, value);
      settings[key] = value;
    } else delete settings[key];
  }
  await writeSettings(workspace, settings);
}

/** Whether the servers a command talks to ask for a login (and so a password); unreadable settings say no here. */
export function needsLogin(settings: Settings, servers: ('imap' | 'smtp')[]): boolean {
  try {
    const s = mailSettings(settings);
    return servers.some((n) => !!s[n]?.user);
  } catch {
    return false;
  }
}

/** What a clerk reads for one unit's result: the CLI's wording with the page's own controls instead of options. */
export function unitResultWords(r: UnitMailResult): UnitMailResult {
  const detail = r.detail
    .replace(/；请用 npx taizhang units import 登记后再发$/, '；请在“名录”页登记邮箱后再发')
    .replace(/；如调度表生成在其他目录，请用 --from 指定$/, '；请在“轮次”页重新生成调度表')
    .replace(/；确需再发请加 --force$/, '；确需再发请勾选“今天已催报过的单位也再发一次”')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, (iso) => displayTime(iso));
  return { ...r, detail };
}

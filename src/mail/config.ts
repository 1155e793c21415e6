// The mail settings (收件服务器, 发件服务器, 发件人) read into connection options, the password (never stored), and
// what a server's refusal means in Chinese: down, wrong password, certificate.
import { existsSync, readFileSync } from 'node:fs';
import type { Settings } from '../model/settings.ts';
import { UserError } from '../util/errors.ts';

export interface ServerAddress {
  protocol: 'imap' | 'imaps' | 'smtp' | 'smtps';
  host: string;
  port: number;
  /** The login, when the URL names one (an address such as zhb@x.gov.cn may be written with its @ as is). */
  user: string | null;
  /** TLS from the first byte (imaps, smtps); otherwise STARTTLS. */
  secure: boolean;
}

export interface MailSettings {
  imap: ServerAddress | null;
  smtp: ServerAddress | null;
  /** The From line as set, and its address alone (the office's own address: never answered). */
  from: { text: string; address: string } | null;
}

const DEFAULT_PORTS = { imap: 143, imaps: 993, smtp: 587, smtps: 465 };
const SETTING = { imapServer: '收件服务器', smtpServer: '发件服务器', mailFrom: '发件人' } as const;

/** Reads `imaps://user@host:993`; the user part may itself hold an @ (`imaps://zhb@x.gov.cn@mail.x.gov.cn`). */
export function parseServer(text: string, kind: 'imap' | 'smtp'): ServerAddress {
  const name = kind === 'imap' ? SETTING.imapServer : SETTING.smtpServer;
  const example = kind === 'imap' ? 'imaps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:993' : 'smtps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:465';
  const m = /^([a-z]+):\/\/(?:(.*)@)?([^@/:\s]+)(?::(\d{1,5}))?\/?$/i.exec(text.trim());
  const protocol = m?.[1]?.toLowerCase();
  if (!m || !protocol || !(protocol === kind || protocol === `${kind}s`)) {
    throw new UserError(`设置“${name}”的值“${text}”不是${kind === 'imap' ? '收件（IMAP）' : '发件（SMTP）'}服务器地址。`, `请写成“${example}”的形式${kind === 'smtp' ? '（587 端口用 smtp://，STARTTLS 加密）' : '（143 端口用 imap://，STARTTLS 加密）'}。`);
  }
  let user = m[2] ? decodeURIComponent(m[2]) : null;
  if (user?.includes(':')) {
    throw new UserError(`设置“${name}”中含有口令（“用户名:口令”的写法）。口令不保存在设置文件中。`, `请去掉口令，写成“${example}”；口令在运行时输入，或放在环境变量 TAIZHANG_MAIL_PASSWORD 中。`);
  }
  if (user === '') user = null;
  const port = m[4] ? Number(m[4]) : DEFAULT_PORTS[protocol as keyof typeof DEFAULT_PORTS];
  if (!(port > 0 && port < 65536)) throw new UserError(`设置“${name}”中的端口“${m[4]}”无效。`, `请写成“${example}”的形式。`);
  return { protocol: protocol as ServerAddress['protocol'], host: m[3]!, port, user, secure: protocol.endsWith('s') };
}

/** Reads `综合处 <zhb@x.gov.cn>` or a bare address. */
export function parseFrom(text: string): { text: string; address: string } {
  const m = /^\s*(?:(.*?)\s*<([^<>\s]+@[^<>\s]+\.[^<>\s]+)>|([^<>\s]+@[^<>\s]+\.[^<>\s]+))\s*$/.exec(text);
  if (!m) throw new UserError(`设置“${SETTING.mailFrom}”的值“${text}”不是有效的发件人。`, '请写成“综合处 <zhb@jnepb.gov.cn>”或“zhb@jnepb.gov.cn”。');
  return { text: text.trim(), address: (m[2] ?? m[3]!).toLowerCase() };
}

/** Checks a mail setting as `config set` writes it, so a mistake is named then rather than at the first send. */
export function checkMailSetting(key: keyof Settings, value: string): void {
  if (key === 'imapServer') parseServer(value, 'imap');
  if (key === 'smtpServer') parseServer(value, 'smtp');
  if (key === 'mailFrom') parseFrom(value);
}

export function mailSettings(settings: Settings): MailSettings {
  return {
    imap: settings.imapServer ? parseServer(settings.imapServer, 'imap') : null,
    smtp: settings.smtpServer ? parseServer(settings.smtpServer, 'smtp') : null,
    from: settings.mailFrom ? parseFrom(settings.mailFrom) : null,
  };
}

/** The settings a command needs, each missing one named with the command that sets it. */
export function requireSettings(s: MailSettings, needs: ('imap' | 'smtp' | 'from')[]): void {
  const missing = needs.filter((n) => !s[n]);
  if (!missing.length) return;
  const words = { imap: `${SETTING.imapServer}（如 imaps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:993）`, smtp: `${SETTING.smtpServer}（如 smtps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:465）`, from: `${SETTING.mailFrom}（如 综合处 <zhb@jnepb.gov.cn>）` };
  const names = { imap: SETTING.imapServer, smtp: SETTING.smtpServer, from: SETTING.mailFrom };
  throw new UserError(
    `尚未设置邮箱：缺少${missing.map((n) => words[n]).join('、')}。`,
    missing.map((n) => `npx taizhang config set ${names[n]} "…"`).join('；'),
  );
}

/**
 * Trusted certificates beyond the system's: an office whose mail server uses its own certificate authority names
 * its certificate file in TAIZHANG_MAIL_CA.
 */
export function tlsOptions(host: string): { ca?: Buffer; servername?: string } {
  const file = process.env.TAIZHANG_MAIL_CA;
  const servername = /^[\d.]+$|:/.test(host) ? undefined : host;
  if (!file) return { servername };
  if (!existsSync(file)) throw new UserError(`环境变量 TAIZHANG_MAIL_CA 指定的证书文件“${file}”不存在。`, '请改为邮件服务器证书（或其签发机构证书）的 .pem 文件路径，或取消该环境变量。');
  return { ca: readFileSync(file), servername };
}

let asked: string | undefined;

/**
 * The mailbox password: TAIZHANG_MAIL_PASSWORD, else asked once on the terminal with the input hidden. It is never
 * written anywhere; the 工作台 passes it in from its session.
 */
export async function mailPassword(): Promise<string> {
  if (process.env.TAIZHANG_MAIL_PASSWORD) return process.env.TAIZHANG_MAIL_PASSWORD;
  if (asked !== undefined) return asked;
  if (!process.stdin.isTTY) {
    throw new UserError('需要邮箱口令，但没有可输入口令的终端。', '请设置环境变量 TAIZHANG_MAIL_PASSWORD（口令不会写入设置文件），或在终端中直接运行本命令。');
  }
  asked = await readHidden('邮箱口令（输入时不显示）：');
  return asked;
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let text = '';
    const done = (e?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (e) reject(e);
      else resolve(text);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UserError('已取消。'));
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * What went wrong talking to a mail server, for the coordinator: the server down or unreachable, the password
 * refused, the certificate not trusted. Anything else is returned as null (a bug, or a refusal of one message).
 */
export function mailServerError(e: unknown, server: ServerAddress): UserError | null {
  const err = e as { code?: string; message?: string; authenticationFailed?: boolean; responseCode?: number; response?: string; responseText?: string; cause?: unknown };
  const where = `${server.protocol.startsWith('imap') ? '收件服务器' : '发件服务器'} ${server.host}:${server.port}`;
  const code = err?.code ?? '';
  const text = `${err?.message ?? ''} ${err?.response ?? ''} ${err?.responseText ?? ''}`;
  const setting = server.protocol.startsWith('imap') ? SETTING.imapServer : SETTING.smtpServer;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|UNABLE_TO_GET_ISSUER/.test(code) || /certificate/i.test(text)) {
    return new UserError(
      `${where} 的安全证书未通过验证：${/expired/i.test(text) || code === 'CERT_HAS_EXPIRED' ? '证书已过期' : /ALTNAME|altnames|Hostname/i.test(code + text) ? '证书上的名称与服务器地址不符' : '证书不是受信任的机构签发的，可能是自签名证书'}。为安全起见未连接。`,
      `请核对“${setting}”中的服务器名称是否与邮件服务商提供的一致；如单位邮箱使用自建证书，请向信息中心索取证书文件（.pem），并设置环境变量 TAIZHANG_MAIL_CA=证书文件路径。`,
    );
  }
  if (err?.authenticationFailed || code === 'EAUTH' || /AUTHENTICATIONFAILED|authentication failed|535/i.test(text)) {
    return new UserError(`${where} 拒绝登录：用户名或口令不正确${server.user ? `（用户名 ${server.user}）` : ''}。`, `请核对“${setting}”中的用户名和环境变量 TAIZHANG_MAIL_PASSWORD 中的口令（部分政务邮箱须使用“客户端授权码”而非网页登录口令）。`);
  }
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ESOCKET|ECONNECTION|EPIPE|NoConnection|CONNECT_TIMEOUT|GREETING_TIMEOUT|ETIMEOUT/.test(code) || /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|timed? ?out|Connection closed|Unexpected close/i.test(text)) {
    const why = /ENOTFOUND|EAI_AGAIN/.test(code + text) ? '找不到该服务器（域名无法解析）' : /TIMEDOUT|TIMEOUT|timed? ?out/i.test(code + text) ? '连接超时' : /ECONNREFUSED/.test(code + text) ? '连接被拒绝（服务器未开启或端口不对）' : '连接中断';
    return new UserError(`无法连接${where}：${why}。`, `请检查网络和“${setting}”设置中的服务器名称、端口（收件常用 993/imaps，发件常用 465/smtps 或 587/smtp），或稍后重试。`);
  }
  return null;
}

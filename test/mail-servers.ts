// Real mail servers for the mail tests: Debian's dovecot (IMAP) and postfix (SMTP) on 127.0.0.1, each with a
// private configuration under a temporary folder, so that a test never touches the machine's own mail setup.
// postfix delivers straight into Maildir folders (its virtual agent) which dovecot serves; no protocol is mocked.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Ledger } from '../src/ledger/ledger.ts';
import { issuedWorkspace, jinanPlan, PYTHON, ROOT, run, tempDir } from './helpers.ts';

export const MAIL_DOMAIN = 'test.gov.cn';
export const PASSWORD = 'Ceshi-pw1';
/** The office's own mailbox, where the units' replies go. */
export const OFFICE = `office@${MAIL_DOMAIN}`;
/** A unit's mailbox by its place in the round: u01, u02, …. */
export const mailbox = (i: number) => `u${String(i + 1).padStart(2, '0')}`;

/** A message as test/fixtures/mailbox.py (imaplib, openpyxl) reads it back from a mailbox. */
export interface Mail {
  uid: number;
  subject: string;
  from: string;
  to: string;
  in_reply_to: string;
  message_id: string;
  auto_submitted: string;
  text: string;
  attachments: { name: string; size: number; sheets?: Record<string, unknown[][]> }[];
}

/** What a unit sends the office (test/fixtures/mailbox.py send, through postfix). */
export interface Outgoing {
  from: string;
  subject: string;
  raw_subject?: string;
  text?: string;
  html?: string;
  attachments?: string[];
  names?: Record<string, string>;
  headers?: Record<string, string>;
}
/** The uid that owns the Maildirs: postfix's virtual agent writes as it, dovecot reads as it. */
const MAIL_UID = 65534;

export interface MailServers {
  dir: string;
  imapPort: number;
  imapsPort: number;
  smtpPort: number;
  /** The self-signed certificate dovecot presents on imapsPort (a certificate problem for the client). */
  cert: string;
  stop: () => void;
  /** Adds mailboxes (local parts of MAIL_DOMAIN); postfix and dovecot read their maps again. */
  addUsers: (names: string[]) => void;
  /** Every message in a mailbox (a local part of MAIL_DOMAIN), read with Python's imaplib. */
  readBox: (user: string) => Mail[];
  /** Waits until postfix has delivered `count` messages to a mailbox. */
  waitForMail: (user: string, count: number) => Promise<Mail[]>;
  /** Sends a message to the office through postfix with Python's smtplib. */
  sendAs: (spec: Outgoing) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, log: () => string): Promise<void> {
  const { connect } = await import('node:net');
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}\n${log()}`);
}

/** Starts dovecot and postfix with mailboxes for `users` (local parts of MAIL_DOMAIN), all with PASSWORD. */
export async function startMailServers(users: string[]): Promise<MailServers> {
  for (const bin of ['/usr/sbin/dovecot', '/usr/sbin/postfix']) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: apt-get install dovecot-imapd postfix`);
  }
  const dir = tempDir('taizhang-mail-');
  // The mail uid must reach the Maildirs through the temporary folder.
  chmodSync(dir, 0o755);
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  chownSync(mail, MAIL_UID, MAIL_UID);
  const [imapPort, imapsPort, smtpPort] = [await freePort(), await freePort(), await freePort()];

  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'pipe' });

  // dovecot: plain IMAP (the tests' office uses it) and IMAPS with a self-signed certificate.
  const dv = join(dir, 'dovecot');
  mkdirSync(dv);
  const usersFile = join(dv, 'users');
  const vmailbox = join(dir, 'vmailbox');
  const writeMaps = (names: string[]) => {
    writeFileSync(usersFile, names.map((u) => `${u}@${MAIL_DOMAIN}:{PLAIN}${PASSWORD}\n`).join(''));
    writeFileSync(vmailbox, names.map((u) => `${u}@${MAIL_DOMAIN} ${MAIL_DOMAIN}/${u}/\n`).join(''));
  };
  let all = [...users];
  writeMaps(all);
  const dovecotConf = join(dv, 'dovecot.conf');
  writeFileSync(
    dovecotConf,
    `base_dir = ${dv}/run
state_dir = ${dv}/state
log_path = ${dv}/log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <${cert}
ssl_key = <${key}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${mail}/%d/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${usersFile}
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_UID} home=${mail}/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${imapsPort}
    ssl = yes
  }
}
service anvil {
  chroot =
}
`,
  );
  const dovecot: ChildProcess = spawn('/usr/sbin/dovecot', ['-F', '-c', dovecotConf], { stdio: 'ignore' });

  // postfix: a private instance (its own config_directory, queue and ports) delivering to the Maildirs.
  const pf = join(dir, 'postfix');
  mkdirSync(join(pf, 'queue'), { recursive: true });
  mkdirSync(join(pf, 'data'));
  // postfix's master takes its lock in data_directory as the mail owner.
  const postfixUid = Number(execFileSync('id', ['-u', 'postfix'], { encoding: 'utf8' }).trim());
  chownSync(join(pf, 'data'), postfixUid, -1);
  writeFileSync(
    join(pf, 'main.cf'),
    `compatibility_level = 3.6
queue_directory = ${pf}/queue
data_directory = ${pf}/data
meta_directory = /etc/postfix
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.${MAIL_DOMAIN}
mydomain = ${MAIL_DOMAIN}
myorigin = ${MAIL_DOMAIN}
mydestination =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
virtual_mailbox_domains = ${MAIL_DOMAIN}
virtual_mailbox_base = ${mail}
virtual_mailbox_maps = texthash:${vmailbox}
virtual_uid_maps = static:${MAIL_UID}
virtual_gid_maps = static:${MAIL_UID}
virtual_minimum_uid = 100
virtual_mailbox_limit = 0
message_size_limit = 104857600
maillog_file = ${pf}/maillog
maillog_file_prefixes = ${dir}
smtputf8_enable = yes
biff = no
`,
  );
  const master = readFileSync('/usr/share/postfix/master.cf.dist', 'utf8')
    .split('\n')
    // No chroot (the private queue has no copy of /etc), and smtpd on the test's own port.
    .map((line) => line.replace(/^(\S+\s+(?:inet|unix|fifo|unix-dgram)\s+\S+\s+\S+\s+)y(\s)/, '$1n$2'))
    .map((line) => (line.startsWith('smtp      inet') ? line.replace(/^smtp/, `127.0.0.1:${smtpPort}`) : line))
    .join('\n');
  writeFileSync(join(pf, 'master.cf'), master);
  const postfix = (...args: string[]) => execFileSync('/usr/sbin/postfix', ['-c', pf, ...args], { stdio: 'pipe' });
  const log = () => [join(dv, 'log'), join(pf, 'maillog')].map((f) => (existsSync(f) ? readFileSync(f, 'utf8').slice(-3000) : '')).join('\n');
  try {
    postfix('start');
    await waitForPort(imapPort, log);
    await waitForPort(smtpPort, log);
  } catch (e) {
    dovecot.kill('SIGTERM');
    throw e;
  }
  const mailboxScript = join(ROOT, 'test', 'fixtures', 'mailbox.py');
  const readBox = (user: string): Mail[] => {
    const r = run(PYTHON, [mailboxScript, 'read', String(imapPort), `${user}@${MAIL_DOMAIN}`, PASSWORD]);
    if (r.code !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as Mail[];
  };
  return {
    dir,
    imapPort,
    imapsPort,
    smtpPort,
    cert,
    readBox,
    async waitForMail(user, count) {
      for (let i = 0; i < 150; i++) {
        const mails = readBox(user);
        if (mails.length >= count) return mails;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${user} has ${readBox(user).length} messages, expected ${count}`);
    },
    sendAs(spec) {
      const r = run(PYTHON, [mailboxScript, 'send', String(smtpPort), JSON.stringify({ to: OFFICE, text: '', ...spec })]);
      if (r.code !== 0) throw new Error(r.stderr);
    },
    addUsers(names) {
      all = [...all, ...names];
      writeMaps(all);
    },
    stop() {
      try {
        postfix('stop');
      } catch {
        // already stopped
      }
      dovecot.kill('SIGTERM');
    },
  };
}

/** A round of the Jinan plan issued in `ws` to its 23 units, each unit with its own mailbox on started servers. */
export interface MailRound {
  units: string[];
  /** The workbook issued to a unit. */
  file: (unit: string) => string;
  servers: MailServers;
  /** A unit's mail address: u01…u23 in the round's order. */
  address: (unit: string) => string;
  /** Runs `body` on the workspace's ledger, closed afterwards. */
  withLedger: <T>(body: (l: Ledger) => T) => T;
}

/** Issues `round` in `ws` and starts the mail servers with the office's and every unit's mailbox. */
export async function mailRound(ws: string, round: string): Promise<MailRound> {
  const issued = await issuedWorkspace(ws, await jinanPlan(), { round });
  const units = issued.ledger.expected(round).map((e) => e.unit);
  issued.ledger.close();
  const servers = await startMailServers(['office', ...units.map((_, i) => mailbox(i))]);
  return {
    units,
    file: issued.file,
    servers,
    address: (unit) => `${mailbox(units.indexOf(unit))}@${MAIL_DOMAIN}`,
    withLedger: (body) => {
      const l = new Ledger(ws, { create: false });
      try {
        return body(l);
      } finally {
        l.close();
      }
    },
  };
}

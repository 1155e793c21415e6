// The ledger's schema and its migrations, apart from its queries. A ledger file carries who made it (SQLite's
// application_id) and its schema version (user_version): a file of another program or of a newer taizhang is
// refused with a message, and an older ledger is migrated in place after a backup copy is written beside it.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../util/errors.ts';

import { LEDGER_FILE } from './file.ts';

export { LEDGER_FILE };
/** "TZHG": marks a SQLite file as a taizhang ledger. */
export const APPLICATION_ID = 0x545a4847;

/** Each migration brings a ledger from the version before it to its own; never edit one that has shipped. */
const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS plans (
  hash TEXT PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, json TEXT NOT NULL, registered_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rounds (
  id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, label TEXT NOT NULL,
  start TEXT NOT NULL, end TEXT NOT NULL, deadline TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS expected (
  round_id TEXT NOT NULL, unit TEXT NOT NULL, file TEXT NOT NULL, rows INTEGER NOT NULL,
  PRIMARY KEY (round_id, unit));
CREATE TABLE IF NOT EXISTS intake (
  id INTEGER PRIMARY KEY, round_id TEXT NOT NULL, sha256 TEXT NOT NULL, original_path TEXT NOT NULL,
  received_at TEXT NOT NULL, outcome TEXT NOT NULL, unit TEXT, message TEXT,
  UNIQUE (round_id, sha256));
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY, intake_id INTEGER NOT NULL REFERENCES intake(id), round_id TEXT NOT NULL,
  unit TEXT NOT NULL, plan_hash TEXT NOT NULL, sha256 TEXT NOT NULL, original_path TEXT NOT NULL,
  archive_path TEXT NOT NULL, received_at TEXT NOT NULL, file_time TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'returned')),
  superseded_by INTEGER REFERENCES submissions(id), reporter TEXT, phone TEXT, fill_date TEXT);
CREATE INDEX IF NOT EXISTS submissions_unit ON submissions (round_id, unit);
CREATE TABLE IF NOT EXISTS entries (
  submission_id INTEGER NOT NULL REFERENCES submissions(id), clause_id TEXT NOT NULL, role TEXT NOT NULL,
  status TEXT, value_text TEXT, value REAL, progress TEXT, problems TEXT, next_steps TEXT,
  PRIMARY KEY (submission_id, clause_id));
CREATE TABLE IF NOT EXISTS problems (
  id INTEGER PRIMARY KEY, intake_id INTEGER NOT NULL REFERENCES intake(id), file TEXT NOT NULL,
  sheet TEXT NOT NULL, cell TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL);`,
  },
  {
    // The 联系人 line of the returned workbook, so that a 退回重报 workbook lost to a kill can be rebuilt.
    version: 2,
    sql: 'ALTER TABLE submissions ADD COLUMN contact TEXT;',
  },
  {
    // Templates made once and kept (the 退回重报 template of a round, by sheets/stamp.ts's returnTemplateKey), so
    // that a collect stamps 退回重报 workbooks without loading a spreadsheet library. Derived data: a missing row
    // is made again.
    version: 3,
    sql: 'CREATE TABLE IF NOT EXISTS templates (key TEXT PRIMARY KEY, bytes BLOB NOT NULL, created_at TEXT NOT NULL);',
  },
  {
    // The unit registry (units/), and the mail loop's records (mail/): every message sent (workbook, receipt,
    // reminder) with its message id, and every inbox message each round's collect looked at, by UID, so that none
    // is taken twice (a message seen by two rounds' collects is taken by the round its workbooks belong to).
    version: 4,
    sql: `
CREATE TABLE IF NOT EXISTS units (
  unit TEXT PRIMARY KEY, contact TEXT NOT NULL, phone TEXT NOT NULL, emails TEXT NOT NULL, aliases TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mail_sent (
  id INTEGER PRIMARY KEY, round_id TEXT NOT NULL, unit TEXT, kind TEXT NOT NULL CHECK (kind IN ('workbook', 'reply', 'remind')),
  addresses TEXT NOT NULL, message_id TEXT NOT NULL, sent_at TEXT NOT NULL, day TEXT NOT NULL, in_reply_to TEXT);
CREATE INDEX IF NOT EXISTS mail_sent_unit ON mail_sent (round_id, unit, kind);
CREATE TABLE IF NOT EXISTS mail_seen (
  mailbox TEXT NOT NULL, uid_validity TEXT NOT NULL, uid INTEGER NOT NULL, round_id TEXT NOT NULL,
  message_id TEXT, sender TEXT NOT NULL, subject TEXT NOT NULL, sent_at TEXT, seen_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('collecting', 'collected', 'replying', 'done')),
  kind TEXT NOT NULL, folder TEXT, results TEXT, note TEXT,
  PRIMARY KEY (mailbox, uid_validity, uid, round_id));`,
  },
  {
    // Indicators (指标) units report in their workbooks: those issued in a round, to which unit, with the target the
    // 指标 sheet showed (replaced when the round is issued again); and the values each submission carried.
    version: 5,
    sql: `
CREATE TABLE IF NOT EXISTS round_indicators (
  round_id TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, seq INTEGER NOT NULL, measure TEXT NOT NULL,
  target TEXT NOT NULL, basis TEXT NOT NULL, PRIMARY KEY (round_id, name));
CREATE TABLE IF NOT EXISTS indicator_values (
  submission_id INTEGER NOT NULL REFERENCES submissions(id), name TEXT NOT NULL, value_text TEXT, value REAL, note TEXT,
  PRIMARY KEY (submission_id, name));`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Tables that mark a ledger written before ledgers carried an application id (version 1, user_version 0). */
const VERSION_1_TABLES = ['plans', 'rounds', 'expected', 'intake', 'submissions', 'entries', 'problems'];

export interface OpenedLedger {
  db: Database.Database;
  path: string;
  /** Set when this open migrated an older ledger. */
  migrated: { from: number; to: number; backup: string } | null;
}

/** How long a write waits for a ledger another program holds, in ms; TAIZHANG_LOCK_TIMEOUT (seconds) overrides. */
export function lockTimeout(): number {
  const seconds = Number(process.env.TAIZHANG_LOCK_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

/**
 * Opens the ledger of a workspace. Without `create`, a workspace with no ledger is an error and nothing is made on
 * disk: commands that only read must not leave a ledger behind in a mistyped folder.
 */
export function openLedgerFile(workspace: string, create: boolean, now = new Date()): OpenedLedger {
  const path = join(workspace, LEDGER_FILE);
  if (!existsSync(path)) {
    if (!create) {
      throw new UserError(
        `工作目录“${workspace}”中没有台账（${LEDGER_FILE}）。`,
        existsSync(workspace)
          ? '请用 -w 指定生成调度表时所用的工作目录；新的工作请先运行 npx taizhang sheets generate <plan.json> --round <轮次>。'
          : '该目录不存在，请检查 -w 指定的工作目录是否拼写正确。',
      );
    }
    mkdirSync(workspace, { recursive: true });
  } else {
    refuseNonSqlite(path, create);
  }
  const db = new Database(path, { fileMustExist: !create });
  try {
    db.pragma(`busy_timeout = ${lockTimeout()}`);
    // Only a command that issues a round makes a ledger: an empty database is not given a schema by one that reads.
    if (!create && versionOf(db, path) === 0) throw emptyLedger(path, '是一个空数据库，不含任何台账数据');
    const migrated = migrate(db, path, now);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // In WAL mode NORMAL stays consistent through a killed process; only a power cut may drop the last commits,
    // whose files a later collect takes in again (they are not in the intake yet).
    db.pragma('synchronous = NORMAL');
    // SQLite's own default page cache (2 MB), not the 16 MB better-sqlite3 builds it with: a collect writes its rows
    // once and reads them by index, and a cache that fills over a province's run is memory that only grows.
    db.pragma('cache_size = -2000');
    return { db, path, migrated };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** What a reading command says of a ledger file with nothing in it (it creates nothing). */
function emptyLedger(path: string, what: string): UserError {
  return new UserError(
    `台账文件“${path}”${what}，不是可用的 taizhang 台账。`,
    '可能是生成轮次时被中断，或文件被清空、被其他程序覆盖。如曾在此下发过轮次，请从备份恢复该文件（收到的原始报送文件在工作目录的 archive 文件夹中）；如尚未下发，请删除该文件后运行 npx taizhang sheets generate <plan.json> --round <轮次>。',
  );
}

/**
 * A file that is not SQLite at all (a renamed spreadsheet, a half-copied file) or not a file (a folder of the
 * ledger's name) is named before SQLite sees it.
 */
function refuseNonSqlite(path: string, create: boolean): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new UserError(`台账“${path}”是一个文件夹，不是台账文件。`, `请检查 -w 指定的工作目录是否正确；如该文件夹是误建的，请将其改名或移走后重新运行。`);
  }
  if (!stat.isFile()) throw new UserError(`台账“${path}”不是普通文件，无法作为台账打开。`, '请检查 -w 指定的工作目录是否正确。');
  // SQLite's own empty database: a creation that was cut short, which the command that issues a round completes.
  if (stat.size === 0) {
    if (create) return;
    throw emptyLedger(path, '是空文件（0 字节）');
  }
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== 'SQLite format 3\0') {
    throw new UserError(
      `台账文件“${path}”不是 taizhang 台账（不是 SQLite 数据库），可能已损坏或被其他文件覆盖。`,
      '请从备份恢复该文件；收到的原始报送文件都在工作目录的 archive 文件夹中，也可在新的工作目录重新生成轮次后重新收集。',
    );
  }
}

function migrate(db: Database.Database, path: string, now: Date): OpenedLedger['migrated'] {
  const version = versionOf(db, path);
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `台账“${path}”由更新版本的 taizhang 建立（台账版本 ${version}，本程序只支持到版本 ${SCHEMA_VERSION}）。`,
      '请升级 taizhang（npm install taizhang@latest）后再操作；为免损坏数据，本程序不会改动该台账。',
    );
  }
  if (version === SCHEMA_VERSION) return null;
  // A ledger with data is copied before it is changed; a new, empty one has nothing to keep.
  let backup = '';
  if (version > 0) {
    backup = `${path.replace(/\.db$/, '')}.v${version}-备份-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}.db`;
    db.prepare('VACUUM INTO ?').run(backup);
  }
  db.transaction(() => {
    // Another process may have migrated it while this one waited for the lock.
    const current = versionOf(db, path);
    for (const m of MIGRATIONS) if (m.version > current) db.exec(m.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
  return version > 0 ? { from: version, to: SCHEMA_VERSION, backup } : null;
}

/** The schema version of an open ledger: 0 for a new, empty database; refuses a database of another program. */
function versionOf(db: Database.Database, path: string): number {
  const app = db.pragma('application_id', { simple: true }) as number;
  if (app === APPLICATION_ID) return db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  if (app === 0 && tables.length === 0) return 0;
  if (app === 0 && VERSION_1_TABLES.every((t) => tables.includes(t))) return 1;
  throw new UserError(
    `台账文件“${path}”不是 taizhang 台账（是其他程序的数据库${tables.length ? `，含数据表 ${tables.slice(0, 5).join('、')}` : ''}）。`,
    '请检查 -w 指定的工作目录是否正确；本程序不会改动该文件。',
  );
}

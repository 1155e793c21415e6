// The environment a collect runs in, and what it leaves behind: a kill between the ledger and the files derived
// from it, ledgers of other versions or programs, a damaged or locked ledger, a full or read-only disk, and
// commands that only read. Each failure must name its path in Chinese and exit 1 without a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { archive, derivedPaths, judgeFile, receiptText, record, RunCache } from '../src/collect/index.ts';
import { enumerateSources } from '../src/collect/sources.ts';
import { Ledger } from '../src/ledger/ledger.ts';
import { SCHEMA_VERSION } from '../src/ledger/schema.ts';
import type { Plan } from '../src/model/plan.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { sha256 } from '../src/util/hash.ts';
import { GOOD_ANSWERS, PYTHON, ROOT, issuedWorkspace, jinanPlan, python, taizhang, tempDir } from './helpers.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

const ROUND = '2025-Q3';

/** A workspace with the round issued and an inbox holding `good` filled workbooks and `bad` ones without a phone. */
async function workspace(good: string[], bad: string[] = []) {
  const ws = tempDir('tz-env-');
  const { ledger, inbox } = await issuedWorkspace(ws, plan, { contact: '综合处 王芳 0531-86160000', good, bad });
  ledger.close();
  return { ws, inbox, collectDir: join(ws, ROUND, '收集') };
}

const tz = (args: string[], env?: Record<string, string>) => taizhang(args, ROOT, env);

/** What the user sees of a failure: exit 1, a Chinese 错误 line and 处理办法, never a stack trace. */
function expectUserFailure(r: { code: number; stderr: string }, ...words: string[]) {
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^错误：/);
  expect(r.stderr).toContain('处理办法：');
  expect(r.stderr).not.toMatch(/程序内部错误|\n\s+at /);
  for (const w of words) expect(r.stderr).toContain(w);
}

describe('a kill between the ledger and the files derived from it', () => {
  it('the next run rebuilds the 退回重报 workbook and receipt from the ledger alone, exactly as collect writes them', async () => {
    const { ws, inbox, collectDir } = await workspace(['政策法规处'], ['大气环境处']);
    const ledger = new Ledger(ws);
    const round = ledger.requireRound(ROUND);
    const cache = new RunCache(ledger, round);
    // Steps 1 and 2 only, as a run killed right after the ledger commit leaves things.
    for await (const source of enumerateSources([join(inbox, '大气环境处.xlsx')])) {
      const bytes = await source.load();
      const judgement = await judgeFile(bytes, source, cache);
      if (!('judged' in judgement)) throw new Error(`not judged: ${JSON.stringify(judgement).slice(0, 200)}`);
      const digest = sha256(bytes);
      const recorded = record({ ledger }, round, source, archive(ledger, round, source, bytes, digest), digest, judgement.judged);
      expect(recorded.kind).toBe('recorded');
    }
    const paths = derivedPaths(collectDir, '大气环境处', ROUND);
    expect(existsSync(paths.returnWorkbook)).toBe(false);
    ledger.close();

    const r = tz(['collect', inbox, '--round', ROUND, '-w', ws]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('↻ 大气环境处：上次收集中断，已按台账补写退回重报表和回执');
    // The file itself is a duplicate now; the other unit is taken in as usual.
    expect(r.stdout).toMatch(/· 已收取过，跳过（大气环境处）/);
    expect(r.stdout).toContain('✔ 政策法规处：已收取');
    expect(r.stdout).toContain('共处理 2 个文件：收取 1，退回 0，未收取 0，重复 1');
    const again = new Ledger(ws);
    const [returned] = again.currentSubmissions(ROUND).filter((s) => s.outcome === 'returned');
    expect(returned!.contact).toBe('综合处 王芳 0531-86160000');
    const errors = again.problemsOf(returned!.id).filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.cell)).toEqual(['H2']);
    expect(readFileSync(paths.receipt, 'utf8')).toBe(receiptText('大气环境处', round.label, returned!.originalPath, returned!.sha256, errors, round.deadline));
    again.close();
    // An independent reader sees the unit's answers, the red cell with its comment and the coordinator's contact.
    const seen = JSON.parse(
      python(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['调度表']
print(json.dumps({'reporter': ws['F2'].value, 'comment': ws['H2'].comment.text if ws['H2'].comment else None, 'fill': ws['H2'].fill.fgColor.rgb,
  'progress': ws['L5'].value, 'contact': [c.value for s in wb for row in s.iter_rows() for c in row if isinstance(c.value, str) and '王芳' in c.value]}, ensure_ascii=False))`,
        paths.returnWorkbook,
      ),
    );
    expect(seen.reporter).toBe('张明');
    expect(seen.comment).toContain('联系电话');
    expect(seen.fill).toMatch(/FFC7CE$/i);
    expect(seen.progress).toBe(GOOD_ANSWERS.default.progress);
    expect(seen.contact.join()).toContain('综合处 王芳 0531-86160000');
    // A third run finds everything in place and rebuilds nothing.
    expect(tz(['collect', inbox, '--round', ROUND, '-w', ws]).stdout).not.toContain('↻');
  });

  it('a collect killed with SIGKILL at its first returned file loses no receipt: after the next run every returned unit has both files', async () => {
    // Every unit's file is returned: files are recorded a batch at a time and reported once committed, so the
    // first line comes when the first batch is done, with the later batches still to come.
    const bad = assignUnits(plan).assignments.map((a) => a.unit);
    expect(bad.length).toBeGreaterThan(16);
    const { ws, inbox, collectDir } = await workspace([], bad);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), 'collect', inbox, '--round', ROUND, '-w', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('✘')) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');
    // The rest of the bad files are returned now: exit code 3.
    expect(tz(['collect', inbox, '--round', ROUND, '-w', ws]).code).toBe(3);
    const ledger = new Ledger(ws);
    const returned = ledger.currentSubmissions(ROUND).filter((s) => s.outcome === 'returned').map((s) => s.unit).sort();
    ledger.close();
    expect(returned).toEqual([...bad].sort());
    for (const unit of bad) {
      const paths = derivedPaths(collectDir, unit, ROUND);
      expect(statSync(paths.returnWorkbook).size).toBeGreaterThan(5000);
      expect(readFileSync(paths.receipt, 'utf8')).toContain(`报送单位：${unit}`);
    }
    // No temporary file is left where a reader would find half a workbook.
    expect(readdirSync(join(collectDir, '退回重报')).filter((f) => !/^(退回重报|回执)_/.test(f) || f.endsWith('.part'))).toEqual([]);
  });
});

describe('ledgers of other versions and programs', () => {
  it('migrates a version-1 ledger in place after a backup copy, keeping every record', async () => {
    const { ws, inbox } = await workspace(['政策法规处']);
    expect(tz(['collect', inbox, '--round', ROUND, '-w', ws]).code).toBe(0);
    // Back to version 1 as it shipped: no application id, no user_version, no contact column, no kept templates.
    const db = new Database(join(ws, 'taizhang.db'));
    db.exec('ALTER TABLE submissions DROP COLUMN contact');
    db.exec('DROP TABLE templates');
    db.pragma('application_id = 0');
    db.pragma('user_version = 0');
    db.close();

    const r = tz(['status', '--round', ROUND, '-w', ws, '--today', '2025-10-05']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^提示：台账 .*taizhang\\.db 已由版本 1 升级为版本 ${SCHEMA_VERSION}；升级前的副本保存为 .*taizhang\\.v1-备份-\\d{8}T\\d{6}\\.db。`));
    expect(r.stdout).toContain('政策法规处');
    const backup = readdirSync(ws).filter((f) => f.startsWith('taizhang.v1-备份-'));
    expect(backup).toHaveLength(1);
    const old = new Database(join(ws, backup[0]!), { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(0);
    expect((old.prepare('SELECT count(*) n FROM submissions').get() as { n: number }).n).toBe(1);
    old.close();
    const ledger = new Ledger(ws, { create: false });
    expect(ledger.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ledger.currentSubmissions(ROUND).map((s) => [s.unit, s.outcome, s.contact])).toEqual([['政策法规处', 'accepted', null]]);
    // The templates table is there again, empty: a collect makes the 退回重报 template when it first needs it.
    expect(ledger.db.prepare('SELECT count(*) n FROM templates').get()).toEqual({ n: 0 });
    ledger.close();
    // Once migrated, it is not migrated (or copied) again.
    expect(tz(['status', '--round', ROUND, '-w', ws, '--today', '2025-10-05']).stderr).toBe('');
    expect(readdirSync(ws).filter((f) => f.startsWith('taizhang.v1-备份-'))).toHaveLength(1);
  });

  it('refuses a ledger of a newer taizhang and leaves it untouched', async () => {
    const { ws, inbox } = await workspace(['政策法规处']);
    const db = new Database(join(ws, 'taizhang.db'));
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(join(ws, 'taizhang.db'));
    const r = tz(['collect', inbox, '--round', ROUND, '-w', ws]);
    expectUserFailure(r, `台账“${join(ws, 'taizhang.db')}”由更新版本的 taizhang 建立（台账版本 99，本程序只支持到版本 ${SCHEMA_VERSION}）`, '请升级 taizhang');
    expect(readFileSync(join(ws, 'taizhang.db')).equals(before)).toBe(true);
    expect(existsSync(join(ws, 'archive'))).toBe(false);
  });

  it('refuses a database of another program and a file that is not a database, naming the file', () => {
    const ws = tempDir('tz-foreign-');
    const db = new Database(join(ws, 'taizhang.db'));
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES (\'x\')');
    db.close();
    expectUserFailure(tz(['status', '--round', ROUND, '-w', ws]), `台账文件“${join(ws, 'taizhang.db')}”不是 taizhang 台账（是其他程序的数据库，含数据表 customers）`);
    expectUserFailure(tz(['sheets', 'generate', join(ROOT, 'test', 'golden', 'jinan-2025-work-plan.plan.json'), '--round', ROUND, '-w', ws]), '不是 taizhang 台账');
    const notDb = tempDir('tz-foreign-');
    writeFileSync(join(notDb, 'taizhang.db'), 'PK\u0003\u0004 a spreadsheet renamed by mistake');
    expectUserFailure(tz(['rounds', '-w', notDb]), `台账文件“${join(notDb, 'taizhang.db')}”不是 taizhang 台账（不是 SQLite 数据库）`);
  });

  it('reports a damaged ledger as damaged, with what to do', async () => {
    const { ws, inbox } = await workspace(['政策法规处']);
    expect(tz(['collect', inbox, '--round', ROUND, '-w', ws]).code).toBe(0);
    const path = join(ws, 'taizhang.db');
    const bytes = readFileSync(path);
    // Every page after the first (the schema) overwritten: the tables' pages are garbage.
    bytes.fill(0xa5, 4096);
    writeFileSync(path, bytes);
    expectUserFailure(tz(['status', '--round', ROUND, '-w', ws]), `台账“${path}”已损坏`, '请从备份恢复该文件', 'archive');
  });
});

describe('a ledger that is a folder, empty, or an empty database', () => {
  const PLAN_JSON = join(ROOT, 'test', 'golden', 'jinan-2025-work-plan.plan.json');

  it('a folder named taizhang.db: every command says so, naming it, exit 1', () => {
    const ws = tempDir('tz-dir-ledger-');
    mkdirSync(join(ws, 'taizhang.db'));
    for (const args of [['status', '--round', ROUND], ['progress', '--round', ROUND], ['rounds'], ['sheets', 'generate', PLAN_JSON, '--round', ROUND]]) {
      expectUserFailure(tz([...args, '-w', ws]), `台账“${join(ws, 'taizhang.db')}”是一个文件夹，不是台账文件。`, '请检查 -w 指定的工作目录是否正确');
    }
    expect(readdirSync(join(ws, 'taizhang.db'))).toEqual([]);
    expect(readdirSync(ws)).toEqual(['taizhang.db']);
  });

  it('a 0-byte ledger or an empty SQLite database: a reading command says so and creates nothing; sheets generate makes the ledger', () => {
    const ws = tempDir('tz-empty-ledger-');
    const path = join(ws, 'taizhang.db');
    writeFileSync(path, '');
    for (const args of [['status', '--round', ROUND], ['progress', '--round', ROUND], ['rounds']]) {
      expectUserFailure(tz([...args, '-w', ws]), `台账文件“${path}”是空文件（0 字节），不是可用的 taizhang 台账。`, '如尚未下发，请删除该文件后运行 npx taizhang sheets generate');
    }
    expect(statSync(path).size).toBe(0);
    expect(readdirSync(ws)).toEqual(['taizhang.db']);

    const empty = tempDir('tz-empty-db-');
    const emptyPath = join(empty, 'taizhang.db');
    const db = new Database(emptyPath);
    db.exec('CREATE TABLE t (x); DROP TABLE t;');
    db.close();
    const before = readFileSync(emptyPath);
    expectUserFailure(tz(['status', '--round', ROUND, '-w', empty]), `台账文件“${emptyPath}”是一个空数据库，不含任何台账数据，不是可用的 taizhang 台账。`);
    expect(readFileSync(emptyPath).equals(before)).toBe(true);
    expect(readdirSync(empty)).toEqual(['taizhang.db']);

    // Only the command that issues a round makes a ledger of it.
    const made = tz(['sheets', 'generate', PLAN_JSON, '--round', ROUND, '-w', ws]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const ledger = new Ledger(ws, { create: false });
    expect(ledger.rounds().map((r) => r.id)).toEqual([ROUND]);
    ledger.close();
  });
});

describe('commands that only read', () => {
  it('never create a workspace or a ledger in a mistyped folder', async () => {
    const parent = tempDir('tz-typo-');
    const typo = join(parent, '打错的目录');
    for (const args of [['status', '--round', ROUND], ['progress', '--round', ROUND], ['rounds'], ['report', '--round', ROUND], ['collect', parent, '--round', ROUND], ['rounds', 'remove', ROUND]]) {
      const r = tz([...args, '-w', typo]);
      expectUserFailure(r, `工作目录“${typo}”中没有台账（taizhang.db）`, '该目录不存在');
      expect(existsSync(typo)).toBe(false);
    }
    // An existing folder without a ledger: told so, and still nothing written into it.
    mkdirSync(typo);
    expectUserFailure(tz(['status', '--round', ROUND, '-w', typo]), '中没有台账', '新的工作请先运行');
    expect(readdirSync(typo)).toEqual([]);
  });
});

describe('a ledger held by another program', () => {
  it('waits for the lock, then says which ledger is held and what to do', async () => {
    const { ws, inbox } = await workspace(['政策法规处']);
    const holder = new Database(join(ws, 'taizhang.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const r = tz(['collect', inbox, '--round', ROUND, '-w', ws], { TAIZHANG_LOCK_TIMEOUT: '1' });
      expectUserFailure(r, `台账“${join(ws, 'taizhang.db')}”正被其他程序占用`, '关闭该工具后重新运行');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Once released, the same command takes the file in.
    const r = tz(['collect', inbox, '--round', ROUND, '-w', ws]);
    expect(r.stdout).toContain('✔ 政策法规处：已收取');
  });
});

/** Whether this machine lets an unprivileged user namespace mount a tmpfs (true on the dev and CI containers). */
const canMount = spawnSync('unshare', ['-r', '-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d"'], { stdio: 'ignore' }).status === 0;

/**
 * Runs shell commands in a private mount namespace where `dir` is a small tmpfs holding a copy of `ws`; the CLI
 * is run there as `$TZ`. Returns each command's exit code and output, in order.
 */
function onSmallDisk(ws: string, mountPoint: string, script: string): { code: number; stdout: string; stderr: string }[] {
  const results = tempDir('tz-results-');
  const tzCmd = `${process.execPath} ${join(ROOT, 'bin', 'taizhang.js')}`;
  const shell = `set -u
mount -t tmpfs -o size=8m tmpfs "${mountPoint}"
cp -a "${ws}/." "${mountPoint}/"
n=0
run() { n=$((n+1)); "$@" >"${results}/$n.out" 2>"${results}/$n.err"; echo $? >"${results}/$n.code"; }
TZ_CLI="${tzCmd}"
W="${mountPoint}"
${script}`;
  const r = spawnSync('unshare', ['-r', '-m', 'sh', '-c', shell], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = [];
  for (let i = 1; existsSync(join(results, `${i}.code`)); i++) {
    out.push({ code: Number(readFileSync(join(results, `${i}.code`), 'utf8')), stdout: readFileSync(join(results, `${i}.out`), 'utf8'), stderr: readFileSync(join(results, `${i}.err`), 'utf8') });
  }
  return out;
}

describe.runIf(canMount)('a full or read-only disk (a real tmpfs in a private mount namespace)', () => {
  it('a full disk stops collect with the path and what to do; after space is freed the same command takes every file', async () => {
    const { ws } = await workspace(['政策法规处', '机关党委']);
    const disk = tempDir('tz-disk-');
    const [full, ledgerAfterFull, freed, status] = onSmallDisk(
      ws,
      disk,
      `dd if=/dev/zero of="$W/filler" bs=4k 2>/dev/null
run $TZ_CLI collect "$W/inbox" --round ${ROUND} -w "$W"
run sh -c "ls \\"$W/archive/${ROUND}\\" 2>/dev/null | wc -l"
rm "$W/filler"
run $TZ_CLI collect "$W/inbox" --round ${ROUND} -w "$W"
run $TZ_CLI status --round ${ROUND} -w "$W" --json`,
    );
    expectUserFailure(full!, '磁盘空间已满，无法写入', '请清理');
    expect(full!.stderr).toMatch(new RegExp(`无法写入(台账)?“${disk}/(archive/|taizhang\\.db)`));
    expect(ledgerAfterFull!.stdout.trim()).toBe('0');
    expect(freed!.code).toBe(0);
    expect(freed!.stdout).toContain('收取 2，退回 0，未收取 0，重复 0');
    const receipts = JSON.parse(status!.stdout).receipts as { unit: string; state: string }[];
    // The files' own times are today, after the 2025 deadline: reported, late.
    expect(receipts.filter((x) => x.state === '逾期报送').map((x) => x.unit).sort()).toEqual(['机关党委', '政策法规处'].sort());
  });

  it('a read-only workspace: collect and status both say the ledger is on a read-only disk and what to do', async () => {
    const { ws, inbox } = await workspace(['政策法规处']);
    expect(tz(['collect', inbox, '--round', ROUND, '-w', ws]).code).toBe(0);
    const disk = tempDir('tz-disk-');
    const [collectRun, statusRun] = onSmallDisk(
      ws,
      disk,
      `mount -o remount,ro "$W"
run $TZ_CLI collect "$W/inbox" "${inbox}" --round ${ROUND} -w "$W"
run $TZ_CLI status --round ${ROUND} -w "$W" --json`,
    );
    // SQLite cannot open a WAL ledger on a read-only disk even to read it; the message says so and how to go on.
    for (const r of [collectRun!, statusRun!]) expectUserFailure(r, `台账“${join(disk, 'taizhang.db')}”所在的磁盘是只读的`, '复制到可写的磁盘');
  });
});

describe.runIf(canMount)('sheets generate on a full disk (a real tmpfs)', () => {
  it('names the workbook it could not write, leaves no truncated workbook and no round; --force after freeing space issues the round', () => {
    const plan = join(ROOT, 'test', 'golden', 'jinan-2025-work-plan.plan.json');
    const disk = tempDir('tz-disk-');
    // Room for the ledger and a few workbooks, not for all 23.
    const [full, valid, freed, rounds] = onSmallDisk(
      tempDir('tz-empty-ws-'),
      disk,
      `dd if=/dev/zero of="$W/filler" bs=4k count=1950 2>/dev/null
run $TZ_CLI sheets generate "${plan}" --round ${ROUND} -w "$W/ws"
run ${PYTHON} -c "import sys, zipfile, pathlib; fs = sorted(pathlib.Path(sys.argv[1]).glob('*.xlsx')); [zipfile.ZipFile(f).testzip() for f in fs]; print(len(fs))" "$W/ws/${ROUND}/下发"
rm "$W/filler"
run $TZ_CLI sheets generate "${plan}" --round ${ROUND} -w "$W/ws" --force
run $TZ_CLI rounds -w "$W/ws"`,
    );
    expectUserFailure(full!, '磁盘空间已满，无法写入', '加 --force');
    expect(full!.stderr).toMatch(new RegExp(`无法写入(台账)?“${disk}/ws/`));
    expect(full!.stderr).not.toContain('“工作目录”');
    // Every workbook left in the folder is whole (zipfile reads it); fewer than the 23 of a full round.
    expect(valid!.code).toBe(0);
    expect(Number(valid!.stdout.trim())).toBeLessThan(23);
    expect(freed!.code).toBe(0);
    expect(freed!.stdout).toContain('2025年第三季度调度表已生成：23 个单位');
    expect(rounds!.stdout).toContain(`${ROUND}`);
  });
});

it('the full-disk message names the file that could not be written, also for a write that fails outside a tmpfs', async () => {
  // The mapping itself, for machines where no tmpfs can be mounted: an ENOSPC raised while writing the archive copy.
  const { environmentError } = await import('../src/util/environment.ts');
  const e = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/ws/archive/2025-Q3/ab12.xlsx.4242-0a1b2c3d.part' });
  const user = environmentError(e);
  expect(user!.message).toBe('磁盘空间已满，无法写入“/ws/archive/2025-Q3/ab12.xlsx”。');
  expect(user!.hint).toContain('请清理“/ws/archive/2025-Q3”所在磁盘的空间');
  expect(environmentError(Object.assign(new Error('x'), { name: 'SqliteError', code: 'SQLITE_FULL' }), '/ws/taizhang.db')!.message).toBe('磁盘空间已满，无法写入台账“/ws/taizhang.db”。');
  expect(environmentError(new TypeError('a bug'))).toBeNull();
});

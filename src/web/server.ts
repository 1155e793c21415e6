// The 工作台: a local web server on one workspace. Every page and action calls the same stage functions as the CLI
// on the same ledger, so the two always agree; this file only turns requests into those calls and their results
// into pages. Security (token, Host, Origin, LAN password) is enforced in one hook before any route runs.
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createReadStream, createWriteStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Zip, ZipPassThrough } from 'fflate';
import { LEDGER_FILE } from '../ledger/file.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { displayIssuer, displayTitle, type Plan } from '../model/plan.ts';
import { safeFileName } from '../sheets/assign.ts';
import { internalErrorMessage, UserError } from '../util/errors.ts';
import { readThresholds, type Thresholds } from '../model/thresholds.ts';
import { displayTime, today as todayInBeijing } from '../util/time.ts';
import { Downloads } from './downloads.ts';
import { Jobs } from './jobs.ts';
import { COOKIE, LoginThrottle, Sessions, fromOwnPage, passwordMatches, sameSecret, type Access } from './security.ts';
import { Views, WEB_DIR } from './views.ts';

export interface WorkbenchOptions {
  workspace: string;
  access: Access;
  /** The date deadlines are judged against (fixed in tests, as the CLI's --today). */
  today?: () => string;
  /** The moment of collection (fixed in tests, as TAIZHANG_NOW). */
  now?: () => Date;
  /** Per uploaded file; the collect checks apply to each file whatever its size below this. */
  maxFileBytes?: number;
}

const MB = 1 << 20;
/** Files in one upload: a province's units, with room to spare. */
const MAX_UPLOAD_FILES = 20_000;
const PLAN_EXTENSIONS = ['.docx', '.txt', '.xlsx', '.pdf', '.doc', '.wps', '.rtf', '.json'];

export async function createWorkbench(o: WorkbenchOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MB, trustProxy: false });
  await app.register(cookie);
  // The collect page sends each file's time as a field before it: a field per file, and a few for the forms.
  await app.register(multipart, { limits: { fileSize: o.maxFileBytes ?? 50 * MB, files: MAX_UPLOAD_FILES, fields: MAX_UPLOAD_FILES + 20, parts: 2 * MAX_UPLOAD_FILES + 20, fieldSize: 64 * 1024 } });
  const views = new Views();
  const downloads = new Downloads();
  const jobs = new Jobs();
  const streamed = (reply: FastifyReply, work: (send: (line: Record<string, unknown>) => void) => Promise<void>) => followJob(reply, jobs, jobs.start(work));
  const sessions = new Sessions();
  const throttle = new LoginThrottle();
  const ws = o.workspace;
  const today = o.today ?? (() => todayInBeijing());
  const lan = o.access.password !== null;
  // Uploads are removed once read; a folder left by a run that was killed meanwhile is removed a day later.
  await removeStaleUploads(join(ws, '.uploads'));

  // --- Security: before any route -------------------------------------------------------------------------------
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Frame-Options', 'DENY');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    // DNS rebinding: a page of another site whose name now points at 127.0.0.1 still sends its own Host.
    if (!o.access.hosts.has(req.headers.host ?? '')) return reply.code(421).type('text/plain; charset=utf-8').send('拒绝访问：请求的主机名不是本工作台的地址。');
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/assets/')) return;
    if (lan && (url.pathname === '/login')) return;
    const credential = req.cookies[COOKIE];
    const allowed = lan ? sessions.valid(credential) : sameSecret(credential, o.access.token);
    if (!allowed) {
      // The printed address carries the token once; it is then kept in a cookie and taken out of the address bar.
      if (!lan && req.method === 'GET' && sameSecret(url.searchParams.get('token') ?? undefined, o.access.token)) {
        url.searchParams.delete('token');
        reply.setCookie(COOKIE, o.access.token, { path: '/', httpOnly: true, sameSite: 'strict' });
        return reply.redirect(`${url.pathname}${url.search}`, 303);
      }
      if (lan && req.method === 'GET') return reply.redirect('/login', 303);
      return reply.code(401).type('text/html; charset=utf-8').send(views.render('denied', '无法访问', { lan }));
    }
    // Anything that changes state must come from our own pages, not from another site the clerk has open.
    if (!['GET', 'HEAD'].includes(req.method) && !fromOwnPage(o.access, req.headers.origin, req.headers.referer)) {
      return reply.code(403).type('application/json; charset=utf-8').send({ error: '拒绝请求：操作须从本工作台的页面发起。' });
    }
  });

  app.setErrorHandler((e, req, reply) => {
    const user = e instanceof UserError ? e : (e as { statusCode?: number }).statusCode && (e as { statusCode: number }).statusCode < 500 ? new UserError(chineseHttpError(e as Error)) : null;
    const api = req.url.startsWith('/api/') || req.method !== 'GET';
    if (user) {
      reply.code((e as { statusCode?: number }).statusCode ?? 400);
      return api ? reply.send({ error: user.message, hint: user.hint }) : reply.type('text/html; charset=utf-8').send(views.render('error', '出错了', { message: user.message, hint: user.hint }));
    }
    reply.code(500);
    const message = internalErrorMessage(e);
    return api ? reply.send({ error: message, internal: true }) : reply.type('text/html; charset=utf-8').send(views.render('error', '程序内部错误', { message, internal: true, stack: (e as Error).stack }));
  });

  // --- Shared helpers ---------------------------------------------------------------------------------------------
  const hasLedger = () => existsSync(join(ws, LEDGER_FILE));
  async function withLedger<T>(create: boolean, f: (ledger: Ledger) => Promise<T> | T): Promise<T | null> {
    if (!create && !hasLedger()) return null;
    const { Ledger } = await import('../ledger/ledger.ts');
    const ledger = new Ledger(ws, { create });
    try {
      return await f(ledger);
    } finally {
      ledger.close();
    }
  }
  const page = (reply: FastifyReply, view: string, title: string, data: Record<string, unknown>, current: string) =>
    reply.type('text/html; charset=utf-8').send(views.render(view, title, { workspace: ws, ...data }, current));
  /** The round a page is about: the one asked for, else the latest. */
  async function roundsAndCurrent(req: FastifyRequest) {
    const wanted = (req.query as { round?: string }).round;
    return (
      (await withLedger(false, (ledger) => {
        const rounds = ledger.rounds();
        const current = rounds.find((r) => r.id === wanted) ?? rounds.at(-1) ?? null;
        if (wanted && !rounds.some((r) => r.id === wanted)) throw new UserError(`台账中没有轮次“${wanted}”。`, '请从“轮次”页面选择已建立的轮次。');
        return { rounds: rounds.map((r) => ({ ...r, selected: r.id === current?.id })), current };
      })) ?? { rounds: [], current: null }
    );
  }
  const roundFolder = (roundId: string, part: string) => join(ws, safeFileName(roundId), part);

  // --- Static assets (served locally: the 工作台 works offline) ----------------------------------------------------
  app.get('/assets/:name', async (req, reply) => {
    const name = (req.params as { name: string }).name;
    const types: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };
    const file = join(WEB_DIR, 'assets', basename(name));
    if (!types[extname(name)] || !existsSync(file)) return reply.code(404).send('');
    return reply.type(types[extname(name)]!).send(readFileSync(file));
  });

  // --- LAN login ---------------------------------------------------------------------------------------------------
  app.get('/login', async (_req, reply) => page(reply, 'login', '登录', {}, ''));
  app.post('/login', async (req, reply) => {
    if (!lan) return reply.redirect('/', 303);
    const address = req.ip;
    const wait = throttle.blockedFor(address);
    if (wait) return reply.code(429).type('text/html; charset=utf-8').send(views.render('login', '登录', { error: `密码错误次数过多，请 ${wait} 分钟后再试。` }));
    const password = ((req.body ?? {}) as { password?: string }).password ?? '';
    if (!passwordMatches(o.access, password)) {
      throttle.fail(address);
      return reply.code(401).type('text/html; charset=utf-8').send(views.render('login', '登录', { error: '密码不正确。' }));
    }
    throttle.succeed(address);
    reply.setCookie(COOKIE, sessions.create(), { path: '/', httpOnly: true, sameSite: 'strict' });
    return reply.redirect('/', 303);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // --- 总览 -------------------------------------------------------------------------------------------------------
  app.get('/', async (req, reply) => {
    const { rounds, current } = await roundsAndCurrent(req);
    if (!current) return page(reply, 'overview', '总览', { empty: true, hasLedger: hasLedger() }, '/');
    const board = await withLedger(false, async (ledger) => {
      const { loadReceipts, receiptWords } = await import('../consolidate/index.ts');
      const { receipts } = loadReceipts(ledger, current.id, today());
      const count = (s: string) => receipts.filter((r) => r.state === s).length;
      return {
        counts: [
          { label: '应报', n: receipts.length, key: '' },
          { label: '已报送', n: count('已报送'), key: '已报送' },
          { label: '逾期报送', n: count('逾期报送'), key: '逾期报送' },
          { label: '退回', n: count('退回'), key: '退回' },
          { label: '未报送', n: count('未报送'), key: '未报送' },
          { label: '逾期未报', n: count('逾期'), key: '逾期' },
        ],
        receipts: receipts.map((r) => ({ ...r, words: receiptWords(r), when: r.receivedAt ? displayTime(r.receivedAt) : '', late: r.state === '逾期' || r.state === '逾期报送' })),
        refused: ledger.refusedFiles(current.id).length,
      };
    });
    return page(reply, 'overview', '总览', { rounds, round: current, roundId: current.id, today: today(), ...board }, '/');
  });

  // --- 计划 -------------------------------------------------------------------------------------------------------
  const plansDir = join(ws, 'plans');
  function listPlans(): { id: string; title: string; file: string; tasks: number; clauses: number }[] {
    const files = [...(existsSync(plansDir) ? readdirSync(plansDir).filter((f) => /^[^.]+\.json$/.test(f)).map((f) => join(plansDir, f)) : []), ...(existsSync(join(ws, 'plan.json')) ? [join(ws, 'plan.json')] : [])];
    return files.flatMap((file) => {
      try {
        const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
        return [{ id: plan.id, title: displayTitle(plan), file: basename(file), tasks: plan.tasks.length, clauses: plan.tasks.reduce((n, t) => n + t.clauses.length, 0) }];
      } catch {
        return [];
      }
    });
  }
  async function planById(id: string): Promise<{ plan: Plan; file: string }> {
    const { loadPlanJson } = await import('../plan/index.ts');
    for (const file of [join(plansDir, `${safeFileName(id)}.json`), join(ws, 'plan.json')]) {
      if (!existsSync(file)) continue;
      const plan = await loadPlanJson(file);
      if (plan.id === id) return { plan, file };
    }
    throw new UserError(`工作目录中没有编号为“${id}”的任务清单。`, '请在“计划”页面上传工作要点。');
  }
  app.get('/plans', async (_req, reply) => page(reply, 'plans', '计划', { plans: listPlans(), extensions: PLAN_EXTENSIONS.join(',') }, '/plans'));
  /** One uploaded file, streamed into its own folder under .uploads, with the form's fields. */
  async function receiveOne(req: FastifyRequest, extensions: string[], what: string): Promise<{ path: string; fields: Record<string, string>; cleanup: () => Promise<void> }> {
    const upload = join(ws, '.uploads', `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
    const cleanup = () => rm(upload, { recursive: true, force: true });
    await mkdir(upload, { recursive: true });
    const fields: Record<string, string> = {};
    let saved: string | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value ?? '');
      else {
        const name = safeFileName(basename(part.filename || 'upload'));
        if (!extensions.includes(extname(name).toLowerCase())) {
          part.file.resume();
          await cleanup();
          throw new UserError(`文件“${name}”不是可读取的${what}格式。`, `请上传 ${extensions.join('、')} 文件。`);
        }
        saved = join(upload, name);
        await pipeline(part.file, createWriteStream(saved));
        if (part.file.truncated) {
          await cleanup();
          throw new UserError(`文件“${name}”超过 ${(o.maxFileBytes ?? 50 * MB) / MB} MB，未读取。`);
        }
      }
    }
    if (!saved) {
      await cleanup();
      throw new UserError('没有收到文件。', `请选择要上传的${what}文件。`);
    }
    return { path: saved, fields, cleanup };
  }
  app.post('/plans', async (req, reply) => {
    const { path, fields, cleanup } = await receiveOne(req, PLAN_EXTENSIONS, '工作要点');
    const { readPlan } = await import('../plan/index.ts');
    // The plan keeps the source's name and digest; the uploaded copy is not kept.
    const plan = await readPlan(path, { title: fields.title || undefined, issuer: fields.issuer || undefined }).finally(cleanup);
    await savePlan(plan);
    return reply.redirect(`/plans/${encodeURIComponent(plan.id)}`, 303);
  });
  /** Saves a plan under its id; an earlier version of the same plan is kept beside it, never overwritten. */
  async function savePlan(plan: Plan): Promise<void> {
    await mkdir(plansDir, { recursive: true });
    const file = join(plansDir, `${safeFileName(plan.id)}.json`);
    if (existsSync(file)) await rename(file, join(plansDir, `.${safeFileName(plan.id)}.${new Date().toISOString().replace(/[:.]/g, '')}.json`));
    await writeFile(file, `${JSON.stringify(plan, null, 2)}\n`);
  }
  // The plan page is its 任务分解表 as an editable grid: the same sheets, columns and row numbers as the workbook
  // `plan export` writes, checked on saving by the same applyReview as `plan import`, so a message names the cell
  // the clerk sees.
  const EDITABLE: Record<string, number[] | 'all'> = { 任务分解表: [5, 6, 7, 10, 11], 责任单位: 'all', 目标值: [1, 3, 4, 5, 6, 7], 指标: 'all' };
  app.get('/plans/:id', async (req, reply) => {
    const { plan, file } = await planById((req.params as { id: string }).id);
    const [{ summarizePlan }, { reviewSheets, REVIEW_COLUMNS }] = await Promise.all([import('../plan/summary.ts'), import('../plan/review.ts')]);
    const { sheets, unassigned } = reviewSheets(plan);
    const grids = (Object.entries(sheets) as [string, (string | number | null)[][]][]).map(([name, rows], index) => {
      const editable = EDITABLE[name]!;
      const columns = REVIEW_COLUMNS[name as keyof typeof REVIEW_COLUMNS].map((title, i) => ({ title, editable: editable === 'all' || editable.includes(i + 1) }));
      return {
        name,
        index,
        first: index === 0,
        // Rows may be added where a row is a thing of its own (a unit, a target, an indicator), not to the clauses.
        addable: name !== '任务分解表',
        removable: name === '目标值' || name === '指标',
        columns,
        // The reader's doubts stand in the 任务分解表's last column (待核对): those rows are shaded and can be shown alone.
        doubtful: name === '任务分解表' ? rows.filter((cells) => !!cells[cells.length - 1]).length : 0,
        rows: rows.map((cells, i) => ({
          n: i + 2,
          unassigned: name === '任务分解表' && i >= rows.length - unassigned,
          doubtful: name === '任务分解表' && !!cells[cells.length - 1],
          cells: cells.map((v, c) => ({ value: v === null ? '' : String(v), editable: columns[c]!.editable, long: String(v ?? '').length > 40 || (name === '任务分解表' && (c === 4 || c === 5)) })),
        })),
        blank: columns.map((c) => ({ editable: c.editable })),
      };
    });
    const earlier = existsSync(plansDir) ? readdirSync(plansDir).filter((f) => f.startsWith(`.${safeFileName(plan.id)}.`)).length : 0;
    const changes = lastChanges.get(plan.id);
    lastChanges.delete(plan.id);
    return page(reply, 'plan', displayTitle(plan), { plan, title: displayTitle(plan), issuer: displayIssuer(plan), file: basename(file), summary: summarizePlan(plan), grids, unassigned, earlier, changes }, '/plans');
  });
  /** What the last save or import changed, shown once on the plan page it leads to. */
  const lastChanges = new Map<string, string[]>();
  app.post('/api/plans/:id/review', { bodyLimit: 16 * MB }, async (req, reply) => {
    const { plan } = await planById((req.params as { id: string }).id);
    const { applyReview, ReviewProblems, REVIEW_SHEETS } = await import('../plan/review.ts');
    const sent = ((req.body ?? {}) as { sheets?: Record<string, unknown> }).sheets ?? {};
    const sheets: Record<string, string[][]> = {};
    for (const name of Object.values(REVIEW_SHEETS)) {
      const rows = sent[name];
      if (rows === undefined) continue;
      if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))) throw new UserError(`提交的“${name}”表格式不正确。`, '请刷新页面后重新修改。');
      sheets[name] = rows as string[][];
    }
    try {
      const { plan: changed, changes } = applyReview(plan, sheets, '任务分解表');
      if (!changes.length) return reply.send({ changes: [], saved: false });
      await savePlan(changed);
      lastChanges.set(changed.id, changes);
      return reply.send({ changes, saved: true, warnings: changed.warnings.length });
    } catch (e) {
      if (e instanceof ReviewProblems) return reply.code(400).send({ error: `有 ${e.problems.length} 处问题，未保存。`, hint: '请按标红单元格的提示修改后再保存。', problems: e.problems });
      throw e;
    }
  });
  // A 任务分解表 reviewed in Excel or WPS and uploaded back: the same `plan import`.
  app.post('/plans/review', async (req, reply) => {
    const saved = await receiveOne(req, ['.xlsx'], '任务分解表');
    const { importReview } = await import('../plan/review.ts');
    const { plan, changes } = await importReview(saved.path).finally(saved.cleanup);
    await savePlan(plan);
    lastChanges.set(plan.id, changes.length ? changes : ['任务分解表与当前任务清单一致，没有修改。']);
    return reply.redirect(`/plans/${encodeURIComponent(plan.id)}`, 303);
  });
  // The 任务分解表 is written when asked for, not at every view of the plan.
  app.get('/plans/:id/review.xlsx', async (req, reply) => {
    const { plan } = await planById((req.params as { id: string }).id);
    const { exportReview } = await import('../plan/review.ts');
    const dir = await mkdtemp(join(tmpdir(), 'taizhang-review-'));
    const file = join(dir, '任务分解表.xlsx');
    await exportReview(plan, file);
    // Written for this download only, and removed once it is sent (or the download is abandoned).
    reply.raw.once('close', () => void rm(dir, { recursive: true, force: true }));
    reply.header('Content-Disposition', attachment(`任务分解表_${safeFileName(plan.title || plan.id)}.xlsx`));
    return reply.type(contentType(file)).send(createReadStream(file));
  });

  // --- 轮次 -------------------------------------------------------------------------------------------------------
  app.get('/rounds', async (req, reply) => {
    const { rounds, current } = await roundsAndCurrent(req);
    const { readSettings } = await import('../ledger/settings.ts');
    const listed = await Promise.all(
      rounds.map(async (r) => {
        const issued = roundFolder(r.id, '下发');
        const list = join(issued, '下发清单.xlsx');
        return { ...r, listId: existsSync(list) ? downloads.register(list, `下发清单_${r.id}.xlsx`) : null, zip: existsSync(issued) };
      }),
    );
    return page(reply, 'rounds', '轮次', { rounds: listed, plans: listPlans(), contact: readSettings(ws).contact ?? '', roundId: current?.id }, '/rounds');
  });
  app.post('/api/rounds', async (req, reply) => {
    const body = (req.body ?? {}) as { plan?: string; round?: string; deadline?: string; contact?: string; password?: string; prefill?: boolean };
    if (!body.plan) throw new UserError('请选择任务清单。');
    if (!body.round) throw new UserError('请填写轮次，如 2025-Q3、2025-09、2025-H1 或 2025-年终。');
    const [{ parseRound }, { issueRound }] = await Promise.all([import('../model/round.ts'), import('../sheets/issue.ts')]);
    const { plan } = await planById(body.plan);
    const round = parseRound(body.round.trim(), body.deadline?.trim() || undefined, { year: plan.year });
    const outDir = roundFolder(round.id, '下发');
    return streamed(reply, async (send) => {
      const result = await withLedger(true, (ledger) =>
        issueRound(ledger, { plan, round, outDir, password: body.password || undefined, contact: body.contact || undefined, prefill: body.prefill !== false, onProgress: (done, total) => done % 50 === 0 || done === total ? send({ progress: { done, total } }) : undefined }),
      );
      send({ done: { round: round.id, label: round.label, deadline: round.deadline, files: result!.files.length, unassigned: result!.unassigned.map((u) => `${u.clause.id} ${u.task.lead}`) } });
    });
  });
  app.get('/rounds/:id/issued.zip', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const expected = await withLedger(false, (ledger) => {
      ledger.requireRound(id);
      return ledger.expected(id);
    });
    if (!expected) throw new UserError('工作目录中还没有台账。');
    const dir = roundFolder(id, '下发');
    const files = [...expected.map((e) => e.file), '下发清单.xlsx'].filter((f) => existsSync(join(dir, f)));
    if (!files.length) throw new UserError(`轮次 ${id} 的调度表不在 ${dir}，无法打包下载。`, '可能是用命令行 -o 指定了其他目录：请到该目录取用。');
    // Streamed, stored (an xlsx is compressed already): memory does not grow with the number of workbooks.
    reply.hijack();
    reply.raw.writeHead(200, { ...headersOf(reply), 'Content-Type': 'application/zip', 'Content-Disposition': attachment(`${id}_调度表.zip`) });
    const zip = new Zip((err, chunk, final) => {
      if (err) return reply.raw.destroy(err);
      reply.raw.write(chunk);
      if (final) reply.raw.end();
    });
    for (const f of files) {
      const entry = new ZipPassThrough(f);
      entry.mtime = statSync(join(dir, f)).mtime;
      zip.add(entry);
      for await (const chunk of createReadStream(join(dir, f))) entry.push(chunk as Uint8Array);
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  });

  // --- 收集 -------------------------------------------------------------------------------------------------------
  app.get('/collect', async (req, reply) => {
    const { rounds, current } = await roundsAndCurrent(req);
    return page(reply, 'collect', '收集', { rounds, round: current, roundId: current?.id }, '/collect');
  });
  app.post('/api/rounds/:id/collect', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    await withLedger(false, (ledger) => ledger.requireRound(id));
    // Each upload is kept as received, in its own folder of the round's inbox: the archive keeps the originals,
    // and the folder says when and how they came.
    const inbox = join(roundFolder(id, '收件箱'), `网页上传_${new Date().toISOString().replace(/[:.]/g, '').slice(0, 15)}_${Math.random().toString(36).slice(2, 6)}`);
    await mkdir(inbox, { recursive: true });
    const used = new Set<string>();
    const tooLarge: string[] = [];
    // The page sends each file's own time (File.lastModified) just before it, as the CLI reads a file's own time.
    let lastModified: number | null = null;
    for await (const part of req.parts()) {
      if (part.type !== 'file') {
        if (part.fieldname === 'lastModified') lastModified = Number(part.value);
        continue;
      }
      // A folder upload sends relative paths: each file keeps its name, made safe and unique, in one flat folder.
      let name = safeFileName(basename((part.filename || '未命名').replace(/\\/g, '/'))) || '未命名';
      for (let n = 2; used.has(name); n++) name = name.replace(/(\.[^.]*)?$/, (ext) => `_${n}${ext}`);
      used.add(name);
      await pipeline(part.file, createWriteStream(join(inbox, name)));
      if (part.file.truncated) tooLarge.push(name);
      if (lastModified !== null && Number.isFinite(lastModified) && lastModified > 0) await utimes(join(inbox, name), new Date(lastModified), new Date(lastModified));
      lastModified = null;
    }
    return streamed(reply, async (send) => {
      for (const name of tooLarge) send({ file: name, outcome: { kind: 'unusable', reason: `文件超过 ${(o.maxFileBytes ?? 50 * MB) / MB} MB，远超调度表的正常大小，未收取` } });
      const { collect } = await import('../collect/index.ts');
      await withLedger(false, (ledger) =>
        collect({
          ledger,
          roundId: id,
          paths: readdirSync(inbox).filter((f) => !tooLarge.includes(f)).map((f) => join(inbox, f)),
          outDir: roundFolder(id, '收集'),
          now: o.now,
          onFile: (e) => {
            const outcome = e.outcome as Record<string, unknown>;
            // Derived files are offered by id; their paths stay on the server.
            const links = 'returnWorkbook' in outcome ? { returnWorkbookId: downloads.register(String(outcome.returnWorkbook)), receiptId: downloads.register(String(outcome.receipt)) } : {};
            const { returnWorkbook: _w, receipt: _r, ...rest } = outcome;
            send({ file: basename(e.file), outcome: { ...rest, ...links } });
          },
        }),
      );
    });
  });
  app.get('/units/:unit', async (req, reply) => {
    const unit = (req.params as { unit: string }).unit;
    const { current } = await roundsAndCurrent(req);
    if (!current) throw new UserError('台账中还没有轮次。');
    const { history, issued } = (await withLedger(false, (ledger) => ({
      history: ledger.history(current.id, unit).map((s) => ({
        ...s,
        when: displayTime(s.receivedAt),
        file: basename(s.originalPath),
        archiveId: downloads.register(s.archivePath, basename(s.originalPath)),
        problems: ledger.problemsOf(s.id).filter((p) => p.severity === 'error'),
        superseded: s.supersededBy !== null,
      })),
      // The unit's own workbook of this round, for the clerk who sends it again by hand.
      issued: ledger.expected(current.id).find((e) => e.unit === unit)?.file ?? null,
    })))!;
    const issuedPath = issued ? join(roundFolder(current.id, '下发'), issued) : null;
    const issuedId = issuedPath && existsSync(issuedPath) ? downloads.register(issuedPath, issued!) : null;
    return page(reply, 'unit', unit, { unit, round: current, roundId: current.id, history, issuedId }, '/');
  });

  // --- 进度 -------------------------------------------------------------------------------------------------------
  app.get('/progress', async (req, reply) => {
    const { rounds, current } = await roundsAndCurrent(req);
    if (!current) return page(reply, 'progress', '进度', { rounds }, '/progress');
    const data = await withLedger(false, async (ledger) => {
      const [{ loadRoundProgress }, { chapterChartSvg }] = await Promise.all([import('../consolidate/index.ts'), import('../report/chart.ts')]);
      const { progress } = loadRoundProgress(ledger, current.id, today(), thresholdsOf(req.query));
      // Each clause's answers in the earlier rounds of the same plan, newest first, under this round's answers.
      const history = new Map<string, { round: string; unit: string; status: string; value: string; progress: string }[]>();
      const earlier = ledger.rounds().filter((r) => r.planId === current.planId && r.end < current.start).reverse();
      for (const r of earlier) {
        for (const sub of ledger.currentSubmissions(r.id)) {
          if (sub.outcome !== 'accepted') continue;
          for (const e of ledger.entries(sub.id)) {
            const list = history.get(e.clauseId) ?? [];
            list.push({ round: r.label, unit: sub.unit, status: e.status ?? '', value: e.valueText ?? (e.value === null ? '' : String(e.value)), progress: e.progress ?? '' });
            history.set(e.clauseId, list);
          }
        }
      }
      const chapters = progress.chapters.map((c) => ({ ...c, clauseList: progress.clauses.filter((x) => x.chapterId === c.chapterId).map((x) => ({ ...x, history: history.get(x.clauseId) ?? [] })) }));
      const units = new Map<string, { unit: string; lead: number; cooperate: number; reported: number; behind: number; stagnant: number }>();
      for (const c of progress.clauses) {
        for (const a of c.answers) {
          const u = units.get(a.unit) ?? { unit: a.unit, lead: 0, cooperate: 0, reported: 0, behind: 0, stagnant: 0 };
          if (a.role === '牵头') u.lead++;
          else u.cooperate++;
          if (a.reported) u.reported++;
          if (a.status === '滞后') u.behind++;
          if (a.stagnant) u.stagnant++;
          units.set(a.unit, u);
        }
      }
      return { chapters, units: [...units.values()], chart: chapterChartSvg(progress, 900, 420), thresholds: progress.thresholds };
    });
    return page(reply, 'progress', '进度', { rounds, round: current, roundId: current.id, ...data }, '/progress');
  });

  // --- 报告 -------------------------------------------------------------------------------------------------------
  app.get('/reports', async (req, reply) => {
    const { rounds, current } = await roundsAndCurrent(req);
    const [{ readSettings }, { DOCUMENTS, defaultTemplates }] = await Promise.all([import('../ledger/settings.ts'), import('../report/index.ts')]);
    const chosen = current ? defaultTemplates(current) : [];
    const documents = Object.entries(DOCUMENTS).map(([template, name]) => ({ template, name, checked: chosen.includes(template) }));
    return page(reply, 'reports', '报告', { rounds, round: current, roundId: current?.id, documents, settings: readSettings(ws), today: today() }, '/reports');
  });
  app.post('/api/rounds/:id/reports', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const body = (req.body ?? {}) as { templates?: string[]; date?: string; yellow?: string; red?: string; metrics?: string; settings?: Record<string, string>; force?: boolean };
    const [{ loadRoundProgress }, { renderReports }, { readSettings, writeSettings }, { Settings }] = await Promise.all([
      import('../consolidate/index.ts'),
      import('../report/index.ts'),
      import('../ledger/settings.ts'),
      import('../model/settings.ts'),
    ]);
    let metrics: import('../model/metrics.ts').Metrics = {};
    if (body.metrics?.trim()) {
      let json: unknown;
      try {
        json = JSON.parse(body.metrics);
      } catch (e) {
        throw new UserError(`补充数据不是有效的 JSON（${(e as Error).message}）。`, '应写作 {"行政处罚案件数": 216}。');
      }
      metrics = (await import('../model/metrics.ts')).parseMetrics(json, '补充数据');
    }
    if (body.settings) {
      const next = Object.fromEntries(Object.entries({ ...readSettings(ws), ...body.settings }).filter(([, v]) => v !== undefined && v !== ''));
      const parsed = Settings.safeParse(next);
      if (!parsed.success) throw new UserError(`公文设置有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}。`);
      await writeSettings(ws, parsed.data);
    }
    const result = await withLedger(false, async (ledger) => {
      const { progress, plan } = loadRoundProgress(ledger, id, today(), thresholdsOf(body));
      return renderReports({ progress, plan, outDir: roundFolder(id, '报告'), templates: body.templates?.length ? body.templates : undefined, date: body.date || today(), metrics, settings: readSettings(ws), force: body.force });
    });
    if (!result) throw new UserError('工作目录中还没有台账。');
    return { files: result.files.map((f) => ({ name: basename(f), id: downloads.register(f) })), missing: result.missing, truncated: result.truncated.length };
  });

  // --- 催报 -------------------------------------------------------------------------------------------------------
  app.get('/urge', async (req, reply) => {
    const { rounds, current } = await roundsAndCurrent(req);
    if (!current) return page(reply, 'urge', '催报', { rounds }, '/urge');
    const until = (req.query as { until?: string }).until || undefined;
    const data = await withLedger(false, async (ledger) => {
      const [{ loadReceipts }, { urgeList, urgeNotice }] = await Promise.all([import('../consolidate/index.ts'), import('../consolidate/status.ts')]);
      const { receipts, round } = loadReceipts(ledger, current.id, today());
      const byUnit = new Map(receipts.map((r) => [r.unit, r]));
      const files = new Map(ledger.expected(current.id).map((e) => [e.unit, e.file]));
      const list = urgeList(receipts, round).map((u) => ({ ...u, reporter: byUnit.get(u.unit)?.reporter ?? '', phone: byUnit.get(u.unit)?.phone ?? '', file: files.get(u.unit) ?? '' }));
      return { list, notice: urgeNotice(receipts, round, today(), until) };
    });
    return page(reply, 'urge', '催报', { rounds, round: current, roundId: current.id, today: today(), until, ...data }, '/urge');
  });

  // --- Jobs: a page reloaded while its work runs follows it again -----------------------------------------------
  app.get('/api/jobs/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!jobs.has(id)) return reply.code(404).send({ error: '这项操作的进度已不在工作台中（工作台可能已重启）。', hint: '操作的结果已记入台账，请刷新页面查看。' });
    return followJob(reply, jobs, id);
  });

  // --- Downloads, by id only ----------------------------------------------------------------------------------------
  app.get('/download/:id', async (req, reply) => {
    const file = downloads.get((req.params as { id: string }).id);
    if (!file || !existsSync(file.path)) throw Object.assign(new UserError('下载链接已失效，请刷新页面后重试。'), { statusCode: 404 });
    reply.header('Content-Disposition', attachment(file.name));
    return reply.type(contentType(file.name)).send(createReadStream(file.path));
  });

  return app;
}

/** The form's thresholds, by the command line's rule (model/thresholds.ts); none given: the defaults. */
function thresholdsOf(q: unknown): Thresholds {
  const { yellow, red } = (q ?? {}) as { yellow?: string; red?: string };
  return readThresholds({ yellow, red });
}

/**
 * A streamed answer of one JSON object per line, so the page shows each result as it comes: first the job's id
 * (the page keeps it, and follows the job again after a reload), then every line the job has sent and sends. The
 * work is a job of its own (jobs.ts): it goes on if the page goes away.
 */
function followJob(reply: FastifyReply, jobs: Jobs, id: string): FastifyReply {
  reply.hijack();
  // Written past Fastify, so the security headers the hook set on the reply are carried over by hand.
  reply.raw.writeHead(200, { ...headersOf(reply), 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  reply.raw.write(`${JSON.stringify({ job: id })}\n`);
  const stop = jobs.follow(id, (line) => (line === null ? reply.raw.end() : void reply.raw.write(`${JSON.stringify(line)}\n`)));
  reply.raw.on('close', () => stop?.());
  return reply;
}

async function removeStaleUploads(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < dayAgo) await rm(path, { recursive: true, force: true });
  }
}

/** The headers set on a reply so far (the security headers of the hook), for a response written past Fastify. */
function headersOf(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(Object.entries(reply.getHeaders()).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function contentType(name: string): string {
  const ext = extname(name).toLowerCase();
  return (
    { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.txt': 'text/plain; charset=utf-8', '.zip': 'application/zip' }[ext] ??
    'application/octet-stream'
  );
}

function chineseHttpError(e: Error & { code?: string }): string {
  if (e.code === 'FST_REQ_FILE_TOO_LARGE') return '上传的文件过大，未收取。';
  if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT') return `一次上传的文件过多（上限 ${MAX_UPLOAD_FILES} 个），未收取。请分批上传，或打包为 zip 后上传。`;
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return '请求格式不正确。';
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return '提交的内容过大。';
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return '提交的内容不是有效的 JSON。';
  return `请求无法处理（${e.message}）。`;
}

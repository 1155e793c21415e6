// `npm run bench`: taizhang beside two peers (bench/peers: an openpyxl script and a raw-XML baseline) on the same
// data, as whole processes (start-up included), alternating the tools, with medians of several runs, the ratios
// taken within one run, and each process's peak memory. Per scale: a synthetic plan shaped like a provincial one,
// every unit's workbook filled in (10% of them with a mistake, so 退回重报 workbooks and 回执 are written), then
// generate, collect and report are timed, and the start of `--help` and `status`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planHash, type Plan, type RegistryUnit } from '../model/plan.ts';
import { parseRound } from '../model/round.ts';
import { assignUnits } from '../sheets/assign.ts';
import { workbookFileName } from '../sheets/generate.ts';
import { buildWorkbook, sheetProtection, type InputValues } from '../sheets/workbook.ts';
import { INPUT_KEYS, layoutDescription, META_SHEET } from '../workbook/layout.ts';
import { inputsDigest } from '../workbook/identification.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PEERS = join(ROOT, 'bench', 'peers');
const ROUND = '2025-Q3';
const TODAY = '2025-10-20';
// Debian's python3, which has python3-openpyxl; a python3 earlier on PATH (pyenv, conda) may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Departments (省直部门-like units) that lead and cooperate; the other units are local ones in a few groups. */
const DEPARTMENTS = 60;
/** Groups such as `各市`: a clause naming one gives a row to every member. Fixed in number, so the rows per unit stay constant with scale. */
const GROUPS = 5;
const TASKS = 500;

/**
 * A plan shaped like a provincial one: 500 tasks in 20 chapters, each led by a department with up to two
 * cooperating ones; 40% also name a group of local units (each member gets the row), 10% a catch-all (no
 * workbook). Clause texts of real length. Every unit holds about 15–40 rows whatever the scale.
 */
export function syntheticPlan(units: number): Plan {
  const departments = Array.from({ length: Math.min(DEPARTMENTS, units) }, (_, i) => `第${i + 1}部门`);
  const locals = Array.from({ length: units - departments.length }, (_, i) => `第${i + 1}县区`);
  const groupCount = locals.length ? GROUPS : 0;
  const groups = Array.from({ length: groupCount }, (_, g) => ({
    name: `第${g + 1}片区各县区`,
    members: locals.filter((_, i) => i % groupCount === g),
  }));
  const catchAll = '其他有关单位';
  const chapters = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), number: `${'一二三四五六七八九十'[i % 10]}${i >= 10 ? '（续）' : ''}、`, title: `第${i + 1}方面重点工作`, sections: [] }));
  const registry: RegistryUnit[] = [
    ...departments.map((name) => ({ name, aliases: [], kind: 'unit' as const, members: [] })),
    ...groups.map((g) => ({ name: g.name, aliases: [], kind: 'group' as const, members: g.members })),
    { name: catchAll, aliases: [], kind: 'catchall' as const, members: [] },
  ];
  return {
    schema: 'taizhang/plan@1',
    id: `bench${units}`,
    title: `基准测试工作要点（${units}个单位）`,
    issuer: '基准测试厅',
    year: 2025,
    source: { file: 'synthetic', format: 'json', sha256: '0'.repeat(64), encoding: 'UTF-8' },
    chapters,
    tasks: Array.from({ length: TASKS }, (_, t) => {
      const chapter = String((t % 20) + 1);
      const id = `${chapter}.${Math.floor(t / 20) + 1}`;
      const count = (t % 90) + 10;
      const text = `推进第${t + 1}项重点工作。围绕年度目标，完成${count}家重点企业专项检查和隐患排查整治，建立问题清单、责任清单和整改清单，实行销号管理；每季度调度进展，年底前形成总结报告并报送省政府。`;
      const lead = departments[t % departments.length]!;
      const cooperating = [1, 2].slice(0, t % 3).map((k) => departments[(t + k * 7) % departments.length]!).filter((d) => d !== lead);
      const assignments = [
        { unit: lead, role: '牵头' as const },
        ...[...new Set(cooperating)].map((unit) => ({ unit, role: '配合' as const })),
        ...(groups.length && t % 5 < 2 ? [{ unit: groups[(Math.floor(t / 5) * 2 + (t % 5)) % groups.length]!.name, role: '配合' as const }] : []),
        ...(t % 10 === 9 ? [{ unit: catchAll, role: '配合' as const }] : []),
      ];
      return {
        id,
        chapterId: chapter,
        sectionId: null,
        number: String(Math.floor(t / 20) + 1),
        lead: `推进第${t + 1}项重点工作`,
        text,
        clauses: [
          {
            id,
            text,
            assignments,
            targets: [{ value: count, unit: '家', comparator: '完成', words: `完成${count}家重点企业专项检查` }],
            deadline: { words: '每季度', meaning: { kind: 'recurring' as const, every: 'quarter' as const } },
            annotation: null,
            line: null,
          },
        ],
        line: null,
      };
    }),
    indicators: [],
    units: registry,
    warnings: [],
  };
}

/** Writes plan.json, assign.json (the peers' input) and inbox/ (every unit's workbook, filled in) under `dir`. */
export async function prepareData(units: number, dir: string): Promise<{ workbooks: number; invalid: number; rows: number }> {
  const plan = syntheticPlan(units);
  const round = parseRound(ROUND);
  const hash = planHash(plan);
  const header = { reporter: '张明', phone: '0531-86161234', date: '2025-10-08' };
  const { assignments } = assignUnits(plan);
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  // The workbook layout the peers must implement (they refuse to run against another: see bench/peers/README.md).
  writeFileSync(join(dir, 'layout.json'), JSON.stringify(layoutDescription()));
  const protection = sheetProtection();
  let invalid = 0;
  let rows = 0;
  const assign = [];
  for (const [k, a] of assignments.entries()) {
    // Each unit's own figures and statuses, as real returns differ: no two units' sheets are the same bytes.
    // A task reported done has reached its target (otherwise validation rightly returns it).
    const fill = a.rows.map((r, i) => ({ status: (i + k) % 9 === 0 ? '已完成' : '序时推进', value: (i + k) % 9 === 0 ? (r.clause.targets[0]?.value ?? 100) : ((i * 7 + k * 13) % 97) + 5, progress: `${a.unit}按计划推进第${i + 1}项工作，完成阶段性任务。`, nextSteps: '继续推进。' }));
    const values = new Map<string, InputValues>(a.rows.map((r, i) => [r.clause.id, fill[i]!]));
    // One unit in ten forgets its phone number: its workbook is returned with a 退回重报 workbook and a 回执.
    const wrong = k % 10 === 5;
    if (wrong) invalid++;
    rows += a.rows.length;
    const wb = buildWorkbook({ plan, planHash: hash, round, unit: a, protection, values, header: wrong ? { ...header, phone: '' } : header });
    // Issued blank and filled in by the unit: the identification keeps the digest of the blank workbook it was
    // issued as (built with the answers, it would record theirs, and collect would refuse every file as 未填写的下发原表).
    const inputs = wb.getWorksheet(META_SHEET)!.getColumn(1).values.indexOf('inputs');
    wb.getWorksheet(META_SHEET)!.getCell(inputs, 2).value = inputsDigest(a.rows.map(() => INPUT_KEYS.map(() => null)));
    await wb.xlsx.writeFile(join(inbox, `${a.unit}.xlsx`));
    assign.push({ unit: a.unit, file: workbookFileName(a.unit, round), rows: a.rows.map((r) => [r.clause.id, r.role, r.via]), fill });
  }
  writeFileSync(join(dir, 'assign.json'), JSON.stringify({ planId: plan.id, planHash: hash, round: { id: round.id, label: round.label, deadline: round.deadline }, units: assign, header }));
  return { workbooks: assignments.length, invalid, rows };
}

interface Measured {
  ms: number;
  peakMb: number;
}

/** One whole process, timed and measured by bench/measure.py (its own start-up not counted). */
function measure(command: string[], env: Record<string, string> = {}, expect?: RegExp): Measured {
  const r = spawnSync(PYTHON, [join(ROOT, 'bench', 'measure.py'), ...command], { cwd: ROOT, env: { ...process.env, TAIZHANG_NO_PROGRESS: '1', ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`measure.py failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as Measured & { code: number; stdout: string; stderr: string };
  // collect exits 3 when files were returned, as 10% of them are here.
  if (m.code !== 0 && m.code !== 3) throw new Error(`${command.join(' ')} exited with ${m.code}:\n${m.stderr}`);
  // Every tool must have done the same work: the same files taken and returned.
  if (expect && !expect.test(m.stdout)) throw new Error(`${command.join(' ')} did not report ${expect}:\n${m.stdout}`);
  return { ms: m.ms, peakMb: m.peakMb };
}

const TOOLS = ['taizhang', 'openpyxl', 'raw'] as const;
type Tool = (typeof TOOLS)[number];
const TASKS_TIMED = ['generate', 'collect'] as const;
type Timed = (typeof TASKS_TIMED)[number] | 'report' | 'help' | 'status' | 'node' | 'board' | 'webcollect';

export interface ScaleResult {
  units: number;
  workbooks: number;
  invalid: number;
  rowsPerWorkbook: number;
  runs: number;
  /** Median wall time and peak memory of each tool and task. */
  median: Partial<Record<Timed, Partial<Record<Tool, Measured>>>>;
  /** Median over runs of taizhang's time divided by the peer's time in the same run. */
  ratio: Record<(typeof TASKS_TIMED)[number], { openpyxl: number; raw: number }>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runScale(units: number, runs: number, log: (s: string) => void): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), `tz-bench-${units}-`));
  try {
    log(`  准备数据：${units} 个单位的计划和填好的调度表……`);
    const data = await prepareData(units, dir);
    const accepted = data.workbooks - data.invalid;
    const bin = [process.execPath, join(ROOT, 'bin', 'taizhang.js')];
    const peer = { openpyxl: [PYTHON, join(PEERS, 'openpyxl-peer.py')], raw: [process.execPath, join(PEERS, 'raw-peer.mjs')] };
    const samples: Record<string, Measured[]> = {};
    const add = (key: string, m: Measured) => (samples[key] ??= []).push(m);
    const ratios: Record<string, number[]> = {};
    let issuedLedger = '';
    for (let run = 0; run < runs; run++) {
      log(`  第 ${run + 1}/${runs} 次……`);
      const runDir = join(dir, `run${run}`);
      for (const task of TASKS_TIMED) {
        const times: Partial<Record<Tool, number>> = {};
        // Alternate the order from run to run, so that no tool always runs on a warmer or cooler machine.
        const order = TOOLS.map((_, i) => TOOLS[(i + run) % TOOLS.length]!);
        for (const tool of order) {
          const out = join(runDir, `${task}-${tool}`);
          mkdirSync(out, { recursive: true });
          let m: Measured;
          if (task === 'generate') {
            m = tool === 'taizhang'
              ? measure([...bin, 'sheets', 'generate', join(dir, 'plan.json'), '--round', ROUND, '--no-prefill', '-w', out, '-o', join(out, '下发')])
              : measure([...peer[tool], 'generate', join(dir, 'plan.json'), join(out, '下发')]);
            if (tool === 'taizhang' && !issuedLedger) {
              issuedLedger = join(dir, 'issued.db');
              copyFileSync(join(out, 'taizhang.db'), issuedLedger);
            }
          } else if (tool === 'taizhang') {
            // A workspace as generate left it: the round issued, nothing collected yet.
            copyFileSync(issuedLedger, join(out, 'taizhang.db'));
            m = measure([...bin, 'collect', join(dir, 'inbox'), '--round', ROUND, '-w', out], {}, new RegExp(`收取 ${accepted}，退回 ${data.invalid}，未收取 0`));
          } else {
            m = measure([...peer[tool], 'collect', join(dir, 'inbox'), join(out, 'peer.sqlite')], { PERF_DATA: dir }, new RegExp(`accepted ${accepted}, returned ${data.invalid}, refused 0, unusable 0`));
          }
          times[tool] = m.ms;
          add(`${task}:${tool}`, m);
        }
        (ratios[`${task}:openpyxl`] ??= []).push(times.taizhang! / times.openpyxl!);
        (ratios[`${task}:raw`] ??= []).push(times.taizhang! / times.raw!);
      }
      const collected = join(runDir, 'collect-taizhang');
      add('report:taizhang', measure([...bin, 'report', '--round', ROUND, '-w', collected, '--today', TODAY, '--date', TODAY]));
      add('status:taizhang', measure([...bin, 'status', '--round', ROUND, '-w', collected, '--today', TODAY]));
      // The 工作台 on the same data: the board of the collected round, and the same inbox collected through the page.
      const web = await measureWorkbench(collected, issuedLedger, join(dir, 'inbox'), join(runDir, 'web'), accepted);
      add('board:taizhang', { ms: web.boardMs, peakMb: 0 });
      add('webcollect:taizhang', { ms: web.collectMs, peakMb: 0 });
      add('help:taizhang', measure([...bin, '--help']));
      add('node:taizhang', measure([process.execPath, '-e', '0']));
      // Run folders are removed only after the last run: deleting thousands of files just before the next run's
      // tools create thousands slows file creation on some disks (ext4 with discard) and skews whichever runs first.
    }
    const result: ScaleResult = {
      units,
      workbooks: data.workbooks,
      invalid: data.invalid,
      rowsPerWorkbook: Math.round(data.rows / data.workbooks),
      runs,
      median: {},
      ratio: { generate: { openpyxl: 0, raw: 0 }, collect: { openpyxl: 0, raw: 0 } },
    };
    for (const [key, list] of Object.entries(samples)) {
      const [task, tool] = key.split(':') as [Timed, Tool];
      (result.median[task] ??= {})[tool] = { ms: median(list.map((m) => m.ms)), peakMb: median(list.map((m) => m.peakMb)) };
    }
    for (const task of TASKS_TIMED) result.ratio[task] = { openpyxl: median(ratios[`${task}:openpyxl`]!), raw: median(ratios[`${task}:raw`]!) };
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The 工作台 in this process, on a real loopback port: the time to answer the 总览 page of a collected round (the
 * second request, so that the stage modules are loaded), and the time to collect the whole inbox uploaded through
 * the page's own route (multipart by Node's fetch, each file streamed from disk), from the first byte sent to the
 * last outcome read.
 */
async function measureWorkbench(collected: string, issuedLedger: string, inbox: string, workspace: string, accepted: number): Promise<{ boardMs: number; collectMs: number }> {
  const { createWorkbench } = await import('../web/server.ts');
  const { openAsBlob, readdirSync } = await import('node:fs');
  const hosts = new Set<string>();
  const token = 'bench-token-0123456789';
  const open = async (ws: string) => {
    const app = await createWorkbench({ workspace: ws, access: { hosts, token, password: null }, today: () => TODAY });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    hosts.add(`127.0.0.1:${port}`);
    return { app, base: `http://127.0.0.1:${port}`, headers: { cookie: `taizhang_session=${token}`, origin: `http://127.0.0.1:${port}` } };
  };
  const board = await open(collected);
  let boardMs = 0;
  try {
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const response = await fetch(`${board.base}/?round=${ROUND}`, { headers: board.headers });
      const html = await response.text();
      boardMs = performance.now() - t;
      if (!html.includes('id="board"')) throw new Error(`the 总览 page did not show the board (${response.status})`);
    }
  } finally {
    await board.app.close();
  }
  mkdirSync(workspace, { recursive: true });
  copyFileSync(issuedLedger, join(workspace, 'taizhang.db'));
  const page = await open(workspace);
  try {
    const form = new FormData();
    // As the page sends them: each file's own time just before it.
    for (const name of readdirSync(inbox).sort()) {
      form.append('lastModified', String(Date.parse('2025-10-08T09:00:00+08:00')));
      form.append('files', await openAsBlob(join(inbox, name)), name);
    }
    const t = performance.now();
    const response = await fetch(`${page.base}/api/rounds/${ROUND}/collect`, { method: 'POST', body: form, headers: page.headers });
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { outcome?: { kind: string } });
    const collectMs = performance.now() - t;
    const taken = lines.filter((l) => l.outcome?.kind === 'accepted').length;
    if (taken !== accepted) throw new Error(`the 工作台 took ${taken} files, not ${accepted}: ${JSON.stringify(lines.slice(0, 3))}`);
    return { boardMs, collectMs };
  } finally {
    await page.app.close();
  }
}

/** The goals of issue 12, checked against each scale's medians. */
export const GOALS = {
  generate: { openpyxl: 0.15, raw: 1.5 },
  collect: { openpyxl: 0.2, raw: 1.5 },
  startSeconds: 0.3,
  startMb: 100,
  pipelineMb: 200,
  reportMb: 400,
  /** Issue 13: the board of a 2000-unit round in under a second; collecting through the page at the CLI's speed. */
  boardSeconds: 1,
};

export function formatScale(r: ScaleResult): string {
  const s = (m?: Measured) => (m ? `${(m.ms / 1000).toFixed(2).padStart(7)} s ${m.peakMb.toFixed(0).padStart(4)} MB` : ''.padStart(17));
  const mark = (ok: boolean) => (ok ? '✔' : '✘');
  const lines = [
    `${r.units} 个单位：${r.workbooks} 份调度表（每份约 ${r.rowsPerWorkbook} 条，其中 ${r.invalid} 份有错、将被退回），${r.runs} 次运行的中位数`,
    '  环节        taizhang              openpyxl 脚本          原始 XML 基线          taizhang/openpyxl   taizhang/基线',
  ];
  for (const task of TASKS_TIMED) {
    const m = r.median[task]!;
    const ratio = r.ratio[task];
    const goal = GOALS[task];
    lines.push(
      `  ${task === 'generate' ? '生成' : '收集'}      ${s(m.taizhang)}     ${s(m.openpyxl)}     ${s(m.raw)}     ${ratio.openpyxl.toFixed(2).padStart(5)}（≤${goal.openpyxl}）${mark(ratio.openpyxl <= goal.openpyxl)}   ${ratio.raw.toFixed(2).padStart(5)}（≤${goal.raw}）${mark(ratio.raw <= goal.raw)}`,
    );
  }
  const m = r.median;
  lines.push(`  报告      ${s(m.report?.taizhang)}     （全部文档、图表和汇总表；内存目标 < ${GOALS.reportMb} MB ${mark((m.report?.taizhang?.peakMb ?? Infinity) < GOALS.reportMb)}）`);
  lines.push(`  --help    ${s(m.help?.taizhang)}     status ${s(m.status?.taizhang)}     裸 node ${s(m.node?.taizhang)}（启动目标 < ${GOALS.startSeconds} s、< ${GOALS.startMb} MB ${mark([m.help?.taizhang, m.status?.taizhang].every((x) => x && x.ms / 1000 < GOALS.startSeconds && x.peakMb < GOALS.startMb))}）`);
  const board = m.board?.taizhang?.ms ?? Infinity;
  const webCollect = m.webcollect?.taizhang?.ms ?? Infinity;
  const cliCollect = m.collect?.taizhang?.ms ?? Infinity;
  lines.push(
    `  工作台    总览页面 ${(board / 1000).toFixed(2)} s（目标 < ${GOALS.boardSeconds} s ${mark(board / 1000 < GOALS.boardSeconds)}）；网页收集 ${(webCollect / 1000).toFixed(2)} s，为命令行收集的 ${(webCollect / cliCollect).toFixed(2)} 倍（命令行含进程启动）`,
  );
  const pipeline = [m.generate?.taizhang, m.collect?.taizhang];
  lines.push(`  生成、收集的峰值内存目标 < ${GOALS.pipelineMb} MB：${mark(pipeline.every((x) => x && x.peakMb < GOALS.pipelineMb))}`);
  return lines.join('\n');
}

export async function runBench(scales: number[], runs: number, json: boolean): Promise<void> {
  const results: ScaleResult[] = [];
  const log = (line: string) => (json ? undefined : console.log(line));
  for (const units of scales) {
    log(`运行 ${units} 个单位……`);
    const r = await runScale(units, runs, log);
    results.push(r);
    log(`\n${formatScale(r)}\n`);
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

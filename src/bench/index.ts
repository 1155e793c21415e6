// `npm run bench`: a synthetic plan and registry at several scales; times generate, collect and report and
// prints per-stage wall time, ms per workbook and peak memory. Each scale runs in its own process, so the
// peak memory printed is that scale's alone. Filling the workbooks (the units' part) is outside the timings.
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../collect/index.ts';
import { loadRoundProgress } from '../consolidate/index.ts';
import { Ledger } from '../ledger/ledger.ts';
import { planHash, type Plan } from '../model/plan.ts';
import { parseRound } from '../model/round.ts';
import { chapterChartSvg, svgToPng } from '../report/chart.ts';
import { buildContext } from '../report/context.ts';
import { writeDocx } from '../report/docx-writer.ts';
import { loadTemplate, renderTemplate } from '../report/render.ts';
import { writeSummaryWorkbook } from '../report/summary-xlsx.ts';
import { assignUnits } from '../sheets/assign.ts';
import { issueRound } from '../sheets/issue.ts';
import { buildWorkbook, sheetProtection, type InputValues } from '../sheets/workbook.ts';

export type Stage = 'generate' | 'fill' | 'collect' | 'report';

export interface StageResult {
  stage: Stage;
  ms: number;
  workbooks: number;
  /** Peak resident memory of the stage's own process. */
  peakRssMb: number;
  detail: string;
}

export interface ScaleResult {
  units: number;
  tasks: number;
  clausesPerUnit: number;
  stages: Record<Stage, StageResult>;
}

/** A plan of `tasks` tasks in 20 chapters, each unit named in about `perUnit` clauses. */
export function syntheticPlan(units: number, tasks = 500, perUnit = 30): Plan {
  const names = Array.from({ length: units }, (_, i) => `第${i + 1}责任单位`);
  const chapters = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), number: `${i + 1}、`, title: `第${i + 1}方面重点工作`, sections: [] }));
  const perClause = Math.max(1, Math.round((units * perUnit) / tasks));
  return {
    schema: 'taizhang/plan@1',
    id: `bench${units}`,
    title: `基准测试工作要点（${units}个单位）`,
    issuer: '基准测试局',
    year: 2025,
    source: { file: 'synthetic', format: 'json', sha256: '0'.repeat(64), encoding: 'UTF-8' },
    chapters,
    tasks: Array.from({ length: tasks }, (_, t) => {
      const chapter = String((t % 20) + 1);
      const id = `${chapter}.${Math.floor(t / 20) + 1}`;
      const assigned = Array.from({ length: perClause }, (_, k) => names[(t * perClause + k) % units]!);
      return {
        id,
        chapterId: chapter,
        sectionId: null,
        number: String(Math.floor(t / 20) + 1),
        lead: `推进第${t + 1}项重点任务`,
        text: `推进第${t + 1}项重点任务。按照年度计划完成${(t % 90) + 10}家企业专项检查，每季度调度进展。`,
        clauses: [
          {
            id,
            text: `推进第${t + 1}项重点任务。按照年度计划完成${(t % 90) + 10}家企业专项检查，每季度调度进展。`,
            assignments: [...new Set(assigned)].map((unit, i) => ({ unit, role: i === 0 ? ('牵头' as const) : ('配合' as const) })),
            targets: [{ value: (t % 90) + 10, unit: '家', comparator: '完成', words: `完成${(t % 90) + 10}家企业专项检查` }],
            deadline: { words: '每季度', meaning: { kind: 'recurring' as const, every: 'quarter' as const } },
            annotation: null,
            line: null,
          },
        ],
        line: null,
      };
    }),
    indicators: [],
    units: names.map((name) => ({ name, aliases: [], kind: 'unit' as const, members: [] })),
    warnings: [],
  };
}

const ROUND = '2025-Q3';

/** Runs one stage of one scale in this process, on a workspace the earlier stages left. */
export async function runStage(stage: Stage, units: number, ws: string): Promise<StageResult> {
  const plan = syntheticPlan(units);
  const round = parseRound(ROUND);
  const ledger = new Ledger(ws);
  const t = performance.now();
  let workbooks = 0;
  let detail = '';
  try {
    if (stage === 'generate') {
      const issued = await issueRound(ledger, { plan, round, outDir: join(ws, 'out'), prefill: false });
      workbooks = issued.files.length;
      detail = `${Math.round(issued.files.reduce((s, f) => s + f.rows, 0) / workbooks)} 条/表`;
    } else if (stage === 'fill') {
      // The units' part: each returns its workbook filled in (outside the measured stages).
      const inbox = join(ws, 'inbox');
      await mkdir(inbox, { recursive: true });
      const hash = planHash(plan);
      const protection = sheetProtection();
      for (const a of assignUnits(plan).assignments) {
        const values = new Map<string, InputValues>(a.rows.map((r, i) => [r.clause.id, { status: i % 9 === 0 ? '已完成' : '序时推进', value: (i % 50) + 5, progress: `${a.unit}按计划推进第${i + 1}项工作。`, nextSteps: '继续推进。' }]));
        const wb = buildWorkbook({ plan, planHash: hash, round, unit: a, protection, values, header: { reporter: '张明', phone: '0531-86161234', date: '2025-10-08' } });
        await wb.xlsx.writeFile(join(inbox, `${a.unit}.xlsx`));
        workbooks++;
      }
    } else if (stage === 'collect') {
      const events = await collect({ ledger, roundId: round.id, paths: [join(ws, 'inbox')], outDir: join(ws, 'c') });
      workbooks = events.length;
      detail = `收取 ${events.filter((e) => e.outcome.kind === 'accepted').length}/${events.length}`;
    } else {
      const { progress } = loadRoundProgress(ledger, round.id, '2025-10-20');
      const consolidated = performance.now();
      const out = join(ws, 'report');
      // The year-end Word report alone (template, chart, docx), then the 汇总表 with one row per unit answer.
      const context = buildContext(progress, plan, '2025-10-20');
      const chart = svgToPng(chapterChartSvg(progress), 1400);
      const { tree } = renderTemplate(await loadTemplate('annual-summary'), context);
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'annual.docx'), await writeDocx(tree, { title: '年度工作情况报告', images: new Map([['chart:chapters', chart]]) }));
      const word = performance.now();
      await writeSummaryWorkbook(join(out, 'summary.xlsx'), progress, plan);
      workbooks = progress.receipts.length;
      detail = `取数汇总 ${(consolidated - t).toFixed(0)} ms，年度报告 Word ${(word - consolidated).toFixed(0)} ms，汇总表（${progress.clauses.reduce((s, c) => s + c.answers.length, 0)} 行）${(performance.now() - word).toFixed(0)} ms`;
    }
  } finally {
    ledger.close();
  }
  return { stage, ms: performance.now() - t, workbooks, peakRssMb: process.resourceUsage().maxRSS / 1024, detail };
}

function runInChild(stage: Stage, units: number, ws: string): Promise<StageResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, '..', '..', 'bin', 'taizhang.js'), ['bench', '--child', `${stage}:${units}:${ws}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => resolve(m as StageResult));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`bench ${stage} for ${units} units exited with ${code}`))));
  });
}

export async function runScale(units: number): Promise<ScaleResult> {
  const ws = await mkdtemp(join(tmpdir(), `tz-bench-${units}-`));
  try {
    const stages = {} as Record<Stage, StageResult>;
    for (const stage of ['generate', 'fill', 'collect', 'report'] as Stage[]) stages[stage] = await runInChild(stage, units, ws);
    return { units, tasks: 500, clausesPerUnit: 30, stages };
  } finally {
    await rm(ws, { recursive: true, force: true });
  }
}

export async function runBench(scales: number[], json: boolean): Promise<void> {
  const results: ScaleResult[] = [];
  for (const units of scales) {
    if (!json) process.stdout.write(`运行 ${units} 个单位……\n`);
    results.push(await runScale(units));
  }
  if (json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  console.log('\n单位数 │ 生成(s) ms/表  内存MB │ 收集(s) ms/表  内存MB │ 报告(s) 内存MB │ 填报(不计时)');
  for (const r of results) {
    const g = r.stages.generate;
    const c = r.stages.collect;
    const p = r.stages.report;
    console.log(
      `${String(r.units).padStart(6)} │${f(g.ms / 1000, 2)}${f(g.ms / g.workbooks)}${f(g.peakRssMb, 0)} │${f(c.ms / 1000, 2)}${f(c.ms / c.workbooks)}${f(c.peakRssMb, 0)} │${f(p.ms / 1000, 2)}${f(p.peakRssMb, 0)} │ ${(r.stages.fill.ms / 1000).toFixed(1)} s`,
    );
  }
  console.log('\n各规模：500 项任务，每单位约 30 个条目。');
  for (const r of results) console.log(`  ${r.units} 单位：生成 ${r.stages.generate.detail}；收集 ${r.stages.collect.detail}；报告：${r.stages.report.detail}`);
  console.log('内存为该环节单独进程的峰值常驻内存。报告 = 取数汇总 + 年度报告 Word + 汇总表 Excel。');
  console.log('目标（2000 单位）：生成、收集各 < 5 ms/表；峰值内存 < 400 MB 且不随表数增长；500 项任务的年度报告 < 2 s。');
}

export async function benchChild(spec: string): Promise<void> {
  const [stage, units, ws] = spec.split(':');
  const result = await runStage(stage as Stage, Number(units), ws!);
  process.send!(result);
}

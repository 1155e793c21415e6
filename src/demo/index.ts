// `npm run demo`: every stage on the seeds, as the three kinds of user would run them. Units' answers are
// SAMPLE DATA (marked 【示例】), written the way units write: some files re-saved by LibreOffice when it is
// installed, one with mistakes that is caught and returned, one unit that never answers.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { collect } from '../collect/index.ts';
import { loadRoundProgress } from '../consolidate/index.ts';
import { renderStatus } from '../consolidate/status.ts';
import { Ledger } from '../ledger/ledger.ts';
import type { Target } from '../model/plan.ts';
import { addDays, parseRound } from '../model/round.ts';
import { readPlan } from '../plan/index.ts';
import { exportReview } from '../plan/review.ts';
import { summarizePlan } from '../plan/summary.ts';
import { renderReports } from '../report/index.ts';
import { issueRound } from '../sheets/issue.ts';
import { COUNT_UNITS } from '../model/comparator.ts';
import { FIRST_ROW, HEADER, TRACKING_SHEET, columnLetter } from '../workbook/layout.ts';
import { sha256 } from '../util/hash.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MARK = '.taizhang-demo';

/** A number from 0 to 1 fixed by a text, so the sample answers are the same on every run. */
function seeded(text: string): number {
  return parseInt(sha256(text).slice(0, 8), 16) / 0xffffffff;
}

interface SampleSpec {
  round: string;
  /** The first target of each clause, by id: sample values are made from it, not from the words of the 目标值 cell. */
  targets?: Map<string, Target>;
  /** Answers with mistakes, for the unit whose file is returned. */
  mistakes?: boolean;
  /** Progress text copied from the previous round, for stagnation. */
  stale?: boolean;
}

/** Fills a unit's workbook with sample answers, as a unit would (exceljs stands in for the unit's office program). */
export async function fillSample(src: string, dst: string, unit: string, spec: SampleSpec): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.getWorksheet(TRACKING_SHEET)!;
  ws.getCell(HEADER.reporter.value).value = spec.mistakes ? null : '【示例】王伟';
  ws.getCell(HEADER.phone.value).value = '0531-8616' + String(Math.floor(seeded(unit) * 9000) + 1000);
  ws.getCell(HEADER.date.value).value = spec.round.endsWith('Q2') ? '2025-07-08' : '2025-10-09';
  const quarter = spec.round.endsWith('Q2') ? 0.5 : 0.75;
  for (let r = FIRST_ROW; ws.getCell(`A${r}`).value; r++) {
    const id = String(ws.getCell(`A${r}`).value);
    const task = String(ws.getCell(`C${r}`).value);
    const target = String(ws.getCell(`H${r}`).value ?? '');
    const x = seeded(`${unit}|${id}|${spec.stale ? 'Q2' : spec.round}`);
    const status = x < 0.2 ? '已完成' : x < 0.85 ? '序时推进' : x < 0.95 ? '滞后' : '未启动';
    const set = (key: string, value: string | number | null) => (ws.getCell(`${columnLetter(key)}${r}`).value = value);
    set('status', status);
    set('progress', status === '未启动' ? null : `【示例】${task}：${status === '已完成' ? '已全面完成年度任务' : `已完成阶段性工作，累计推进约${Math.round(quarter * 100 - (status === '滞后' ? 35 : 0))}%`}。`);
    set('problems', status === '滞后' ? '【示例】受项目审批周期影响，进度慢于计划。' : null);
    set('nextSteps', `【示例】${status === '已完成' ? '巩固成果，做好总结' : '倒排工期，确保按期完成'}。`);
    // A sample value fits its target as collect checks it (comparator.ts): none for 未启动, whole for a count, the
    // target's own number (`较2020年下降5%` is 5, not 2020).
    const goal = spec.targets?.get(id) ?? null;
    const m = goal ? null : /(\d+(?:\.\d+)?)/.exec(target);
    const base = goal ? goal.value : m ? Number(m[1]) : null;
    const share = base === null ? 0 : base * (status === '已完成' ? 1 : status === '滞后' ? quarter * 0.5 : quarter);
    const counted = COUNT_UNITS.includes(goal ? goal.unit : String(ws.getCell(`${columnLetter('unit')}${r}`).value ?? ''));
    if (base !== null && status !== '未启动') set('value', counted ? Math.floor(share) : Math.round(share * 10) / 10);
  }
  if (spec.mistakes) {
    ws.getCell(`${columnLetter('status')}${FIRST_ROW}`).value = '基本完成';
    ws.getCell(`${columnLetter('value')}${FIRST_ROW + 1}`).value = '约两千';
  }
  await wb.xlsx.writeFile(dst);
}

function libreOffice(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return null;
}

/** Re-saves files through LibreOffice, as a unit using it would; returns how many it re-saved. */
async function resaveWithLibreOffice(files: string[]): Promise<number> {
  const soffice = libreOffice();
  if (!soffice || files.length === 0) return 0;
  const profile = await mkdtemp(join(tmpdir(), 'tz-lo-'));
  const out = await mkdtemp(join(tmpdir(), 'tz-lo-out-'));
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...files], { stdio: 'pipe', timeout: 180_000 });
  let n = 0;
  for (const f of files) {
    const resaved = join(out, f.split('/').pop()!);
    if (existsSync(resaved)) {
      await copyFile(resaved, f);
      n++;
    }
  }
  await rm(profile, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  return n;
}

export async function runDemo(workspace = join(ROOT, 'output', 'demo')): Promise<void> {
  const started = Date.now();
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  if (existsSync(workspace)) {
    // Only a folder the demo made itself is cleared; anything else is left alone.
    if (!existsSync(join(workspace, MARK))) throw new Error(`${workspace} exists and is not a demo workspace; not touching it`);
    await rm(workspace, { recursive: true, force: true });
  }
  await mkdir(workspace, { recursive: true });
  await writeFile(join(workspace, MARK), 'taizhang demo workspace: safe to delete\n');
  console.log('════ taizhang 演示：济南市生态环境局2025年工作要点（单位填报内容均为示例数据）════\n');

  console.log('【第一步 · 综合处】读取工作要点，核对任务分解');
  const plan = await readPlan(join(ROOT, 'seeds', 'jinan-2025-work-plan.txt'), { title: '济南市生态环境局2025年工作要点', issuer: '济南市生态环境局' });
  const targets = new Map(plan.tasks.flatMap((t) => t.clauses.flatMap((c) => (c.targets[0] ? [[c.id, c.targets[0]] as const] : []))));
  await writeFile(join(workspace, 'plan.json'), JSON.stringify(plan, null, 2));
  await exportReview(plan, join(workspace, '任务分解表.xlsx'));
  console.log(summarizePlan(plan).split('\n').slice(0, 4).join('\n'));
  console.log(`  → 任务清单 ${rel(join(workspace, 'plan.json'))}，任务分解表 ${rel(join(workspace, '任务分解表.xlsx'))}\n`);

  const ledger = new Ledger(workspace);
  const rounds = ['2025-Q2', '2025-Q3'];
  const silent = '组织人事处';
  const careless = '政策法规处';
  const loSaved: string[] = [];
  for (const roundId of rounds) {
    const round = parseRound(roundId);
    const last = roundId === rounds.at(-1);
    console.log(`【${round.label} · 综合处】生成并下发调度表`);
    const issued = join(workspace, roundId, '下发');
    const result = await issueRound(ledger, { plan, round, outDir: issued });
    const prefilled = result.files.reduce((s, f) => s + f.prefilled, 0);
    console.log(`  ${result.files.length} 个单位的调度表 → ${rel(issued)}${prefilled ? `（已预填上轮内容 ${prefilled} 条）` : ''}`);

    console.log(`【${round.label} · 各单位】填报（示例数据）并报送`);
    const inbox = join(workspace, roundId, '收件箱');
    await mkdir(inbox, { recursive: true });
    const returned: string[] = [];
    for (const f of result.files) {
      if (last && f.unit === silent) continue; // never answers this round
      const dst = join(inbox, `${f.unit}-报送.xlsx`);
      await fillSample(join(issued, f.file), dst, f.unit, { round: roundId, targets, mistakes: last && f.unit === careless, stale: last && f.unit === '生态保护处' });
      if (last && f.unit === careless) returned.push(dst);
    }
    // A few units use LibreOffice.
    const viaLibreOffice = readdirSync(inbox).filter((_, i) => i % 6 === 0).map((n) => join(inbox, n));
    const resaved = await resaveWithLibreOffice(viaLibreOffice);
    if (resaved) loSaved.push(...viaLibreOffice.map(rel));
    console.log(`  ${readdirSync(inbox).length} 份报送到 ${rel(inbox)}${resaved ? `（其中 ${resaved} 份经 LibreOffice 另存）` : '（未安装 LibreOffice，跳过另存）'}${last ? `；${silent}未报送，${careless}的表有错误` : ''}`);

    console.log(`【${round.label} · 综合处】收集、校验、登记`);
    const now = () => new Date(`${round.deadline}T09:00:00+08:00`);
    const events = await collect({ ledger, roundId, paths: [inbox], outDir: join(workspace, roundId, '收集'), now });
    const kinds = (k: string) => events.filter((e) => e.outcome.kind === k).length;
    console.log(`  收取 ${kinds('accepted')} 份，退回 ${kinds('returned')} 份`);
    for (const e of events) {
      if (e.outcome.kind === 'returned') {
        console.log(`  ✘ ${e.outcome.unit}：${e.outcome.problems.length} 处问题 → 退回表 ${rel(e.outcome.returnWorkbook)}`);
        for (const p of e.outcome.problems.slice(0, 3)) console.log(`      ${p.sheet} ${p.cell}：${p.message}`);
      }
    }
    const today = addDays(round.deadline, 5);
    const { progress } = loadRoundProgress(ledger, roundId, today);
    if (last) {
      console.log(`\n【${round.label} · 督查室】报送情况（npx taizhang status --round ${roundId}）`);
      console.log(renderStatus(progress, ledger.refusedFiles(roundId), today).split('\n').filter((l, i) => i === 0 || /退回|逾期|未报送|催报|截至/.test(l)).map((l) => `  ${l}`).join('\n'));
    }
    console.log(`【${round.label} · 办公室】生成报告`);
    const out = join(workspace, roundId, '报告');
    const report = await renderReports({ progress, plan, outDir: out, date: today, templates: last ? undefined : ['bulletin'] });
    for (const f of report.files) console.log(`  ${rel(f)}`);
    for (const m of report.missing) console.log(`  提示：《${m.document}》有 ${m.figures.length} 项数据待填（${m.figures.slice(0, 3).join('、')}…），已在文中标注【待填：…】`);
    console.log('');
  }
  ledger.close();
  console.log(`演示完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。所有文件在 ${rel(workspace)}：`);
  console.log('  · 综合处：核对“任务分解表.xlsx”后 npx taizhang plan import；每轮 npx taizhang sheets generate 下发调度表。');
  console.log(`  · 各单位：打开下发的调度表，填写白色单元格后报送；被退回的按红色单元格批注修改（见 2025-Q3/收集/退回重报）。`);
  console.log('  · 督查室：npx taizhang status --round 2025-Q3 -w output/demo 查看报送情况和催报通知。');
  console.log('  · 办公室：打开 2025-Q3/报告 中的工作进展情况报告、督办通报、汇总表，补齐【待填】数据后定稿。');
  if (loSaved.length === 0) console.log('  （本机未安装 LibreOffice：未演示经 LibreOffice 另存的报送文件。）');
}

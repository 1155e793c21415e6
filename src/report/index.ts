// Renders a round's documents from the consolidated data: the Word reports from templates, and the 汇总表.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { roundKind, type Round } from '../model/round.ts';
import type { Settings } from '../model/settings.ts';
import type { Metrics } from '../model/metrics.ts';
import { UserError } from '../util/errors.ts';
import { isReported } from '../consolidate/index.ts';
import { chapterChartSvg, svgToPng } from './chart.ts';
import { buildBulletin, type BulletinContext } from './bulletin.ts';
import { buildContext, type ReportContext } from './context.ts';
import { buildSpeech, type SpeechContext } from './speech.ts';
import { writeDocx } from './docx-writer.ts';
import { loadTemplate, renderTemplate } from './render.ts';
import { writeSummaryWorkbook } from './summary-xlsx.ts';

/** Built-in documents, by template, with the file name each is written to. */
export const DOCUMENTS: Record<string, string> = {
  'annual-summary': '年度工作情况报告',
  'progress-report': '工作进展情况报告',
  bulletin: '督办通报',
  speech: '讲话稿',
};

/** The documents a round gets by default: the 年终 round a 年度工作情况报告, any other a 工作进展情况报告. */
export function defaultTemplates(round: Round): string[] {
  return [roundKind(round) === 'year' ? 'annual-summary' : 'progress-report', 'bulletin', 'speech'];
}

export interface ReportOptions {
  progress: RoundProgress;
  plan: Plan;
  outDir: string;
  /** Template names or paths; by default every built-in one. */
  templates?: string[];
  /** The date written on the documents (成文日期), YYYY-MM-DD. */
  date: string;
  metrics?: Metrics;
  settings?: Settings;
  /** Render even when no submission was accepted (the documents then say so). */
  force?: boolean;
  /** The next year's plan, whose chapters and tasks the speech deploys (`--next-plan`). */
  nextPlan?: Plan;
  /** The meeting the speech is given at, as printed (`--meeting`); else named from the issuer. */
  meeting?: string;
  /** The date by which the 通报 asks for written 整改措施 and late reports, YYYY-MM-DD (`--reply-by`). */
  replyBy?: string;
  /** 文号 already given to documents of other rounds (see `docNumberWarnings`). */
  usedDocNumbers?: DocNumberUse[];
}

/** A 文号 on a document of a round, as recorded by `report` in the workspace. */
export interface DocNumberUse {
  docNumber: string;
  round: string;
  document: string;
}

/** What every built-in template is given: the report's context with the 通报's and the speech's own. */
export type DocumentContext = ReportContext & { 通报: BulletinContext; 讲话: SpeechContext };

/** Hints beside gaps the settings or an option fill, as `report` lists them. */
const GAP_HINTS: Record<string, string> = {
  发文机关: '发文机关（npx taizhang config set 发文机关 …）',
  计划标题: '计划标题（请在任务文件中补充工作要点标题）',
  整改措施报送日期: '整改措施报送日期（--reply-by YYYY-MM-DD）',
};

/** Every 【待填：…】 in a rendered document, once each, in order: the tree's text is the one source. */
export function placeholders(tree: unknown): string[] {
  const names = [...JSON.stringify(tree).matchAll(/【待填：([^】]*)】/g)].map((m) => m[1]!);
  return [...new Set(names)].map((x) => GAP_HINTS[x] ?? x);
}

/**
 * Warnings about 文号: one 文号 printed on more than one document of this run, or already recorded for a document
 * of another round (regenerating a round's own documents is no reuse).
 */
export function docNumberWarnings(docNumber: string, printedOn: string[], round: string, used: DocNumberUse[]): string[] {
  if (!docNumber) return [];
  const out: string[] = [];
  if (printedOn.length > 1) out.push(`文号“${docNumber}”同时用在了${printedOn.map((d) => `《${d}》`).join('、')}上，一个文号只能用于一份公文，请删去多余的文号或分别生成。`);
  const earlier = used.filter((u) => u.docNumber === docNumber && u.round !== round);
  if (earlier.length) {
    out.push(`文号“${docNumber}”已用于${[...new Set(earlier.map((u) => `${u.round}的《${u.document}》`))].join('、')}，请用 npx taizhang config set 文号 … 设置新的文号后重新生成。`);
  }
  return out;
}

export interface ReportResult {
  files: string[];
  /** Figures a template asked for that no data supplies: shown as 【待填：…】 in the document. */
  missing: { document: string; figures: string[] }[];
  /** 汇总表 cells whose text exceeded Excel's 32,767 characters and was cut with a marker. */
  truncated: string[];
  /** Things to check before the documents go out: a 文号 used twice, a next plan of another year. */
  warnings: string[];
  /** The documents of this run that print the 文号, for the workspace's record. */
  docNumbers: DocNumberUse[];
}

export async function renderReports(o: ReportOptions): Promise<ReportResult> {
  if (!o.progress.receipts.some(isReported) && !o.force) {
    throw new UserError(
      `${o.progress.round.label}还没有收取任何单位的报送，生成的报告将没有任何进展数据。`,
      `请先收集报送（npx taizhang collect … --round ${o.progress.round.id}）；确需生成（如说明无报送的情况），请加 --force。`,
    );
  }
  await mkdir(o.outDir, { recursive: true });
  const base = buildContext(o.progress, o.plan, o.date, o.metrics, o.settings, o.nextPlan);
  const context: DocumentContext = {
    ...base,
    通报: buildBulletin(base, o.progress, o.plan, { replyBy: o.replyBy, settings: o.settings, metrics: o.metrics, nextPlan: o.nextPlan }),
    讲话: buildSpeech(base, o.progress, o.plan, { nextPlan: o.nextPlan, meeting: o.meeting, settings: o.settings, metrics: o.metrics }),
  };
  const warnings: string[] = [];
  if (o.nextPlan?.year && String(o.nextPlan.year) !== context.讲话.部署年度) {
    warnings.push(`--next-plan 指定的工作要点是${o.nextPlan.year}年的，讲话部署的是${context.讲话.部署年度}年的工作，请确认文件是否选对。`);
  }
  const printedOn: string[] = [];
  const chart = svgToPng(chapterChartSvg(o.progress), 1400);
  const images = new Map([['chart:chapters', chart]]);
  const files: string[] = [];
  const missing: ReportResult['missing'] = [];
  for (const name of o.templates ?? defaultTemplates(o.progress.round)) {
    const template = await loadTemplate(name);
    const rendered = renderTemplate(template, context);
    const title = DOCUMENTS[name] ?? template.name.replace(/\.hbs$/, '');
    const file = join(o.outDir, `${title}_${o.progress.round.id}.docx`);
    await writeFile(file, await writeDocx(rendered.tree, { title, images }));
    files.push(file);
    // Figures the 数值 helper could not find are in the text as 【待填：名称】 too: one list from the text.
    const gaps = placeholders(rendered.tree);
    if (gaps.length) missing.push({ document: title, figures: gaps });
    if (context.文号 && JSON.stringify(rendered.tree).includes(JSON.stringify(context.文号).slice(1, -1))) printedOn.push(title);
  }
  warnings.push(...docNumberWarnings(context.文号, printedOn, o.progress.round.id, o.usedDocNumbers ?? []));
  const summary = join(o.outDir, `汇总表_${o.progress.round.id}.xlsx`);
  const truncated = await writeSummaryWorkbook(summary, o.progress, o.plan);
  files.push(summary);
  const chartFile = join(o.outDir, `进展图_${o.progress.round.id}.png`);
  await writeFile(chartFile, chart.data);
  files.push(chartFile);
  return { files, missing, truncated, warnings, docNumbers: printedOn.map((document) => ({ docNumber: context.文号, round: o.progress.round.id, document })) };
}

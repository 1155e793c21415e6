// Renders a round's documents from the consolidated data: the Word reports from templates, and the 汇总表.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { roundKind, type Round } from '../model/round.ts';
import type { Settings } from '../model/settings.ts';
import { UserError } from '../util/errors.ts';
import { isReported } from '../consolidate/index.ts';
import { chapterChartSvg, svgToPng } from './chart.ts';
import { buildContext, MISSING_ISSUER } from './context.ts';
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
  metrics?: Record<string, number | string>;
  settings?: Settings;
  /** Render even when no submission was accepted (the documents then say so). */
  force?: boolean;
}

export interface ReportResult {
  files: string[];
  /** Figures a template asked for that no data supplies: shown as 【待填：…】 in the document. */
  missing: { document: string; figures: string[] }[];
  /** 汇总表 cells whose text exceeded Excel's 32,767 characters and was cut with a marker. */
  truncated: string[];
}

export async function renderReports(o: ReportOptions): Promise<ReportResult> {
  if (!o.progress.receipts.some(isReported) && !o.force) {
    throw new UserError(
      `${o.progress.round.label}还没有收取任何单位的报送，生成的报告将没有任何进展数据。`,
      `请先收集报送（npx taizhang collect … --round ${o.progress.round.id}）；确需生成（如说明无报送的情况），请加 --force。`,
    );
  }
  await mkdir(o.outDir, { recursive: true });
  const context = buildContext(o.progress, o.plan, o.date, o.metrics, o.settings);
  const chart = svgToPng(chapterChartSvg(o.progress), 1400);
  const images = new Map([['chart:chapters', chart]]);
  const files: string[] = [];
  const missing: ReportResult['missing'] = [];
  for (const name of o.templates ?? defaultTemplates(o.progress.round)) {
    const template = await loadTemplate(name);
    const rendered = renderTemplate(template, context);
    const base = DOCUMENTS[name] ?? template.name.replace(/\.hbs$/, '');
    const file = join(o.outDir, `${base}_${o.progress.round.id}.docx`);
    await writeFile(file, await writeDocx(rendered.tree, { title: base, images }));
    files.push(file);
    // The context's own placeholders count where this document prints them.
    const printed = JSON.stringify(rendered.tree);
    const own = context.待填.filter((g) => printed.includes(`【待填：${g}】`) && g !== '发文机关');
    const gaps = [...rendered.missing, ...own, ...(context.机关 === MISSING_ISSUER ? ['发文机关（npx taizhang config set 发文机关 …）'] : [])];
    if (gaps.length) missing.push({ document: base, figures: gaps });
  }
  const summary = join(o.outDir, `汇总表_${o.progress.round.id}.xlsx`);
  const truncated = await writeSummaryWorkbook(summary, o.progress, o.plan);
  files.push(summary);
  const chartFile = join(o.outDir, `进展图_${o.progress.round.id}.png`);
  await writeFile(chartFile, chart.data);
  files.push(chartFile);
  return { files, missing, truncated };
}

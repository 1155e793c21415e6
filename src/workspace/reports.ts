// A round's documents, rendered the same way from a command or a page: the round consolidated from the ledger, the
// workspace's 公文设置, and the 文号 each document carries recorded in the workspace, so that the documents of
// another round are warned when they reuse it.
import type { Ledger } from '../ledger/ledger.ts';
import { readSettings } from '../ledger/settings.ts';
import { loadRoundProgress } from '../consolidate/index.ts';
import type { Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import type { Thresholds } from '../model/thresholds.ts';
import { readDocNumbers, writeDocNumbers } from '../report/doc-numbers.ts';
import { renderReports, type ReportOptions } from '../report/index.ts';
import { mergeIndicatorValues } from '../report/kpi.ts';
import type { Workspace } from './workspace.ts';

export type RoundReportOptions = Pick<ReportOptions, 'templates' | 'metrics' | 'force' | 'nextPlan' | 'meeting' | 'replyBy'> & {
  roundId: string;
  thresholds: Thresholds;
  /** The date written on the documents; today by default. */
  date?: string;
  /** Where the documents go; the round's 报告 folder by default. */
  outDir?: string;
  /** Called with the round's plan and progress before rendering, e.g. to save the 公文设置 a form sent against its defaults. */
  beforeRender?: (plan: Plan, progress: RoundProgress) => Promise<void>;
};

export async function renderRoundReports(ws: Workspace, ledger: Ledger, o: RoundReportOptions) {
  const { progress, plan } = loadRoundProgress(ledger, o.roundId, ws.today(), o.thresholds);
  await o.beforeRender?.(plan, progress);
  const used = readDocNumbers(ws.path);
  // The values units reported on their 指标 sheets, under the office's own figures (which win).
  const indicators = mergeIndicatorValues(o.metrics ?? {}, ledger.roundIndicators(progress.round.id), ledger.reportedIndicators(progress.round.id), new Set(plan.indicators.map((i) => i.name)));
  const result = await renderReports({
    progress,
    plan,
    outDir: o.outDir ?? ws.roundFolder(progress.round.id, 'reports'),
    templates: o.templates,
    date: o.date ?? ws.today(),
    metrics: indicators.metrics,
    settings: readSettings(ws.path),
    force: o.force,
    nextPlan: o.nextPlan,
    meeting: o.meeting,
    replyBy: o.replyBy,
    usedDocNumbers: used,
  });
  // This round's record is replaced, so that regenerating a round never counts as reusing its 文号.
  await writeDocNumbers(ws.path, [...used.filter((u) => u.round !== progress.round.id), ...result.docNumbers]);
  return { ...result, progress, indicators: { notes: indicators.notes, fromUnits: indicators.fromUnits } };
}

// Measures target and deadline reading against a hand-labelled set of sentences from the seeds and the corpus
// (`corpus/targets-deadlines.jsonl`; each label says why). A false target becomes a number a unit is asked to
// report against, so precision is the figure that must hold; recall is reported beside it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from '../model/zod.ts';
import type { Deadline, Target } from '../model/plan.ts';
import { readPlan } from '../plan/index.ts';
import { findDeadline, findTargets, type PlanDates } from '../plan/targets.ts';
import { UserError } from '../util/errors.ts';
import { pct } from './index.ts';

export const LabelledSentence = z.object({
  /** `corpus/04:12` (corpus plan 04, line 12) or `jinan-2025-work-plan:36` (a seed). */
  src: z.string().regex(/^[\w/-]+:\d+$/),
  text: z.string().min(1),
  /** Each target as value and unit: `80%`, `2万亿元`, `30-50亿元` (a range), `55` (no unit). */
  targets: z.array(z.string()),
  /** `YYYY-MM-DD`, `every:month|quarter|halfyear|year`, `ongoing`, or null when the sentence sets none. */
  deadline: z.string().nullable(),
  why: z.string().min(1),
});
export type LabelledSentence = z.infer<typeof LabelledSentence>;

export function targetLabel(t: Target): string {
  return `${t.value}${t.upper !== undefined ? `-${t.upper}` : ''}${t.unit}`;
}

export function deadlineLabel(d: Deadline | null): string | null {
  if (!d) return null;
  const m = d.meaning;
  if (m.kind === 'date') return m.date;
  if (m.kind === 'recurring') return `every:${m.every}`;
  if (m.kind === 'ongoing') return 'ongoing';
  return `within:${m.amount}${m.unit}`;
}

export interface LabelScore {
  sentences: number;
  targets: { expected: number; found: number; right: number };
  deadlines: { expected: number; found: number; right: number };
  failures: string[];
}

/** The plan file a label's `src` names, in the corpus (`corpus/04`) or the seeds (`jinan-2025-work-plan`). */
function sourceFile(src: string, corpusPlans: string[], corpusDir: string, seedsDir: string): string {
  const [name] = src.split(':') as [string];
  if (!name.startsWith('corpus/')) return join(seedsDir, `${name}.txt`);
  const no = name.slice('corpus/'.length);
  const file = corpusPlans.find((f) => f.startsWith(`${no}_`) && f.endsWith('.txt'));
  if (!file) throw new UserError(`标注集引用的语料文件“${name}”不存在。`);
  return join(corpusDir, 'plans', file);
}

export async function scoreLabels(labelsPath: string, corpusDir: string, seedsDir: string): Promise<LabelScore> {
  const lines = (await readFile(labelsPath, 'utf8')).split('\n').filter((l) => l.trim());
  const labels = lines.map((l, i) => {
    const parsed = LabelledSentence.safeParse(JSON.parse(l));
    if (!parsed.success) throw new UserError(`标注集“${labelsPath}”第 ${i + 1} 行格式不正确：${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
  // Relative dates count from each plan's own year and signature date, as the reader does.
  const dates = new Map<string, PlanDates>();
  const corpusPlans = await readdir(join(corpusDir, 'plans'));
  const score: LabelScore = { sentences: labels.length, targets: { expected: 0, found: 0, right: 0 }, deadlines: { expected: 0, found: 0, right: 0 }, failures: [] };
  for (const label of labels) {
    const file = sourceFile(label.src, corpusPlans, corpusDir, seedsDir);
    if (!dates.has(file)) {
      const plan = await readPlan(file);
      dates.set(file, { year: plan.year, issued: plan.issued ?? null });
    }
    const found = findTargets(label.text).map(targetLabel);
    const expected = [...label.targets];
    score.targets.expected += expected.length;
    score.targets.found += found.length;
    const unmatched = [...expected];
    const wrong: string[] = [];
    for (const f of found) {
      const i = unmatched.indexOf(f);
      if (i >= 0) {
        unmatched.splice(i, 1);
        score.targets.right++;
      } else wrong.push(f);
    }
    const deadline = deadlineLabel(findDeadline(label.text, dates.get(file)!));
    if (label.deadline !== null) score.deadlines.expected++;
    if (deadline !== null) score.deadlines.found++;
    if (deadline !== null && deadline === label.deadline) score.deadlines.right++;
    const problems: string[] = [];
    if (wrong.length) problems.push(`多读目标 ${wrong.join('、')}`);
    if (unmatched.length) problems.push(`漏读目标 ${unmatched.join('、')}`);
    if (deadline !== label.deadline) problems.push(`时限应为 ${label.deadline ?? '无'}，读作 ${deadline ?? '无'}`);
    if (problems.length) score.failures.push(`${label.src} ${problems.join('；')}：${label.text.slice(0, 60)}`);
  }
  return score;
}

export function formatLabelScore(s: LabelScore, verbose: boolean): string {
  const row = (name: string, c: LabelScore['targets']) =>
    `| ${name} | ${c.expected} | ${c.found} | ${c.right} | ${pct(c.right, c.found)} | ${pct(c.right, c.expected)} |`;
  const out = [
    `\n目标值与完成时限（人工标注 ${s.sentences} 句）`,
    '| 项目 | 标注 | 读出 | 正确 | 准确率 | 召回率 |',
    '|---|---|---|---|---|---|',
    row('目标值', s.targets),
    row('完成时限', s.deadlines),
  ];
  const goal = s.targets.right >= 0.95 * s.targets.found && s.deadlines.right >= 0.95 * s.deadlines.found;
  out.push(`\n目标（目标值、完成时限准确率均 ≥95%）：${goal ? '达到' : '未达到'}`);
  if (verbose && s.failures.length) out.push('', ...s.failures.map((f) => `  ${f}`));
  return out.join('\n');
}

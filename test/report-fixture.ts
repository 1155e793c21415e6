// The report tests' shared scenario: the Jinan seed plan's 2025-Q3 round consolidated from synthetic answers, and an
// in-process reader of zip members. Used by report.test.ts (fast tier) and report-clients.test.ts (client tier).
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { consolidate } from '../src/consolidate/index.ts';
import type { Entry } from '../src/model/submission.ts';
import type { Plan } from '../src/model/plan.ts';
import type { RoundProgress } from '../src/model/progress.ts';
import { parseRound } from '../src/model/round.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { jinanPlan } from './helpers.ts';

/** Synthetic answers: every unit reports; some clauses behind, one with text that looks like markup. */
export function answersFor(p: Plan, tag: string): Map<string, Map<string, Entry>> {
  const answers = new Map<string, Map<string, Entry>>();
  for (const a of assignUnits(p).assignments) {
    const m = new Map<string, Entry>();
    a.rows.forEach((row, i) => {
      const status = row.clause.id === '6.3' || i % 7 === 3 ? '滞后' : i % 5 === 0 ? '已完成' : '序时推进';
      m.set(row.clause.id, {
        clauseId: row.clause.id,
        role: row.role,
        status,
        value: row.clause.targets[0] ? row.clause.targets[0].value * (status === '滞后' ? 0.3 : 0.8) : null,
        valueText: row.clause.targets[0] ? String(row.clause.targets[0].value * (status === '滞后' ? 0.3 : 0.8)) : null,
        progress: row.clause.id === '1.1' ? `完成<b>#1|*方案*</b> & 清单${tag}` : `${row.task.lead}工作有序推进${tag}`,
        problems: status === '滞后' ? '资金到位较慢' : null,
        nextSteps: '加快推进',
      });
    });
    answers.set(a.unit, m);
  }
  return answers;
}

/** The round the report tests write up: every unit reports, the first late, the second returned. */
export async function reportScenario(): Promise<{ plan: Plan; progress: RoundProgress }> {
  const plan = await jinanPlan();
  const units = assignUnits(plan).assignments.map((a) => a.unit);
  const progress = consolidate({
    plan,
    round: parseRound('2025-Q3'),
    answers: answersFor(plan, ''),
    // 生态保护处 wrote the same progress last round: stagnation.
    previous: new Map([['生态保护处', answersFor(plan, '').get('生态保护处')!]]),
    receipts: units.map((unit, i) => ({ unit, state: i === 0 ? '逾期报送' : i === 1 ? '退回' : '已报送', resubmissionReturned: false, receivedAt: '2025-10-08T01:00:00Z', reporter: '张明', phone: '0531-86161234', rows: 1, problems: i === 1 ? 2 : 0, submissions: 1 })),
  });
  return { plan, progress };
}

/** One member of a zip (.docx, .xlsx) as text, read in process (fflate); throws if it is absent. */
export function unzip(file: string, member: string): string {
  const entry = unzipSync(readFileSync(file), { filter: (f) => f.name === member })[member];
  if (!entry) throw new Error(`${file} has no member ${member}`);
  return strFromU8(entry);
}

/** The member names of a zip, none of them inflated. */
export function zipMembers(file: string): string[] {
  const names: string[] = [];
  unzipSync(readFileSync(file), {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

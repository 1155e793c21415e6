// Step 1 of collecting a file: what it is and what it says, from the file as read and facts fixed for the whole run
// (the round, the units it expects, the plan versions), a pure function. A file is either refused (not a workbook of
// this round, or not the unit's own), or judged: booked to a unit with its answers and every problem validation finds.
import type { Plan } from '../model/plan.ts';
import { ruleMessage, ruleVariant, type RefusalCode } from '../model/rules.ts';
import type { Entry, Problem } from '../model/submission.ts';
import { UnitIndex } from '../sheets/assign.ts';
import { COLUMNS, columnsOf } from '../workbook/layout.ts';
import { PlanRows } from '../sheets/workbook.ts';
import type { ReadOutcome, ReadWorkbook, Refusal } from './read.ts';
import { identityProblems, indicatorsFilled, issuedRows, unfilledAsIssued, validateIndicators, validateSubmission } from './validate.ts';
import type { IndicatorValue } from '../model/indicators.ts';

/** A plan version as every file of a run is checked against it, worked out once per version rather than once per file. */
export interface PlanVersion {
  plan: Plan;
  hash: string;
  /** Each unit's rows, worked out when its file is judged (a province's every row is not held at once). */
  units: UnitIndex;
  /** Every clause id of the plan: a row of one of them not issued to the unit was copied from another unit. */
  clauseIds: Set<string>;
  /** The plan cells of issued rows, those of a group's members worked out once. */
  rows: PlanRows;
}

export function planVersion(plan: Plan, hash: string): PlanVersion {
  return {
    plan,
    hash,
    units: new UnitIndex(plan),
    clauseIds: new Set(plan.tasks.flatMap((t) => t.clauses.map((c) => c.id))),
    rows: new PlanRows(plan),
  };
}

/** What judging needs besides the file: the same for every file of a run. */
export interface RunFacts {
  roundId: string;
  planId: string;
  /** The units the round was issued to. */
  expected: Set<string>;
  /** A registered plan version, null when the ledger has none of that hash. */
  version(hash: string): PlanVersion | null;
}

/** A file booked to a unit: who sent it, with which header, and what validation found. */
export interface Judged {
  unit: string;
  planHash: string;
  /** The 联系人 line of the issued workbook. */
  contact: string | null;
  header: ReadWorkbook['header'];
  entries: Entry[];
  problems: Problem[];
  /** The values of its 指标 sheet; none when it was issued without one. */
  indicators: IndicatorValue[];
}

/** The outcome of judging: refused with a reason, or judged. */
export type Judgement = { refusal: Refusal } | { judged: Judged };

/** The input columns as the 未填写 refusal names them: “完成值”“完成状态”…. */
const INPUT_HEADERS = COLUMNS.filter((c) => c.input).map((c) => `“${c.header}”`).join('');

/**
 * Identifies a read workbook (its identification, visible 填报单位 and issued rows must agree, for this round and a
 * registered plan version; a disagreement refuses it, booked to no unit) and validates it. `display` names the file
 * in every problem.
 */
export function judge(outcome: ReadOutcome, display: string, facts: RunFacts): Judgement {
  if ('refusal' in outcome) return outcome;
  const refused = (reason: string, rule: RefusalCode, outcome: Refusal['outcome'] = 'refused') => ({ refusal: { outcome, reason, rule } });
  const { read } = outcome;
  const meta = read.meta;
  if (!meta || !columnsOf(meta.format)) return refused(ruleMessage('not-taizhang'), 'not-taizhang');
  if (meta.round !== facts.roundId) return refused(ruleMessage('wrong-round', { round: meta.round ?? '', unit: meta.unit ?? '', current: facts.roundId }), 'wrong-round');
  if (meta.plan_id !== facts.planId) return refused(ruleMessage('wrong-plan', { title: meta.plan_title ?? '' }), 'wrong-plan');
  const version = facts.version(meta.plan_hash ?? '');
  if (!version) return refused(ruleMessage('unknown-version'), 'unknown-version');
  const unit = meta.unit ?? '';
  const assignment = version.units.get(unit);
  if (!facts.expected.has(unit) || !assignment) return refused(ruleMessage('unknown-unit', { unit }), 'unknown-unit');
  const issued = issuedRows(version.plan, assignment.rows, version.rows);
  const identity = identityProblems(read, unit, version.plan, assignment.rows, issued, version.clauseIds);
  if (identity.length) {
    return refused(ruleMessage('identity-mismatch', { problems: identity.join('；') }), 'identity-mismatch');
  }
  // A workbook sent back as it was issued reports nothing: booked as a submission it would tell the unit its file
  // was returned, although it sent no answer (a blank form collected from the 下发 folder, or sent back unfilled).
  const unfilled = read.hasTrackingSheet && !indicatorsFilled(read) ? unfilledAsIssued(read, assignment.rows, meta.inputs) : null;
  if (unfilled) {
    return refused(ruleVariant('unfilled-issued', unfilled, { columns: INPUT_HEADERS }), 'unfilled-issued');
  }
  const { entries, problems } = validateSubmission(read, display, version.plan, assignment.rows, issued);
  const indicators = validateIndicators(read, display);
  return { judged: { unit, planHash: version.hash, contact: meta.contact || null, header: read.header, entries, problems: [...problems, ...indicators.problems], indicators: indicators.values } };
}

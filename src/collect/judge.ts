// Step 1 of collecting a file: what it is and what it says, from the file as read and facts fixed for the whole run
// (the round, the units it expects, the plan versions), a pure function. A file is either refused (not a workbook of
// this round, or not the unit's own), or judged: booked to a unit with its answers and every problem validation finds.
import type { Plan } from '../model/plan.ts';
import type { Entry, Problem } from '../model/submission.ts';
import { UnitIndex } from '../sheets/assign.ts';
import { FORMAT } from '../sheets/layout.ts';
import { PlanRows } from '../sheets/workbook.ts';
import type { ReadOutcome, ReadWorkbook, Refusal } from './read.ts';
import { identityProblems, issuedRows, unfilledAsIssued, validateSubmission } from './validate.ts';

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
}

/** The outcome of judging: refused with a reason, or judged. */
export type Judgement = { refusal: Refusal } | { judged: Judged };

/**
 * Identifies a read workbook (its identification, visible 填报单位 and issued rows must agree, for this round and a
 * registered plan version; a disagreement refuses it, booked to no unit) and validates it. `display` names the file
 * in every problem.
 */
export function judge(outcome: ReadOutcome, display: string, facts: RunFacts): Judgement {
  if ('refusal' in outcome) return outcome;
  const refused = (reason: string, rule: string, outcome: Refusal['outcome'] = 'refused') => ({ refusal: { outcome, reason, rule } });
  const { read } = outcome;
  const meta = read.meta;
  if (!meta || meta.format !== FORMAT) return refused('不是本系统下发的调度表（缺少识别信息），请在下发的原表中填写后报送', 'not-taizhang');
  if (meta.round !== facts.roundId) return refused(`这是 ${meta.round} 轮次的调度表（${meta.unit}），本次收集的是 ${facts.roundId}，未收取`, 'wrong-round');
  if (meta.plan_id !== facts.planId) return refused(`这是另一项工作任务的调度表（《${meta.plan_title}》），不属于本轮收集的任务，未收取`, 'wrong-plan');
  const version = facts.version(meta.plan_hash ?? '');
  if (!version) return refused('调度表版本未在台账中登记（可能由其他电脑生成），请使用本轮下发的调度表', 'unknown-version');
  const unit = meta.unit ?? '';
  const assignment = version.units.get(unit);
  if (!facts.expected.has(unit) || !assignment) return refused(`“${unit}”不在本轮下发清单中，未收取`, 'unknown-unit');
  const issued = issuedRows(version.plan, assignment.rows, version.rows);
  const identity = identityProblems(read, unit, version.plan, assignment.rows, issued, version.clauseIds);
  if (identity.length) {
    return refused(`身份不符，未收取：${identity.join('；')}。请使用下发给本单位的原表填写，勿从其他单位的表格复制内容或修改填报单位`, 'identity-mismatch');
  }
  // A workbook sent back as it was issued reports nothing: booked as a submission it would tell the unit its file
  // was returned, although it sent no answer (a blank form collected from the 下发 folder, or sent back unfilled).
  const unfilled = read.hasTrackingSheet ? unfilledAsIssued(read, assignment.rows, meta.inputs) : null;
  if (unfilled) {
    const how = unfilled === 'blank' ? '均为空白' : '与下发时预填的上期内容完全相同';
    const todo = unfilled === 'blank' ? '请填写本期情况后报送' : '请按本期实际情况更新后报送（本期确无新进展的，请在“进展情况”中如实写明）';
    return refused(`未填写的下发原表：表中“完成值”“完成状态”“进展情况”“存在问题”“下一步打算”各栏${how}，不作为报送，未收取。${todo}`, 'unfilled-issued');
  }
  const { entries, problems } = validateSubmission(read, display, version.plan, assignment.rows, issued);
  return { judged: { unit, planHash: version.hash, contact: meta.contact || null, header: read.header, entries, problems } };
}

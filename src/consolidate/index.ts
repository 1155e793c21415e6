// Consolidates a round: every clause with the lead's and each cooperating unit's answers side by side, the
// clause status derived from them, 序时 status and stagnation; and each unit's receipt state.
// Pure functions over the model; `loadRoundProgress` only gathers their inputs from the ledger.
import { comparatorRule, completionAgainst } from '../model/comparator.ts';
import { clausesOf, type Clause, type Plan, type Role, type Target } from '../model/plan.ts';
import type { ChapterStats, ClauseProgress, ClauseStatus, Receipt, RoundProgress, Schedule, UnitAnswer, YearEndOutcome } from '../model/progress.ts';
import { elapsedShare, roundKind, type Round } from '../model/round.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Entry, SubmissionReceipt } from '../model/submission.ts';
import { assignUnits } from '../sheets/assign.ts';
import { localDate } from '../util/time.ts';

import { DEFAULT_THRESHOLDS, type Thresholds } from '../model/thresholds.ts';

export { DEFAULT_THRESHOLDS, type Thresholds };

const ROLE_ORDER: Record<Role, number> = { 牵头: 0, 负责: 1, 配合: 2 };
const SEVERITY: Record<string, number> = { 滞后: 4, 未启动: 3, 序时推进: 2, 已完成: 1 };

/** Share of the clause's own time span elapsed by the end of the round. */
export function expectedShare(clause: Clause, round: Round): number {
  const elapsed = elapsedShare(round);
  const meaning = clause.deadline?.meaning;
  if (meaning?.kind !== 'date') return elapsed;
  const roundEnd = Date.parse(`${round.end}T00:00:00Z`);
  const due = Date.parse(`${meaning.date}T00:00:00Z`);
  if (due <= roundEnd) return 1;
  const yearStart = Date.UTC(Number(round.end.slice(0, 4)), 0, 1);
  const span = due - Math.min(yearStart, due - 1);
  return Math.min(1, Math.max(0, (roundEnd + 86_400_000 - yearStart) / span));
}

/** Share done from a reported value against the clause's first target; null when it cannot be told. */
export function completionOf(clause: Clause, status: string | null, value: number | null, expected: number): number | null {
  const target = clause.targets[0];
  if (target && value !== null) {
    const share = completionAgainst(target, value);
    if (share !== null) return share;
  }
  if (status === '已完成') return 1;
  if (status === '未启动') return 0;
  if (status === '序时推进') return expected;
  return null;
}

/**
 * Who answers for a clause as a whole: its leads; with no lead marked, every unit responsible for it (each its
 * part, so every answer counts); the cooperating units only when no unit is more than that.
 */
function responsibleOf(answers: UnitAnswer[]): UnitAnswer[] {
  for (const role of ['牵头', '负责'] as const) {
    const named = answers.filter((a) => a.role === role);
    if (named.length) return named;
  }
  return answers;
}

/**
 * A clause's status rests on the units responsible for it, never on a cooperating unit's word for its own part:
 * the most behind of their statuses once all have reported. While one has not, only 滞后 can be said (a part that
 * is behind holds the clause back); 已完成, 序时推进 or 未启动 would claim what the missing unit has not said, so the
 * clause stays 未报送, with every answer still shown beside it.
 */
export function clauseStatus(answers: UnitAnswer[]): ClauseStatus {
  const responsible = responsibleOf(answers);
  const told = responsible.filter((a) => a.reported && a.status).map((a) => a.status!);
  const worst = told.sort((a, b) => (SEVERITY[b] ?? 0) - (SEVERITY[a] ?? 0))[0];
  if (!worst) return '未报送';
  if (told.length < responsible.length) return worst === '滞后' ? '滞后' : '未报送';
  return worst as ClauseStatus;
}

export function scheduleOf(status: ClauseStatus, gap: number | null, t: Thresholds): Schedule {
  if (status === '未报送') return 'grey';
  if (status === '已完成') return 'green';
  const fromGap: Schedule = gap === null ? 'green' : gap >= t.red ? 'red' : gap >= t.yellow ? 'yellow' : 'green';
  // A unit that says it is behind is at least yellow, whatever the figures.
  if (status === '滞后' && fromGap === 'green') return 'yellow';
  return fromGap;
}

const num = (x: number) => String(Math.round(x * 100) / 100);

/**
 * What a reported figure lacks against its target, as a report states it: `660个完成612个，尚差48个` for a count,
 * `目标不低于80%，实际为70%，相差10个百分点` for a bound; null when the target is met or the figure says nothing.
 */
export function shortfallWords(target: Target, value: number): string | null {
  const share = completionAgainst(target, value);
  if (share === null || share >= 1) return null;
  const unit = target.unit;
  const gapUnit = /^[%％]$/.test(unit) ? '个百分点' : unit;
  const kind = comparatorRule(target.comparator).kind;
  if (kind === 'count' || kind === 'about' || kind === 'range') return `${num(target.value)}${unit}完成${num(value)}${unit}，尚差${num(target.value - value)}${unit}`;
  const actual = kind === 'reduce' ? `实际下降${num(value)}${unit}` : kind === 'increase' ? `实际提高${num(value)}${unit}` : `实际为${num(value)}${unit}`;
  return `目标${target.words}，${actual}，相差${num(Math.abs(target.value - value))}${gapUnit}`;
}

/**
 * A clause's year-end outcome, one rule: a reported figure against the target decides when there is one (a unit
 * that ticks 已完成 below its target has not completed it); else the status. Work not done whose deadline lies
 * beyond the year, and ongoing work reported on course (序时推进 with no deadline inside the year), is carried over
 * (结转); anything else not done by the year's end is 未完成.
 */
export function yearEndOutcome(clause: Clause, status: ClauseStatus, value: number | null, round: Round): YearEndOutcome {
  if (status === '未报送') return '未报送';
  const meaning = clause.deadline?.meaning;
  const dueWithinYear = meaning?.kind === 'date' && meaning.date <= round.end;
  const beyondYear = meaning?.kind === 'date' && meaning.date > round.end;
  const target = clause.targets[0];
  if (target && value !== null) {
    const share = completionAgainst(target, value);
    if (share !== null) return share >= 1 ? '完成' : beyondYear ? '结转' : '未完成';
  }
  if (status === '已完成') return '完成';
  if (beyondYear) return '结转';
  if (status === '序时推进' && !dueWithinYear) return '结转';
  return '未完成';
}

export interface ConsolidateInput {
  plan: Plan;
  round: Round;
  /** Accepted answers in force, per unit and clause. */
  answers: Map<string, Map<string, Entry>>;
  /** Each unit's answers of the previous round, for stagnation. */
  previous: Map<string, Map<string, Entry>>;
  receipts: Receipt[];
  thresholds?: Thresholds;
}

export function consolidate(input: ConsolidateInput): RoundProgress {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const yearRound = roundKind(input.round) === 'year';
  const { assignments } = assignUnits(input.plan);
  // Who answers for each clause (groups expanded to members, as in the workbooks).
  const answerers = new Map<string, { unit: string; role: Role }[]>();
  for (const a of assignments) {
    for (const row of a.rows) {
      const list = answerers.get(row.clause.id) ?? [];
      list.push({ unit: a.unit, role: row.role });
      answerers.set(row.clause.id, list);
    }
  }
  const clauses: ClauseProgress[] = clausesOf(input.plan).map(({ task, clause }) => {
    const answers: UnitAnswer[] = (answerers.get(clause.id) ?? [])
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
      .map(({ unit, role }) => {
        const e = input.answers.get(unit)?.get(clause.id);
        const prev = input.previous.get(unit)?.get(clause.id);
        return {
          unit,
          role,
          reported: !!e,
          status: e?.status ?? null,
          value: e?.value ?? null,
          valueText: e?.valueText ?? null,
          progress: e?.progress ?? null,
          problems: e?.problems ?? null,
          nextSteps: e?.nextSteps ?? null,
          stagnant: !!e?.progress && !!prev?.progress && e.progress.trim() === prev.progress.trim(),
        };
      });
    const status = clauseStatus(answers);
    const expected = expectedShare(clause, input.round);
    const source = status === '未报送' ? undefined : responsibleOf(answers).find((a) => a.reported && a.status);
    const completion = source ? completionOf(clause, status, source.value, expected) : null;
    const gap = completion === null ? null : Math.round((expected - completion) * 1000) / 10;
    const target = clause.targets[0];
    return {
      clauseId: clause.id,
      taskId: task.id,
      chapterId: task.chapterId,
      task: task.lead,
      text: clause.text,
      deadline: clause.deadline?.words ?? '',
      target: clause.targets.map((x) => x.words).join('；'),
      targetValue: target?.value ?? null,
      targetUnit: target?.unit ?? '',
      answers,
      status,
      source: source?.unit ?? null,
      completion,
      expected,
      gap,
      schedule: scheduleOf(status, gap, t),
      stagnant: answers.some((a) => a.stagnant),
      yearEnd: yearRound && answers.length > 0 ? yearEndOutcome(clause, status, source?.value ?? null, input.round) : null,
      shortfall: target && source && source.value !== null ? shortfallWords(target, source.value) : null,
    };
  });
  const chapters: ChapterStats[] = input.plan.chapters.map((c) => {
    // A clause without units is tracked by nobody: it is left out of the chapter's counts and rates.
    const own = clauses.filter((x) => x.chapterId === c.id && x.answers.length > 0);
    const completed = own.filter((x) => x.status === '已完成').length;
    return {
      chapterId: c.id,
      title: `${c.number}${c.title}`,
      clauses: own.length,
      completed,
      onSchedule: own.filter((x) => x.status !== '已完成' && x.schedule === 'green').length,
      behind: own.filter((x) => x.schedule === 'red' || x.schedule === 'yellow').length,
      notReported: own.filter((x) => x.status === '未报送').length,
      completionRate: own.length ? completed / own.length : 0,
    };
  });
  return {
    round: input.round,
    planId: input.plan.id,
    planTitle: input.plan.title,
    issuer: input.plan.issuer,
    thresholds: t,
    clauses,
    receipts: input.receipts,
    chapters,
  };
}

/**
 * Receipt state per expected unit: 已报送 / 逾期报送 / 退回 / 未报送 / 逾期. A unit's accepted submission decides
 * its state even when a later resubmission was returned (that is shown beside it, `已报送；重报被退回`). On time
 * means received by the end of the deadline day, Beijing time.
 */
export function receiptsOf(
  expected: { unit: string; rows: number }[],
  current: SubmissionReceipt[],
  history: Map<string, number>,
  problems: Map<number, number>,
  round: Round,
  today: string,
): Receipt[] {
  const accepted = new Map(current.filter((s) => s.outcome === 'accepted').map((s) => [s.unit, s]));
  const returned = new Map(current.filter((s) => s.outcome === 'returned').map((s) => [s.unit, s]));
  const overdue = today > round.deadline;
  return expected.map((e) => {
    const a = accepted.get(e.unit);
    const r = returned.get(e.unit);
    const shown = a ?? r;
    const state: Receipt['state'] = a ? (localDate(a.receivedAt) > round.deadline ? '逾期报送' : '已报送') : r ? '退回' : overdue ? '逾期' : '未报送';
    return {
      unit: e.unit,
      state,
      resubmissionReturned: !!a && !!r,
      receivedAt: shown?.receivedAt ?? null,
      reporter: shown?.reporter ?? null,
      phone: shown?.phone ?? null,
      rows: e.rows,
      problems: r ? problems.get(r.id) ?? 0 : 0,
      submissions: history.get(e.unit) ?? 0,
    };
  });
}

/** Whether a unit's answers are in: accepted, on time or late. */
export function isReported(r: Pick<Receipt, 'state'>): boolean {
  return r.state === '已报送' || r.state === '逾期报送';
}

/** Whether a unit is still owed a report: none yet, or returned. */
export function needsUrging(r: Pick<Receipt, 'state'>): boolean {
  return r.state === '未报送' || r.state === '逾期' || r.state === '退回';
}

/** A receipt state as the coordinator reads it: `逾期未报`, `已报送；重报被退回`. */
export function receiptWords(r: Pick<Receipt, 'state' | 'resubmissionReturned'>): string {
  const base = r.state === '逾期' ? '逾期未报' : r.state;
  return r.resubmissionReturned ? `${base}；重报被退回` : base;
}

/**
 * Each expected unit's receipt state, from the ledger's submissions alone: no plan read, no answer consolidated,
 * so that `status` answers at once on a round of thousands of units.
 */
export function loadReceipts(ledger: Ledger, roundId: string, today: string): { round: ReturnType<Ledger['requireRound']>; receipts: Receipt[]; current: SubmissionReceipt[] } {
  const round = ledger.requireRound(roundId);
  const current = ledger.currentReceipts(round.id);
  const receipts = receiptsOf(ledger.expected(round.id), current, ledger.submissionCounts(round.id), ledger.errorCounts(round.id), round, today);
  return { round, receipts, current };
}

/** Gathers a round's inputs from the ledger and consolidates them. */
export function loadRoundProgress(ledger: Ledger, roundId: string, today: string, thresholds?: Thresholds): { progress: RoundProgress; plan: Plan } {
  const { round, receipts, current } = loadReceipts(ledger, roundId, today);
  const plan = ledger.planByHash(round.planHash)!;
  const answers = new Map<string, Map<string, Entry>>();
  for (const s of current) {
    if (s.outcome !== 'accepted') continue;
    answers.set(s.unit, new Map(ledger.entries(s.id).map((e) => [e.clauseId, e])));
  }
  const previous = ledger.latestAcceptedBefore(round.planId, round.id);
  return { progress: consolidate({ plan, round, answers, previous, receipts, thresholds }), plan };
}

// The consolidated progress of a round: what the collected submissions say about every clause, and who reported.
import * as z from './zod.ts';
import { Role } from './plan.ts';
import { Round } from './round.ts';
import { Status } from './status.ts';

/** A clause's status in a round: the statuses a unit chooses (model/status.ts), or 未报送 when its units have not said. */
export const ClauseStatus = z.enum([...Status.options, '未报送']);
export type ClauseStatus = z.infer<typeof ClauseStatus>;

/**
 * What a year-end round says of a clause: done (完成), not done (未完成), carried into next year as planned (结转:
 * its deadline lies beyond the year, or it is ongoing work reported on course), or not reported (未报送). A year
 * has no 序时: these replace it in year-end documents.
 */
export const YearEndOutcome = z.enum(['完成', '未完成', '结转', '未报送']);
export type YearEndOutcome = z.infer<typeof YearEndOutcome>;

/** 序时 status: how far behind the share of the period elapsed; grey when nobody reported. */
export const Schedule = z.enum(['green', 'yellow', 'red', 'grey']);
export type Schedule = z.infer<typeof Schedule>;

export const UnitAnswer = z.object({
  unit: z.string(),
  role: Role,
  reported: z.boolean(),
  /** As the unit's accepted entry holds it: a Status (see Entry). */
  status: z.string().nullable(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  progress: z.string().nullable(),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
  /** 进展情况 word for word the same as the unit's answer in the previous round. */
  stagnant: z.boolean(),
});
export type UnitAnswer = z.infer<typeof UnitAnswer>;

export const ClauseProgress = z.object({
  clauseId: z.string(),
  taskId: z.string(),
  chapterId: z.string(),
  task: z.string(),
  text: z.string(),
  deadline: z.string(),
  target: z.string(),
  targetValue: z.number().nullable(),
  targetUnit: z.string(),
  answers: z.array(UnitAnswer),
  status: ClauseStatus,
  /**
   * The unit whose answer the clause's figures come from: a lead (or, for a clause without a lead, a cooperating
   * unit) that has reported; null when the clause's status does not rest on any answer.
   */
  source: z.string().nullable(),
  /** Share done (0–1), from 完成值 against the target, else from the status; null when unknown. */
  completion: z.number().nullable(),
  /** Share the schedule expects by the end of the round (0–1). */
  expected: z.number(),
  /** Percentage points behind schedule; null when completion is unknown. */
  gap: z.number().nullable(),
  schedule: Schedule,
  stagnant: z.boolean(),
  /** The year-end outcome; null in a round that is not the year's. */
  yearEnd: YearEndOutcome.nullable(),
  /** What is missing against the target when the figure falls short (`660个完成612个，尚差48个`); else null. */
  shortfall: z.string().nullable(),
});
export type ClauseProgress = z.infer<typeof ClauseProgress>;

export const ReceiptState = z.enum(['已报送', '逾期报送', '退回', '未报送', '逾期']);
export type ReceiptState = z.infer<typeof ReceiptState>;

export const Receipt = z.object({
  unit: z.string(),
  state: ReceiptState,
  /** A resubmission after the accepted one was returned: the accepted answers stay in force. */
  resubmissionReturned: z.boolean(),
  /** When the file in force arrived (ISO): its own time, a zip entry's time, or `--received-at`. */
  receivedAt: z.string().nullable(),
  reporter: z.string().nullable(),
  phone: z.string().nullable(),
  rows: z.number(),
  problems: z.number(),
  submissions: z.number(),
});
export type Receipt = z.infer<typeof Receipt>;

export const ChapterStats = z.object({
  chapterId: z.string(),
  title: z.string(),
  clauses: z.number(),
  completed: z.number(),
  onSchedule: z.number(),
  behind: z.number(),
  notReported: z.number(),
  completionRate: z.number(),
});
export type ChapterStats = z.infer<typeof ChapterStats>;

export const RoundProgress = z.object({
  round: Round,
  planId: z.string(),
  planTitle: z.string(),
  issuer: z.string(),
  thresholds: z.object({ yellow: z.number(), red: z.number() }),
  clauses: z.array(ClauseProgress),
  receipts: z.array(Receipt),
  chapters: z.array(ChapterStats),
});
export type RoundProgress = z.infer<typeof RoundProgress>;

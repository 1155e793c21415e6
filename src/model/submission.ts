// What collect records: every file received (intake), the submissions made of them, the answers each carries
// (entries) and the problems found. The ledger parses its rows through these schemas, so a row that does not fit
// is caught where it is read, not where a report prints it.
import { exactNumber } from './exact.ts';
import { Role } from './plan.ts';
import { RuleCode } from './rules.ts';
import * as z from './zod.ts';

export { EXACT_DIGITS, exactNumber, LONE_SURROGATE, wellFormedText } from './exact.ts';

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** One problem of a received file, located by sheet and cell ('-' when it concerns the whole file). */
export const Problem = z.object({
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
  /** A stable code from the catalogue (model/rules.ts), e.g. `identity-mismatch`, `zip-bomb`: for counting and tests. */
  rule: RuleCode,
  severity: Severity,
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

/**
 * One unit's answer on one clause, as read from its workbook. `status` is the 完成状态 as written: one of Status
 * (model/status.ts) in an accepted submission, anything the unit typed in a returned one (sent back to it as it was).
 */
export const Entry = z.object({
  clauseId: z.string(),
  role: Role,
  status: z.string().nullable(),
  valueText: z.string().nullable(),
  value: z.number().refine(exactNumber, '完成值超出可以准确记录的范围').nullable(),
  progress: z.string().nullable(),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
});
export type Entry = z.infer<typeof Entry>;

export const SubmissionOutcome = z.enum(['accepted', 'returned']);
export type SubmissionOutcome = z.infer<typeof SubmissionOutcome>;

/** What became of a received file: a submission (accepted, returned, or older than one in force), or nothing. */
export const IntakeOutcome = z.enum(['accepted', 'returned', 'refused', 'unusable', 'stale']);
export type IntakeOutcome = z.infer<typeof IntakeOutcome>;

/** A workbook booked to a unit. Nothing is deleted: a newer one supersedes it and it stays as history. */
export const Submission = z.object({
  id: z.number().int(),
  roundId: z.string(),
  unit: z.string(),
  planHash: z.string(),
  sha256: z.string(),
  originalPath: z.string(),
  archivePath: z.string(),
  receivedAt: z.string(),
  fileTime: z.string(),
  outcome: SubmissionOutcome,
  supersededBy: z.number().int().nullable(),
  reporter: z.string().nullable(),
  phone: z.string().nullable(),
  fillDate: z.string().nullable(),
  /** The 联系人 line of the issued workbook, so a 退回重报 workbook rebuilt later carries it again. */
  contact: z.string().nullable(),
});
export type Submission = z.infer<typeof Submission>;

/** The fields of a submission a receipt (status, 总览) shows. */
export const SubmissionReceipt = Submission.pick({ id: true, unit: true, outcome: true, receivedAt: true, reporter: true, phone: true });
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;

/** A file received for a round, whatever became of it. */
export const Intake = z.object({
  id: z.number().int(),
  roundId: z.string(),
  sha256: z.string(),
  originalPath: z.string(),
  receivedAt: z.string(),
  outcome: IntakeOutcome,
  unit: z.string().nullable(),
  message: z.string().nullable(),
});
export type Intake = z.infer<typeof Intake>;

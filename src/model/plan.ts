// The plan model: what every plan reader returns and every later stage consumes.
// zod schemas are the single source of truth; the TypeScript types are inferred from them.
import { createHash } from 'node:crypto';
import * as z from './zod.ts';
import { WarningCode } from './rules.ts';

/**
 * A role a unit plays in a clause: 牵头 (the text marks it as lead: 牵头, a 牵头单位 line or column, 会同, a stated
 * position rule), 负责 (responsible, with no lead marked: `（A、B按职责分工负责）`), 配合 (cooperates). A lead is
 * never made up from a unit's place in a list.
 */
export const Role = z.enum(['牵头', '负责', '配合']);
export type Role = z.infer<typeof Role>;

/** One responsible unit as named in a clause's annotation. */
export const Assignment = z.object({
  unit: z.string().min(1),
  role: Role,
});
export type Assignment = z.infer<typeof Assignment>;

/** A quantified target found in the text, e.g. `较2020年下降5%` or `完成省定660个行政村环境整治任务`. */
export const Target = z.object({
  value: z.number(),
  unit: z.string(),
  /** 以上 / 以下 / 不低于 / 不高于 / 下降 / 提高 / 达到 / 完成 / 左右 / 范围 … ; empty for a plain count. Meanings: comparator.ts. */
  comparator: z.string(),
  /** The upper end of a range (`1到2个`); absent otherwise. */
  upper: z.number().optional(),
  /** The words of the plan the target was read from. */
  words: z.string(),
});
export type Target = z.infer<typeof Target>;

/** What a deadline means, so that rounds can tell whether a clause is due. */
export const DeadlineMeaning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ kind: z.literal('recurring'), every: z.enum(['month', 'quarter', 'halfyear', 'year']) }),
  z.object({ kind: z.literal('ongoing') }),
  /** `印发后3个月内` in a plan whose date is not known: kept as written, with no date to fall due on. */
  z.object({ kind: z.literal('within'), amount: z.number(), unit: z.enum(['day', 'month', 'year']) }),
]);
export type DeadlineMeaning = z.infer<typeof DeadlineMeaning>;

export const Deadline = z.object({
  words: z.string(),
  meaning: DeadlineMeaning,
});
export type Deadline = z.infer<typeof Deadline>;

/**
 * Where the reader is unsure about a clause, so that the coordinator checks those rows first:
 * - lead-by-position: the lead comes only from a unit's place in the list (a position rule far from the clause, or
 *   the coordinator's plan-wide choice that the first listed leads);
 * - split-at-he: a name was split at 和/及/与, or kept whole across one;
 * - unit-once: a unit named nowhere else in the plan, whose name is long or odd;
 * - catchall-boundary: a named unit was cut from a catch-all it was written into (`B等国务院相关部门`);
 * - annotation-far: the units come from an annotation that does not stand at the clause (a section's last item,
 *   an inherited `以下均需…`, prose);
 * - from-prose: the units were read from the task's sentences (`由X牵头`, `X要…`), not from an annotation;
 * - no-unit: the clause names no responsible unit;
 * - name-unclear: a name that does not read like an organisation's was kept;
 * - units-left-out: names in the annotation with no role said (no 牵头, 负责, 配合…) were left out.
 */
export const Doubt = z.enum(['lead-by-position', 'split-at-he', 'unit-once', 'catchall-boundary', 'annotation-far', 'from-prose', 'no-unit', 'name-unclear', 'units-left-out']);
export type Doubt = z.infer<typeof Doubt>;

/** What each doubt asks the coordinator to check, as `plan parse` prints it and the 任务分解表 shows it. */
export const DOUBT_WORDS: Record<Doubt, string> = {
  'lead-by-position': '牵头单位仅按排列顺序确定',
  'split-at-he': '单位名称在“和”“及”处的分合待核对',
  'unit-once': '单位名称仅此一处出现且不规范',
  'catchall-boundary': '具体单位与“等……”泛指表述的界限待核对',
  'annotation-far': '责任单位取自本部分末尾或其他位置的括注',
  'from-prose': '责任单位据正文语句识别',
  'no-unit': '未标注责任单位',
  'name-unclear': '单位名称不像机构名称',
  'units-left-out': '括注中有单位未写明牵头、负责或配合，未列入',
};

/** How the plan's leads were found: only where the text marks them; by a position rule the plan states; or by the
 * coordinator's choice in the review that the first unit listed leads wherever no lead is marked. */
export const LeadRule = z.enum(['marked', 'stated', 'first-listed']);
export type LeadRule = z.infer<typeof LeadRule>;

/** The part of a task that one annotation closes: its text and the units responsible for it. */
export const Clause = z.object({
  id: z.string(),
  text: z.string(),
  assignments: z.array(Assignment),
  targets: z.array(Target),
  deadline: Deadline.nullable(),
  /** The annotation as written in the plan, e.g. `(责任单位:综合与科技处)`; null when none. */
  annotation: z.string().nullable(),
  /** 1-based line of the source where the clause's annotation (or text) stands. */
  line: z.number().int().nullable(),
  /** The reader's doubts about this clause; absent when it has none. */
  doubts: z.array(Doubt).optional(),
});
export type Clause = z.infer<typeof Clause>;

export const Task = z.object({
  /** Stable id: `4.6` (chapter 4, task 6), `7` when the plan numbers tasks across chapters, `2.1.3` for paragraphs. */
  id: z.string(),
  chapterId: z.string(),
  sectionId: z.string().nullable(),
  /** The task's number as printed (`6.`), or null for paragraph tasks. */
  number: z.string().nullable(),
  /** The lead sentence, e.g. `推进美丽济南建设`. */
  lead: z.string(),
  text: z.string(),
  clauses: z.array(Clause).min(1),
  line: z.number().int().nullable(),
});
export type Task = z.infer<typeof Task>;

export const Section = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
});
export type Section = z.infer<typeof Section>;

export const Chapter = z.object({
  id: z.string(),
  /** As printed: `一、`, `第二章`. */
  number: z.string(),
  title: z.string(),
  sections: z.array(Section),
});
export type Chapter = z.infer<typeof Chapter>;

export const Indicator = z.object({
  id: z.string(),
  category: z.string(),
  name: z.string(),
  unit: z.string(),
  baseline: z.string(),
  target: z.string(),
  attribute: z.enum(['约束性', '预期性', '']),
  note: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

/** kind: an ordinary unit; a group such as `各镇(街道)` (with members when known); a catch-all such as `机关其他相关处室、单位`. */
export const UnitKind = z.enum(['unit', 'group', 'catchall']);
export type UnitKind = z.infer<typeof UnitKind>;

export const RegistryUnit = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
  kind: UnitKind,
  members: z.array(z.string()),
});
export type RegistryUnit = z.infer<typeof RegistryUnit>;

export const Warning = z.object({
  /** From the catalogue of plan warnings (model/rules.ts). */
  code: WarningCode,
  line: z.number().int().nullable(),
  message: z.string(),
});
export type Warning = z.infer<typeof Warning>;

export const Plan = z.object({
  schema: z.literal('taizhang/plan@1'),
  /** Stable across edits of the plan: derived from the source file. */
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  year: z.number().int().nullable(),
  /** The date the plan was issued (its signature date), when printed; relative deadlines count from it. */
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  source: z.object({
    file: z.string(),
    format: z.enum(['txt', 'docx', 'xlsx', 'pdf', 'doc', 'wps', 'rtf', 'json']),
    sha256: z.string(),
    encoding: z.string(),
  }),
  chapters: z.array(Chapter),
  tasks: z.array(Task),
  indicators: z.array(Indicator),
  units: z.array(RegistryUnit),
  warnings: z.array(Warning),
  /** How leads were found (see LeadRule); absent in plans read before the rule was recorded, which is 'marked'. */
  leadRule: LeadRule.optional(),
  /**
   * The plan's opening before its first chapter, as printed: the year's place (`2026年是“十五五”规划的开局之年。`),
   * its guiding thought (`…要以…为指导，…`) and its aims (`主要任务目标：…`), one paragraph a line. The speech says it
   * as the year's 总体要求; absent when the plan opens with its chapters.
   */
  preamble: z.string().optional(),
});
export type Plan = z.infer<typeof Plan>;

/** Every clause with the task it belongs to, in plan order. */
export function clausesOf(plan: Plan): { task: Task; clause: Clause }[] {
  return plan.tasks.flatMap((task) => task.clauses.map((clause) => ({ task, clause })));
}

/**
 * A digest of everything a workbook shows from the plan. Workbooks carry it, so the collector checks a
 * returned workbook against the very version of the plan it was made from.
 */
export function planHash(plan: Plan): string {
  const content = JSON.stringify([plan.id, plan.title, plan.chapters, plan.tasks, plan.units]);
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** What a document shows where the plan gives no title or issuer: visible, and listed by the stage that prints it. */
export const TITLE_PLACEHOLDER = '【待填：计划标题】';
export const ISSUER_PLACEHOLDER = '【待填：发文机关】';

/** The plan's title as every writer prints it (inside 《》 or （）): never empty. */
export function displayTitle(plan: Pick<Plan, 'title'>): string {
  return plan.title.trim() || TITLE_PLACEHOLDER;
}

/** The plan's issuer as every writer prints it: never empty. */
export function displayIssuer(plan: Pick<Plan, 'issuer'>): string {
  return plan.issuer.trim() || ISSUER_PLACEHOLDER;
}

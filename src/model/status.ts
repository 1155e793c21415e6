// The 完成状态 a unit chooses for a clause, and what each means: one list for the workbook's drop-down, the collector's
// check, the ledger's entries and the consolidated progress (which adds 未报送, see progress.ts).
import * as z from './zod.ts';

/** The statuses a unit may choose, in the drop-down's order. */
export const Status = z.enum(['已完成', '序时推进', '滞后', '未启动']);
export type Status = z.infer<typeof Status>;

/** What each status means, as the guide sheet explains it to the unit. */
export const STATUS_MEANINGS: Record<Status, string> = {
  已完成: '本条目任务已全部完成',
  序时推进: '按计划进度推进，能够按期完成',
  滞后: '进度落后于计划，须在“存在问题”中说明原因',
  未启动: '尚未开始实施（“进展情况”可不填）',
};

/** Whether a text is one of the statuses (a unit may have typed anything into the cell). */
export function isStatus(s: string | null | undefined): s is Status {
  return (Status.options as readonly string[]).includes(s ?? '');
}

// How the documents name the year's work when they count it: the plan's numbered tasks, and the clauses they are
// divided into by responsibility when that is more (the Jinan plan: 59 tasks, 67 clauses). Counts of outcomes
// (完成61项) are of clauses, so the first mention says both, once, and every document says it alike.
import type { Plan } from '../model/plan.ts';

/** The plan's numbered tasks and the clauses they are divided into. */
export function sizeOf(plan: Pick<Plan, 'tasks'>): { tasks: number; clauses: number } {
  return { tasks: plan.tasks.length, clauses: plan.tasks.reduce((n, t) => n + t.clauses.length, 0) };
}

/** `59项重点任务（按责任分工细化为67项）`, or `67项重点工作` when each task is one clause. */
export function scopeWords(plan: Pick<Plan, 'tasks'>): string {
  const { tasks, clauses } = sizeOf(plan);
  return clauses > tasks ? `${tasks}项重点任务（按责任分工细化为${clauses}项）` : `${clauses}项重点工作`;
}

/**
 * The scope as the subject of a count (`部署重点任务59项，按责任分工细化为67项，其中完成61项`): the counts are of the 67,
 * so they follow 其中 after both numbers, never `59项重点任务（…67项）中，完成61项` (R8 通报 1: 61 of 59).
 */
export function scopeCounted(plan: Pick<Plan, 'tasks'>): string {
  const { tasks, clauses } = sizeOf(plan);
  return clauses > tasks ? `部署重点任务${tasks}项，按责任分工细化为${clauses}项，其中` : `部署重点工作${clauses}项，其中`;
}

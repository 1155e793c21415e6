// A Chinese summary of a plan, printed after `plan parse` and `plan import`.
import { DOUBT_WORDS, type Plan } from '../model/plan.ts';

export interface UnitCount {
  unit: string;
  kind: string;
  lead: number;
  /** Tasks in which the unit is responsible with no lead marked (负责). */
  responsible: number;
  cooperate: number;
}

/** Per unit: in how many tasks it leads, is responsible without a lead, cooperates (a task counts once, in its strongest role). */
export function unitTaskCounts(plan: Plan): UnitCount[] {
  return plan.units.map((u) => {
    const lead = new Set<string>();
    const resp = new Set<string>();
    const coop = new Set<string>();
    for (const t of plan.tasks) {
      for (const c of t.clauses) {
        for (const a of c.assignments) {
          if (a.unit !== u.name) continue;
          (a.role === '牵头' ? lead : a.role === '负责' ? resp : coop).add(t.id);
        }
      }
    }
    for (const id of lead) {
      resp.delete(id);
      coop.delete(id);
    }
    for (const id of resp) coop.delete(id);
    return { unit: u.name, kind: u.kind, lead: lead.size, responsible: resp.size, cooperate: coop.size };
  });
}

const KIND = { unit: '单位', group: '群组', catchall: '泛指' } as const;

export function summarizePlan(plan: Plan): string {
  const clauses = plan.tasks.flatMap((t) => t.clauses);
  const withUnits = clauses.filter((c) => c.assignments.length > 0).length;
  const units = plan.units.filter((u) => u.kind === 'unit').length;
  const groups = plan.units.filter((u) => u.kind === 'group').length;
  const catchalls = plan.units.filter((u) => u.kind === 'catchall').length;
  const lines: string[] = [];
  lines.push(`《${plan.title || plan.source.file}》${plan.issuer ? `（${plan.issuer}）` : ''}`);
  lines.push(`来源文件：${plan.source.file}（${plan.source.encoding}），计划编号 ${plan.id}`);
  lines.push(`章节 ${plan.chapters.length} 个，任务 ${plan.tasks.length} 项，条目 ${clauses.length} 条（已明确责任单位 ${withUnits} 条），指标 ${plan.indicators.length} 项`);
  lines.push(`责任单位 ${units} 个${groups ? `，单位群组 ${groups} 个` : ''}${catchalls ? `，泛指表述 ${catchalls} 个` : ''}`);
  const counts = unitTaskCounts(plan);
  if (counts.length) {
    const width = Math.max(...counts.map((c) => c.unit.length));
    for (const c of counts) {
      const tag = c.kind === 'unit' ? '' : `［${KIND[c.kind as keyof typeof KIND]}］`;
      const resp = c.responsible ? `  负责 ${String(c.responsible).padStart(2)} 项` : '';
      lines.push(`  ${c.unit.padEnd(width, '　')}  牵头 ${String(c.lead).padStart(2)} 项${resp}  配合 ${String(c.cooperate).padStart(2)} 项${tag}`);
    }
  }
  const unassigned = plan.tasks.filter((t) => t.clauses.some((c) => c.assignments.length === 0));
  if (unassigned.length === 0) lines.push('未明确责任单位的任务：无');
  else {
    lines.push(`未明确责任单位的任务 ${unassigned.length} 项：`);
    for (const t of unassigned.slice(0, 20)) lines.push(`  ${t.id} ${t.lead}`);
    if (unassigned.length > 20) lines.push(`  ……等 ${unassigned.length} 项（完整清单见任务分解表）`);
  }
  // Several units responsible and none marked as lead: the coordinator decides, row by row or for the whole plan.
  const noLead = clauses.filter((c) => c.assignments.filter((a) => a.role === '负责').length > 1).length;
  if (noLead) lines.push(`原文未写明牵头单位、由多个单位分别负责的条目 ${noLead} 条（各单位分别报送；如需指定牵头单位，请在任务分解表中确定）`);
  const doubtful = plan.tasks.flatMap((t) => t.clauses.filter((c) => c.doubts?.length).map((c) => ({ t, c })));
  if (doubtful.length) {
    lines.push(`待核对条目 ${doubtful.length} 条：`);
    const lineWord = plan.source.format === 'docx' ? '段' : '行';
    for (const { c } of doubtful.slice(0, 40)) {
      lines.push(`  ${c.line !== null ? `第${c.line}${lineWord} ` : ''}条目${c.id}：${c.doubts!.map((d) => DOUBT_WORDS[d]).join('；')}`);
    }
    if (doubtful.length > 40) lines.push(`  ……等 ${doubtful.length} 条（完整清单见任务分解表“待核对”列）`);
  }
  if (plan.warnings.length) {
    lines.push(`提示 ${plan.warnings.length} 条：`);
    for (const w of plan.warnings) lines.push(`  ${w.message}`);
  }
  return lines.join('\n');
}

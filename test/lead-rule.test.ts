// The coordinator's plan-wide choice for a plan that marks no lead: the unit listed first leads. Adopted by
// `plan parse --first-listed-leads` or in the 任务分解表's 说明 sheet; recorded in the plan; never applied unasked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Plan } from '../src/model/plan.ts';
import { readPlan } from '../src/plan/index.ts';
import { withFirstListedLeads } from '../src/plan/review.ts';
import { taizhang, tempDir } from './helpers.ts';

const TEXT = [
  '某区2025年工作要点',
  '一、重点工作',
  '1.推进老旧小区改造。完成改造12个。（区住建局、区财政局、区城管局按职责分工负责）',
  '2.开展河道清淤。（区水务局牵头，区城管局配合）',
  '',
  '某区人民政府办公室',
].join('\n');

function rolesOf(plan: Plan, taskIndex: number) {
  return plan.tasks[taskIndex]!.clauses[0]!.assignments.map((a) => `${a.unit}:${a.role}`);
}

describe('a plan that marks no lead', () => {
  it('reads every unit as 负责, and adopting the convention makes the first one lead, with a doubt to review', async () => {
    const dir = tempDir('tz-lead-rule-');
    const file = join(dir, 'plan.txt');
    writeFileSync(file, TEXT);
    const read = await readPlan(file);
    expect(rolesOf(read, 0)).toEqual(['区住建局:负责', '区财政局:负责', '区城管局:负责']);
    expect(rolesOf(read, 1)).toEqual(['区水务局:牵头', '区城管局:配合']);

    const { plan, adopted } = withFirstListedLeads(read);
    expect(adopted).toBe(1);
    expect(plan.leadRule).toBe('first-listed');
    expect(rolesOf(plan, 0)).toEqual(['区住建局:牵头', '区财政局:配合', '区城管局:配合']);
    expect(plan.tasks[0]!.clauses[0]!.doubts).toContain('lead-by-position');
    // A lead the text marks is left as written, without a doubt added.
    expect(rolesOf(plan, 1)).toEqual(['区水务局:牵头', '区城管局:配合']);
    expect(plan.tasks[1]!.clauses[0]!.doubts ?? []).not.toContain('lead-by-position');
    // The plan read is left as it was.
    expect(rolesOf(read, 0)).toEqual(['区住建局:负责', '区财政局:负责', '区城管局:负责']);
    // Adopted twice, nothing more changes.
    expect(withFirstListedLeads(plan).adopted).toBe(0);
  });

  it('plan parse --first-listed-leads records the choice and says how many clauses it decided', () => {
    const dir = tempDir('tz-lead-rule-cli-');
    const file = join(dir, 'plan.txt');
    writeFileSync(file, TEXT);
    const out = join(dir, 'plan.json');
    const r = taizhang(['plan', 'parse', file, '-o', out, '--first-listed-leads']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('原文未写明牵头单位的 1 条条目，已按列第一位者为牵头单位确定');
    const plan = Plan.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(plan.leadRule).toBe('first-listed');
    expect(rolesOf(plan, 0)).toEqual(['区住建局:牵头', '区财政局:配合', '区城管局:配合']);
    // Without the option nothing is decided for the coordinator.
    const plain = join(dir, 'plain.json');
    expect(taizhang(['plan', 'parse', file, '-o', plain]).code).toBe(0);
    expect(rolesOf(Plan.parse(JSON.parse(readFileSync(plain, 'utf8'))), 0)).toEqual(['区住建局:负责', '区财政局:负责', '区城管局:负责']);
  });
});

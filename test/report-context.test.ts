// The report context as a zod schema (src/model/report-context.ts): what buildContext makes fits it field for field,
// and `report --list-variables` is generated from its descriptions, every variable the list had still there.
import { describe, expect, it } from 'vitest';
import { consolidate } from '../src/consolidate/index.ts';
import { ReportContext, listVariables } from '../src/model/report-context.ts';
import { parseRound } from '../src/model/round.ts';
import type { Entry } from '../src/model/submission.ts';
import { buildContext, VARIABLES } from '../src/report/context.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { jinanPlan } from './helpers.ts';

/** `计划.标题 / 编号` → 计划.标题, 计划.编号; `（列表）` dropped. */
function paths(name: string): string[] {
  const parts = name.split(' / ').map((p) => p.replace(/（列表[^）]*）/g, ''));
  const prefix = parts[0]!.includes('.') ? parts[0]!.slice(0, parts[0]!.lastIndexOf('.') + 1) : '';
  return parts.map((p, i) => (i === 0 || p.includes('.') ? p : `${prefix}${p}`));
}

describe('report context schema', () => {
  it('describes what buildContext makes, every field (a strict parse)', async () => {
    const plan = await jinanPlan();
    const answers = new Map<string, Map<string, Entry>>();
    for (const a of assignUnits(plan).assignments.slice(0, 12)) {
      answers.set(a.unit, new Map(a.rows.map((row, i) => [row.clause.id, { clauseId: row.clause.id, role: row.role, status: i % 3 ? '序时推进' : '滞后', value: null, valueText: null, progress: '推进中。', problems: i % 3 ? null : '资金未到位。', nextSteps: '加快推进。' }])));
    }
    const receipts = [...answers.keys()].map((unit) => ({ unit, state: '已报送' as const, resubmissionReturned: false, receivedAt: null, reporter: null, phone: null, rows: 1, problems: 0, submissions: 1 }));
    for (const round of ['2025-Q3', '2025-年终']) {
      const ctx = buildContext(consolidate({ plan, round: parseRound(round), answers, previous: new Map(), receipts }), plan, '2025-10-20');
      // Every key the context holds is one the schema names: a field added in buildContext without its description fails here.
      const unknownKeys = (value: unknown, schema: unknown, at: string): string[] => {
        const def = (schema as { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown } } })._zod.def;
        if (def.type === 'object' && value && typeof value === 'object') {
          const shape = (schema as { shape: Record<string, unknown> }).shape;
          return Object.entries(value).flatMap(([k, v]) => (k in shape ? unknownKeys(v, shape[k], `${at}.${k}`) : [`${at}.${k}`]));
        }
        if (def.type === 'array' && Array.isArray(value)) return value.flatMap((v) => unknownKeys(v, def.element, `${at}[]`));
        return [];
      };
      expect(ReportContext.safeParse(ctx).error?.issues ?? []).toEqual([]);
      expect(unknownKeys(ctx, ReportContext, '')).toEqual([]);
      expect(ctx.轮次.年终).toBe(round === '2025-年终');
    }
  });

  it('lists every variable the hand-written list had, with its description', () => {
    const listed = new Set(VARIABLES.flatMap(([name]) => paths(name)));
    const before = [
      '机关', '主送', '联系人', '文号', '计划.标题', '计划.编号', '轮次.名称', '轮次.编号', '轮次.截止', '轮次.年度', '轮次.截至', '轮次.期间', '轮次.年终', '轮次.文种',
      '结论.总体', '结论.报送', '结论.滞后', '结论.问题', '结论.暂无进展', '结论.无责任单位', '结论.有报送', '成文日期',
      '统计.应报单位数', '统计.已报送单位数', '统计.按时报送单位数', '统计.逾期报送单位数', '统计.退回单位数', '统计.未报送单位数', '统计.报送率',
      '统计.任务数', '统计.条目数', '统计.已完成', '统计.序时推进', '统计.滞后', '统计.未启动', '统计.未报送条目', '统计.完成率', '统计.红色', '统计.黄色', '统计.停滞', '统计.无责任单位条目',
      '章节', '报送.按时', '报送.逾期', '报送.退回', '报送.未报', '滞后任务', '停滞任务', '目标对比', '指标',
      '通报.标题', '通报.开头', '通报.推进', '通报.总体', '通报.报送', '通报.批评', '通报.下一轮', '通报.回复日期', '通报.表1', '通报.督办', '通报.表扬', '通报.要求', '通报.抄送', '通报.印发机关', '通报.印发日期',
      '讲话.标题', '讲话.会议', '讲话.讲话人', '讲话.日期', '讲话.开场', '讲话.回顾年度', '讲话.部署年度', '讲话.回顾期间', '讲话.总述', '讲话.指标', '讲话.不足', '讲话.督办', '讲话.回顾',
      '讲话.部署.来源', '讲话.部署.计划', '讲话.部署.总体要求', '讲话.部署.概述', '讲话.部署.章节', '讲话.部署.见', '讲话.部署.结转',
      '报告.开头', '报告.指标段', '报告.未报送', '报告.无责任单位', '报告.问题总述', '报告.滞后', '报告.打算开头', '报告.主题', '报告.未完成', '报告.结转', '报告.未报送任务',
      '统计.年终完成', '统计.年终未完成', '统计.结转', '待填', '{{数值 "名称"}}', '{{顿号 列表}}',
    ];
    expect(before.filter((p) => !listed.has(p))).toEqual([]);
    // Fields the hand-written list had left out are described now.
    for (const p of ['轮次.开始', '轮次.结束', '数据', '报告.问题要点', '报告.重复表述']) expect(listed.has(p), p).toBe(true);
    expect(VARIABLES).toContainEqual(['计划.标题 / 编号', '工作要点标题、编号']);
    expect(VARIABLES).toContainEqual(['滞后任务（列表）', '编号、任务、单位、状态、差距、序时（红/黄）、颜色、停滞']);
    expect(VARIABLES.every(([, text]) => text.length > 3)).toBe(true);
  });

  it('refuses a context field without a description: the list cannot silently miss a variable', async () => {
    const z = await import('zod');
    expect(() => listVariables(z.object({ 机关: z.string().describe('发文机关'), 新字段: z.string() }))).toThrow('report context field 新字段 has no description');
  });
});

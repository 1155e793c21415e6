// Indicators (指标) a unit reports in its workbook: which ones, to whom (the office's declaration, `sheets generate
// --indicators 指标.json`, in the --metrics file's own form), as issued in a round, and the values units report.
import type { Plan } from './plan.ts';
import { exactNumber } from './exact.ts';
import { MetricSpec } from './metrics.ts';
import * as z from './zod.ts';
import { UserError } from '../util/errors.ts';

/**
 * One entry of an indicator file, the --metrics form with the unit that reports it:
 * `{"优良天数比率": {"单位": "%", "目标": "≥64%", "依据": "省考核要求", "报送单位": "生态环境监测处"}}`. For an
 * indicator of the plan's table, 单位 and 目标 default to the plan's. An entry without 报送单位 is sent to no unit.
 */
export const IndicatorDeclaration = MetricSpec.partial({ 值: true });
export type IndicatorDeclaration = z.infer<typeof IndicatorDeclaration>;

/** An indicator as issued to a unit in a round (recorded in the ledger when the round is issued). */
export const IssuedIndicator = z.object({
  /** 序号 on the 指标 sheet, from 1 in the unit's sheet. */
  seq: z.number().int(),
  name: z.string(),
  /** Unit of measure (`%`, `微克/立方米`); empty when none. */
  measure: z.string(),
  target: z.string(),
  /** Whose target it is (`省考核要求`), as the verdict names it; empty: `目标`. */
  basis: z.string(),
  /** The unit that reports it. */
  unit: z.string(),
});
export type IssuedIndicator = z.infer<typeof IssuedIndicator>;

/** A value a unit reported on its 指标 sheet, as read and booked. */
export const IndicatorValue = z.object({
  name: z.string(),
  /** As written (`64.2`, `64.2%`, `基本完成`); null when left blank. */
  valueText: z.string().nullable(),
  value: z.number().refine(exactNumber, '数值超出可以准确记录的范围').nullable(),
  /** 说明, as written. */
  note: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** A value reported in a round: which unit, from which submission in force. */
export interface ReportedIndicator extends IndicatorValue {
  unit: string;
  submissionId: number;
}

/**
 * Whether an indicator's 本期数值 must be a number: when its target states a figure or it has a unit of measure.
 * A target in words only (`完成省下达任务`) takes a text.
 */
export function numericIndicator(i: Pick<IssuedIndicator, 'measure' | 'target'>): boolean {
  return /\d/.test(i.target) || i.measure.trim() !== '';
}

const EXAMPLE = '例如 {"优良天数比率": {"单位": "%", "目标": "≥64%", "依据": "省考核要求", "报送单位": "生态环境监测处"}, "细颗粒物（PM2.5）平均浓度": {"报送单位": "大气环境处"}}';

/**
 * The indicators an indicator file sends to units, in the file's order and numbered per unit: the plan's
 * indicator of the same name gives 单位 and 目标 where the file does not. `units`: the units that get a workbook
 * in the round; naming another is refused (it would get no sheet to report in).
 */
export function issuedIndicators(json: unknown, source: string, plan: Pick<Plan, 'indicators'>, units: ReadonlySet<string>): IssuedIndicator[] {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UserError(`指标文件“${source}”应为一个 JSON 对象（指标名称: 说明）。`, EXAMPLE);
  const out: IssuedIndicator[] = [];
  const seqs = new Map<string, number>();
  for (const [name, raw] of Object.entries(json)) {
    const r = IndicatorDeclaration.safeParse(raw);
    if (!r.success || !name.trim()) {
      throw new UserError(`指标文件“${source}”中“${name}”的内容不能识别：应为含“报送单位”（及可选的“单位”“目标”“依据”）的对象。`, EXAMPLE);
    }
    const d = r.data;
    const unit = d.报送单位?.trim();
    if (!unit) continue;
    if (!units.has(unit)) {
      throw new UserError(
        `指标文件“${source}”中“${name}”的报送单位“${unit}”在本轮没有调度表（工作要点未给该单位分配任务），无法在调度表中报送。`,
        `请核对单位名称（须与调度表的填报单位一致，如：${[...units].slice(0, 3).join('、')}），或删去“报送单位”，改由综合处在 report --metrics 中提供数值。`,
      );
    }
    const planned = plan.indicators.find((i) => i.name === name.trim());
    const seq = (seqs.get(unit) ?? 0) + 1;
    seqs.set(unit, seq);
    out.push({
      seq,
      name: name.trim(),
      measure: (d.单位 ?? planned?.unit ?? '').trim(),
      target: (d.目标 ?? planned?.target ?? '').trim(),
      basis: (d.依据 ?? '').trim(),
      unit,
    });
  }
  return out;
}

// Figures the office supplies for a report (`report --metrics 文件.json`): a plain value, or a value with its unit
// of measure, its target and what the target is (`省考核要求`), so that the KPI paragraph can state each with a verdict.
import * as z from './zod.ts';
import { UserError } from '../util/errors.ts';

/** One figure with what it is measured against: `{"值": 38, "单位": "微克/立方米", "目标": "≤42", "依据": "省考核要求"}`. */
export const MetricSpec = z.object({
  值: z.union([z.number(), z.string()]),
  /** Unit of measure, printed after the value (not after a value that ends with %). */
  单位: z.string().optional(),
  /** The target, as the plan or the assessment states it: `42`, `≤42`, `不低于80%`. */
  目标: z.string().optional(),
  /** Whose target it is, as the verdict names it: `省考核要求` → `达到省考核要求`; `目标` when not given. */
  依据: z.string().optional(),
  /** The unit that reports it in its workbook (see model/indicators.ts); a value given here wins over the unit's. */
  报送单位: z.string().optional(),
});
export type MetricSpec = z.infer<typeof MetricSpec>;
export const Metric = z.union([z.number(), z.string(), MetricSpec]);
export type Metric = z.infer<typeof Metric>;
export type Metrics = Record<string, Metric>;

/** A figure's value, as the {{数值}} helper and the tables print it. */
export function metricValue(m: Metric): number | string {
  return typeof m === 'object' ? m.值 : m;
}

/** Reads a --metrics file's JSON: every entry a number, a text or a MetricSpec; a bad one is named with its file. */
export function parseMetrics(json: unknown, source: string): Metrics {
  const example = '例如 {"行政处罚案件数": 216, "细颗粒物（PM2.5）平均浓度": {"值": 38, "单位": "微克/立方米", "目标": "≤42", "依据": "省考核要求"}}';
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UserError(`数据文件“${source}”应为一个 JSON 对象（名称: 数值）。`, example);
  const out: Metrics = {};
  for (const [k, v] of Object.entries(json)) {
    // An indicator a unit reports, without a value of the office's: the unit's value (from the ledger) is used.
    if (v && typeof v === 'object' && !Array.isArray(v) && !('值' in v) && typeof (v as { 报送单位?: unknown }).报送单位 === 'string') continue;
    const r = Metric.safeParse(v);
    if (!r.success) {
      throw new UserError(`数据文件“${source}”中“${k}”的取值不能识别：应为数值、文字，或含“值”（及可选的“单位”“目标”“依据”“报送单位”）的对象。`, example);
    }
    out[k] = r.data;
  }
  return out;
}

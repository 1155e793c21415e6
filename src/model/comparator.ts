// What a target's comparator means, in one table: the words that state it and how far a reported value completes
// it. The plan reader builds its patterns from these words, the workbook asks what unit to report in, and
// consolidation asks for completion, so `不低于` can never again be read as `低于`.
import type { Target } from './plan.ts';
import { ruleMessage, ruleVariant, type RuleCode } from './rules.ts';

export type TargetKind = 'atLeast' | 'atMost' | 'reduce' | 'increase' | 'count' | 'about' | 'range';

export interface ComparatorRule {
  kind: TargetKind;
  /** Words written before the number (`不低于80%`), or the word the reader stores for the kind (`范围`). */
  words: readonly string[];
  /** Words written after the number (`40%以上`). */
  after: readonly string[];
  /**
   * Whether a value in % is a share of a whole, or a reduction of one, and so lies within 0–100: every kind but an
   * increase, which may be more than the whole (增长 150%).
   */
  share: boolean;
  /** Whether a value short of the target (completion below 1) has not reached it; `左右` is approximate, and never short. */
  exact: boolean;
}

// Completion rules, v reported against t (README, 汇总与报告): atLeast and range v ≥ t is 1, else v ÷ t; atMost
// v ≤ t is 1, else t ÷ v; reduce, increase, count and about v ÷ t, at most 1.
export const COMPARATORS: readonly ComparatorRule[] = [
  { kind: 'atLeast', words: ['不低于', '不少于', '不小于', '达到', '超过', '至少', '高于', '大于', '保持在', '稳定在', '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '扩大到', '扩大至'], after: ['以上'], share: true, exact: true },
  { kind: 'atMost', words: ['不高于', '不超过', '不大于', '低于', '小于', '控制在', '下降到', '下降至', '降低到', '降低至', '降至', '减少到', '减少至', '压减到', '压减至'], after: ['以下', '以内'], share: true, exact: true },
  { kind: 'reduce', words: ['下降', '降低', '减少', '削减', '压减'], after: [], share: true, exact: true },
  { kind: 'increase', words: ['提高', '提升', '增加', '增长'], after: [], share: false, exact: true },
  { kind: 'count', words: ['', '完成', '组织完成', '累计完成', '新增', '建成', '创建', '整治', '实施'], after: [], share: true, exact: true },
  { kind: 'about', words: [], after: ['左右'], share: true, exact: false },
  { kind: 'range', words: ['范围'], after: [], share: true, exact: true },
];

/**
 * The words of the given kinds as a regular-expression alternation, longest first: where one word ends another
 * (`低于` in `不低于`), the longer is tried first.
 */
export function comparatorPattern(kinds: TargetKind[], place: 'words' | 'after'): string {
  return COMPARATORS.filter((r) => kinds.includes(r.kind))
    .flatMap((r) => r[place])
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

const BY_WORD = new Map<string, ComparatorRule>();
for (const rule of COMPARATORS) for (const w of [...rule.words, ...rule.after]) if (!BY_WORD.has(w)) BY_WORD.set(w, rule);

/** The rule of a comparator word; an unknown word is a count (the plainest reading, never a bound). */
export function comparatorRule(comparator: string): ComparatorRule {
  return BY_WORD.get(comparator.trim()) ?? COMPARATORS.find((r) => r.kind === 'count')!;
}

/** Share of the target a reported value achieves (0–1); null when the target gives no scale (t ≤ 0 and not a bound). */
export function completionAgainst(target: Pick<Target, 'value' | 'comparator'>, value: number): number | null {
  const t = target.value;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  switch (comparatorRule(target.comparator).kind) {
    case 'atMost':
      if (value <= t) return 1;
      return value > 0 ? clamp(t / value) : 0;
    case 'atLeast':
    case 'range':
      if (value >= t) return 1;
      return t > 0 ? clamp(value / t) : null;
    default:
      return t > 0 ? clamp(value / t) : null;
  }
}

/** What the unit writes in 完成值 for this target, with its unit: `%（已实现的降幅）`, `个`. */
export function reportingUnit(target: Pick<Target, 'unit' | 'comparator'>): string {
  const kind = comparatorRule(target.comparator).kind;
  const unit = target.unit || '—';
  if (kind === 'reduce') return `${unit}（降幅）`;
  if (kind === 'increase') return `${unit}（增幅）`;
  return target.unit;
}

/**
 * Units of countable things: a value counted in one of them is a whole number (58.5 家 is no answer). Only these
 * exact units; `万人`, `公里`, `吨` and the like may be fractional.
 */
export const COUNT_UNITS: readonly string[] = [
  '个', '家', '项', '座', '处', '条', '所', '台', '辆', '人', '户', '次', '件', '宗', '套', '张', '份', '篇', '场',
  '批', '艘', '名', '只', '头', '栋', '幢', '间', '眼', '根', '部', '支', '本', '期', '轮', '类', '家次', '人次', '个次',
];

/** The target as the plan states it, for messages: `下降5%`, `40%以上`, `组织完成78家`. */
export function targetWords(target: Pick<Target, 'value' | 'unit' | 'comparator'>): string {
  const word = target.comparator.trim();
  const after = comparatorRule(word).after.includes(word);
  return after ? `${target.value}${target.unit}${word}` : `${word}${target.value}${target.unit}`;
}

/**
 * What a reported value cannot be, against its target's kind and its own 完成状态, as a question to the unit; null
 * when nothing contradicts. `text` is the value as written (`1515`, `58.5`). The rules: a share or reduction in %
 * within 0–100; a count of things whole; 已完成 not short of the target (by its comparator's meaning, see
 * completionAgainst); 未启动 with no value but 0.
 */
export function valueConflict(target: Pick<Target, 'value' | 'unit' | 'comparator'> | undefined, value: number, text: string, status: string): { rule: Extract<RuleCode, `value-${string}`>; message: string } | null {
  if (status === '未启动' && value !== 0) {
    return { rule: 'value-status-conflict', message: ruleVariant('value-status-conflict', 'notStarted', { text }) };
  }
  if (!target) return null;
  const rule = comparatorRule(target.comparator);
  if (target.unit === '%' && rule.share && (value < 0 || value > 100)) {
    const what = rule.kind === 'reduce' ? '已实现的降幅' : '所占的百分比';
    return { rule: 'value-out-of-range', message: ruleMessage('value-out-of-range', { text, target: targetWords(target), what }) };
  }
  if (COUNT_UNITS.includes(target.unit) && !Number.isInteger(value)) {
    return { rule: 'value-not-whole', message: ruleMessage('value-not-whole', { text, unit: target.unit }) };
  }
  if (status === '已完成' && rule.exact) {
    const done = completionAgainst(target, value);
    if (done !== null && done < 1) {
      return { rule: 'value-status-conflict', message: ruleVariant('value-status-conflict', 'shortOfTarget', { text, target: targetWords(target) }) };
    }
  }
  return null;
}

// What a target's comparator means, in one table: the words that state it, how a unit reports against it, and
// how far a reported value completes it. The plan reader, the workbook, validation and consolidation all ask
// this table, so `不低于` can never again be read as `低于`.
import type { Target } from './plan.ts';

export type TargetKind = 'atLeast' | 'atMost' | 'reduce' | 'increase' | 'count' | 'about' | 'range';

export interface ComparatorRule {
  kind: TargetKind;
  /** Comparator words as the reader stores them; matched whole, never as a part of a longer word. */
  words: readonly string[];
  /** How it reads, for the guide sheet and the review workbook. */
  meaning: string;
  /** What the unit writes in 完成值. */
  report: string;
  /** How completion (0–1) follows from the reported value v and the target t. */
  rule: string;
}

export const COMPARATORS: readonly ComparatorRule[] = [
  {
    kind: 'atLeast',
    words: ['以上', '不低于', '不少于', '不小于', '达到', '超过', '至少', '高于', '大于', '保持在', '稳定在', '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '达'],
    meaning: '下限：不低于目标值',
    report: '填写实际达到的数值',
    rule: 'v ≥ t 为完成（1）；否则 v ÷ t',
  },
  {
    kind: 'atMost',
    words: ['以下', '以内', '不高于', '不超过', '不大于', '低于', '小于', '控制在', '下降到', '下降至', '降低到', '降低至', '降至', '减少到', '减少至', '压减到', '压减至'],
    meaning: '上限：不超过目标值',
    report: '填写实际数值',
    rule: 'v ≤ t 为完成（1）；超出时 t ÷ v',
  },
  {
    kind: 'reduce',
    words: ['下降', '降低', '减少', '削减', '压减'],
    meaning: '较基期下降的幅度',
    report: '填写已实现的降幅',
    rule: '降幅 v ÷ 目标降幅 t，最高为 1',
  },
  {
    kind: 'increase',
    words: ['提高', '提升', '增加', '增长'],
    meaning: '较基期提高的幅度',
    report: '填写已实现的增幅',
    rule: '增幅 v ÷ 目标增幅 t，最高为 1',
  },
  {
    kind: 'count',
    words: ['', '完成', '组织完成', '累计完成', '新增', '建成', '创建', '整治', '实施', '推动'],
    meaning: '完成的数量',
    report: '填写累计完成的数量',
    rule: 'v ÷ t，最高为 1',
  },
  {
    kind: 'about',
    words: ['左右'],
    meaning: '约数：目标值左右',
    report: '填写实际数值',
    rule: 'v ÷ t，最高为 1',
  },
  {
    kind: 'range',
    words: ['范围'],
    meaning: '区间：下限至上限',
    report: '填写实际数值',
    rule: '达到下限 t 为完成（1）；否则 v ÷ t',
  },
];

const BY_WORD = new Map<string, ComparatorRule>();
for (const rule of COMPARATORS) for (const w of rule.words) if (!BY_WORD.has(w)) BY_WORD.set(w, rule);

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

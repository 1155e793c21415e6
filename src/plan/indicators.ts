// Reads an indicator table (指标 / 基准年 / 目标年 / 指标属性, category rows spanning the row) into indicators.
import type { Indicator, Warning } from '../model/plan.ts';
import type { TableBlock } from './blocks.ts';
import { warningVariant } from '../model/rules.ts';

export function isIndicatorTable(table: TableBlock): boolean {
  const header = table.rows[0]?.map((c) => c.text).join('|') ?? '';
  return /指标/.test(header) && (/属性/.test(header) || /\d{4}年/.test(header));
}

export function readIndicators(table: TableBlock, lineWord: string): { indicators: Indicator[]; warnings: Warning[] } {
  const header = table.rows[0]!.map((c) => c.text);
  const col = (re: RegExp, fallback: number) => {
    const i = header.findIndex((h) => re.test(h));
    return i >= 0 ? i : fallback;
  };
  const nameCol = col(/指标$|^指标名称|^指标/, 0);
  const yearCols = header.map((h, i) => (/\d{4}/.test(h) ? i : -1)).filter((i) => i >= 0);
  const baseCol = yearCols[0] ?? 1;
  const targetCol = yearCols[1] ?? 2;
  const attrCol = col(/属性/, 3);
  const indicators: Indicator[] = [];
  const warnings: Warning[] = [];
  let category = '';
  for (const row of table.rows.slice(1)) {
    const cells = row.map((c) => c.text);
    if (row.length === 1 || (row[0]!.colspan > 1 && row.length <= 2)) {
      category = cells[0]!.replace(/^[（(][一二三四五六七八九十]+[)）]\s*/, '');
      continue;
    }
    const rawName = cells[nameCol] ?? '';
    if (!rawName) continue;
    const number = /^(\d+)[.．、]/.exec(rawName)?.[1];
    let name = rawName.replace(/^\d+[.．、]\s*/, '');
    const starred = /[*＊]$/.test(name);
    name = name.replace(/[*＊]$/, '');
    const unitMatch = /[（(]([^（）()]*)[)）]$/.exec(name);
    const unit = unitMatch && /%|％|\/|万|吨|公里|亩|米|m|个|天|元|EQI/i.test(unitMatch[1]!) ? unitMatch[1]! : '';
    if (unit) name = name.slice(0, unitMatch!.index);
    const attr = cells[attrCol] ?? '';
    const target = cells[targetCol] ?? '';
    const id = number ?? String(indicators.length + 1);
    if (!target) {
      warnings.push({
        code: 'indicator-target-empty',
        line: table.line,
        message: warningVariant('indicator-target-empty', 'table', { line: table.line, lineWord, id, name }),
      });
    }
    indicators.push({
      id,
      category,
      name,
      unit,
      baseline: cells[baseCol] ?? '',
      target,
      attribute: attr === '约束性' || attr === '预期性' ? attr : '',
      note: starred ? '统计口径有调整（原表带*）' : '',
    });
  }
  return { indicators, warnings };
}

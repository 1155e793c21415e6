// How taizhang names the files it writes for units: readable Chinese names every file system accepts.
import type { Round } from '../model/round.ts';

/** A file name that every file system accepts and a person still reads: forbidden characters become full-width. */
export function safeFileName(name: string): string {
  const map: Record<string, string> = { '/': '／', '\\': '＼', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜' };
  const cleaned = name
    .replace(/[/\\:*?"<>|]/g, (c) => map[c]!)
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  return (cleaned || '未命名单位').slice(0, 80);
}

/** A unit's workbook of a round: `济南市生态环境局历下分局_2025-Q3_调度表.xlsx`. */
export function workbookFileName(unit: string, round: Pick<Round, 'id'>): string {
  return `${safeFileName(unit)}_${round.id}_调度表.xlsx`;
}

/** The same name for the n-th unit (from 2) whose name differs from an earlier one's only in forbidden characters. */
export function numberedFileName(name: string, n: number): string {
  return name.replace(/_调度表\.xlsx$/, `_${n}_调度表.xlsx`);
}

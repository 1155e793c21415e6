// The 汇总表 workbook: every clause with every unit's answer and the derived status (coloured by 序时 status),
// the receipts per unit, statistics per chapter, and the indicators.
import ExcelJS from 'exceljs';
import { displayTitle, type Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { FONT, HEADER_FILL, STATUS_FILLS, TITLE_FONT, printSetup, thinBorder } from '../sheets/style.ts';
import { rowHeight } from '../sheets/workbook.ts';
import { SCHEDULE_WORDS, percent } from './context.ts';
import { displayTime } from '../util/time.ts';
import { receiptWords } from '../consolidate/index.ts';
import { basicDoneIds, tableCounts } from './bulletin.ts';

const BODY_STYLE: Partial<ExcelJS.Style> = { font: FONT, border: thinBorder, alignment: { vertical: 'top', wrapText: true } };
const HEAD_STYLE: Partial<ExcelJS.Style> = { ...BODY_STYLE, font: { ...FONT, bold: true }, fill: HEADER_FILL };

/**
 * Adds a titled table to a streamed worksheet, a row at a time: tens of thousands of rows are written without
 * holding them all. `fills` colours given cells of a row (column number → ARGB).
 */
function table(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  headers: string[],
  widths: number[],
  rows: Iterable<{ values: (string | number | null)[]; fills?: Map<number, string>; separator?: string }>,
  truncated: string[],
): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: printSetup(widths, FONT.size!, '2:2'),
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  const top = ws.getRow(1);
  top.getCell(1).value = title;
  top.getCell(1).font = TITLE_FONT;
  top.height = 28;
  top.commit();
  const head = ws.getRow(2);
  headers.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).style = HEAD_STYLE;
  });
  head.commit();
  let n = 3;
  for (const r of rows) {
    const row = ws.getRow(n++);
    // A separator row spans the table; other rows are tall enough to show their wrapped text on paper.
    if (r.separator) {
      ws.mergeCells(n - 1, 1, n - 1, headers.length);
      row.getCell(1).value = r.separator;
      row.getCell(1).style = { ...HEAD_STYLE, alignment: { vertical: 'middle' } };
      row.height = 22;
      row.commit();
      continue;
    }
    row.height = rowHeight(r.values.map((v, i) => [typeof v === 'string' ? v : String(v ?? ''), widths[i]!] as [string, number]));
    r.values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v === null ? '' : typeof v === 'string' ? withinCellLimit(v, () => truncated.push(`${name} › ${headers[i]}（第 ${n - 1} 行）`)) : v;
      const fill = r.fills?.get(i + 1);
      cell.style = fill ? { ...BODY_STYLE, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } } } : BODY_STYLE;
    });
    row.commit();
  }
  ws.commit();
}

/** Excel holds at most 32,767 characters in a cell; a longer text is cut with a marker that says so. */
export const CELL_LIMIT = 32_767;

export function withinCellLimit(text: string, onCut: () => void): string {
  if (text.length <= CELL_LIMIT) return text;
  onCut();
  const marker = `……（原文共 ${text.length} 字，超出 Excel 单元格上限，已截断；全文见原报送文件）`;
  return text.slice(0, CELL_LIMIT - marker.length) + marker;
}

/** Writes the 汇总表; returns the cells whose text was cut to Excel's limit. */
export async function writeSummaryWorkbook(path: string, progress: RoundProgress, plan: Plan): Promise<string[]> {
  const truncated: string[] = [];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'taizhang';
  const label = progress.round.label;
  const yearEnd = progress.clauses.some((c) => c.yearEnd !== null);
  function* clauseRows() {
    // Clauses nobody answers for are kept apart, after the rest, under a row that says why.
    const assigned = progress.clauses.filter((c) => c.answers.length > 0);
    const unassigned = progress.clauses.filter((c) => c.answers.length === 0);
    const ordered = [...assigned, ...unassigned];
    for (const c of ordered) {
      if (c === unassigned[0]) yield { values: [], separator: `以下 ${unassigned.length} 个条目未明确责任单位，未下发调度，不计入统计` };
      // The clause's status cells are coloured by its 序时 status.
      const fills = new Map([14, 15, 16, 17].map((col) => [col, STATUS_FILLS[c.schedule]]));
      const answers = c.answers.length ? c.answers : [null];
      for (const [i, a] of answers.entries()) yield { values: clauseRow(c, a, i), fills: i === 0 ? fills : undefined };
    }
  }
  const clauseRow = (c: RoundProgress['clauses'][number], a: RoundProgress['clauses'][number]['answers'][number] | null, i: number) => [
      i === 0 ? c.clauseId : '',
      i === 0 ? c.task : '',
      i === 0 ? c.text : '',
      i === 0 ? c.target : '',
      i === 0 ? c.deadline : '',
      a ? a.unit : '（未明确责任单位）',
      a ? a.role : '',
      a ? (a.reported ? a.status : '未报送') : '',
      a ? a.valueText : '',
      a ? a.progress : '',
      a ? a.problems : '',
      a ? a.nextSteps : '',
      a?.stagnant ? '是' : '',
      i === 0 ? c.status : '',
      i === 0 ? (c.completion === null ? '' : percent(c.completion)) : '',
      i === 0 ? percent(c.expected) : '',
      i === 0 ? SCHEDULE_WORDS[c.schedule] : '',
      // A year-end round adds its outcome and what the figure lacks, as the year-end report states them.
      ...(yearEnd ? [i === 0 ? c.yearEnd ?? '' : '', i === 0 ? c.shortfall ?? '' : ''] : []),
    ];
  table(
    wb,
    '条目汇总',
    `${label}重点工作调度汇总表`,
    ['编号', '重点任务', '具体内容', '目标值', '完成时限', '责任单位', '职责', '完成状态', '完成值', '进展情况', '存在问题', '下一步打算', '进展停滞', '条目状态', '完成度', '序时要求', '序时预警', ...(yearEnd ? ['年终结论', '目标差距'] : [])],
    [8, 16, 40, 18, 10, 20, 6, 9, 9, 40, 24, 24, 8, 9, 8, 8, 8, ...(yearEnd ? [9, 24] : [])],
    clauseRows(), truncated);
  table(
    wb,
    '报送情况',
    `${label}各单位报送情况（截止 ${progress.round.deadline}）`,
    ['序号', '责任单位', '报送状态', '报送时间', '填报人', '联系电话', '条目数', '问题数', '报送次数'],
    [6, 30, 10, 18, 10, 16, 8, 8, 8],
    progress.receipts.map((x, i) => ({ values: [i + 1, x.unit, receiptWords(x), x.receivedAt ? displayTime(x.receivedAt) : '', x.reporter, x.phone, x.rows, x.problems, x.submissions] })), truncated);
  table(
    wb,
    '章节统计',
    `${label}分章节统计`,
    ['章节', '条目数', '已完成', '序时推进', '滞后预警', '未报送', '完成率'],
    [40, 8, 8, 8, 8, 8, 8],
    progress.chapters.map((c) => ({ values: [c.title, c.clauses, c.completed, c.onSchedule, c.behind, c.notReported, percent(c.completionRate)] })), truncated);
  // Year-end: the chapters counted as the 督办通报's 表1 counts them (one rule, bulletin.ts tableCounts), beside the
  // units' own statuses above, so the two documents sent out together agree (R19 通报 2).
  if (yearEnd) {
    const counted = progress.clauses.filter((c) => c.answers.length > 0);
    const basic = basicDoneIds(counted);
    const row = (title: string, own: typeof counted) => {
      const n = tableCounts(own, true, basic);
      return { values: [title, n.项数, n.完成, n.基本完成, n.未完成, n.结转, n.未报送, n.完成率] };
    };
    table(
      wb,
      '年终完成情况',
      `${label}各方面重点工作完成情况（与督办通报表1同一口径）`,
      ['章节', '工作项数', '完成', '基本完成', '未完成', '转入下一年度', '未报送', '完成率'],
      [40, 8, 8, 8, 8, 10, 8, 8],
      [...progress.chapters.map((ch) => row(ch.title, counted.filter((c) => c.chapterId === ch.chapterId))), row('合计', counted)],
      truncated,
    );
  }
  if (plan.indicators.length) {
    table(
      wb,
      '指标',
      `《${displayTitle(plan)}》主要指标`,
      ['序号', '类别', '指标', '单位', '基期值', '目标值', '属性', '备注'],
      [6, 14, 40, 10, 10, 16, 8, 24],
      plan.indicators.map((x) => ({ values: [x.id, x.category, x.name, x.unit, x.baseline, x.target, x.attribute, x.note] })), truncated);
  }
  await wb.commit();
  return truncated;
}

// The 汇总表 workbook: every clause with every unit's answer and the derived status (coloured by 序时 status),
// the receipts per unit, statistics per chapter, and the indicators.
import ExcelJS from 'exceljs';
import type { Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { FONT, HEADER_FILL, STATUS_FILLS, TITLE_FONT, thinBorder } from '../sheets/style.ts';
import { percent } from './context.ts';
import { displayTime } from '../util/time.ts';

function table(ws: ExcelJS.Worksheet, title: string, headers: string[], widths: number[], rows: (string | number | null)[][]): void {
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = TITLE_FONT;
  ws.getRow(1).height = 28;
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...FONT, bold: n === 2 };
      cell.border = thinBorder;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (n === 2) cell.fill = HEADER_FILL;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
}

export async function writeSummaryWorkbook(path: string, progress: RoundProgress, plan: Plan): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'taizhang';
  const label = progress.round.label;
  const clauses = wb.addWorksheet('条目汇总');
  const rows = progress.clauses.flatMap((c) =>
    (c.answers.length ? c.answers : [null]).map((a, i) => [
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
      i === 0 ? ({ red: '红', yellow: '黄', green: '绿', grey: '未报' } as const)[c.schedule] : '',
    ]),
  );
  table(
    clauses,
    `${label}重点工作调度汇总表`,
    ['编号', '重点任务', '具体内容', '目标值', '完成时限', '责任单位', '职责', '完成状态', '完成值', '进展情况', '存在问题', '下一步打算', '进展停滞', '条目状态', '完成度', '序时要求', '序时预警'],
    [8, 16, 40, 18, 10, 20, 6, 9, 9, 40, 24, 24, 8, 9, 8, 8, 8],
    rows,
  );
  // Colour each clause's status cells by its 序时 status.
  let r = 3;
  for (const c of progress.clauses) {
    const span = Math.max(1, c.answers.length);
    const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[c.schedule]! } };
    for (const col of [14, 15, 16, 17]) clauses.getCell(r, col).fill = fill;
    r += span;
  }
  table(
    wb.addWorksheet('报送情况'),
    `${label}各单位报送情况（截止 ${progress.round.deadline}）`,
    ['序号', '责任单位', '报送状态', '报送时间', '填报人', '联系电话', '条目数', '问题数', '报送次数'],
    [6, 30, 10, 18, 10, 16, 8, 8, 8],
    progress.receipts.map((x, i) => [i + 1, x.unit, x.state === '逾期' ? '逾期未报' : x.state, x.receivedAt ? displayTime(x.receivedAt) : '', x.reporter, x.phone, x.rows, x.problems, x.submissions]),
  );
  table(
    wb.addWorksheet('章节统计'),
    `${label}分章节统计`,
    ['章节', '条目数', '已完成', '序时推进', '滞后预警', '未报送', '完成率'],
    [40, 8, 8, 8, 8, 8, 8],
    progress.chapters.map((c) => [c.title, c.clauses, c.completed, c.onSchedule, c.behind, c.notReported, percent(c.completionRate)]),
  );
  if (plan.indicators.length) {
    table(
      wb.addWorksheet('指标'),
      `《${plan.title}》主要指标`,
      ['序号', '类别', '指标', '单位', '基期值', '目标值', '属性', '备注'],
      [6, 14, 40, 10, 10, 16, 8, 24],
      plan.indicators.map((x) => [x.id, x.category, x.name, x.unit, x.baseline, x.target, x.attribute, x.note]),
    );
  }
  await wb.xlsx.writeFile(path);
}

// The workbook format with a real writer: a workbook filled by openpyxl whose identification names an earlier layout
// is read by that layout's columns (src/workbook/layout.ts, PAST_LAYOUTS).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../src/collect/read.ts';
import { parseRound } from '../src/model/round.ts';
import { generateRound } from '../src/sheets/generate.ts';
import { COLUMNS, PAST_LAYOUTS, columnsOf } from '../src/workbook/layout.ts';
import { fillWorkbook, jinanPlan, tempDir } from './helpers.ts';

describe('a workbook of an earlier layout', () => {
  it('is read by that layout’s columns: a column it lacks reads blank, one past its columns is not read', async () => {
    const dir = tempDir();
    await generateRound({ plan: await jinanPlan(), round: parseRound('2025-Q3'), outDir: dir });
    const file = join(dir, 'in.xlsx');
    // As if issued before 下一步打算 existed: its identification names layout @0, whose last column is 存在问题.
    fillWorkbook(join(dir, '大气环境处_2025-Q3_调度表.xlsx'), file, { reporter: '张明', phone: '0531-86161234', date: '2025-10-08', default: { status: '序时推进', progress: '推进中', problems: '无', next: '写在N列' }, meta_cells: { B1: 'taizhang/workbook@0' } });
    const current = await readWorkbookFile(file);
    expect(current.rows[0]!.cells.nextSteps!.text).toBe('写在N列');
    // Unknown layout: read by the current columns (and refused by judge as not taizhang's, see columnsOf).
    expect(columnsOf('taizhang/workbook@0')).toBeNull();
    PAST_LAYOUTS.push({ format: 'taizhang/workbook@0', columns: COLUMNS.map((c) => c.key).filter((k) => k !== 'nextSteps') });
    try {
      expect(columnsOf('taizhang/workbook@0')).toHaveLength(13);
      const past = await readWorkbookFile(file);
      expect(past.rows.length).toBe(current.rows.length);
      expect(past.rows[0]!.cells.problems!.text).toBe('无');
      expect(past.rows[0]!.cells.nextSteps).toEqual({ value: null, text: '' });
    } finally {
      PAST_LAYOUTS.pop();
    }
  });
});

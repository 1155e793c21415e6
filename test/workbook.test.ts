// The workbook format as data (src/workbook): the derived layout version, its compatibility with the workbooks and
// templates issued before it was derived, the column description, checksums and file names.
import { describe, expect, it } from 'vitest';
import {
  COLUMNS, FORMAT, INPUT_KEYS, LAST_COLUMN, LAYOUT_HASH, PAST_LAYOUTS, PLAN_KEYS, TEMPLATE_LAYOUT, TEXT_INPUTS, columnLetter, columnsOf, formatName,
  layoutHash, lookHash, type Column,
} from '../src/workbook/layout.ts';
import { inputsDigest, normalizeCell, rowChecksum } from '../src/workbook/identification.ts';
import { numberedFileName, safeFileName, workbookFileName } from '../src/workbook/file-name.ts';
import { Status } from '../src/model/status.ts';

describe('workbook layout version', () => {
  it('keeps the names the workbooks and kept templates issued before carry, so they still collect and are reused', () => {
    expect(FORMAT).toBe('taizhang/workbook@1');
    expect(TEMPLATE_LAYOUT).toBe('taizhang/return-template@1');
    expect(columnsOf('taizhang/workbook@1')).toEqual(['id', 'chapter', 'task', 'text', 'role', 'others', 'deadline', 'target', 'unit', 'value', 'status', 'progress', 'problems', 'nextSteps']);
    expect(PAST_LAYOUTS).toEqual([]);
  });

  it('is derived: a column added, renamed or moved is a new version named by its hash; a width is not', () => {
    const columns: Column[] = [...COLUMNS];
    const added: Column[] = [...columns, { key: 'evidence', header: '佐证材料', width: 20, input: true, align: 'left', fills: ['progress'], text: true }];
    const renamed = columns.map((c) => (c.key === 'problems' ? { ...c, header: '困难问题' } : c));
    const moved = [columns[1]!, columns[0]!, ...columns.slice(2)];
    const wider = columns.map((c) => (c.key === 'text' ? { ...c, width: 50 } : c));
    const hashes = [added, renamed, moved].map(layoutHash);
    expect(new Set([LAYOUT_HASH, ...hashes]).size).toBe(4);
    for (const h of hashes) {
      expect(h).toMatch(/^[0-9a-f]{12}$/);
      expect(formatName(h)).toBe(`taizhang/workbook@${h}`);
      // A layout nobody registered is read by no one: such a workbook is refused as not taizhang's.
      expect(columnsOf(formatName(h))).toBeNull();
    }
    expect(layoutHash(wider)).toBe(LAYOUT_HASH);
    // The width changes the look, and so the kept 退回重报 templates are made again.
    expect(lookHash(wider)).not.toBe(lookHash(columns));
  });

  it('refuses no workbook of the current layout and knows no other', () => {
    expect(columnsOf(undefined)).toBeNull();
    expect(columnsOf('taizhang/workbook@2')).toBeNull();
    expect(columnsOf('constructor')).toBeNull();
  });
});

describe('workbook columns', () => {
  it('places the plan columns A–I and the input columns J–N', () => {
    expect(PLAN_KEYS).toEqual(['id', 'chapter', 'task', 'text', 'role', 'others', 'deadline', 'target', 'unit']);
    expect(INPUT_KEYS).toEqual(['value', 'status', 'progress', 'problems', 'nextSteps']);
    expect(TEXT_INPUTS).toEqual(['progress', 'problems', 'nextSteps']);
    expect(['id', 'unit', 'value', 'status', 'nextSteps'].map(columnLetter)).toEqual(['A', 'I', 'J', 'K', 'N']);
    expect(LAST_COLUMN).toBe('N');
    expect(() => columnLetter('nothing')).toThrow('unknown column nothing');
  });

  it('gives every input column the submission fields it fills, and 完成状态 the model’s statuses as its drop-down', () => {
    expect(COLUMNS.filter((c) => c.input).map((c) => [c.key, 'fills' in c ? c.fills : []])).toEqual([
      ['value', ['value', 'valueText']],
      ['status', ['status']],
      ['progress', ['progress']],
      ['problems', ['problems']],
      ['nextSteps', ['nextSteps']],
    ]);
    const status = COLUMNS.find((c) => c.key === 'status')!;
    expect('validation' in status && status.validation.formulae).toEqual(['"已完成,序时推进,滞后,未启动"']);
    expect(Status.options).toEqual(['已完成', '序时推进', '滞后', '未启动']);
  });
});

describe('workbook identification', () => {
  const cells = { id: '1.1', chapter: '一、总体', task: '任务', text: '具体内容\n第二行', role: '牵头', others: '无', deadline: '年底前', target: '78家', unit: '家' };

  it('checksums a row’s plan cells as a person sees them', () => {
    const sum = rowChecksum(cells);
    expect(sum).toMatch(/^[0-9a-f]{12}$/);
    expect(rowChecksum({ ...cells, text: ' 具体内容\r\n第二行 ' })).toBe(sum);
    // An input cell is not covered; a plan cell is.
    expect(rowChecksum({ ...cells, progress: '已推进' })).toBe(sum);
    expect(rowChecksum({ ...cells, target: '80家' })).not.toBe(sum);
    expect(normalizeCell('a\r\nb\rc ')).toBe('a\nb\nc');
  });

  it('digests input cells so that a number saved by Excel with a float tail reads the same', () => {
    expect(inputsDigest([[62.4, '序时推进', ' 进展 ', null, undefined]])).toBe(inputsDigest([[62.4, '序时推进', '进展', '', '']]));
    expect(inputsDigest([[62.4]])).not.toBe(inputsDigest([['62.40']]));
  });
});

describe('workbook file names', () => {
  it('names a unit’s workbook readably, with forbidden characters made full-width', () => {
    expect(workbookFileName('生态/环境:局', { id: '2025-Q3' })).toBe('生态／环境：局_2025-Q3_调度表.xlsx');
    expect(numberedFileName('生态／环境：局_2025-Q3_调度表.xlsx', 2)).toBe('生态／环境：局_2025-Q3_2_调度表.xlsx');
    expect(safeFileName(' ..\u0001 ')).toBe('未命名单位');
    expect(safeFileName('a'.repeat(100))).toHaveLength(80);
  });
});

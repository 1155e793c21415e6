// Returns saved as .xls, .et or .ods: converted with LibreOffice, collected with the same checks, the original
// archived as received; without LibreOffice, named and not booked, so that a later collect takes them.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collect } from '../src/collect/index.ts';
import { convertibleFormat } from '../src/collect/convert.ts';
import type { Ledger } from '../src/ledger/ledger.ts';
import { fillWorkbook, GOOD_ANSWERS, issuedWorkspace, jinanPlan, python, soffice, tempDir } from './helpers.ts';

let ws: string;
let ledger: Ledger;
let file: (unit: string) => string;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  ws = tempDir();
  ({ ledger, file } = await issuedWorkspace(ws, await jinanPlan()));
}, 120_000);
afterAll(() => ledger?.close());

describe('returns in other formats', () => {
  test('a LibreOffice .xls keeps the identification sheet: converted, it is taken like the .xlsx', async () => {
    const dir = join(ws, 'xls');
    mkdirSync(dir);
    fillWorkbook(file('大气环境处'), join(dir, 'air.xlsx'), { ...GOOD_ANSWERS, rows: { '4.4-1': { value: 3.5 } } });
    const [xls] = soffice([join(dir, 'air.xlsx')], 'xls:MS Excel 97', join(dir, 'lo'));
    // What LibreOffice's .xls keeps, read back by LibreOffice and openpyxl: the hidden _taizhang sheet and its values.
    const [back] = soffice([xls!], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'back'));
    const kept = JSON.parse(python(`import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); m = wb['_taizhang']
print(json.dumps({'state': m.sheet_state, 'unit': m['B5'].value, 'round': m['B6'].value, 'format': m['B1'].value}))`, back!));
    expect(kept).toEqual({ state: 'hidden', unit: '大气环境处', round: '2025-Q3', format: 'taizhang/workbook@1' });

    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(xls!, join(inbox, '大气环境处.xls'));
    expect(convertibleFormat(readFileSync(xls!), 'x.xls')).toBe('xls');
    const [event] = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, '收集') });
    expect(event!.outcome).toMatchObject({ kind: 'accepted', unit: '大气环境处', rows: 21 });
    const sub = ledger.currentSubmissions('2025-Q3').find((s) => s.unit === '大气环境处')!;
    // The original is archived as received, by its own digest and extension.
    expect(sub.archivePath.endsWith(`${sha(xls!)}.xls`)).toBe(true);
    expect(sha(sub.archivePath)).toBe(sha(xls!));
    const entry = ledger.entries(sub.id).find((e) => e.clauseId === '4.4-1')!;
    expect(entry.value).toBe(3.5);
    expect(entry.status).toBe('序时推进');
  }, 200_000);

  test('an .ods and a .et are converted too; a truncated .xls is refused with what to do', async () => {
    const dir = join(ws, 'more');
    mkdirSync(dir);
    fillWorkbook(file('水生态环境处'), join(dir, 'water.xlsx'), GOOD_ANSWERS);
    fillWorkbook(file('生态保护处'), join(dir, 'eco.xlsx'), GOOD_ANSWERS);
    const [ods] = soffice([join(dir, 'water.xlsx')], 'ods', join(dir, 'lo'));
    const [xls] = soffice([join(dir, 'eco.xlsx')], 'xls:MS Excel 97', join(dir, 'lo'));
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(ods!, join(inbox, '水生态.ods'));
    // WPS's .et is the same BIFF8 container as .xls (no WPS here to save one: a .xls under the .et name).
    copyFileSync(xls!, join(inbox, '生态保护处.et'));
    const broken = readFileSync(xls!);
    writeFileSync(join(inbox, '坏表.xls'), broken.subarray(0, 4096));
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, '收集') });
    const byFile = Object.fromEntries(events.map((e) => [e.file.split('/').pop(), e.outcome]));
    expect(byFile['水生态.ods']).toMatchObject({ kind: 'accepted', unit: '水生态环境处' });
    expect(byFile['生态保护处.et']).toMatchObject({ kind: 'accepted', unit: '生态保护处' });
    // Cut before its directory: no workbook stream is left to convert.
    expect(byFile['坏表.xls']).toEqual({ kind: 'unusable', reason: '这是旧版 Excel 97-2003（.xls）格式的文件，但已损坏，找不到其中的工作表。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）重新报送' });
  }, 300_000);

  test('without LibreOffice the file is named with what to do, not booked, and taken by a later collect', async () => {
    const dir = join(ws, 'none');
    mkdirSync(dir);
    fillWorkbook(file('财务审计处'), join(dir, 'f.xlsx'), GOOD_ANSWERS);
    const [xls] = soffice([join(dir, 'f.xlsx')], 'xls:MS Excel 97', join(dir, 'lo'));
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(xls!, join(inbox, '财务.xls'));
    process.env.TAIZHANG_SOFFICE = '/nonexistent/soffice';
    try {
      const [e] = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, '收集') });
      expect(e!.outcome.kind).toBe('skipped');
      expect((e!.outcome as { reason: string }).reason).toContain('这是旧版 Excel 97-2003（.xls）文件，需用 LibreOffice 转换后收取，本机未安装 LibreOffice，未收取（未登记，安装后重新收集即可）。请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-calc');
      expect(ledger.intakeOf('2025-Q3', sha(xls!))).toBeNull();
    } finally {
      delete process.env.TAIZHANG_SOFFICE;
    }
    const [again] = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, '收集') });
    expect(again!.outcome).toMatchObject({ kind: 'accepted', unit: '财务审计处' });
  }, 200_000);
});

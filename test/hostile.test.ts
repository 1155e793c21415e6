// Crafted workbooks against the collector's reader: XML read exactly as a conforming reader (openpyxl) reads it,
// zips checked on what they really hold, and work bounded whatever one file contains.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collect } from '../src/collect/index.ts';
import { isDateFormat, OverLimit, readMembers, XlsxFile, ZipProblem } from '../src/xlsx/index.ts';
import { issuedWorkspace, python, tempDir, jinanPlan } from './helpers.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal workbook that Excel and openpyxl open: one sheet `S`, with the given sheet XML and shared strings. */
function workbook(sheetXml: string, shared = '', styles = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${shared ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (shared) files['xl/sharedStrings.xml'] = strToU8(shared);
  if (styles) files['xl/styles.xml'] = strToU8(styles);
  return zipSync(files);
}

const ours = (bytes: Uint8Array) => Object.fromEntries([...new XlsxFile(bytes).sheet('S')!].map(([ref, c]) => [ref, c.value]));

/** What openpyxl reads from sheet S: every non-empty cell, by reference. */
function openpyxlReads(bytes: Uint8Array): Record<string, unknown> {
  const file = join(tempDir(), 'w.xlsx');
  writeFileSync(file, bytes);
  return JSON.parse(
    python(
      `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['S']
print(json.dumps({c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value not in (None, '')}, ensure_ascii=False, default=str))`,
      file,
    ),
  );
}

describe('XML is read as XML, the same as openpyxl reads it', () => {
  it.each([
    ['a cell inside a comment is not data', `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><!-- <c r="B1" t="inlineStr"><is><t>已完成</t></is></c> --></row></sheetData>`, { A1: '甲' }],
    ['CDATA is its text', `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b&c]]></t></is></c></row></sheetData>`, { A1: 'a<b&c' }],
    ['entities are decoded once', `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&amp;#60; &lt;1&gt; &#x4E00;</t></is></c></row></sheetData>`, { A1: '&#60; <1> 一' }],
    ['single-quoted attributes', `<sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>单引号</t></is></c><c r='B1'><v>42</v></c></row></sheetData>`, { A1: '单引号', B1: 42 }],
    ['a processing instruction is skipped', `<sheetData><?mso-application progid="Excel.Sheet"?><row r="1"><c r="A1"><v>7</v></c></row></sheetData>`, { A1: 7 }],
  ])('%s', (_, data, expected) => {
    const bytes = workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}">${data}</worksheet>`);
    expect(ours(bytes)).toEqual(expected);
    expect(openpyxlReads(bytes)).toEqual(expected);
  });

  it('reads namespace-prefixed parts, as the Open XML SDK writes them', () => {
    const bytes = workbook(
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>3.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      `<?xml version="1.0"?><x:sst xmlns:x="${MAIN}" count="1" uniqueCount="1"><x:si><x:t>序时推进</x:t></x:si></x:sst>`,
    );
    expect(ours(bytes)).toEqual({ A1: '序时推进', B1: 3.5 });
    expect(openpyxlReads(bytes)).toEqual({ A1: '序时推进', B1: 3.5 });
  });

  it('decodes _xHHHH_ escapes and leaves out phonetic runs', () => {
    const bytes = workbook(
      `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><r><t>第一行_x000D_</t></r><r><t>第二行</t></r><rPh sb="0" eb="1"><t>ダイ</t></rPh></si></sst>`,
    );
    expect(ours(bytes)).toEqual({ A1: '第一行\r第二行' });
  });

  it('refuses a DTD, so no entity is ever expanded', () => {
    const bytes = workbook(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`);
    expect(() => ours(bytes)).toThrow(OverLimit);
    expect(() => ours(bytes)).toThrow('部件“xl/worksheets/sheet1.xml”含有文档类型声明（DTD）');
  });

  it('reads a date in a Chinese built-in format as a date', () => {
    const bytes = workbook(
      `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>45938</v></c></row></sheetData></worksheet>`,
      '',
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    );
    const cell = new XlsxFile(bytes).sheet('S')!.get('A1')!;
    expect(cell).toEqual({ value: 45938, numFmt: 'yyyy"年"m"月"d"日"' });
  });

  it('refuses a package whose content types do not register the workbook, as openpyxl and Excel cannot open it', () => {
    const good = unzipSync(workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`));
    const types = strFromU8(good['[Content_Types].xml']!).replace('/xl/workbook.xml', '/xl/wo>kbook.xml');
    const bytes = zipSync({ ...good, '[Content_Types].xml': strToU8(types) });
    expect(() => ours(bytes)).toThrow('部件“[Content_Types].xml”没有把“xl/workbook.xml”登记为工作簿（登记为“application/xml”）');
    expect(() => openpyxlReads(bytes)).toThrow(/There is no item named 'xl\/wo>kbook.xml'/);
  });

  it('refuses a namespace name that is no URI reference, as libxml2 (which openpyxl uses for its package parts) does', () => {
    const withNamespace = (uri: string) =>
      workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:p="${uri}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
    const refused = ["h'tp://schemas.openxmlformats.org/x", '1http://x', '-a:b', 'h(tp://x', 'a b'];
    const accepted = ['urn:x', 'a+b.c-d:x', 'http://x/a:b', '/a:b', "http://a'b.org/x"];
    for (const uri of refused) expect(() => ours(withNamespace(uri))).toThrow(`的命名空间“${uri}”不是合规的 URI`);
    for (const uri of accepted) expect(ours(withNamespace(uri))).toEqual({ A1: 1 });
    // libxml2's own verdict on the same names.
    const libxml2 = JSON.parse(
      python(
        `import sys, json
from lxml import etree
def ok(u):
    try:
        etree.fromstring(('<r xmlns:p="%s"/>' % u).encode()); return True
    except etree.XMLSyntaxError:
        return False
print(json.dumps([ok(u) for u in json.loads(sys.argv[1])]))`,
        JSON.stringify([...refused, ...accepted]),
      ),
    );
    expect(libxml2).toEqual([...refused.map(() => false), ...accepted.map(() => true)]);
  });

  it('names every damaged part, the worksheets read and unread included', () => {
    const broken = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`;
    const files = unzipSync(workbook(broken));
    // A damaged part found on opening: the worksheets, not read yet, are checked too and named with it.
    const withCore = { ...files, 'docProps/core.xml': strToU8('<cp:coreProperties xmlns:cp="urn:x"><a></cp:coreProperties>') };
    expect(() => new XlsxFile(zipSync(withCore))).toThrow(/^工作簿结构损坏：部件“docProps\/core.xml”不是合规的 XML（[^）]+）；部件“xl\/worksheets\/sheet1.xml”不是合规的 XML/);
    // Only the worksheet damaged: found when it is read.
    const file = new XlsxFile(zipSync(files));
    expect(() => file.sheet('S')).toThrow(/^工作簿结构损坏：部件“xl\/worksheets\/sheet1.xml”不是合规的 XML（[^）]+）$/);
    // Never read: found by checkUnread, which every collect runs after reading its sheets.
    const unread = new XlsxFile(zipSync(files));
    expect(() => unread.checkUnread()).toThrow(/^工作簿结构损坏：部件“xl\/worksheets\/sheet1.xml”不是合规的 XML/);
  });

  it('tells a date format from a number labelled in days or months', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('m"月"d"日"')).toBe(true);
    expect(isDateFormat('0"日"')).toBe(false);
    expect(isDateFormat('0.0"个月"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});

describe('bounded work: what a file holds beyond the rows asked for is never walked', () => {
  it('stops at the first row past the last one asked for, even at row 2,000,000,000', () => {
    const bytes = workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2000000000"><c r="A2000000000"><v>2</v></c></row></sheetData></worksheet>`);
    expect(Object.fromEntries(new XlsxFile(bytes).sheet('S', 100)!)).toEqual({ A1: { value: 1, numFmt: 'General' } });
  });

  it('refuses a sheet with more cells than the limit within the rows asked for', () => {
    const cells = Array.from({ length: 50 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).map((c, i) => `<row r="${i + 1}">${c}</row>`).join('');
    const bytes = workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`);
    const file = new XlsxFile(bytes, { memberBytes: 1 << 20, totalBytes: 1 << 21, entries: 100, cells: 20, strings: 100, ms: 5000 });
    expect(() => file.sheet('S')).toThrow('工作表“S”的单元格超过 20 个');
  });

  it('refuses a cell whose position is not a cell of its row in order, as openpyxl refuses it (found by mutation seed 1459169908)', () => {
    const sheet = (cells: string) => workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="7">${cells}</row></sheetData></worksheet>`);
    expect(() => ours(sheet('<c r=" 7"><v>1</v></c>'))).toThrow('工作表“S”第 7 行的单元格位置“ 7”不合规范');
    expect(() => ours(sheet('<c r="B9"><v>1</v></c>'))).toThrow('第 7 行的单元格位置“B9”不合规范');
    expect(() => ours(sheet('<c r="C7"><v>1</v></c><c r="B7"><v>2</v></c>'))).toThrow('第 7 行的单元格位置“B7”不合规范');
    // In order, or with no position at all (each then follows the one before), the cells are read.
    const ordered = sheet('<c r="B7"><v>1</v></c><c><v>2</v></c><c r="E7"><v>3</v></c>');
    expect(ours(ordered)).toEqual({ B7: 1, C7: 2, E7: 3 });
    expect(openpyxlReads(ordered)).toEqual(ours(ordered));
  });

  it('refuses 14 KB of unclosed <c> tags at once, as malformed XML', () => {
    // Each with its own column, in order (a repeated reference is refused earlier, as a damaged cell position).
    const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const unclosed = Array.from({ length: 1400 }, (_, i) => `<c r="${letters(i + 1)}1">`).join('');
    const bytes = workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${unclosed}</row></sheetData></worksheet>`);
    const started = Date.now();
    expect(() => ours(bytes)).toThrow('部件“xl/worksheets/sheet1.xml”不是合规的 XML');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

/** A copy of a zip to damage, and the offsets of its central directory entries, found by their signature. */
function centralEntries(z: Uint8Array) {
  const b = Buffer.from(z);
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (b.readUInt32LE(i) === 0x02014b50) out.push(i);
  return { b, out };
}

describe('zips are checked on what they hold, not what they declare', () => {
  const good = () => zipSync({ 'a.xml': strToU8('<a>' + '数据'.repeat(2000) + '</a>'), 'b.xml': strToU8('<b/>') });

  it('reads an intact archive', () => {
    expect([...readMembers(good()).keys()]).toEqual(['a.xml', 'b.xml']);
  });

  it('stops a member that declares a small size and inflates far beyond the limit', () => {
    const bomb = zipSync({ 'a.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    const { b, out } = centralEntries(bomb);
    b.writeUInt32LE(47 * 1024, out[0]! + 24);
    b.writeUInt32LE(47 * 1024, 22);
    expect(() => readMembers(b, { memberBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024, entries: 10 })).toThrow('部件“a.xml”解压后超过 1 MB，疑似“压缩炸弹”');
  });

  it('names a member whose CRC does not match', () => {
    const { b, out } = centralEntries(good());
    b.writeUInt32LE((b.readUInt32LE(out[0]! + 16) ^ 1) >>> 0, out[0]! + 16);
    const error = (() => {
      try {
        readMembers(b);
      } catch (e) {
        return e as ZipProblem;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ZipProblem);
    expect(error!.message).toBe('工作簿中有部件损坏：“a.xml”的 CRC 校验不符（内容已损坏）');
  });

  it('refuses entries that overlap', () => {
    const { b, out } = centralEntries(good());
    b.writeUInt32LE(b.readUInt32LE(out[0]! + 42), out[1]! + 42);
    expect(() => readMembers(b)).toThrow('数据重叠');
  });

  it('says how many members a damaged central directory lost', () => {
    const { b, out } = centralEntries(good());
    b.writeUInt32LE(0, out[1]!);
    expect(() => readMembers(b)).toThrow('压缩结构损坏：中央目录只能读出 1 个部件，声明有 2 个');
  });

  it('says when there is no central directory at all', () => {
    const z = good();
    expect(() => readMembers(z.subarray(0, z.length - 30))).toThrow('找不到中央目录');
  });
});

describe('a 100,000-character answer in the 汇总表', () => {
  it('is cut to Excel’s 32,767-character limit with a marker that says so', async () => {
    const { CELL_LIMIT, withinCellLimit } = await import('../src/report/summary-xlsx.ts');
    const cuts: string[] = [];
    const text = '进展'.repeat(50_000);
    const cell = withinCellLimit(text, () => cuts.push('cut'));
    expect(CELL_LIMIT).toBe(32_767);
    expect(cell).toHaveLength(32_767);
    expect(cell.endsWith('……（原文共 100000 字，超出 Excel 单元格上限，已截断；全文见原报送文件）')).toBe(true);
    expect(cuts).toEqual(['cut']);
    expect(withinCellLimit('短文字', () => cuts.push('cut'))).toBe('短文字');
    expect(cuts).toHaveLength(1);
  });
});

describe('one batch: every hostile class beside good workbooks, through collect', () => {
  it('names each hostile file with its own Chinese error and takes every good file', async () => {
    const plan = await jinanPlan();
    const ws = tempDir('tz-hostile-');
    const good = ['机关党委', '组织人事处', '财务审计处'];
    const { ledger, inbox } = await issuedWorkspace(ws, plan, { good });
    /** A minimal workbook whose one sheet is the identification sheet, holding `data`. */
    const asIdentification = (data: string) => {
      const files = unzipSync(workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`));
      files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']!).replace('name="S"', 'name="_taizhang"'));
      return zipSync(files);
    };
    const filled = readFileSync(join(inbox, '机关党委.xlsx'));
    const crc = centralEntries(filled);
    crc.b.writeUInt32LE((crc.b.readUInt32LE(crc.out[3]! + 16) ^ 1) >>> 0, crc.out[3]! + 16);
    const overlap = centralEntries(filled);
    overlap.b.writeUInt32LE(overlap.b.readUInt32LE(overlap.out[0]! + 42), overlap.out[1]! + 42);
    // 200 MB of zeros declared as 47 KB.
    const bombFiles = unzipSync(filled);
    bombFiles['xl/worksheets/sheet9.xml'] = new Uint8Array(200 * 1024 * 1024);
    const bomb = centralEntries(zipSync(bombFiles, { level: 9 }));
    const bombEntry = bomb.out.find((o) => bomb.b.toString('utf8', o + 46, o + 46 + bomb.b.readUInt16LE(o + 28)) === 'xl/worksheets/sheet9.xml')!;
    bomb.b.writeUInt32LE(47 * 1024, bombEntry + 24);
    const hostile: Record<string, Uint8Array> = {
      'far-row.xlsx': asIdentification('<row r="1"><c r="A1" t="inlineStr"><is><t>format</t></is></c></row><row r="2000000000"><c r="A2000000000"><v>1</v></c></row>'),
      'junk-rows.xlsx': asIdentification(Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')),
      'unclosed.xlsx': workbook(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${'<c r="A1">'.repeat(1400)}</row></sheetData></worksheet>`),
      'dtd.xlsx': workbook(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`),
      'crc.xlsx': crc.b,
      'overlap.xlsx': overlap.b,
      'bomb.xlsx': bomb.b,
    };
    for (const [name, bytes] of Object.entries(hostile)) writeFileSync(join(inbox, name), bytes);

    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    const by = Object.fromEntries(events.map((e) => [e.file.split('/').pop()!, e.outcome]));
    for (const u of good) expect(by[`${u}.xlsx`]).toMatchObject({ kind: 'accepted', unit: u });
    const rules = Object.fromEntries(
      (ledger.db.prepare('SELECT i.original_path AS file, p.rule, p.message FROM problems p JOIN intake i ON i.id = p.intake_id').all() as { file: string; rule: string; message: string }[]).map((p) => [p.file.split('/').pop()!, [p.rule, p.message]]),
    );
    expect(rules['far-row.xlsx']).toEqual(['not-taizhang', '不是本系统下发的调度表（缺少识别信息），请在下发的原表中填写后报送']);
    expect(rules['junk-rows.xlsx']![0]).toBe('not-taizhang');
    expect(rules['unclosed.xlsx']![1]).toMatch(/^工作簿结构损坏：部件“xl\/worksheets\/sheet1\.xml”不是合规的 XML/);
    expect(rules['dtd.xlsx']).toEqual(['xml-dtd', '部件“xl/worksheets/sheet1.xml”含有文档类型声明（DTD），工作簿不应含有，未读取']);
    expect(rules['crc.xlsx']![1]).toMatch(/^工作簿中有部件损坏：“[^”]+”的 CRC 校验不符（内容已损坏）/);
    expect(rules['overlap.xlsx']![1]).toMatch(/数据重叠，压缩结构不合规范/);
    expect(rules['bomb.xlsx']![1]).toMatch(/^部件“xl\/worksheets\/sheet9\.xml”解压后超过 64 MB，疑似“压缩炸弹”，未读取/);
    expect(Object.keys(rules).sort()).toEqual(Object.keys(hostile).sort());
    ledger.close();
  }, 120_000);
});

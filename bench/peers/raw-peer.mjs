#!/usr/bin/env node
// Near-limit raw baseline: the same workbooks and the same collect as taizhang, without a spreadsheet library.
// Copied from ../shared/peers and brought to taizhang's 14-column layout (完成值单位 in I, inputs in J–N), so that it
// keeps doing the same work as taizhang (see bench/peers/README.md).
//   node raw.mjs generate <plan.json> <outdir>   (reads assign.json beside plan.json)
//   node raw.mjs collect <dir> <db.sqlite>       (reads plan.json/assign.json from $PERF_DATA or <dir>/..)
// generate: sheet XML by string templates, parts deflated with node:zlib, a minimal zip writer.
// collect : a minimal zip central-directory reader + node:zlib inflate, regex scan of the sheet XML and
//           sharedStrings, the same checks as taizhang, better-sqlite3 with one transaction per file.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const Database = require(process.env.BETTER_SQLITE3 ?? join(process.cwd(), 'node_modules/better-sqlite3'));

// ---------------------------------------------------------------- shared: the plan cells of a row
const STATUSES = ['已完成', '序时推进', '滞后', '未启动'];
const COLUMNS = [
  ['id', '序号', 8, 0], ['chapter', '所属章节', 14, 0], ['task', '重点任务', 16, 0], ['text', '具体内容', 46, 0],
  ['role', '本单位职责', 8, 0], ['others', '其他责任单位', 20, 0], ['deadline', '完成时限', 11, 0], ['target', '目标值', 18, 0],
  ['unit', '完成值单位', 9, 0], ['value', '完成值', 10, 1], ['status', '完成状态', 11, 1], ['progress', '进展情况', 36, 1], ['problems', '存在问题', 24, 1],
  ['nextSteps', '下一步打算', 24, 1],
];
const LETTERS = 'ABCDEFGHIJKLMN';
const LOCKED = 9;
const FIRST_ROW = 5;
const FORMAT = 'taizhang/workbook@1';

/**
 * The bench writes taizhang's workbook layout (src/workbook) beside plan.json: this peer implements one layout by
 * hand, and refuses to measure anything else rather than do less work than taizhang.
 */
function checkLayout(dir) {
  let layout;
  try {
    layout = JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8'));
  } catch {
    return;
  }
  const mine = { format: FORMAT, firstRow: FIRST_ROW, statuses: STATUSES, columns: COLUMNS.map((c) => [c[0], c[1], c[2], c[3] === 1]) };
  const theirs = { format: layout.format, firstRow: layout.firstRow, statuses: layout.statuses, columns: layout.columns };
  if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
    console.error(`raw peer: taizhang's workbook layout (${layout.format}) is not the one this peer implements (${FORMAT}); bring bench/peers/raw-peer.mjs to it`);
    process.exit(2);
  }
}

function loadData(planPath) {
  checkLayout(dirname(planPath));
  const plan = JSON.parse(readFileSync(planPath, 'utf8'));
  const assign = JSON.parse(readFileSync(join(dirname(planPath), 'assign.json'), 'utf8'));
  const chapters = new Map(plan.chapters.map((c) => [c.id, `${c.number}${c.title}`]));
  const clauses = new Map();
  for (const task of plan.tasks) for (const clause of task.clauses) clauses.set(clause.id, { task, clause });
  return { plan, assign, chapters, clauses };
}

function othersOf(clause, self, via) {
  const lead = [];
  const coop = [];
  for (const a of clause.assignments) if (a.unit !== self && a.unit !== via) (a.role === '牵头' ? lead : coop).push(a.unit);
  const parts = [];
  if (lead.length) parts.push(`牵头：${lead.join('、')}`);
  if (coop.length) parts.push(`配合：${coop.join('、')}`);
  if (via) parts.push(`（本单位作为“${via}”成员）`);
  return parts.join('；') || '无';
}

/** The 9 locked cells of a row, in column order. The 完成值单位 is the target's unit: the benchmark's plan only
 * uses the comparator 完成, for which taizhang's reporting unit is the target's own unit. */
function planCells(d, clauseId, role, unit, via) {
  const { task, clause } = d.clauses.get(clauseId);
  const t = clause.targets;
  return [
    clause.id,
    d.chapters.get(task.chapterId) ?? '',
    task.lead,
    clause.text,
    role,
    othersOf(clause, unit, via),
    clause.deadline?.words ?? '',
    t.length > 1 ? t.map((x, i) => `${'①②③④⑤⑥⑦⑧⑨'[i] ?? `${i + 1}.`}${x.words}`).join('\n') : t[0]?.words ?? '',
    t[0]?.unit ?? '',
  ];
}

const norm = (s) => s.replace(/\r\n?/g, '\n').trim();
const checksum = (cells) => createHash('sha256').update(cells.map(norm).join('\u001f')).digest('hex').slice(0, 12);

// ---------------------------------------------------------------- generate
const esc = (s) => String(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const str = (ref, s, text) => `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
const num = (ref, s, n) => `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${n}</v></c>`;
const empty = (ref, s) => `<c r="${ref}" s="${s}"/>`;

function rowHeight(cells) {
  let lines = 1;
  for (let j = 0; j < cells.length; j++) {
    const perLine = Math.max(1, Math.floor((COLUMNS[j][2] - 1) / 2));
    let l = 0;
    for (const part of cells[j].split('\n')) l += Math.max(1, Math.ceil(part.length / perLine));
    if (l > lines) lines = l;
  }
  return Math.min(409, Math.max(20, lines * 14.5 + 6));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FONT = '<name val="宋体"/><sz val="11"/>';
const BORDER = '<left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/>';
// Cell formats by index: 0 default, 1 title, 2 bold label, 3 guide text, 4 centred title, 5 right label,
// 6 header input (unlocked, text), 7 notice, 8 table header, 9 locked centre, 10 locked left, 11 locked centre bold,
// 12 input centre (unlocked), 13 input left (unlocked).
const STYLES = `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="5"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="16"/><name val="黑体"/></font><font><b/>${FONT}</font><font>${FONT}</font><font><color rgb="FF595959"/><sz val="10"/><name val="宋体"/></font></fonts><fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFFFF"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill></fills><borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"/><diagonal/></border><border>${BORDER}</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="14"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="49" fontId="3" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="3" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="3" fillId="4" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="3" fillId="4" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="4" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="3" fillId="2" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="center" vertical="top" wrapText="1"/><protection locked="0"/></xf><xf numFmtId="0" fontId="3" fillId="2" borderId="2" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="left" vertical="top" wrapText="1"/><protection locked="0"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
const SHEETS = ['填报说明', '调度表', '_taizhang'];
const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${[1, 2, 3].map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
const WB_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>${[1, 2, 3].map((i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`;
const WORKBOOK = `${XML}<workbook ${NS}><workbookPr/><bookViews><workbookView activeTab="1"/></bookViews><sheets>${SHEETS.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}"${i === 2 ? ' state="hidden"' : ''} r:id="rId${i + 2}"/>`).join('')}</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'调度表'!$4:$4</definedName></definedNames></workbook>`;
const CORE = `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>raw</dc:creator><dc:title>重点工作调度表</dc:title></cp:coreProperties>`;
const PROTECT = '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>';

// Zip: fixed parts deflated and checksummed once; per unit only the three sheets.
function entry(name, data) {
  const bytes = Buffer.from(data, 'utf8');
  return { name: Buffer.from(name, 'utf8'), crc: crc32(bytes), size: bytes.length, packed: deflateRawSync(bytes) };
}
function zip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(33, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    chunks.push(local, e.name, e.packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(33, 14);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.packed.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.name);
    offset += 30 + e.name.length + e.packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

function guideSheet(d, unit) {
  const { round, planTitle, issuer } = d;
  const rows = [
    ['填报单位', unit], ['报送轮次', round.label], ['截止时间', `${round.deadline}（请在截止日前报送）`], ['联系方式', `${issuer}（如有疑问请与综合处联系）`],
    ['任务来源', `《${planTitle}》`], ['', ''], ['填报方法', '1. 打开“调度表”工作表，先填写表头的填报人、联系电话、填报日期。'],
    ['', '2. 逐行填写白色单元格：完成值、完成状态（下拉选择）、进展情况、存在问题、下一步打算。'],
    ['', '3. “完成值”请填写与“目标值”对应的数字（如 78、40%），不要填写“约”“左右”等文字；有多项目标的（①②…），填写第①项的完成值，其余写入“进展情况”；没有量化目标的可不填。'],
    ['', '4. 填写完成后直接保存（可用 Excel、WPS 或 LibreOffice），文件名可以修改，按原渠道报送。'],
    ['完成状态', '已完成：本条目任务已全部完成；序时推进：按计划进度推进，能够按期完成；滞后：进度落后于计划，须在“存在问题”中说明原因；未启动：尚未开始实施（“进展情况”可不填）'],
    ['', ''], ['注意事项', '1. 灰色单元格为任务内容，已锁定，请勿修改。'], ['', '2. 请勿插入、删除、移动行或列，请勿修改“序号”；请勿删除或重命名工作表。'],
    ['', '3. 选择“滞后”的，须在“存在问题”中说明原因；除“未启动”外，“进展情况”必须填写。'], ['', '4. 本表由系统根据内容识别报送单位和轮次，请勿将其他单位或其他轮次的表格内容复制到本表。'],
  ];
  const body = rows
    .map(([a, b], i) => `<row r="${i + 3}" ht="${Math.min(409, Math.max(20, Math.ceil(b.length / 44) * 14.5 + 6))}" customHeight="1">${str(`A${i + 3}`, 2, a)}${str(`B${i + 3}`, 3, b)}</row>`)
    .join('');
  return `${XML}<worksheet ${NS}><sheetPr><tabColor rgb="FF4472C4"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:B18"/><cols><col min="1" max="1" width="16" customWidth="1"/><col min="2" max="2" width="90" customWidth="1"/></cols><sheetData><row r="1" ht="30" customHeight="1">${str('A1', 1, `${round.label}重点工作调度表填报说明`)}</row>${body}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/></worksheet>`;
}

const COLS_XML = `<cols>${COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c[2]}" customWidth="1"/>`).join('')}</cols>`;
const HEADER_ROW_XML = `<row r="4" ht="30" customHeight="1">${COLUMNS.map((c, i) => str(`${LETTERS[i]}4`, 8, c[1])).join('')}</row>`;

function trackingSheet(d, unit, cells, roles) {
  const last = FIRST_ROW + cells.length - 1;
  const out = [
    `${XML}<worksheet ${NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:N${last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="J5" sqref="J5"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${COLS_XML}<sheetData>`,
    `<row r="1" ht="32" customHeight="1">${str('A1', 4, `${d.issuer} ${d.round.label} 重点工作调度表`)}</row>`,
    `<row r="2" ht="24" customHeight="1">${str('A2', 5, '填报单位：')}${str('B2', 2, unit)}${str('E2', 5, '填报人：')}${empty('F2', 6)}${str('G2', 5, '联系电话：')}${empty('H2', 6)}${empty('I2', 6)}${str('J2', 5, '填报日期：')}${empty('K2', 6)}${empty('L2', 6)}${empty('M2', 6)}${empty('N2', 6)}</row>`,
    `<row r="3" ht="20" customHeight="1">${str('A3', 7, `报送截止：${d.round.deadline}。灰色为任务内容（已锁定），白色由本单位填写；“完成状态”请从下拉列表选择；请勿插入或删除行。`)}</row>`,
    HEADER_ROW_XML,
  ];
  for (let i = 0; i < cells.length; i++) {
    const r = FIRST_ROW + i;
    const c = cells[i];
    const lead = roles[i] === '牵头';
    let row = `<row r="${r}" ht="${rowHeight(c)}" customHeight="1">`;
    for (let j = 0; j < LOCKED; j++) {
      const s = j === 0 ? 9 : j === 4 ? (lead ? 11 : 9) : 10;
      row += c[j] ? str(`${LETTERS[j]}${r}`, s, c[j]) : empty(`${LETTERS[j]}${r}`, s);
    }
    row += `${empty(`J${r}`, 12)}${empty(`K${r}`, 12)}${empty(`L${r}`, 13)}${empty(`M${r}`, 13)}${empty(`N${r}`, 13)}</row>`;
    out.push(row);
  }
  out.push(
    `</sheetData>${PROTECT}<mergeCells count="5"><mergeCell ref="A1:N1"/><mergeCell ref="B2:D2"/><mergeCell ref="H2:I2"/><mergeCell ref="K2:N2"/><mergeCell ref="A3:N3"/></mergeCells>`,
    `<dataValidations count="2"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorStyle="warning" errorTitle="完成值" error="完成值应为数字（如 78 或 40%），请勿填写“约”“左右”等文字。" sqref="J${FIRST_ROW}:J${last}"><formula1>-1000000000000</formula1><formula2>1000000000000</formula2></dataValidation>`,
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="完成状态" prompt="请从下拉列表中选择" showErrorMessage="1" errorStyle="stop" errorTitle="完成状态" error="请从下拉列表中选择：已完成、序时推进、滞后、未启动" sqref="K${FIRST_ROW}:K${last}"><formula1>"${STATUSES.join(',')}"</formula1></dataValidation></dataValidations>`,
    `<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>`,
  );
  return out.join('');
}

function metaSheet(d, unit, ids, roles, sums) {
  const pairs = [
    ['format', FORMAT], ['plan_id', d.planId], ['plan_hash', d.planHash], ['plan_title', d.planTitle], ['unit', unit], ['round', d.round.id],
    ['deadline', d.round.deadline], ['first_row', FIRST_ROW], ['row_count', ids.length],
    ['checksum', createHash('sha256').update(sums.join('')).digest('hex').slice(0, 16)],
  ];
  const out = [`${XML}<worksheet ${NS}><sheetData>`];
  pairs.forEach(([k, v], i) => out.push(`<row r="${i + 1}">${str(`A${i + 1}`, 0, k)}${typeof v === 'number' ? num(`B${i + 1}`, 0, v) : str(`B${i + 1}`, 0, v)}</row>`));
  const h = pairs.length + 2;
  out.push(`<row r="${h}">${str(`A${h}`, 0, 'row')}${str(`B${h}`, 0, 'clause')}${str(`C${h}`, 0, 'role')}${str(`D${h}`, 0, 'checksum')}</row>`);
  for (let i = 0; i < ids.length; i++) {
    const n = h + 1 + i;
    out.push(`<row r="${n}">${num(`A${n}`, 0, FIRST_ROW + i)}${str(`B${n}`, 0, ids[i])}${str(`C${n}`, 0, roles[i])}${str(`D${n}`, 0, sums[i])}</row>`);
  }
  out.push(`</sheetData>${PROTECT}</worksheet>`);
  return out.join('');
}

function generate(planPath, outDir) {
  const d = loadData(planPath);
  const ctx = { ...d, planId: d.plan.id, planHash: d.assign.planHash, planTitle: d.plan.title, issuer: d.plan.issuer, round: d.assign.round };
  mkdirSync(outDir, { recursive: true });
  const fixed = [
    entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', ROOT_RELS), entry('docProps/core.xml', CORE),
    entry('xl/workbook.xml', WORKBOOK), entry('xl/_rels/workbook.xml.rels', WB_RELS), entry('xl/styles.xml', STYLES),
  ];
  let rows = 0;
  for (const u of d.assign.units) {
    const ids = u.rows.map((r) => r[0]);
    const roles = u.rows.map((r) => r[1]);
    const cells = u.rows.map(([id, role, via]) => planCells(ctx, id, role, u.unit, via));
    const sums = cells.map(checksum);
    const parts = [
      ...fixed,
      entry('xl/worksheets/sheet1.xml', guideSheet(ctx, u.unit)),
      entry('xl/worksheets/sheet2.xml', trackingSheet(ctx, u.unit, cells, roles)),
      entry('xl/worksheets/sheet3.xml', metaSheet(ctx, u.unit, ids, roles, sums)),
    ];
    writeFileSync(join(outDir, u.file), zip(parts));
    rows += ids.length;
  }
  console.log(`raw generate: ${d.assign.units.length} workbooks, ${rows} rows → ${outDir}`);
}

// ---------------------------------------------------------------- collect
/** The named entries of a zip, inflated with node:zlib (central directory read; sizes checked before inflating). */
function unzip(buf, wanted) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extra + comment;
    if (!wanted(name)) continue;
    if (size > 50 * 1024 * 1024) throw new Error(`entry ${name} too large`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + packed);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return out;
}

const ENT = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) =>
  s.indexOf('&') < 0 && s.indexOf('_x') < 0
    ? s
    : s.replace(/&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi, (m, e, d, x) => (e ? ENT[e] : String.fromCodePoint(d ? Number(d) : parseInt(x, 16)))).replace(/_x([0-9A-F]{4})_/g, (_, n) => String.fromCharCode(parseInt(n, 16)));
const T_RE = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
function runs(xml) {
  if (xml.indexOf('<rPh') >= 0) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let s = '';
  T_RE.lastIndex = 0;
  for (let m; (m = T_RE.exec(xml)); ) s += m[1];
  return decode(s);
}
const attr = (attrs, name) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

function openWorkbook(buf) {
  const parts = unzip(buf, (n) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(n));
  const rels = new Map([...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)>/g)].map((m) => [attr(m[1], 'Id'), attr(m[1], 'Target')]));
  const sheets = new Map();
  for (const m of (parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b([^>]*)>/g)) {
    const t = rels.get(attr(m[1], 'r:id'));
    if (t) sheets.set(decode(attr(m[1], 'name')), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const strings = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runs(m[1] ?? ''));
  const styles = parts.get('xl/styles.xml') ?? '';
  const custom = new Map([...styles.matchAll(/<numFmt\b([^>]*)>/g)].map((m) => [attr(m[1], 'numFmtId'), decode(attr(m[1], 'formatCode') ?? '')]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const percent = [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = attr(m[1], 'numFmtId') ?? '0';
    return id === '9' || id === '10' || (custom.get(id) ?? '').includes('%');
  });
  /** Cells of a sheet as rows: row number → array of 14 values (null when empty), plus whether each is a percent. */
  const read = (name) => {
    const xml = parts.get(sheets.get(name));
    if (xml === undefined) return null;
    const rows = new Map();
    const re = /<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    for (let m; (m = re.exec(xml)); ) {
      const inner = m[4];
      if (!inner) continue;
      const col = LETTERS.indexOf(m[1]);
      if (col < 0) continue;
      const attrs = m[3];
      const t = attrs.indexOf(' t="') >= 0 ? attr(attrs, 't') : 'n';
      let v;
      if (t === 'inlineStr') v = runs(inner);
      else {
        const vm = /<v>([^<]*)<\/v>/.exec(inner);
        if (!vm) continue;
        if (t === 's') v = strings[Number(vm[1])];
        else if (t === 'str' || t === 'e') v = decode(vm[1]);
        else if (t === 'b') v = vm[1] === '1' ? 'TRUE' : 'FALSE';
        else v = Number(vm[1]);
      }
      if (v === '' || v === undefined) continue;
      const r = Number(m[2]);
      let row = rows.get(r);
      if (!row) rows.set(r, (row = { v: new Array(14).fill(null), pct: new Array(14).fill(false) }));
      row.v[col] = v;
      if (typeof v === 'number') row.pct[col] = percent[Number(attr(attrs, 's') ?? 0)] ?? false;
    }
    return rows;
  };
  return { read };
}

const PHONE = /^(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:[-转]\d{1,6})?|\d{7,8}(?:[-转]\d{1,6})?)$/;
const looksLikePhone = (s) => s.replace(/[（(]\s*/g, '').replace(/[)）]\s*/g, '-').replace(/\s+/g, '').split(/[,，;；、/]/).every((p) => PHONE.test(p));
const FULL = /[\uff10-\uff19\uff0e\uff0c\uff05\uff0d\uff0b]/g;
function readValue(raw, pct, unit) {
  if (raw === null) return { ok: true, value: null, text: null };
  if (typeof raw === 'number') return pct ? { ok: true, value: Math.round(raw * 1e11) / 1e9, text: `${Math.round(raw * 1e11) / 1e9}%` } : { ok: true, value: raw, text: String(raw) };
  const text = String(raw).trim();
  const s = text.replace(FULL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  if (s === '' || /^[-—－/／无]+$/.test(s)) return { ok: true, value: null, text };
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/.exec(s);
  if (!m) return { ok: false, text, message: `完成值“${text}”不是数字` };
  const value = Number(m[1].replace(/,/g, ''));
  const suffix = m[2];
  if (suffix === '' || (suffix === '%' && (!unit || unit === '%')) || suffix === unit) return { ok: true, value, text };
  return { ok: false, text, message: `完成值“${text}”含有文字“${suffix}”` };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, file TEXT NOT NULL,
  received_at TEXT NOT NULL, outcome TEXT NOT NULL, reporter TEXT, phone TEXT, fill_date TEXT);
CREATE TABLE IF NOT EXISTS entries (submission_id INTEGER NOT NULL REFERENCES submissions(id), clause_id TEXT NOT NULL, role TEXT NOT NULL,
  status TEXT, value_text TEXT, value REAL, progress TEXT, problems TEXT, next_steps TEXT, PRIMARY KEY (submission_id, clause_id));
CREATE TABLE IF NOT EXISTS problems (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, file TEXT NOT NULL, cell TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL);`;

function collect(dir, dbPath) {
  const d = loadData(join(process.env.PERF_DATA ?? join(dir, '..'), 'plan.json'));
  const units = new Map(d.assign.units.map((u) => [u.unit, u]));
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const seen = db.prepare('SELECT id FROM submissions WHERE sha256 = ?');
  const insSub = db.prepare('INSERT INTO submissions (unit, sha256, file, received_at, outcome, reporter, phone, fill_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insEntry = db.prepare('INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insProblem = db.prepare('INSERT INTO problems (sha256, file, cell, rule, message) VALUES (?, ?, ?, ?, ?)');
  const record = db.transaction((s, entries, problems) => {
    if (seen.get(s.sha)) return false;
    const id = insSub.run(s.unit, s.sha, s.file, new Date().toISOString(), s.outcome, s.reporter, s.phone, s.date).lastInsertRowid;
    for (const e of entries) insEntry.run(id, e.id, e.role, e.status, e.valueText, e.value, e.progress, e.problems, e.next);
    for (const p of problems) insProblem.run(s.sha, s.file, p[0], p[1], p[2]);
    return true;
  });
  const counts = { accepted: 0, returned: 0, refused: 0, unusable: 0, duplicate: 0 };
  for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.xlsx')).sort()) {
    const file = join(dir, name);
    const buf = readFileSync(file);
    const sha = createHash('sha256').update(buf).digest('hex');
    if (seen.get(sha)) { counts.duplicate++; continue; }
    let wb;
    let meta;
    let ws;
    try {
      wb = openWorkbook(buf);
      meta = wb.read('_taizhang');
      ws = wb.read('调度表');
    } catch (e) {
      counts.unusable++;
      insProblem.run(sha, file, '-', 'unusable', String(e.message));
      continue;
    }
    const kv = new Map();
    const metaRows = [];
    let inRows = false;
    for (const r of [...(meta?.keys() ?? [])].sort((a, b) => a - b)) {
      const [a, b, , dd] = meta.get(r).v;
      if (a === 'row') { inRows = true; continue; }
      if (inRows) metaRows.push([b, dd]);
      else if (a !== null) kv.set(a, b === null ? '' : String(b));
    }
    const unit = units.get(kv.get('unit'));
    if (kv.get('format') !== FORMAT || kv.get('round') !== d.assign.round.id || kv.get('plan_id') !== d.plan.id || kv.get('plan_hash') !== d.assign.planHash || !unit || !ws) {
      counts.refused++;
      insProblem.run(sha, file, '-', 'refused', '不是本轮下发的调度表');
      continue;
    }
    const problems = [];
    const problem = (cell, rule, message) => problems.push([cell, rule, message]);
    const head = ws.get(2)?.v ?? [];
    const text = (v) => (v === null || v === undefined ? '' : norm(String(v)));
    const reporter = text(head[5]);
    const phone = text(head[7]);
    const date = text(head[10]);
    if (!reporter) problem('F2', 'reporter-missing', '未填写填报人');
    if (!phone) problem('H2', 'phone-missing', '未填写联系电话');
    else if (!looksLikePhone(phone)) problem('H2', 'phone-invalid', `联系电话“${phone}”不像电话号码`);
    // Every expected row in place, its locked cells as issued (cell by cell), its inputs well formed.
    const entries = [];
    const byId = new Map();
    for (const [r, row] of ws) if (r >= FIRST_ROW && row.v[0] !== null) { const id = text(row.v[0]); if (!byId.has(id)) byId.set(id, r); }
    const expectedIds = new Set();
    if (metaRows.length !== unit.rows.length) problem('-', 'meta-mismatch', '识别信息与下发时不一致');
    unit.rows.forEach(([id, role, via], i) => {
      expectedIds.add(id);
      const want = planCells(d, id, role, unit.unit, via);
      if (metaRows[i]?.[0] !== id || metaRows[i]?.[1] !== checksum(want)) problem('-', 'meta-mismatch', `识别信息第 ${i + 1} 行与下发时不一致`);
      const r = byId.get(id);
      if (r === undefined) { problem(`A${FIRST_ROW + i}`, 'row-deleted', `条目 ${id} 所在的行被删除`); return; }
      if (r !== FIRST_ROW + i) problem(`A${r}`, 'row-moved', `条目 ${id} 应在第 ${FIRST_ROW + i} 行`);
      const v = ws.get(r).v;
      for (let j = 1; j < LOCKED; j++) if (text(v[j]) !== norm(want[j])) problem(`${LETTERS[j]}${r}`, 'plan-cell-changed', `灰色单元格“${COLUMNS[j][1]}”被修改`);
      const status = text(v[10]);
      const progress = text(v[11]);
      const issues = text(v[12]);
      if (!status) problem(`K${r}`, 'status-missing', `条目 ${id} 未选择完成状态`);
      else if (!STATUSES.includes(status)) problem(`K${r}`, 'status-invalid', `条目 ${id} 的完成状态“${status}”不在可选范围内`);
      if (!progress && status !== '未启动') problem(`L${r}`, 'progress-missing', `条目 ${id} 未填写进展情况`);
      if (status === '滞后' && !issues) problem(`M${r}`, 'problems-missing', `条目 ${id} 状态为“滞后”，请说明原因`);
      const value = readValue(v[9], ws.get(r).pct[9], d.clauses.get(id).clause.targets[0]?.unit ?? null);
      if (!value.ok) problem(`J${r}`, 'value-not-number', value.message);
      entries.push({ id, role, status: status || null, valueText: value.text || null, value: value.ok ? value.value : null, progress: progress || null, problems: issues || null, next: text(v[13]) || null });
    });
    for (const [id, r] of byId) if (!expectedIds.has(id)) problem(`A${r}`, 'row-inserted', `第 ${r} 行不是下发的条目`);
    const outcome = problems.length ? 'returned' : 'accepted';
    if (record({ unit: unit.unit, sha, file, outcome, reporter, phone, date }, entries, problems)) counts[outcome]++;
    else counts.duplicate++;
  }
  db.close();
  console.log(`raw collect: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

const [cmd, a, b] = process.argv.slice(2);
if (cmd === 'generate' && a && b) generate(a, b);
else if (cmd === 'collect' && a && b) collect(a, b);
else {
  console.error('usage: raw.mjs generate <plan.json> <outdir> | collect <dir> <db>');
  process.exit(2);
}

// A small reader of the parts of an .xlsx the collector needs: sheet names, shared strings, number formats and
// cell values. Much lighter than building exceljs's full object model for every returned file, which matters
// when a province collects thousands. XML is read as XML (xml.ts, proven equal to saxes, a conforming parser): comments,
// CDATA, processing instructions, namespace prefixes (`x:worksheet`, as the Open XML SDK writes), either quoting,
// entities decoded once; a DTD is refused, never expanded. Every part comes through zip.ts, which bounds what
// is inflated; here the work is bounded too: rows past the ones asked for are never walked, and cells, shared
// strings and time per file have limits.
import { OverLimit, ZipProblem } from './errors.ts';
import { cellPosition, columnLetters, LONE_SURROGATE } from './refs.ts';
import { parseXml, type XmlHandlers, type XmlTag } from './xml.ts';
import { readMembers, ZIP_LIMITS, type ZipLimits } from './zip.ts';

export interface XlsxCell {
  /** The value: number, string, boolean, or null when empty. */
  value: number | string | boolean | null;
  /** The number format code applying to the cell ('General' when none). */
  numFmt: string;
  /**
   * A formula saved without its computed value (openpyxl and some scripts write `=1+1` and leave computing to
   * Excel): we cannot know what Excel would show, so the caller refuses it rather than read it as blank.
   */
  uncomputedFormula?: string;
}

/**
 * The cells of a sheet that hold something, by row and column numbers: kept in reading order (rows and the cells
 * of a row only ever ascend in a sound sheet), so no reference string is built or hashed per cell. Also readable by
 * reference (`get('J7')`) and iterable as `[reference, cell]` pairs, as a Map of references would be.
 */
export class XlsxSheet {
  private readonly rows = new Map<number, { cols: number[]; cells: XlsxCell[] }>();

  /** Cells must come in reading order: by row, then by column. */
  add(row: number, col: number, cell: XlsxCell): void {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = { cols: [], cells: [] }));
    r.cols.push(col);
    r.cells.push(cell);
  }

  /** The row numbers that hold a cell, ascending. */
  rowNumbers(): IterableIterator<number> {
    return this.rows.keys();
  }

  /** A row's cells as column numbers and cells, ascending; undefined when the row holds none. */
  row(row: number): { cols: readonly number[]; cells: readonly XlsxCell[] } | undefined {
    return this.rows.get(row);
  }

  cell(row: number, col: number): XlsxCell | undefined {
    const r = this.rows.get(row);
    if (!r) return undefined;
    // Columns ascend: a binary search, so that a crafted row of thousands of cells costs no more than a short one.
    let lo = 0;
    let hi = r.cols.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = r.cols[mid]!;
      if (c === col) return r.cells[mid];
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  get(ref: string): XlsxCell | undefined {
    const at = cellPosition(ref);
    return at ? this.cell(at.row, at.col) : undefined;
  }

  *[Symbol.iterator](): IterableIterator<[string, XlsxCell]> {
    for (const [row, r] of this.rows) for (let i = 0; i < r.cols.length; i++) yield [`${columnLetters(r.cols[i]!)}${row}`, r.cells[i]!];
  }
}

export interface ReadLimits extends ZipLimits {
  /** Cells read from one sheet, in the rows asked for. */
  cells: number;
  /** Shared strings in one workbook. */
  strings: number;
  /** Milliseconds of parsing per file. */
  ms: number;
}

export const READ_LIMITS: ReadLimits = { ...ZIP_LIMITS, cells: 200_000, strings: 500_000, ms: 20_000 };

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). An escape may name half
 * of a surrogate pair (`_xD800_`): two that make a pair are one character, and a half alone, which no text can
 * hold (SQLite would store it as invalid UTF-8), is replaced visibly by U+FFFD (�), as a reader shows it.
 */
function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  const out = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, n: string) => String.fromCharCode(parseInt(n, 16)));
  return LONE_SURROGATE.test(out) ? out.replace(LONE_SURROGATES, '\uFFFD') : out;
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

// Built-in formats Excel does not write into styles.xml, including the Chinese date formats (27–36, 50–58) that
// WPS and Excel in a Chinese locale use for 2025年10月8日.
const CN_DATE = 'yyyy"年"m"月"d"日"';
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 9: '0%', 10: '0.00%', 14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 22: 'yyyy-mm-dd h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: CN_DATE, 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/**
 * An attribute by its qualified name: the unprefixed `r` is `r` itself, so a prefixed `x:r` (another attribute, in
 * another namespace) is never taken for it.
 */
function attr(tag: XmlTag, name: string): string | undefined {
  for (const a of tag.attributes) if (a.name === name) return a.value;
  return undefined;
}

const RELATIONSHIP_NAMESPACES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

/** The namespaces a part's root element must be in, for the parts whose meaning depends on it. */
function rootNamespaces(name: string): string[] | null {
  if (name === '[Content_Types].xml') return ['http://schemas.openxmlformats.org/package/2006/content-types'];
  if (name.endsWith('.rels')) return ['http://schemas.openxmlformats.org/package/2006/relationships'];
  if (/^xl\/(workbook|sharedStrings|styles|worksheets\/[^/]+)\.xml$/i.test(name)) {
    return ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
  }
  return null;
}

// The content types a workbook part may have: a workbook, a template, a macro-enabled workbook (Excel opens all three).
const WORKBOOK_TYPES = /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.(sheet|template)|ms-excel\.(sheet|template)\.macroEnabled)\.main\+xml$/i;

/** A relationship target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolvePart(base: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return decodeURIComponent(out.join('/'));
}

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/**
 * A returned workbook, read in one pass per part. The package must hold together as any conforming reader needs
 * it to, not only the parts read here: every member inflated within the limits and checked by CRC,
 * [Content_Types].xml present and giving the workbook its type, every XML part well-formed to its end with its
 * root in the right namespace, every part a relationship names present. Parts other than worksheets are checked
 * and read when the file is opened; a worksheet when `sheet()` reads it, and the ones never read by
 * `checkUnread()`. A damaged package is refused with every damaged part named, not only the first.
 */
export class XlsxFile {
  private readonly parts: Map<string, Buffer>;
  private readonly lowerNames: Set<string>;
  private readonly sheets = new Map<string, string>();
  private readonly deadline: number;
  /** Parts parsed to their end (and so checked). */
  private readonly parsed = new Set<string>();
  private strings: string[] = [];
  private formats: string[] = [];

  /** Throws when the bytes are not a workbook or break a limit; callers report that as the file's own problem. */
  constructor(
    bytes: Uint8Array,
    private readonly limits: ReadLimits = READ_LIMITS,
  ) {
    this.deadline = Date.now() + limits.ms;
    this.parts = readMembers(bytes, limits);
    this.lowerNames = new Set([...this.parts.keys()].map((n) => n.toLowerCase()));
    if (!this.parts.has('[Content_Types].xml')) throw new ZipProblem('工作簿缺少部件“[Content_Types].xml”，结构不完整', 'zip-structure');
    this.guard(() => {
      this.readContentTypes();
      const workbook = this.partName('xl/workbook.xml');
      if (!workbook) throw new ZipProblem('缺少 xl/workbook.xml', 'zip-structure');
      const targets = new Map<string, string>();
      this.parsePart('xl/_rels/workbook.xml.rels', {
        open: (tag) => {
          // Only a worksheet relationship makes a sheet (as Excel and openpyxl read it); a chart sheet or a mistyped
          // type does not.
          if (tag.local === 'Relationship' && /\/worksheet$/.test(attr(tag, 'Type') ?? '')) targets.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '');
        },
      });
      let isWorkbook = false;
      this.parsePart(workbook, {
        open: (tag) => {
          if (tag.local === 'workbook') isWorkbook = true;
          if (tag.local !== 'sheet') return;
          // r:id in the relationships namespace itself, not merely any prefixed `id`: a sheet whose r:id is in another
          // namespace is no sheet to Excel or openpyxl either.
          let id: string | undefined;
          for (const a of tag.attributes) {
            if (a.local === 'id' && RELATIONSHIP_NAMESPACES.includes(a.uri)) id = a.value;
          }
          const target = targets.get(id ?? '');
          if (target) this.sheets.set(attr(tag, 'name') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
        },
      });
      this.readStrings();
      this.readStyles();
      // Every other part that is not a worksheet (worksheets are checked as they are read).
      const worksheets = new Set([...this.sheets.values()].map((p) => p.toLowerCase()));
      for (const name of this.parts.keys()) {
        if (isXmlPart(name) && !worksheets.has(name.toLowerCase())) this.parsePart(name, {});
      }
      if (!isWorkbook || this.sheets.size === 0) throw new ZipProblem('工作簿结构损坏（找不到工作表）', 'zip-structure');
    });
  }

  /** The name a part is stored under, matched without regard to case as Excel does; null when absent. */
  private partName(path: string): string | null {
    if (this.parts.has(path)) return path;
    if (!this.lowerNames.has(path.toLowerCase())) return null;
    return [...this.parts.keys()].find((name) => name.toLowerCase() === path.toLowerCase()) ?? null;
  }

  /**
   * Parses a part to its end, once: the caller's handlers, and for a relationship part the check that every
   * internal target exists. A part already parsed, or absent, is skipped.
   */
  private parsePart(path: string, handlers: XmlHandlers): void {
    const name = this.partName(path);
    if (!name || this.parsed.has(name)) return;
    this.parsed.add(name);
    let open = handlers.open;
    if (name.endsWith('.rels')) {
      // A relationship part describes the part beside its _rels folder: `xl/_rels/workbook.xml.rels` → `xl/`.
      const base = name.replace(/_rels\/[^/]*$/, '');
      const own = handlers.open;
      open = (tag) => {
        if (tag.local === 'Relationship') {
          // Id, Type and Target are required of every relationship (OPC); openpyxl drops a part's every relationship
          // when one lacks them, and then finds no sheet.
          const missing = ['Id', 'Type', 'Target'].filter((a) => attr(tag, a) === undefined);
          if (missing.length) throw new ZipProblem(`部件“${name}”中有一条关系缺少必需的 ${missing.join('、')} 属性`, 'zip-structure');
          if (attr(tag, 'TargetMode') !== 'External') {
            const resolved = resolvePart(base, attr(tag, 'Target')!);
            if (!this.lowerNames.has(resolved.toLowerCase())) throw new ZipProblem(`缺少部件“${resolved}”（由“${name}”引用）`, 'zip-structure');
          }
        }
        own?.(tag);
      };
    }
    parseXml(this.parts.get(name)!.toString('utf8'), name, this.deadline, { ...handlers, open }, rootNamespaces(name));
  }

  /**
   * Runs `read`; when it finds the package damaged, checks every part not yet parsed too, so that the error names
   * every damaged part, not only the first.
   */
  private guard<T>(read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ZipProblem) || e.rule === 'zip-bomb') throw e;
      const damaged = [e.message.replace(/^工作簿结构损坏：/, '')];
      for (const name of this.parts.keys()) {
        if (!isXmlPart(name) || this.parsed.has(name)) continue;
        try {
          this.parsePart(name, {});
        } catch (other) {
          if (!(other instanceof ZipProblem)) throw other;
          damaged.push(other.message);
        }
      }
      throw new ZipProblem(`工作簿结构损坏：${damaged.join('；')}`, 'zip-structure');
    }
  }

  /** The workbook part must have a workbook's content type, as Excel and openpyxl find it by that type. */
  private readContentTypes(): void {
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    this.parsePart('[Content_Types].xml', {
      open: (tag) => {
        if (tag.local === 'Default') defaults.set((attr(tag, 'Extension') ?? '').toLowerCase(), attr(tag, 'ContentType') ?? '');
        else if (tag.local === 'Override') overrides.set((attr(tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase(), attr(tag, 'ContentType') ?? '');
      },
    });
    const type = overrides.get('xl/workbook.xml') ?? defaults.get('xml') ?? '';
    if (!WORKBOOK_TYPES.test(type)) {
      throw new ZipProblem(`部件“[Content_Types].xml”没有把“xl/workbook.xml”登记为工作簿（登记为“${type || '无'}”），Excel 无法识别`, 'zip-structure');
    }
  }

  /** The text of each string item: all its runs, without phonetic guides (rPh). */
  private readStrings(): void {
    let current: string | null = null;
    let inText = false;
    let phonetic = 0;
    const item = () => {
      if (this.strings.length >= this.limits.strings) throw new OverLimit(`共享字符串超过 ${this.limits.strings} 个，远超调度表的正常数量，未读取`, 'too-many-strings');
    };
    this.parsePart('xl/sharedStrings.xml', {
      stringItem: (t) => {
        item();
        this.strings.push(unescapeOoxml(t));
      },
      open: (tag) => {
        if (tag.local === 'si') {
          item();
          current = '';
        } else if (tag.local === 'rPh') phonetic++;
        else if (tag.local === 't') inText = true;
      },
      close: (name) => {
        if (name === 'si' && current !== null) {
          this.strings.push(unescapeOoxml(current));
          current = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inText = false;
      },
      text: (t) => {
        if (inText && phonetic === 0 && current !== null) current += t;
      },
    });
  }

  private readStyles(): void {
    const custom = new Map<number, string>();
    const xfs: number[] = [];
    let inCellXfs = false;
    this.parsePart('xl/styles.xml', {
      open: (tag) => {
        if (tag.local === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
        else if (tag.local === 'cellXfs') inCellXfs = true;
        else if (tag.local === 'xf' && inCellXfs) xfs.push(Number(attr(tag, 'numFmtId') ?? 0));
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
    this.formats = xfs.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
  }

  /** Checks the worksheets `sheet()` has not read: a workbook accepted is one Excel, WPS and openpyxl open too. */
  checkUnread(): void {
    this.guard(() => {
      for (const path of this.sheets.values()) this.parsePart(path, {});
    });
  }

  /**
   * The cells of a sheet that hold something (XlsxSheet), or null when there is no such sheet. Only rows up to `lastRow` are
   * stored: what lies beyond is parsed for well-formedness and nothing else, so a cell at row 2,000,000,000 or a
   * million junk rows cost no memory.
   */
  sheet(name: string, lastRow = 10_000): XlsxSheet | null {
    const path = this.sheets.get(name);
    const part = path ? this.partName(path) : null;
    if (!part) return null;
    if (this.parsed.has(part)) throw new Error(`工作表“${name}”已读取过`);
    const cells = new XlsxSheet();
    let row = 0;
    let col = 0;
    let count = 0;
    let past = false;
    // The cell being read (no object per cell: a province's returns hold millions).
    let inCell = false;
    let cellType = 'n';
    let cellStyle = 0;
    let value: string | null = null;
    let formula: string | null = null;
    let inline = '';
    let collecting: 'v' | 't' | 'f' | null = null;
    let inInline = false;
    let phonetic = 0;
    // A cell begins: its place checked against the cell before it, its type and style noted.
    const startCell = (ref: string | undefined, type: string | undefined, style: string | undefined) => {
      if (++count > this.limits.cells) throw new OverLimit(`工作表“${name}”的单元格超过 ${this.limits.cells} 个，远超调度表的正常数量，未读取`, 'too-many-cells');
      if (ref === undefined) col++;
      else {
        const at = cellPosition(ref);
        // A reference that is not a cell of this row, or not after the cell before it, is damage that Excel
        // repairs and openpyxl refuses: neither its column nor its row can be trusted.
        if (!at || at.row !== row || at.col <= col) throw new ZipProblem(`工作表“${name}”第 ${row} 行的单元格位置“${ref}”不合规范`, 'zip-member');
        col = at.col;
      }
      inCell = true;
      cellType = type ?? 'n';
      cellStyle = style === undefined ? 0 : Number(style);
      value = null;
      formula = null;
      inline = '';
    };
    const endCell = () => {
      const numFmt = this.formats[cellStyle] ?? 'General';
      // A formula with no value, or an empty one in a cell not typed as text (openpyxl writes `<f>1+2</f><v></v>`),
      // was never computed; an empty <v/> in a `t="str"` cell is a formula whose result is empty text.
      const computed = value !== null && (value.trim() !== '' || cellType === 'str');
      if (formula !== null && !computed && cellType !== 'inlineStr') cells.add(row, col, { value: null, numFmt, uncomputedFormula: formula || '（共享公式）' });
      else {
        const v = this.cellValue(cellType, value, inline, name, row, col);
        if (v !== null && v !== '') cells.add(row, col, { value: v, numFmt });
      }
      inCell = false;
    };
    this.guard(() =>
      this.parsePart(part, {
        cell: (ref, style, type, v) => {
          if (past) return;
          startCell(ref, type, style);
          value = v;
          endCell();
        },
        open: (tag) => {
          if (past) return;
          switch (tag.local) {
            case 'row': {
              const r = Number(attr(tag, 'r') ?? row + 1);
              if (!Number.isInteger(r) || r <= row) throw new ZipProblem(`工作表“${name}”的行顺序不合规范（第 ${attr(tag, 'r')} 行出现在第 ${row} 行之后）`, 'zip-member');
              if (r > lastRow) {
                // Rows are stored in order: nothing after this one is wanted.
                past = true;
                return;
              }
              row = r;
              col = 0;
              return;
            }
            case 'c': {
              let ref: string | undefined;
              let type: string | undefined;
              let style: string | undefined;
              for (const a of tag.attributes) {
                if (a.name === 'r') ref = a.value;
                else if (a.name === 't') type = a.value;
                else if (a.name === 's') style = a.value;
              }
              startCell(ref, type, style);
              return;
            }
            case 'f':
              if (inCell) (collecting = 'f'), (formula = '');
              return;
            case 'v':
              if (inCell) (collecting = 'v'), (value = '');
              return;
            case 'is':
              inInline = true;
              return;
            case 'rPh':
              phonetic++;
              return;
            case 't':
              if (inInline) collecting = 't';
              return;
          }
        },
        close: (local) => {
          if (past) return;
          if (local === 'v' || local === 't' || local === 'f') collecting = null;
          else if (local === 'rPh') phonetic--;
          else if (local === 'is') inInline = false;
          else if (local === 'c' && inCell) endCell();
        },
        text: (t) => {
          if (past) return;
          if (collecting === 'v') value += t;
          else if (collecting === 'f') formula += t;
          else if (collecting === 't' && phonetic === 0) inline += t;
        },
      }),
    );
    return cells;
  }

  /**
   * A cell's value by its type. What no spreadsheet program writes is damage at that cell, never read as blank or
   * as another string: a number that is not one (`NaN`, `1e400`, which JavaScript reads as Infinity), or a
   * shared-string index that is empty or names no string (`<v></v>` once read as string 0).
   */
  private cellValue(type: string, v: string | null, inline: string, sheet: string, row: number, col: number): XlsxCell['value'] {
    const bad = (what: string) => new ZipProblem(`工作表“${sheet}”单元格 ${columnLetters(col)}${row} ${what}，文件可能由其他程序生成或已损坏`, 'zip-member');
    switch (type) {
      case 's': {
        if (v === null) return null;
        const text = /^\s*\d{1,9}\s*$/.test(v) ? this.strings[Number(v)] : undefined;
        if (text === undefined) throw bad(`引用的共享字符串“${v.slice(0, 20)}”不存在`);
        return text;
      }
      case 'inlineStr':
        return unescapeOoxml(inline);
      case 'str':
      case 'e':
        return v;
      case 'b':
        return v === '1' || v === 'true';
      case 'd':
        return v;
      default: {
        if (v === null || v.trim() === '') return null;
        const n = Number(v);
        // Number() also reads `0x10`, `Infinity` and `1e400` (as Infinity): an XML number is decimal and finite.
        if (!Number.isFinite(n) || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) throw bad(`的数值“${v.slice(0, 30)}”不是有效数字`);
        return n;
      }
    }
  }
}

/** Whether a number format shows dates. */
export function isDateFormat(code: string): boolean {
  // Date parts are y, m, d outside quotes and brackets; 年/月/日 are only their labels, so `0"日"` (a count of
  // days) and `0"个月"` stay numbers.
  return /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** An Excel serial date (1900 system) as YYYY-MM-DD. */
export function serialDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

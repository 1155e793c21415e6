// A small reader of the parts of an .xlsx the collector needs: sheet names, shared strings, number formats and
// cell values. Much faster and lighter than building exceljs's full object model for every returned file, which
// matters when a province collects thousands. Handles what Excel, WPS, LibreOffice and openpyxl write: shared
// and inline strings, rich text, formula results, booleans, errors, dates.
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  /** The value: number, string, boolean, or null when empty. */
  value: number | string | boolean | null;
  /** The number format code applying to the cell ('General' when none). */
  numFmt: string;
}

export type XlsxSheet = Map<string, XlsxCell>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/_x([0-9A-F]{4})_/g, (_, n: string) => String.fromCharCode(parseInt(n, 16)));
}

/** The text of a string item: all its runs, without phonetic guides. */
function runsText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => decode(m[1] ?? '')).join('');
}

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 9: '0%', 10: '0.00%', 14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 22: 'yyyy-mm-dd h:mm' };

const ATTRIBUTE = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTE.get(name);
  if (!re) ATTRIBUTE.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

export class XlsxFile {
  private readonly parts: Record<string, Uint8Array>;
  private readonly sheets = new Map<string, string>();
  private strings: string[] = [];
  private formats: string[] = [];

  /** Throws when the bytes are not a workbook; callers report that as the file's own problem. */
  constructor(bytes: Uint8Array) {
    this.parts = unzipSync(bytes, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(f.name) });
    const workbook = this.text('xl/workbook.xml');
    if (!workbook) throw new Error('缺少 xl/workbook.xml');
    const rels = this.text('xl/_rels/workbook.xml.rels') ?? '';
    const targets = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')]));
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const name = decode(attr(m[1]!, 'name') ?? '');
      const target = targets.get(attr(m[1]!, 'r:id'));
      if (target) this.sheets.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    if (!/<(?:\w+:)?workbook\b/.test(workbook) || this.sheets.size === 0) throw new Error('工作簿结构损坏（找不到工作表）');
    const shared = this.text('xl/sharedStrings.xml');
    if (shared) this.strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => runsText(m[1] ?? ''));
    const styles = this.text('xl/styles.xml');
    if (styles) {
      const custom = new Map([...styles.matchAll(/<numFmt\b([^>]*)\/?>/g)].map((m) => [Number(attr(m[1]!, 'numFmtId')), decode(attr(m[1]!, 'formatCode') ?? '')]));
      const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
      this.formats = [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
        const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
        return custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
      });
    }
  }

  private text(path: string): string | null {
    const part = this.parts[path];
    return part ? strFromU8(part) : null;
  }

  /** The cells of a sheet by reference (`J7`), or null when there is no such sheet. */
  sheet(name: string): XlsxSheet | null {
    const path = this.sheets.get(name);
    const xml = path ? this.text(path) : null;
    if (xml === null) return null;
    const cells: XlsxSheet = new Map();
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1]!;
      const ref = attr(attrs, 'r');
      if (!ref) continue;
      const inner = m[2] ?? '';
      const type = attr(attrs, 't') ?? 'n';
      const numFmt = this.formats[Number(attr(attrs, 's') ?? 0)] ?? 'General';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: XlsxCell['value'] = null;
      if (type === 's') value = v === undefined ? null : this.strings[Number(v)] ?? '';
      else if (type === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else if (type === 'str' || type === 'e') value = v === undefined ? null : decode(v);
      else if (type === 'b') value = v === '1';
      else if (type === 'd') value = v ?? null;
      else if (v !== undefined && v !== '') value = Number(v);
      if (value !== null && value !== '') cells.set(ref, { value, numFmt });
    }
    return cells;
  }
}

/** Whether a number format shows dates. */
export function isDateFormat(code: string): boolean {
  return /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && !/^General$/i.test(code);
}

/** An Excel serial date (1900 system) as YYYY-MM-DD. */
export function serialDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

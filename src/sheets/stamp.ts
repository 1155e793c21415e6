// Fast workbook generation: exceljs builds one template workbook per round through buildWorkbook (so the look,
// protection, validations and print setup are defined in one place), and each unit's workbook is stamped from it:
// its rows are written into the template's sheet XML as inline strings, and the parts zipped again.
// exceljs alone takes 11+ ms per workbook; stamping takes a fraction of that.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { preparedEntry, zip, type ZipEntry } from '../util/zip.ts';
import type { Plan } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import type { UnitAssignment } from './assign.ts';
import { COLUMNS, FIRST_ROW, GUIDE_SHEET, META_SHEET, TRACKING_SHEET, type InputKey } from './layout.ts';
import { META_HEADER, buildWorkbook, metadata, planCells, rowHeight, type InputValues, type SheetProtection } from './workbook.ts';

/** Stands for the unit's name in the template; replaced in every part. */
const UNIT_MARK = '§UNIT§';

export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function inlineCell(ref: string, style: string, text: string): string {
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function valueCell(ref: string, style: string, value: string | number | undefined): string {
  if (value === undefined || value === '') return `<c r="${ref}"${style}/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return inlineCell(ref, style, String(value));
}

interface SheetParts {
  head: string;
  rows: string;
  tail: string;
}

function splitSheet(xml: string): SheetParts {
  const open = xml.indexOf('<sheetData>');
  const close = xml.indexOf('</sheetData>');
  if (open < 0 || close < 0) throw new Error('template sheet without sheetData');
  return { head: xml.slice(0, open + '<sheetData>'.length), rows: xml.slice(open + '<sheetData>'.length, close), tail: xml.slice(close) };
}

/** The `s="N"` attribute of each cell of a template row, by column letter. */
function cellStyles(rowXml: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const m of rowXml.matchAll(/<c r="([A-Z]+)\d+"((?: s="\d+")?)/g)) styles.set(m[1]!, m[2]!);
  return styles;
}

export class WorkbookStamper {
  private constructor(
    private readonly o: { plan: Plan; planHash: string; round: Round },
    private readonly parts: Record<string, Uint8Array>,
    private readonly paths: { guide: string; tracking: string; meta: string },
    private readonly tracking: SheetParts,
    private readonly meta: SheetParts,
    private readonly lead: Map<string, string>,
    private readonly cooperate: Map<string, string>,
    private readonly markIndex: string,
    private readonly shared: ZipEntry[] = Object.entries(parts)
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, data]) => preparedEntry(name, data)),
  ) {
    this.unitCell = new RegExp(`<c r="([A-Z]+\\d+)"((?: s="\\d+")?) t="s"><v>${markIndex}</v></c>`, 'g');
    this.guide = strFromU8(parts[paths.guide]!);
  }

  /** Builds the round's template with exceljs: a unit named UNIT_MARK with one lead and one cooperating row. */
  static async create(o: { plan: Plan; planHash: string; round: Round; protection: SheetProtection; contact?: string }): Promise<WorkbookStamper> {
    const task = o.plan.tasks.find((t) => t.clauses.length > 0)!;
    const clause = task.clauses[0]!;
    const unit: UnitAssignment = {
      unit: UNIT_MARK,
      rows: [
        { task, clause, role: '牵头', unit: UNIT_MARK, via: null },
        { task, clause, role: '配合', unit: UNIT_MARK, via: null },
      ],
    };
    const wb = buildWorkbook({ ...o, unit });
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
    const pathOf = (name: string) => {
      const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1] ?? new RegExp(`<sheet [^>]*r:id="(rId\\d+)"[^>]*name="${name}"`).exec(workbook)?.[1];
      const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
      if (!rid || !target) throw new Error(`template sheet ${name} not found`);
      return `xl/${target.replace(/^\/?xl\//, '')}`;
    };
    const paths = { guide: pathOf(GUIDE_SHEET), tracking: pathOf(TRACKING_SHEET), meta: pathOf(META_SHEET) };
    const strings = strFromU8(parts['xl/sharedStrings.xml']!);
    const markIndex = String([...strings.matchAll(/<si>(.*?)<\/si>/gs)].findIndex((m) => m[1]!.includes(UNIT_MARK)));
    const tracking = splitSheet(strFromU8(parts[paths.tracking]!));
    const rowXml = (r: number) => new RegExp(`<row r="${r}"[^>]*>.*?</row>`, 's').exec(tracking.rows)?.[0] ?? '';
    const lead = cellStyles(rowXml(FIRST_ROW));
    const cooperate = cellStyles(rowXml(FIRST_ROW + 1));
    // Keep the rows above the table; the table rows are written per unit.
    tracking.rows = tracking.rows.replace(new RegExp(`<row r="${FIRST_ROW}"[^]*$`), '');
    return new WorkbookStamper(o, parts, paths, tracking, splitSheet(strFromU8(parts[paths.meta]!)), lead, cooperate, markIndex);
  }

  /** Cells where the template holds the unit's name as a shared string. */
  private readonly unitCell: RegExp;
  private readonly guide: string;

  /** Replaces the unit's name wherever the template holds it. */
  private withUnit(xml: string, unit: string): string {
    return xml.replace(this.unitCell, (_, ref: string, style: string) => inlineCell(ref, style, unit));
  }

  /** One unit's workbook as xlsx bytes; `values` pre-fill its input cells. */
  render(assignment: UnitAssignment, values?: Map<string, InputValues>): Uint8Array {
    const last = FIRST_ROW + assignment.rows.length - 1;
    const rows: string[] = [];
    const planRows = assignment.rows.map((row) => planCells(this.o.plan, row));
    assignment.rows.forEach((row, i) => {
      const r = FIRST_ROW + i;
      const styles = row.role === '牵头' ? this.lead : this.cooperate;
      const plan = planRows[i]!;
      const input = values?.get(row.clause.id) ?? {};
      const texts: [string, number][] = [];
      const cells = COLUMNS.map((c, j) => {
        const col = String.fromCharCode(65 + j);
        const style = styles.get(col) ?? '';
        if (!c.input) {
          texts.push([plan[c.key]!, c.width]);
          return plan[c.key] ? inlineCell(`${col}${r}`, style, plan[c.key]!) : `<c r="${col}${r}"${style}/>`;
        }
        const v = input[c.key as InputKey];
        if (typeof v === 'string') texts.push([v, c.width]);
        return valueCell(`${col}${r}`, style, v);
      });
      rows.push(`<row r="${r}" spans="1:${COLUMNS.length}" ht="${rowHeight(texts)}" customHeight="1">${cells.join('')}</row>`);
    });
    const tail = this.tracking.tail.replace(new RegExp(`sqref="([A-Z]+)${FIRST_ROW}:([A-Z]+)${FIRST_ROW + 1}"`, 'g'), (_, a: string, b: string) => `sqref="${a}${FIRST_ROW}:${b}${last}"`);
    const head = this.tracking.head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${String.fromCharCode(64 + COLUMNS.length)}${last}"/>`);
    const unit = assignment.unit;
    const { pairs, rows: metaRows } = metadata({ ...this.o, unit: assignment }, planRows);
    const metaXml: string[] = pairs.map(([k, v], i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, '', k)}${valueCell(`B${i + 1}`, '', v)}</row>`);
    const headerRow = pairs.length + 2;
    metaXml.push(`<row r="${headerRow}">${META_HEADER.map((t, j) => inlineCell(`${String.fromCharCode(65 + j)}${headerRow}`, '', t)).join('')}</row>`);
    metaRows.forEach(({ row: r, id, role, sum }, i) => {
      const n = headerRow + 1 + i;
      metaXml.push(`<row r="${n}">${valueCell(`A${n}`, '', r)}${inlineCell(`B${n}`, '', id)}${inlineCell(`C${n}`, '', role)}${inlineCell(`D${n}`, '', sum)}</row>`);
    });
    const metaHead = this.meta.head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:D${headerRow + metaRows.length}"/>`);
    const own: Record<string, Uint8Array> = {
      [this.paths.tracking]: strToU8(this.withUnit(head + this.tracking.rows, unit) + rows.join('') + tail),
      [this.paths.guide]: strToU8(this.withUnit(this.guide, unit)),
      [this.paths.meta]: strToU8(metaHead + metaXml.join('') + this.meta.tail),
    };
    const core = this.parts['docProps/core.xml'];
    if (core) own['docProps/core.xml'] = strToU8(strFromU8(core).split(UNIT_MARK).join(xmlText(unit)));
    // Parts that are the same in every workbook were deflated once, in create().
    return zip(this.shared.map((e) => (own[e.name] ? { name: e.name, data: own[e.name]!, deflate: true } : e)));
  }
}

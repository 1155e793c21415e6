// Fast workbook generation: exceljs builds one template workbook per round through buildWorkbook (so the look,
// protection, validations and print setup are defined in one place), and each unit's workbook is stamped from it:
// its rows are written into the template's sheet XML as inline strings, and the parts zipped again.
// exceljs alone takes 11+ ms per workbook; stamping takes a fraction of that.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { hash } from 'node:crypto';
import { preparedEntry, zip, type ZipEntry } from '../util/zip.ts';
import type { Plan } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import type { UnitAssignment } from './assign.ts';
import { cellOrder, columnLetters, columnNumber } from '../workbook/cells.ts';
import { COLUMNS, FIRST_ROW, GUIDE_SHEET, META_HEADER, META_SHEET, TEMPLATE_LAYOUT, TRACKING_SHEET, columnLetter, type InputKey } from '../workbook/layout.ts';
import { PROBLEM_FILL_ARGB, rowHeight } from '../workbook/style.ts';
import { PlanRows, PROBLEM_COLUMN_WIDTH, buildWorkbook, metadata, problemNotes, type InputValues, type SheetProtection } from './workbook.ts';

export { TEMPLATE_LAYOUT } from '../workbook/layout.ts';

/** Stands for the unit's name in the template; replaced in every part. */
const UNIT_MARK = '§UNIT§';

/** Characters an XML text may not hold as they are: most texts have none and are returned unchanged, unscanned again. */
const XML_SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/;

export function xmlText(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
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

export function valueCell(ref: string, style: string, value: string | number | undefined): string {
  if (value === undefined || value === '') return `<c r="${ref}"${style}/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return inlineCell(ref, style, String(value));
}

interface SheetParts {
  head: string;
  rows: string;
  tail: string;
}

export function splitSheet(xml: string): SheetParts {
  const open = xml.indexOf('<sheetData>');
  const close = xml.indexOf('</sheetData>');
  if (open < 0 || close < 0) throw new Error('template sheet without sheetData');
  return { head: xml.slice(0, open + '<sheetData>'.length), rows: xml.slice(open + '<sheetData>'.length, close), tail: xml.slice(close) };
}

/** The `s="N"` attribute of each cell of a template row, by column letter. */
export function cellStyles(rowXml: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const m of rowXml.matchAll(/<c r="([A-Z]+)\d+"((?: s="\d+")?)/g)) styles.set(m[1]!, m[2]!);
  return styles;
}

/** What a 退回重报 workbook adds to the unit's answers: the header it was sent with, and each failing cell's message. */
export interface ReturnMarks {
  header: { reporter: string; phone: string; date: string };
  /** `J7` → message; a header cell (`H2`) as well. */
  problems: Map<string, string>;
  /** The red notice above the table. */
  notice: string;
}

/** Stand for the header values and the notice in the template of 退回重报 workbooks; replaced per workbook. */
const MARKS = { unit: UNIT_MARK, reporter: '§REPORTER§', phone: '§PHONE§', date: '§DATE§', notice: '§NOTICE§' } as const;
type MarkKey = keyof typeof MARKS;

/** The parts of the template's comments and their VML shapes, repeated once per failing cell. */
interface CommentParts {
  comments: string;
  vml: string;
  sheetRels: string;
  /** `<comments …><authors>…</authors><commentList>` and `</commentList></comments>` */
  commentsHead: string;
  commentsTail: string;
  /** The VML before the first shape, one shape as a pattern, and the closing tag. */
  vmlHead: string;
  shape: string;
  vmlTail: string;
}

export interface StamperOptions {
  plan: Plan;
  planHash: string;
  round: Round;
  protection: SheetProtection;
  contact?: string;
  returned?: boolean;
}

/**
 * The key a 退回重报 template is kept under in the ledger: everything it is made from, and the layout version
 * (TEMPLATE_LAYOUT, derived from the format in src/workbook), so that a template of another layout is never used. The template is made when the round is
 * issued (or at the first collect that needs one), so that collecting never loads exceljs for it.
 */
export function returnTemplateKey(o: Omit<StamperOptions, 'returned'>): string {
  const { id, label, start, end, deadline } = o.round;
  return hash('sha256', JSON.stringify([TEMPLATE_LAYOUT, o.planHash, id, label, start, end, deadline, o.contact ?? '', o.protection]));
}


/** Where templates are kept once made: the ledger. */
export interface TemplateStore {
  template(key: string): Uint8Array | null;
  keepTemplate(key: string, bytes: Uint8Array): void;
}

/**
 * The stamper of a round's 退回重报 workbooks, from the template kept in the ledger; when there is none (or it does
 * not read), the template is made with exceljs and kept for every later collect of the round.
 */
export async function returnStamper(store: TemplateStore, o: Omit<StamperOptions, 'returned'>): Promise<WorkbookStamper> {
  const options = { ...o, returned: true };
  const key = returnTemplateKey(o);
  const kept = store.template(key);
  if (kept) {
    try {
      return WorkbookStamper.fromTemplate(options, kept);
    } catch {
      // A damaged row: the template is made again below, and replaces it.
    }
  }
  const bytes = await WorkbookStamper.template(options);
  const stamper = WorkbookStamper.fromTemplate(options, bytes);
  store.keepTemplate(key, bytes);
  return stamper;
}

/** How many table rows a template is built with: a lead and a cooperating row, and a failing one in a 退回重报 template. */
const templateRows = (o: Pick<StamperOptions, 'returned'>) => (o.returned ? 3 : 2);

export class WorkbookStamper {
  private constructor(
    private readonly o: StamperOptions,
    private readonly parts: Record<string, Uint8Array>,
    private readonly paths: { guide: string; tracking: string; meta: string },
    private readonly tracking: SheetParts,
    private readonly meta: SheetParts,
    private readonly lead: Map<string, string>,
    private readonly cooperate: Map<string, string>,
    /** Shared-string index of each mark the template holds. */
    marks: Map<MarkKey, string>,
    /** How many table rows the template was built with: the validations' ranges end there. */
    private readonly templateRows: number,
    /** For 退回重报 workbooks: the comment parts, and how far a style index moves to its red-filled twin. */
    private readonly returned: { comments: CommentParts; problemOffset: number } | null,
    private readonly shared: ZipEntry[] = Object.entries(parts)
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, data]) => preparedEntry(name, data)),
  ) {
    this.markCells = [...marks].map(([key, index]) => [key, new RegExp(`<c r="([A-Z]+\\d+)"((?: s="\\d+")?) t="s"><v>${index}</v></c>`, 'g')]);
    this.guide = strFromU8(parts[paths.guide]!);
    this.issued = new PlanRows(o.plan);
  }

  /**
   * Builds the round's template with exceljs: a unit named UNIT_MARK with one lead and one cooperating row. With
   * `returned`, the template of its 退回重报 workbooks: marks in the header and notice, a third row with a failing
   * cell (so that the comment parts, the 审核意见 column and the red fill exist), and a red twin of every style.
   */
  static async create(o: StamperOptions): Promise<WorkbookStamper> {
    return WorkbookStamper.fromTemplate(o, await WorkbookStamper.template(o));
  }

  /** The template workbook itself (xlsx bytes), as exceljs writes it: what `fromTemplate` stamps from. */
  static async template(o: StamperOptions): Promise<Uint8Array> {
    const task = o.plan.tasks.find((t) => t.clauses.length > 0)!;
    const clause = task.clauses[0]!;
    const row = (role: '牵头' | '配合') => ({ task, clause, role, unit: UNIT_MARK, via: null });
    const unit: UnitAssignment = { unit: UNIT_MARK, rows: [row('牵头'), row('配合'), row('牵头')].slice(0, templateRows(o)) };
    const wb = buildWorkbook({
      ...o,
      unit,
      ...(o.returned
        ? {
            header: { reporter: MARKS.reporter, phone: MARKS.phone, date: MARKS.date },
            notice: MARKS.notice,
            problems: new Map([[`${columnLetter('value')}${FIRST_ROW + 2}`, '§PROBLEM§']]),
          }
        : {}),
    });
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  /**
   * A stamper from template bytes made by `template` with the same options (here or earlier, kept in the ledger):
   * no spreadsheet library is needed for this, only the template's parts.
   */
  static fromTemplate(o: StamperOptions, bytes: Uint8Array): WorkbookStamper {
    const parts = unzipSync(bytes);
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
    const pathOf = (name: string) => {
      const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1] ?? new RegExp(`<sheet [^>]*r:id="(rId\\d+)"[^>]*name="${name}"`).exec(workbook)?.[1];
      const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
      if (!rid || !target) throw new Error(`template sheet ${name} not found`);
      return `xl/${target.replace(/^\/?xl\//, '')}`;
    };
    const paths = { guide: pathOf(GUIDE_SHEET), tracking: pathOf(TRACKING_SHEET), meta: pathOf(META_SHEET) };
    const strings = [...strFromU8(parts['xl/sharedStrings.xml']!).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]!);
    const marks = new Map<MarkKey, string>();
    for (const key of Object.keys(MARKS) as MarkKey[]) {
      // A text holding a mark and more (the header problems appended to the notice) is replaced whole as well.
      const index = strings.findIndex((t) => t.includes(MARKS[key]));
      if (index >= 0) marks.set(key, String(index));
    }
    const tracking = splitSheet(strFromU8(parts[paths.tracking]!));
    const rowXml = (r: number) => new RegExp(`<row r="${r}"[^>]*>.*?</row>`, 's').exec(tracking.rows)?.[0] ?? '';
    const lead = cellStyles(rowXml(FIRST_ROW));
    const cooperate = cellStyles(rowXml(FIRST_ROW + 1));
    // Keep the rows above the table; the table rows are written per unit.
    tracking.rows = tracking.rows.replace(new RegExp(`<row r="${FIRST_ROW}"[^]*$`), '');
    const returned = o.returned ? WorkbookStamper.returnParts(parts, paths.tracking) : null;
    return new WorkbookStamper(o, parts, paths, tracking, splitSheet(strFromU8(parts[paths.meta]!)), lead, cooperate, marks, templateRows(o), returned);
  }

  /**
   * Takes the comment and VML parts of a 退回重报 template apart, and gives every cell style a twin with the red
   * problem fill (appended after the originals, so that style `s` turns red as `s + offset`).
   */
  private static returnParts(parts: Record<string, Uint8Array>, trackingPath: string): { comments: CommentParts; problemOffset: number } {
    const sheetRels = trackingPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const relsXml = strFromU8(parts[sheetRels]!);
    const target = (type: string) => {
      const t = new RegExp(`<Relationship [^>]*Type="[^"]*/${type}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1];
      if (!t) throw new Error(`template sheet without ${type}`);
      return `xl/${t.replace(/^\.\.\//, '')}`;
    };
    const comments = target('comments');
    const vml = target('vmlDrawing');
    const commentsXml = strFromU8(parts[comments]!);
    const vmlXml = strFromU8(parts[vml]!);
    const listAt = commentsXml.indexOf('<commentList>') + '<commentList>'.length;
    const shapeAt = vmlXml.indexOf('<v:shape ');
    const shapeEnd = vmlXml.indexOf('</v:shape>') + '</v:shape>'.length;
    const styles = strFromU8(parts['xl/styles.xml']!);
    const fills = [...(/<fills[^>]*>(.*?)<\/fills>/s.exec(styles)?.[1] ?? '').matchAll(/<fill>.*?<\/fill>|<fill\/>/gs)].map((m) => m[0]);
    const problemFill = fills.findIndex((f) => f.includes(PROBLEM_FILL_ARGB));
    const xfsMatch = /<cellXfs count="\d+">(.*?)<\/cellXfs>/s.exec(styles);
    if (listAt < '<commentList>'.length || shapeAt < 0 || problemFill < 0 || !xfsMatch) throw new Error('template without its comment parts or problem fill');
    const xfs = [...xfsMatch[1]!.matchAll(/<xf [^>]*?\/>|<xf [^>]*?>.*?<\/xf>/gs)].map((m) => m[0]);
    const twins = xfs.map((xf) => xf.replace(/ fillId="\d+"/, ` fillId="${problemFill}"`).replace(/ applyFill="\d+"/, '').replace(/^<xf /, '<xf applyFill="1" '));
    parts['xl/styles.xml'] = strToU8(styles.replace(xfsMatch[0], `<cellXfs count="${xfs.length * 2}">${xfs.join('')}${twins.join('')}</cellXfs>`));
    return {
      comments: {
        comments,
        vml,
        sheetRels,
        commentsHead: commentsXml.slice(0, listAt),
        commentsTail: commentsXml.slice(commentsXml.indexOf('</commentList>')),
        vmlHead: vmlXml.slice(0, shapeAt),
        shape: vmlXml.slice(shapeAt, shapeEnd),
        vmlTail: vmlXml.slice(vmlXml.lastIndexOf('</v:shape>') + '</v:shape>'.length),
      },
      problemOffset: xfs.length,
    };
  }

  /** The plan cells of rows, shared by the members of a group. */
  private readonly issued: PlanRows;
  /** Cells where the template holds a mark as a shared string. */
  private readonly markCells: [MarkKey, RegExp][];
  private readonly guide: string;

  /** Replaces each mark wherever the template holds it; a blank value leaves the cell empty with its style. */
  private withMarks(xml: string, values: Partial<Record<MarkKey, string>>, restyle: (ref: string, style: string) => string = (_, s) => s): string {
    for (const [key, pattern] of this.markCells) {
      const value = values[key];
      if (value === undefined) continue;
      xml = xml.replace(pattern, (_, ref: string, style: string) => (value ? inlineCell(ref, restyle(ref, style), value) : `<c r="${ref}"${restyle(ref, style)}/>`));
    }
    return xml;
  }

  /** One unit's workbook as xlsx bytes; `values` pre-fill its input cells; `returned` makes it a 退回重报 workbook. */
  render(assignment: UnitAssignment, values?: Map<string, InputValues>, returned?: ReturnMarks): Uint8Array {
    if (returned && !this.returned) throw new Error('a 退回重报 workbook needs a stamper created with `returned`');
    const problems = returned?.problems ?? new Map<string, string>();
    const red = (ref: string, style: string) => {
      if (!problems.has(ref) || !this.returned) return style;
      const s = /\d+/.exec(style)?.[0] ?? '0';
      return ` s="${Number(s) + this.returned.problemOffset}"`;
    };
    // The 审核意见 column and the header's problems in the notice, as comments do not print.
    const notes = problemNotes(problems);
    const last = FIRST_ROW + assignment.rows.length - 1;
    const rows: string[] = [];
    const issued = assignment.rows.map((row) => this.issued.of(row));
    const planRows = issued.map((r) => r.cells);
    assignment.rows.forEach((row, i) => {
      const r = FIRST_ROW + i;
      const styles = row.role === '牵头' ? this.lead : this.cooperate;
      const plan = planRows[i]!;
      const input = values?.get(row.clause.id) ?? {};
      const texts: [string, number][] = [];
      const cells = COLUMNS.map((c, j) => {
        const col = columnLetters(j + 1);
        const ref = `${col}${r}`;
        const style = red(ref, styles.get(col) ?? '');
        if (!c.input) {
          texts.push([plan[c.key]!, c.width]);
          return plan[c.key] ? inlineCell(ref, style, plan[c.key]!) : `<c r="${ref}"${style}/>`;
        }
        const v = input[c.key as InputKey];
        if (typeof v === 'string') texts.push([v, c.width]);
        return valueCell(ref, style, v);
      });
      let height = rowHeight(texts);
      if (returned) {
        const col = columnLetters(COLUMNS.length + 1);
        const text = notes.byRow.get(r) ?? '';
        cells.push(valueCell(`${col}${r}`, styles.get(col) ?? '', text));
        if (text) height = Math.max(height, rowHeight([[text, PROBLEM_COLUMN_WIDTH]]));
      }
      rows.push(`<row r="${r}" spans="1:${COLUMNS.length + (returned ? 1 : 0)}" ht="${height}" customHeight="1">${cells.join('')}</row>`);
    });
    const templateLast = FIRST_ROW + this.templateRows - 1;
    const tail = this.tracking.tail.replace(new RegExp(`sqref="([A-Z]+)${FIRST_ROW}:([A-Z]+)${templateLast}"`, 'g'), (_, a: string, b: string) => `sqref="${a}${FIRST_ROW}:${b}${last}"`);
    const lastColumn = columnLetters(COLUMNS.length + (returned ? 1 : 0));
    const head = this.tracking.head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${lastColumn}${last}"/>`);
    const unit = assignment.unit;
    const { pairs, rows: metaRows } = metadata({ ...this.o, unit: assignment }, issued, returned ? null : (values ?? new Map()));
    const metaXml: string[] = pairs.map(([k, v], i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, '', k)}${valueCell(`B${i + 1}`, '', v)}</row>`);
    const headerRow = pairs.length + 2;
    metaXml.push(`<row r="${headerRow}">${META_HEADER.map((t, j) => inlineCell(`${columnLetters(j + 1)}${headerRow}`, '', t)).join('')}</row>`);
    metaRows.forEach(({ row: r, id, role, sum }, i) => {
      const n = headerRow + 1 + i;
      metaXml.push(`<row r="${n}">${valueCell(`A${n}`, '', r)}${inlineCell(`B${n}`, '', id)}${inlineCell(`C${n}`, '', role)}${inlineCell(`D${n}`, '', sum)}</row>`);
    });
    const metaHead = this.meta.head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:D${headerRow + metaRows.length}"/>`);
    let above = this.withMarks(head + this.tracking.rows, { unit });
    let sheetTail = tail;
    const own: Record<string, Uint8Array | null> = {};
    if (returned) {
      above = this.withMarks(above, { ...returned.header, notice: returned.notice + notes.header }, red).replace(/<row r="3"([^>]*) ht="[\d.]+"/, `<row r="3"$1 ht="${notes.header ? 50 : 36}"`);
      Object.assign(own, this.commentParts(problems));
      if (!problems.size) sheetTail = sheetTail.replace(/<legacyDrawing [^>]*\/>/, '');
    }
    own[this.paths.tracking] = strToU8(above + rows.join('') + sheetTail);
    own[this.paths.guide] = strToU8(this.withMarks(this.guide, { unit }));
    own[this.paths.meta] = strToU8(metaHead + metaXml.join('') + this.meta.tail);
    const core = this.parts['docProps/core.xml'];
    if (core) own['docProps/core.xml'] = strToU8(strFromU8(core).split(UNIT_MARK).join(xmlText(unit)));
    // Parts that are the same in every workbook were deflated once, in create().
    return zip(this.shared.flatMap((e) => (e.name in own ? (own[e.name] ? [{ name: e.name, data: own[e.name]!, deflate: true }] : []) : [e])));
  }

  /** The comments and their VML shapes for a 退回重报 workbook; none at all when no cell failed. */
  private commentParts(problems: Map<string, string>): Record<string, Uint8Array | null> {
    const c = this.returned!.comments;
    if (!problems.size) {
      const types = strFromU8(this.parts['[Content_Types].xml']!).replace(new RegExp(`<Override PartName="/${c.comments}"[^>]*/>`), '');
      return { [c.comments]: null, [c.vml]: null, [c.sheetRels]: null, '[Content_Types].xml': strToU8(types) };
    }
    const refs = [...problems.keys()].sort(cellOrder);
    const comments = refs.map((ref) => `<comment ref="${ref}" authorId="0"><text><r><t xml:space="preserve">${xmlText(problems.get(ref)!)}</t></r></text></comment>`);
    const shapes = refs.map((ref, i) => {
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = columnNumber(letters!) - 1;
      const row = Number(digits) - 1;
      // Where Excel draws the note when shown: beside the cell, as exceljs anchors it.
      return c.shape
        .replace(/ id="_x0000_s\d+"/, ` id="_x0000_s${1025 + i}"`)
        .replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${col + 1}, 6, ${Math.max(0, row - 1)}, 14, ${col + 3}, 2, ${row + 3}, 16</x:Anchor>`)
        .replace(/<x:Row>\d+<\/x:Row>/, `<x:Row>${row}</x:Row>`)
        .replace(/<x:Column>\d+<\/x:Column>/, `<x:Column>${col}</x:Column>`);
    });
    return { [c.comments]: strToU8(c.commentsHead + comments.join('') + c.commentsTail), [c.vml]: strToU8(c.vmlHead + shapes.join('') + c.vmlTail) };
  }
}

// Writes a document tree as a Word file in the format of GB/T 9704-2012 (党政机关公文格式): A4, margins
// 37/35/28/26 mm, 22 lines of 28 characters, 方正小标宋 title, 黑体/楷体/仿宋 headings, 仿宋 三号 body,
// page numbers `— 1 —` in 宋体 四号, odd pages right and even pages left; a document issued as a 文件 opens with the
// red 版头 (7.2), and the 版记 (7.4) stands at the foot of the last page.
import {
  AlignmentType, BorderStyle, Document, Footer, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, DocumentGridType, ShadingType, PageBreak, TableAnchorType,
  RelativeVerticalPosition, OverlapType, CommentRangeStart, CommentRangeEnd, CommentReference, TabStopType, Tab,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Block, DocumentTree, Inline } from './markup.ts';

/** Measures in twips (1/20 pt). */
export const GB9704 = {
  pageWidth: 11906,
  pageHeight: 16838,
  marginTop: 2098, // 37 mm
  marginBottom: 1984, // 35 mm
  marginLeft: 1588, // 28 mm
  marginRight: 1474, // 26 mm
  /** 225 mm of text height / 22 lines = 28.95 pt a line. */
  linePitch: 579,
  /** 三号 = 16 pt, in half-points. */
  bodySize: 32,
  titleSize: 44, // 二号 22 pt
  pageNumberSize: 28, // 四号 14 pt
  /** Two characters of 三号. */
  indent: 640,
  /**
   * The page number's top sits 7 mm below the text area (28 mm from the page edge); its 四号 line is about 5 mm,
   * so the footer's bottom is 23 mm from the edge. Leaving that room keeps the body's 22 lines whole.
   */
  footerDistance: 1304,
  /** Characters a body line holds. */
  charsPerLine: 28,
  /**
   * Characters of 二号 a title line is given: 156 mm holds 20.1, one is kept in hand for digits wider than half a
   * character and for the substitute font when 方正小标宋 is not installed (a 20-character title lost its last
   * character to a second line in LibreOffice).
   */
  titleCharsPerLine: 19,
};

/**
 * 28 characters of 三号 (16 pt) need 448 pt, a little more than the 442 pt of a 156 mm line: GB/T 9704 relies on
 * a slight condensing. Every run is condensed by 0.25 pt (in twips), so 28 characters take 441 pt and a 29th does
 * not fit. A character grid would do the same in Word, but LibreOffice then gives each character two cells.
 */
export const CHARACTER_SPACING = -Math.ceil(((GB9704.bodySize / 2) * GB9704.charsPerLine - (GB9704.pageWidth - GB9704.marginLeft - GB9704.marginRight) / 20) / GB9704.charsPerLine * 20);

/** Width of text in 二号 title characters: a CJK character is one, a digit or Latin letter about half. */
function titleWidth(text: string): number {
  return [...text].reduce((w, c) => w + (/[\x00-\xff]/.test(c) ? 0.5 : 1), 0);
}

/** Places a title line may end at without splitting a word: after an organ's name, a date, or a particle. */
/** Two-character words a title line never splits. */
const TITLE_WORDS = new Set(['季度', '年度', '月份', '工作', '会议', '通报', '报告', '讲话', '前三', '三季', '上半', '下半', '半年']);

/** What opens a phrase with the words after it: a line does not end on it (`…关于2025年度／重点工作…`). */
const TITLE_PHRASE_START = /\d{4}年度?$/;

const TITLE_BREAK_AFTER = /[局委办厅府会院心处室部区发年度季月的于和及与、）》”]/;

/**
 * Breaks a title into lines of about equal width (GB/T 9704: 回行时要做到词意完整，排列对称，长短适宜), never
 * leaving one character alone on a line and never splitting a number. Among the ways to break it into the fewest
 * lines, it takes the most even one, preferring ends after words such as `局`, `年`, `的`.
 */
export function balanceTitle(text: string, perLine = GB9704.titleCharsPerLine): string[] {
  const chars = [...text];
  const total = titleWidth(text);
  if (total <= perLine) return [text];
  const lines = Math.ceil(total / perLine);
  const target = total / lines;
  const width = (i: number, j: number) => titleWidth(chars.slice(i, j).join(''));
  // A line never ends inside or right after a number (`2025` stays with its `年`).
  // Nor inside a word such as `季度`, `年度` (a `季` or `年` may end a line only before something else).
  const canBreak = (j: number) => !/[\dA-Za-z.]/.test(chars[j - 1]!) && !TITLE_WORDS.has(`${chars[j - 1]}${chars[j] ?? ''}`);
  // best[k][j]: least cost of setting chars[0, j) in k lines.
  const best: number[][] = Array.from({ length: lines + 1 }, () => Array(chars.length + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => Array(chars.length + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= lines; k++) {
    for (let j = 2; j <= chars.length; j++) {
      if (j < chars.length && !canBreak(j)) continue;
      for (let i = 0; i <= j - 2; i++) {
        if (best[k - 1]![i] === Infinity) continue;
        const w = width(i, j);
        if (w > perLine) continue;
        const before = chars.slice(Math.max(0, j - 6), j).join('');
        // A year qualifies what follows (`2025年度重点工作`): a line ending on it splits the phrase (TITLE_PHRASE_START).
        const penalty = j === chars.length ? 0 : TITLE_PHRASE_START.test(before) ? 40 : TITLE_BREAK_AFTER.test(chars[j - 1]!) ? 0 : 10;
        const cost = best[k - 1]![i]! + (w - target) ** 2 + penalty;
        if (cost < best[k]![j]!) {
          best[k]![j] = cost;
          from[k]![j] = i;
        }
      }
    }
  }
  if (best[lines]![chars.length] === Infinity) return [text];
  const out: string[] = [];
  for (let k = lines, j = chars.length; k > 0; k--) {
    const i = from[k]![j]!;
    out.unshift(chars.slice(i, j).join(''));
    j = i;
  }
  return out;
}

export const FONTS = {
  title: '方正小标宋简体',
  h1: '黑体',
  h2: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

function font(eastAsia: string) {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin };
}

const exact = { line: GB9704.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/**
 * A document's last paragraph of at most so many lines is kept whole on one page (round nineteen, R32, R33: a speech's
 * last page held two lines); one kept with a 落款 after it stays free to break (B11: no page left half empty).
 */
export const LAST_PARAGRAPH_LINES = 6;
/** Body paragraphs fill every page to 22 lines: no widow/orphan control pushing lines to the next page. */
const body = { spacing: exact, widowControl: false };

const LEVEL_FONTS = { 1: FONTS.h1, 2: FONTS.h2, 3: FONTS.body } as const;

function runs(content: Inline[], fontName: string, size: number, bold = false): TextRun[] {
  return content.flatMap((c) =>
    // One run per line: every figure spaced alike by the renderer, no invisible characters (round eleven).
    c.text.split('\n').map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, font: font(c.level ? LEVEL_FONTS[c.level] : fontName), size, bold: bold || c.bold })),
  );
}

/** A paragraph's note for the clerk as a Word comment around its text (`note`: its number among the document's notes). */
function noted(children: TextRun[], note: number | undefined) {
  return note === undefined ? children : [new CommentRangeStart(note), ...children, new CommentRangeEnd(note), new TextRun({ children: [new CommentReference(note)] })];
}

/** The paragraphs with a note, in order: a note's comment id is its place here. */
const notesOf = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && !!b.note);

function paragraphOf(block: Block, images: Map<string, { data: Buffer; width: number; height: number }>, keepNext = false, note?: number, last = false): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [titleParagraph(block.content.map((c) => c.text).join(''))];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: runs(block.content, FONTS.h2, GB9704.bodySize) })];
    case 'recipient':
      return [new Paragraph({ spacing: exact, children: runs(block.content, FONTS.body, GB9704.bodySize) })];
    case 'heading': {
      const face = block.level === 1 ? FONTS.h1 : block.level === 2 ? FONTS.h2 : FONTS.body;
      return [new Paragraph({ spacing: exact, indent: { firstLine: GB9704.indent }, keepNext: true, children: runs(block.content, face, GB9704.bodySize, block.level === 3) })];
    }
    case 'paragraph':
      // The document's last paragraph never leaves its last line alone on a page (a speech's closing words); round
      // nineteen (R32, R33: a speech's last page held two lines): a short last paragraph is kept whole on its page.
      return [new Paragraph({ ...body, widowControl: last, keepLines: last && !keepNext && [...block.content.map((c) => c.text).join('')].length <= GB9704.charsPerLine * LAST_PARAGRAPH_LINES, keepNext, alignment: AlignmentType.JUSTIFIED, indent: block.indent ? { firstLine: GB9704.indent } : undefined, children: noted(runs(block.content, FONTS.body, GB9704.bodySize), note) })];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'signature':
      return signatureOf(block, keepNext);
    case 'masthead':
      return mastheadOf(block);
    case 'image': {
      const image = images.get(block.src);
      const out: Paragraph[] = [];
      if (image) {
        const widthPx = Math.round((block.width / 25.4) * 96);
        const heightPx = Math.round((widthPx * image.height) / image.width);
        // The picture keeps with its caption: a caption never stands alone at the top of the next page.
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: !!block.caption, keepLines: true, children: [new ImageRun({ type: 'png', data: image.data, transformation: { width: widthPx, height: heightPx }, altText: { name: block.caption || block.src, description: block.caption, title: block.caption } })] }));
      }
      if (block.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: runs([{ text: block.caption, bold: false }], FONTS.h2, 28) }));
      return out;
    }
    case 'table':
      return tableOf(block);
    case 'imprint':
      return imprintOf(block);
    case 'attachment':
      // Placed by `layoutBlocks`; never reached.
      return [];
  }
}

/**
 * A title in 二号 方正小标宋, centred and broken into balanced lines; a blank line of the grid follows it, so the
 * body stays on the 28.95 pt grid. Its characters are not condensed like the body's (the title is not on the
 * 28-character measure); it stays with what follows.
 */
function titleParagraph(text: string): Paragraph {
  const children = balanceTitle(text).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: font(FONTS.title), size: GB9704.titleSize, snapToGrid: false, characterSpacing: 0 }));
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: GB9704.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: GB9704.linePitch }, children });
}

/** One character of the body (三号, condensed as every run is), in twips; half of it for a digit or Latin letter. */
const BODY_CHAR = GB9704.bodySize * 10 + CHARACTER_SPACING;

/**
 * Width of body text in characters as Word and LibreOffice set it: titleWidth's, and about a fifth of a character
 * where Chinese meets a digit or a Latin letter (both add that space by default: `2026年1月15日` is 7.5, not 6.5).
 */
function bodyWidth(text: string): number {
  const chars = [...text];
  const latin = (c: string) => /[\x00-\xff]/.test(c);
  const changes = chars.slice(1).filter((c, i) => latin(c) !== latin(chars[i]!)).length;
  return titleWidth(text) + changes * 0.2;
}

/**
 * The 落款 of a sealed document (GB/T 9704 7.3.5.1): a blank line after the body, the 成文日期 in numerals 右空四字, and
 * the 发文机关署名 centred over the date (when longer than the date by more than eight characters, flush right). Both
 * are kept on the page of the last body lines.
 */
function signatureOf(block: Extract<Block, { type: 'signature' }>, noteAfter = false): Paragraph[] {
  const dateRight = GB9704.indent * 2;
  const orgRight = Math.max(0, Math.round(dateRight + ((bodyWidth(block.date) - bodyWidth(block.org)) / 2) * BODY_CHAR));
  const line = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({ spacing: exact, keepNext, alignment: AlignmentType.RIGHT, indent: { right }, children: runs([{ text, bold: false }], FONTS.body, GB9704.bodySize) });
  // A 附注 under the date (GB/T 9704 7.3.6: `（联系人：…）`) stays on the date's page.
  return [new Paragraph({ spacing: exact, keepNext: true, children: [] }), line(block.org, orgRight, true), line(block.date, dateRight, noteAfter)];
}

/** The 版头's measures (GB/T 9704 7.2): the mark's largest size (初号, half-points), its red, the rule below the 文号. */
export const MASTHEAD = {
  /** 初号 42 pt: the usual size of a 发文机关标志; a long name is set smaller so that it stays on one line. */
  maxSize: 84,
  /** Of the 156 mm measure the mark may fill, in points, a little in hand for the substitute font. */
  maxWidth: 430,
  color: 'FF0000',
  /** 上边缘至版心上边缘为35mm: the space above the mark, in twips. */
  above: 1984,
  /** The red rule under the 文号: 1.5 pt (eighths of a point), about 4 mm under the 文号's characters. */
  rule: { size: 12, space: 6 },
} as const;

/**
 * The 版头 of a document issued as a 文件 (GB/T 9704 7.2): the 发文机关标志 in red 小标宋, centred, 35 mm below the top of
 * the type area; two blank lines; the 发文字号 centred; under it a red rule as wide as the type area; two blank lines
 * before the title. The mark is off the line grid (its own exact line); the lines after it are on it.
 */
function mastheadOf(block: Extract<Block, { type: 'masthead' }>): Paragraph[] {
  const size = Math.min(MASTHEAD.maxSize, Math.floor((MASTHEAD.maxWidth / Math.max(1, titleWidth(block.mark))) * 2));
  const line = Math.round(size * 10 * 1.2);
  const blank = () => new Paragraph({ spacing: exact, keepNext: true, children: [] });
  return [
    new Paragraph({
      style: OFF_GRID_STYLE,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line, lineRule: LineRuleType.EXACT, before: MASTHEAD.above, after: 0 },
      children: [new TextRun({ text: block.mark, font: font(FONTS.title), size, color: MASTHEAD.color, characterSpacing: 0, snapToGrid: false })],
    }),
    blank(),
    blank(),
    new Paragraph({
      alignment: block.signer === undefined ? AlignmentType.CENTER : AlignmentType.LEFT,
      keepNext: true,
      spacing: exact,
      border: { bottom: { style: BorderStyle.SINGLE, size: MASTHEAD.rule.size, space: MASTHEAD.rule.space, color: MASTHEAD.color } },
      // A 上行文 (7.2.5): the 文号 one character in from the left, 签发人 (仿宋) and the name (楷体) one in from the right.
      ...(block.signer === undefined
        ? { children: runs([{ text: block.number, bold: false }], FONTS.body, GB9704.bodySize) }
        : {
            indent: { left: BODY_CHAR, right: BODY_CHAR },
            tabStops: [{ type: TabStopType.RIGHT, position: GB9704.pageWidth - GB9704.marginLeft - GB9704.marginRight - BODY_CHAR }],
            children: [
              ...runs([{ text: block.number, bold: false }], FONTS.body, GB9704.bodySize),
              new TextRun({ children: [new Tab()], font: font(FONTS.body), size: GB9704.bodySize }),
              ...runs([{ text: '签发人：', bold: false }], FONTS.body, GB9704.bodySize),
              ...runs([{ text: block.signer, bold: false }], FONTS.h2, GB9704.bodySize),
            ],
          }),
    }),
    blank(),
    blank(),
  ];
}

/**
 * Whether a body paragraph stays on the page of what follows it: the last paragraph before the 落款 (a 落款 on a page
 * without body text is what GB/T 9704 7.3.5 practice forbids), with widow control so that a long one may break and only
 * its last lines go with the 落款 (R6 通报 7: held whole, the 通报's last 工作要求 left 40% of a page blank); and a line
 * that introduces a table or a figure (`…限期整改：`, or any paragraph of at most two lines) so that it never ends a page
 * with its table on the next. A longer paragraph before a table flows as body text does.
 */
function keepsWithNext(block: Block, next: Block | undefined): boolean {
  if (next?.type === 'signature') return true;
  // The 落款's date keeps with an 附注 under it (`（联系人：…）`, GB/T 9704 7.3.6).
  if (block.type === 'signature') return next?.type === 'paragraph';
  if (next?.type !== 'table' && next?.type !== 'image') return false;
  const text = block.type === 'paragraph' ? block.content.map((c) => c.text).join('') : '';
  return /[：:]$/.test(text.trim()) || [...text].length <= GB9704.charsPerLine * 2 - 2;
}

/**
 * GB/T 9704 order: the body, the attachment note (`附件：1.…`), the 落款, then each attachment on a new page
 * headed `附件1` (黑体, top left) with its title centred on the third line.
 */
function layoutBlocks(blocks: Block[], images: WriteOptions['images']): (Paragraph | Table)[] {
  const attachments = blocks.filter((b): b is Extract<Block, { type: 'attachment' }> => b.type === 'attachment');
  const titles = attachments.map((a) => a.title);
  // The 版记 closes the whole document, after the attachments (GB/T 9704 7.4).
  const imprints = blocks.filter((b) => b.type === 'imprint');
  const main = blocks.filter((b) => b.type !== 'attachment' && b.type !== 'imprint');
  const out: (Paragraph | Table)[] = [];
  main.forEach((b, i) => {
    if (b.type === 'signature' && attachments.length) out.push(...attachmentNote(titles));
    const note = notesOf(main).indexOf(b as never);
    // The body's last paragraph (or 特此报告), the attachment note and the 落款 stay on one page; the last paragraph, under
    // widow control, may break across the page with its last lines kept with the 落款 (keepsWithNext).
    out.push(...paragraphOf(b, images, keepsWithNext(b, main[i + 1]), note >= 0 ? note : undefined, i === main.length - 1 || main[i + 1]?.type === 'signature'));
  });
  // Without a 落款 the note closes the body.
  if (attachments.length && !main.some((b) => b.type === 'signature')) out.push(...attachmentNote(titles));
  attachments.forEach((a, i) => {
    out.push(new Paragraph({ spacing: exact, pageBreakBefore: true, children: runs([{ text: `附件${attachments.length > 1 ? i + 1 : ''}`, bold: false }], FONTS.h1, GB9704.bodySize) }));
    out.push(new Paragraph({ spacing: exact, children: [] }));
    out.push(titleParagraph(a.title));
    a.blocks.forEach((b, i) => out.push(...paragraphOf(b, images, keepsWithNext(b, a.blocks[i + 1]))));
  });
  for (const b of imprints) out.push(...paragraphOf(b, images));
  return out;
}

/** 四号 (14 pt) in half-points, and one character of it in twips: the 版记's size and its 左右各空一字. */
const IMPRINT_SIZE = 28;
const IMPRINT_CHAR = 280;

/**
 * The 版记 (GB/T 9704 7.4): `抄送：…。` and `印发机关　　印发日期印发` in 仿宋 四号, 左右各空一字, between a thick first
 * and last rule (0.35 mm) and a thin rule between them (0.25 mm). A table with only horizontal borders draws the
 * rules in Word, WPS and LibreOffice alike; its rows are kept together.
 */
function imprintOf(block: Extract<Block, { type: 'imprint' }>): (Paragraph | Table)[] {
  const textWidth = GB9704.pageWidth - GB9704.marginLeft - GB9704.marginRight;
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const line = (text: string, o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: { left?: number; right?: number; hanging?: number } } = {}) =>
    new Paragraph({
      keepNext: true,
      keepLines: true,
      alignment: o.align ?? AlignmentType.LEFT,
      indent: o.indent,
      spacing: exact,
      children: [new TextRun({ text, font: font(FONTS.body), size: IMPRINT_SIZE, characterSpacing: 0 })],
    });
  const cell = (children: Paragraph[], columnSpan?: number) =>
    new TableCell({ children, columnSpan, verticalAlign: VerticalAlign.CENTER, margins: { left: 0, right: 0 } });
  const cc = block.cc.trim().replace(/[。.]$/, '');
  const rows = [
    // 抄送机关回行时与冒号后的首字对齐.
    ...(cc ? [new TableRow({ cantSplit: true, children: [cell([line(`抄送：${cc}。`, { indent: { left: IMPRINT_CHAR * 4, right: IMPRINT_CHAR, hanging: IMPRINT_CHAR * 3 } })], 2)] })] : []),
    new TableRow({
      cantSplit: true,
      children: [cell([line(block.org, { indent: { left: IMPRINT_CHAR } })]), cell([line(`${block.date}印发`, { align: AlignmentType.RIGHT, indent: { right: IMPRINT_CHAR } })])],
    }),
  ];
  return [
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: [Math.floor(textWidth / 2), textWidth - Math.floor(textWidth / 2)],
      layout: TableLayoutType.FIXED,
      borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
      // At the foot of the last page (GB/T 9704 7.4): floated to the bottom of the type area. LibreOffice 7.4 floats a
      // table only when text could stand beside it: as wide as the type area it is measured from the page's edge
      // (placed at the left margin), else LibreOffice set it inline, and an anchor paragraph must follow it.
      float: {
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: GB9704.marginLeft,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        overlap: OverlapType.NEVER,
      },
      rows,
    }),
    new Paragraph({ style: OFF_GRID_STYLE, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
  ];
}

/** `附件：1.量化目标完成情况` under the body, a blank line before it, later items aligned under the first. */
function attachmentNote(titles: string[]): Paragraph[] {
  const many = titles.length > 1;
  return [
    new Paragraph({ spacing: exact, keepNext: true, children: [] }),
    ...titles.map(
      (t, i) =>
        new Paragraph({
          spacing: exact,
          keepNext: true,
          // 左空二字 then 附件：; later lines start under the first title.
          indent: i === 0 ? { firstLine: GB9704.indent } : { left: GB9704.indent + GB9704.indent * 1.5 },
          children: runs([{ text: `${i === 0 ? '附件：' : ''}${many ? `${i + 1}.` : ''}${t}`, bold: false }], FONTS.body, GB9704.bodySize),
        }),
    ),
  ];
}

/**
 * Table text (小四, 12 pt) is set off the body's 28.95 pt line grid at a fixed 15 pt a line with a little air above and
 * below, as printed 公文 tables are: on the grid every line of a cell took a full body line, and single spacing
 * followed each font's own leading (17 pt with LibreOffice's substitute). Header cells are 黑体 and bold. The styles
 * only turn the grid off (docx cannot say so on a paragraph); `writeDocx` adds them to styles.xml.
 */
const TABLE_TEXT_STYLE = 'TableText';
/** Paragraphs off the grid outside tables: the 版头's mark, the 版记's anchor. */
const OFF_GRID_STYLE = 'OffGrid';
const TABLE_SPACING = { line: 300, lineRule: LineRuleType.EXACT, before: 30, after: 30 };
const TABLE_TEXT_STYLE_XML = [
  [TABLE_TEXT_STYLE, 'Table Text'],
  [OFF_GRID_STYLE, 'Off Grid'],
]
  .map(([id, name]) => `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>`)
  .join('');

function tableOf(block: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const textWidth = GB9704.pageWidth - GB9704.marginLeft - GB9704.marginRight;
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.widths.map((w) => Math.floor((w / total) * textWidth));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: block.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0 && row.every((c) => c.header),
          cantSplit: true,
          children: row.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                verticalAlign: VerticalAlign.CENTER,
                shading: cell.fill ? { type: ShadingType.CLEAR, fill: cell.fill, color: 'auto' } : undefined,
                margins: { left: 60, right: 60 },
                children: [
                  new Paragraph({
                    style: TABLE_TEXT_STYLE,
                    alignment: cell.align === 'center' || cell.header ? AlignmentType.CENTER : cell.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    spacing: TABLE_SPACING,
                    children: runs(cell.content, cell.header ? FONTS.h1 : FONTS.body, 24, cell.header),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
  const caption = block.caption
    ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, keepNext: true, children: runs([{ text: block.caption, bold: false }], FONTS.h1, GB9704.bodySize) })]
    : [];
  // A 1 pt paragraph, off the grid, keeps two tables from merging; the next body line's snap to the grid gives the
  // air after the table. (A blank body line stood at the top of the page whenever a table ended one.)
  return [...caption, table, new Paragraph({ style: TABLE_TEXT_STYLE, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] })];
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字.
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: GB9704.pageNumberSize })],
      }),
    ],
  });
}

export interface WriteOptions {
  title: string;
  images: Map<string, { data: Buffer; width: number; height: number }>;
}

export function buildDocument(tree: DocumentTree, o: WriteOptions): Document {
  return new Document({
    title: o.title,
    creator: 'taizhang',
    evenAndOddHeaderAndFooters: true,
    comments: { children: notesOf(tree.blocks.filter((b) => b.type !== 'attachment')).map((b, id) => ({ id, author: 'taizhang', initials: 'TZ', children: [new Paragraph({ children: [new TextRun(b.note!)] })] })) },
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: GB9704.bodySize, characterSpacing: CHARACTER_SPACING }, paragraph: { spacing: exact } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: GB9704.pageWidth, height: GB9704.pageHeight },
            margin: { top: GB9704.marginTop, bottom: GB9704.marginBottom, left: GB9704.marginLeft, right: GB9704.marginRight, footer: GB9704.footerDistance, header: 851 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GB9704.linePitch },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: layoutBlocks(tree.blocks, o.images),
      },
    ],
  });
}

/**
 * Packs the document. docx numbers drawing ids (`wp:docPr`) with a counter that lives as long as the process;
 * they are renumbered from 1 so that the same data always gives the same document body.
 */
export async function writeDocx(tree: DocumentTree, o: WriteOptions): Promise<Buffer> {
  const packed = await Packer.toBuffer(buildDocument(tree, o));
  const files = unzipSync(new Uint8Array(packed));
  const body = strFromU8(files['word/document.xml']!);
  let n = 0;
  files['word/document.xml'] = strToU8(body.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`));
  // A note's comment carries no time (docx stamps the moment of writing): the same data, the same document.
  if (files['word/comments.xml']) files['word/comments.xml'] = strToU8(strFromU8(files['word/comments.xml']).replace(/ w:date="[^"]*"/g, ''));
  // Word takes the body's size and spacing from the document defaults; LibreOffice reads them more reliably from
  // the Normal style: state them there too.
  const styles = strFromU8(files['word/styles.xml']!);
  const normal = `<w:rPr><w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:eastAsia="${FONTS.body}" w:cs="${FONTS.latin}"/><w:spacing w:val="${CHARACTER_SPACING}"/><w:sz w:val="${GB9704.bodySize}"/><w:szCs w:val="${GB9704.bodySize}"/></w:rPr>`;
  files['word/styles.xml'] = strToU8(
    styles.replace(/(<w:style w:type="paragraph" w:styleId="Normal" w:default="1">[^]*?)(<\/w:style>)/, (_, head: string, end: string) => `${head}${normal}${end}`).replace('</w:styles>', `${TABLE_TEXT_STYLE_XML}</w:styles>`),
  );
  return Buffer.from(zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }));
}

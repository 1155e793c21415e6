// The small XML-like markup that report templates render to, and its validation into a document tree.
// Handlebars escapes values into it, so cell text such as `#`, `|`, `*`, `<` stays harmless text.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import * as z from '../model/zod.ts';
import { UserError } from '../util/errors.ts';

/** A run of text; `level` marks an inline heading lead (`（一）…。` opening a paragraph), set in that level's font. */
export const Inline = z.object({ text: z.string(), bold: z.boolean(), level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional() });
export type Inline = z.infer<typeof Inline>;

export const Cell = z.object({
  content: z.array(Inline),
  colspan: z.number().int().min(1),
  rowspan: z.number().int().min(1),
  header: z.boolean(),
  align: z.enum(['left', 'center', 'right']),
  /** Background colour (hex without #), for 序时 status. */
  fill: z.string().regex(/^[0-9A-Fa-f]{6}$/).nullable(),
});
export type Cell = z.infer<typeof Cell>;

const SimpleBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('title'), content: z.array(Inline) }),
  z.object({ type: z.literal('subtitle'), content: z.array(Inline) }),
  z.object({ type: z.literal('recipient'), content: z.array(Inline) }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), content: z.array(Inline) }),
  /** `note`: a comment for the clerk on the paragraph (a template paragraph to check), shown in Word's margin. */
  z.object({ type: z.literal('paragraph'), content: z.array(Inline), indent: z.boolean(), note: z.string().optional() }),
  z.object({ type: z.literal('table'), caption: z.string(), widths: z.array(z.number().positive()), rows: z.array(z.array(Cell)) }),
  z.object({ type: z.literal('image'), src: z.string(), width: z.number().positive(), caption: z.string() }),
  z.object({ type: z.literal('pagebreak') }),
  z.object({ type: z.literal('signature'), org: z.string(), date: z.string() }),
  /**
   * 版头 (GB/T 9704 7.2) of a document issued as a 文件: the red 发文机关标志, the 发文字号 and the red rule under it; with
   * `signer`, a 上行文's (7.2.5): the 发文字号 left and 签发人 right on one line.
   */
  z.object({ type: z.literal('masthead'), mark: z.string(), number: z.string(), signer: z.string().optional() }),
  /** 版记 (GB/T 9704): 抄送 (may be empty), 印发机关 and 印发日期, between rules, closing the document. */
  z.object({ type: z.literal('imprint'), cc: z.string(), org: z.string(), date: z.string() }),
]);
type SimpleBlock = z.infer<typeof SimpleBlock>;

/** An attachment (附件): laid out after the 落款 on pages of its own, and named in the note under the body. */
const Attachment = z.object({ type: z.literal('attachment'), title: z.string().min(1), blocks: z.array(SimpleBlock) });

export const Block = z.union([SimpleBlock, Attachment]);
export type Block = SimpleBlock | z.infer<typeof Attachment>;

export const DocumentTree = z.object({ blocks: z.array(Block) });
export type DocumentTree = z.infer<typeof DocumentTree>;

/** The elements a template may use, with what each accepts; printed by `report --list-variables`. */
export const ELEMENTS: Record<string, string> = {
  document: '根元素',
  title: '标题（方正小标宋 二号，居中）',
  subtitle: '副标题（楷体 三号，居中），如轮次',
  recipient: '主送机关（仿宋 三号，顶格）',
  h1: '一级标题“一、”（黑体 三号）',
  h2: '二级标题“（一）”（楷体 三号）',
  h3: '三级标题“1.”（仿宋 三号 加粗）',
  p: '正文段落（仿宋 三号，首行缩进两字）；属性 indent="false" 取消缩进，note="…" 在 Word 中为该段附批注（如“模板段落，请核改”）；可含 <b>加粗</b> 和 <lead level="2">段首小标题</lead>（字体随标题层级：1 黑体、2 楷体、3 仿宋加粗）',
  table: '表格；属性 widths="3,10,4"（各列相对宽度），caption="表题"；内含 <tr><td>，td 可有 colspan、rowspan、header="true"、align、fill="FFC7CE"',
  image: '图片；属性 src="chart:chapters"（按章节完成情况图）、width（毫米）、caption',
  pagebreak: '分页',
  masthead: '版头（以“文件”形式印发时置于标题之前）；属性 mark（发文机关标志，红色小标宋，居中）、number（发文字号，居中）、signer（上行文的签发人姓名：发文字号居左空一字、“签发人：”居右空一字同处一行），其下为与版心等宽的红色分隔线',
  signature: '落款；属性 org（发文机关署名）、date（成文日期）：成文日期右空四字，署名以成文日期为准居中',
  imprint: '版记（置于全文最后、附件之后，排在末页版心下端）；属性 cc（抄送机关，可空）、org（印发机关）、date（印发日期），以分隔线隔开',
  attachment: '附件；属性 title（附件名称）；内含 <table>、<p> 等。正文后自动列出“附件：1.……”，落款之后每个附件另起一页，标“附件1”',
};

const TEXT_ELEMENTS = new Set(['title', 'subtitle', 'recipient', 'h1', 'h2', 'h3', 'p']);

export class TemplateError extends UserError {}

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag';
}

/** Parses rendered markup into a validated tree; errors name the template, the line and the element. */
export function parseMarkup(markup: string, templateName: string, templateSource: string): DocumentTree {
  const doc = parseDocument(markup, { xmlMode: true, withStartIndices: true, decodeEntities: true });
  const lineAt = (index: number | null) => (index === null ? 0 : markup.slice(0, index).split('\n').length);
  /** The template line where an element's opening tag is written: the first line with `<name` at or before its place. */
  const templateLine = (el: Element) => {
    const lines = templateSource.split('\n');
    const hits = lines.map((l, i) => (l.includes(`<${el.name}`) ? i + 1 : 0)).filter(Boolean);
    return hits[0] ?? 0;
  };
  const fail = (el: Element, message: string): never => {
    const line = templateLine(el);
    throw new TemplateError(
      `模板“${templateName}”${line ? `第 ${line} 行` : ''}的 <${el.name}> 元素有误：${message}（渲染结果第 ${lineAt(el.startIndex)} 行）`,
      `可用的元素：${Object.keys(ELEMENTS).join('、')}。运行 npx taizhang report --list-variables 查看说明。`,
    );
  };
  const root = doc.children.filter(isElement);
  if (root.length !== 1 || root[0]!.name !== 'document') {
    throw new TemplateError(`模板“${templateName}”的渲染结果应以 <document> 为唯一的根元素。`, '请检查模板首尾的 <document> 与 </document>。');
  }
  const inlines = (el: Element, bold = false, level?: 1 | 2 | 3): Inline[] =>
    el.children.flatMap((c): Inline[] => {
      if (c.type === 'text') {
        const text = (c as unknown as { data: string }).data.replace(/\s*\n\s*/g, '');
        return text ? [level ? { text, bold, level } : { text, bold }] : [];
      }
      if (isElement(c)) {
        if (c.name === 'b') return inlines(c, true, level);
        if (c.name === 'br') return [{ text: '\n', bold }];
        if (c.name === 'lead') {
          const n = Number(c.attribs.level ?? 2);
          if (![1, 2, 3].includes(n)) fail(c, 'level 应为 1、2 或 3');
          return inlines(c, bold || n === 3, n as 1 | 2 | 3);
        }
        return fail(c, `不能出现在文字中（只允许 <b>、<lead> 和 <br/>）`);
      }
      return [];
    });
  const parseBlocks = (elements: Element[], blocks: Block[], inAttachment: boolean): Block[] => {
    for (const el of elements) {
      const a = el.attribs;
      if (TEXT_ELEMENTS.has(el.name)) {
        const content = inlines(el);
        if (el.name === 'p' && content.length === 0) continue;
        if (el.name === 'title' || el.name === 'subtitle' || el.name === 'recipient') blocks.push({ type: el.name, content });
        else if (el.name === 'p') blocks.push({ type: 'paragraph', content, indent: a.indent !== 'false', ...(a.note?.trim() ? { note: a.note.trim() } : {}) });
        else blocks.push({ type: 'heading', level: Number(el.name[1]) as 1 | 2 | 3, content });
      } else if (el.name === 'table') {
        const rows = el.children.filter(isElement).map((tr) => {
          if (tr.name !== 'tr') fail(tr, '表格中只能包含 <tr>');
          return tr.children.filter(isElement).map((td) => {
            if (td.name !== 'td') fail(td, '表格行中只能包含 <td>');
            const n = (v: string | undefined) => (v === undefined ? 1 : Number(v));
            const colspan = n(td.attribs.colspan);
            const rowspan = n(td.attribs.rowspan);
            if (!Number.isInteger(colspan) || colspan < 1 || !Number.isInteger(rowspan) || rowspan < 1) fail(td, 'colspan、rowspan 应为正整数');
            const align = (td.attribs.align ?? 'left') as Cell['align'];
            if (!['left', 'center', 'right'].includes(align)) fail(td, `align 应为 left、center 或 right，而不是“${align}”`);
            const fill = td.attribs.fill ?? null;
            if (fill !== null && !/^[0-9A-Fa-f]{6}$/.test(fill)) fail(td, `fill 应为六位十六进制颜色，如 FFC7CE，而不是“${fill}”`);
            return { content: inlines(td), colspan, rowspan, header: td.attribs.header === 'true', align, fill };
          });
        });
        const widths = (a.widths ?? '').split(',').filter(Boolean).map(Number);
        const columns = Math.max(0, ...rows.map((r) => r.reduce((s, c) => s + c.colspan, 0)));
        if (widths.length && (widths.length !== columns || widths.some((w) => !(w > 0)))) fail(el, `widths 应为 ${columns} 个正数，而不是“${a.widths}”`);
        blocks.push({ type: 'table', caption: a.caption ?? '', widths: widths.length ? widths : Array(columns).fill(1), rows });
      } else if (el.name === 'image') {
        if (!a.src) fail(el, '缺少 src 属性');
        const width = Number(a.width ?? 150);
        if (!(width > 0 && width <= 156)) fail(el, 'width 应为 1 到 156 之间的毫米数（版心宽 156 毫米）');
        blocks.push({ type: 'image', src: a.src!, width, caption: a.caption ?? '' });
      } else if (el.name === 'pagebreak') blocks.push({ type: 'pagebreak' });
      else if (el.name === 'masthead') {
        if (inAttachment) fail(el, '版头应在标题之前，不能放在附件中');
        if (!a.mark) fail(el, '需要 mark（发文机关标志，如“济南市生态环境局文件”）属性');
        blocks.push({ type: 'masthead', mark: a.mark!, number: a.number ?? '', ...(a.signer !== undefined ? { signer: a.signer } : {}) });
      } else if (el.name === 'signature') {
        if (!a.org || !a.date) fail(el, '需要 org（发文机关）和 date（成文日期）属性');
        blocks.push({ type: 'signature', org: a.org!, date: a.date! });
      } else if (el.name === 'imprint') {
        if (inAttachment) fail(el, '版记应在全文最后，不能放在附件中');
        if (!a.org || !a.date) fail(el, '需要 org（印发机关）和 date（印发日期）属性');
        blocks.push({ type: 'imprint', cc: a.cc ?? '', org: a.org!, date: a.date! });
      } else if (el.name === 'attachment') {
        if (inAttachment) fail(el, '附件中不能再嵌套附件');
        if (!a.title) fail(el, '需要 title（附件名称）属性');
        blocks.push({ type: 'attachment', title: a.title!, blocks: parseBlocks(el.children.filter(isElement), [], true) as never });
      } else fail(el, `未知元素`);
    }
    return blocks;
  };
  const blocks = parseBlocks(root[0]!.children.filter(isElement), [], false);
  return DocumentTree.parse({ blocks });
}

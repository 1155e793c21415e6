// XML as the collector reads it. A returned workbook holds a dozen parts of plain, machine-written XML; parsing
// them is most of the cost of collecting a province's returns, so they go through a tokenizer written for that
// (one pass, no intermediate objects beyond each tag) that keeps every rule a conforming, namespace-aware
// parser applies: well-formedness, names, character ranges, entities decoded once (the five predefined and
// character references; a DTD is refused, never expanded), CDATA, comments, processing instructions, namespace
// prefixes and their bindings, duplicate attributes, line ends normalised. test/xml.test.ts proves it equal to
// saxes, a well-kept conforming parser, on the parts real clients write and on thousands of mutants of them.
// saxes still reads what this tokenizer does not take on (an XML declaration other than version 1.0 in its
// usual form, so XML 1.1). A part not well-formed is refused in the words of the reader that found it.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OverLimit, ZipProblem } from './errors.ts';
import { LONE_SURROGATE } from './refs.ts';

/** An element as the handlers see it: its names, namespace and attributes in document order. */
export interface XmlTag {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
}

export interface XmlAttribute {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlHandlers {
  open?: (tag: XmlTag) => void;
  close?: (name: string) => void;
  text?: (t: string) => void;
  /**
   * A worksheet cell in the form that makes up nearly all of a sheet, `<c r="J8" s="11" t="s"><v>62</v></c>` or
   * `<c r="M8" s="12"/>`, given whole: its r, s and t attributes (undefined when absent) and the text of its `<v>`
   * (null for an empty cell). Such a span is well-formed by its shape alone, holds nothing to decode and binds no
   * namespace, so taking it in one match skips no check; any other form of a cell comes as open, text and close
   * events. Without this handler every cell comes as events.
   */
  cell?: (r: string | undefined, s: string | undefined, t: string | undefined, v: string | null) => void;
  /**
   * A shared string of one plain run, `<si><t>text</t></si>` or `<si><t xml:space="preserve">text</t></si>` (as
   * LibreOffice writes every one), given whole as its text and whether it has that attribute, on the same terms as
   * `cell` (line feeds and tabs are taken; a carriage return, which XML reads as a line end, is not). Any other form
   * comes as events.
   */
  stringItem?: (text: string, preserve: boolean) => void;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

// Character classes of XML 1.0 (fifth edition), as saxes takes them from xmlchars.
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `\\-${NAME_START}.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
/** Processing-instruction targets are NCNames in a namespace-aware parser: no colon. */
const NC_NAME = new RegExp(`^[${NAME_START.slice(1)}][${NAME_CHAR.replace(':', '')}]*$`, 'u');
// Characters XML 1.0 does not allow, and a surrogate outside a pair (text decoded from UTF-8 never holds one).
// One scan for anything suspect; the precise patterns only when it finds some.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

// ASCII name characters by code: 1 may start a name, 2 may only follow.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_NAME[c] = /[:A-Z_a-z]/.test(ch) ? 1 : /[-.0-9]/.test(ch) ? 2 : 0;
}

/** Where the last name measured by nameEnd has its first colon, or -1: the prefix is known without another scan. */
let nameColon = -1;

/** The end of the name starting at `j` (j itself when none starts there): ASCII by table, the rest by NAME. */
function nameEnd(xml: string, j: number): number {
  let c = xml.charCodeAt(j);
  nameColon = -1;
  if (c < 128 && ASCII_NAME[c] === 1) {
    if (c === 0x3a) nameColon = j;
    let k = j + 1;
    for (;;) {
      c = xml.charCodeAt(k);
      if (c < 128 && ASCII_NAME[c] !== 0) {
        if (c === 0x3a && nameColon === -1) nameColon = k;
        k++;
      } else break;
    }
    // Ended on ASCII (or the end of the text): that is the whole name.
    if (!(c >= 128)) return k;
  }
  NAME.lastIndex = j;
  const m = NAME.exec(xml);
  if (!m) return j;
  const colon = m[0].indexOf(':');
  nameColon = colon === -1 ? -1 : j + colon;
  return j + m[0].length;
}
const ONLY_SPACE = /^[ \t\r\n]*$/;
/** A shared string as XmlHandlers.stringItem takes it: one run, its text without markup, reference or carriage return. */
const STRING_ITEM = /<si><t( xml:space="preserve")?>([^<>&\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*)<\/t><\/si>/y;
/** A cell as XmlHandlers.cell takes it: attributes in the usual order, values of plain characters, text without markup. */
const CELL = /<c(?: r="([A-Z]{1,3}[1-9][0-9]{0,6})")?(?: s="([0-9]{1,9})")?(?: t="([A-Za-z]{1,9})")?(?:\/>|><v>([^<>&\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*)<\/v><\/c>)/y;
const NEEDS_WORK = /[&\r]/;
/** In text: anything to decode, `]]>` (not allowed), or a suspect character; most text has none, and one scan finds out. */
const TEXT_SPECIAL = /[&\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>/;
const ATTR_NEEDS_WORK = /[&\t\n\r]/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+))?;?/g;
/** The XML declarations taken here; any other (XML 1.1, unusual spelling or order) goes to saxes whole. */
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class NotWellFormed extends Error {
  constructor(
    message: string,
    /** Where in the part the tokenizer stood: the start of the markup or text being read. */
    readonly at: number,
  ) {
    super(message);
  }
}

/** Where the tokenizer stands, for the message of a part it refuses (set at each markup or text, no per-byte work). */
let position = 0;

const fail = (message: string): never => {
  throw new NotWellFormed(message, position);
};

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Decodes the references of a text or attribute value once. Every `&` is matched: one that does not begin a
 * reference of the five predefined entities or a character (a bare `&`, `&amp` without `;`, `&foo;`, `&#;`) is
 * matched alone or without its `;`, and refused.
 */
function decodeReferences(s: string): string {
  return s.replace(REFERENCE, (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (!m.endsWith(';') || m.length < 3) fail(`实体引用“${m}”不完整`);
    if (named) return PREDEFINED[named]!;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    if (!(code <= 0x10ffff)) fail(`字符引用“${m}”超出范围`);
    if (code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d : (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) fail(`字符引用“${m}”不是合法字符`);
    return String.fromCodePoint(code);
  });
}

/** Refuses a character XML does not allow, or a surrogate outside a pair (text decoded from UTF-8 never holds one). */
function checkChars(s: string): void {
  if (SUSPECT.test(s) && (NOT_CHAR.test(s) || LONE_SURROGATE.test(s))) fail('含有 XML 不允许的字符');
}

/** Line ends as XML reads them: CR LF and a lone CR are each one LF. */
function lineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** Text content: line ends normalised, references decoded. */
function textOf(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  const lines = lineEnds(raw);
  return lines.includes('&') ? decodeReferences(lines) : lines;
}

/** An attribute value: white space (and a CR LF pair) becomes one space each, then references are decoded. */
function attributeValue(raw: string): string {
  if (!ATTR_NEEDS_WORK.test(raw)) return raw;
  const spaced = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return spaced.includes('&') ? decodeReferences(spaced) : spaced;
}

function qname(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  if (colon === -1) return { prefix: '', local: name };
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === '' || local === '' || local.includes(':')) fail(`名称“${name}”不合规范`);
  return { prefix, local };
}

/** The bindings rules of Namespaces in XML 1.0, as saxes applies them. */
function checkBinding(prefix: string, uri: string): void {
  if (prefix === 'xml' && uri !== XML_NAMESPACE) fail('前缀 xml 只能绑定到 XML 命名空间');
  if (prefix === 'xmlns' && uri !== XMLNS_NAMESPACE) fail('前缀 xmlns 不能重新绑定');
  if (uri === XMLNS_NAMESPACE) fail('不能把前缀绑定到 xmlns 命名空间');
  if (uri === XML_NAMESPACE && prefix !== 'xml') fail('XML 命名空间只能绑定到前缀 xml');
}

type Scope = Record<string, string>;
const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NAMESPACE, xmlns: XMLNS_NAMESPACE });

/**
 * Tokenizes a whole part, calling the handlers as saxes would (open and close for an empty element too; text
 * inside the root, possibly in pieces). Returns false, having called nothing, when the part opens with an XML
 * declaration this tokenizer leaves to saxes. Throws NotWellFormed at the first violation, and what `dtd` makes
 * on a DTD.
 */
function tokenize(xml: string, handlers: XmlHandlers, tick: () => void, checkUri: (uri: string) => void, checkRoot: (uri: string) => void, dtd: () => OverLimit): boolean {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.startsWith('<?xml', i) && (isSpace(xml.charCodeAt(i + 5)) || xml.charCodeAt(i + 5) === 0x3f)) {
    const m = DECLARATION.exec(xml.slice(i, i + 200));
    if (!m) return false;
    i += m[0].length;
  }
  // Characters XML does not allow are looked for where they could stand: in text, attribute values, comments,
  // CDATA and processing instructions. Anywhere else (names, the space between them) any such character already
  // breaks the markup.
  const { open, close, text, cell, stringItem } = handlers;
  // The open elements, as parallel arrays (no object per element): name, local name, bindings in force.
  const names: string[] = [];
  const locals: string[] = [];
  const scopes: Scope[] = [];
  let depth = 0;
  let scope = ROOT_SCOPE;
  let sawRoot = false;
  const n = xml.length;
  while (i < n) {
    // Markup mostly follows markup directly: no search then.
    const lt = xml.charCodeAt(i) === 0x3c ? i : xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    position = i;
    if (end > i) {
      const raw = xml.slice(i, end);
      if (depth === 0) {
        if (!ONLY_SPACE.test(raw)) fail('根元素之外有文本');
      } else {
        let t = raw;
        if (TEXT_SPECIAL.test(raw)) {
          if (raw.includes(']]>')) fail('文本中不能出现“]]>”');
          checkChars(raw);
          t = textOf(raw);
        }
        if (text) {
          tick();
          text(t);
        }
      }
    }
    if (lt === -1) break;
    position = lt;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f) {
      // </name S? >
      const nameEnds = nameEnd(xml, lt + 2);
      if (nameEnds === lt + 2) fail('结束标记不合规范');
      let j = nameEnds;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3e) fail(`结束标记“${xml.slice(lt + 2, nameEnds)}”不合规范`);
      if (depth === 0) fail(`结束标记“${xml.slice(lt + 2, nameEnds)}”与开始标记不对应`);
      const open = names[depth - 1]!;
      if (nameEnds - (lt + 2) !== open.length || !xml.startsWith(open, lt + 2)) fail(`结束标记“${xml.slice(lt + 2, nameEnds)}”与开始标记不对应`);
      depth--;
      // The bindings in force again are those of the element that remains open.
      scope = depth ? scopes[depth - 1]! : ROOT_SCOPE;
      close?.(locals[depth]!);
      i = j + 1;
    } else if (c === 0x21) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close === -1) fail('注释没有结束');
        const body = xml.slice(lt + 4, close);
        if (body.includes('--') || body.endsWith('-')) fail('注释中不能出现“--”');
        checkChars(body);
        i = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (depth === 0) fail('根元素之外有 CDATA');
        const close = xml.indexOf(']]>', lt + 9);
        if (close === -1) fail('CDATA 没有结束');
        const body = xml.slice(lt + 9, close);
        checkChars(body);
        if (text) {
          tick();
          text(lineEnds(body));
        }
        i = close + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        throw dtd();
      } else fail('“<!”之后的内容不合规范');
    } else if (c === 0x3f) {
      // <?target (S anything)? ?>
      const after = nameEnd(xml, lt + 2);
      const target = xml.slice(lt + 2, after);
      if (!NC_NAME.test(target) || target.toLowerCase() === 'xml') fail('处理指令不合规范');
      const close = xml.indexOf('?>', after);
      // After the target comes white space or the `?` of its end; saxes takes a `?` not followed by `>` into the
      // body, and so does this tokenizer.
      const next = xml.charCodeAt(after);
      if (close === -1 || !(isSpace(next) || next === 0x3f)) fail('处理指令不合规范');
      checkChars(xml.slice(after, close));
      i = close + 2;
    } else {
      tick();
      if (c === 0x63 && cell && depth > 0) {
        CELL.lastIndex = lt;
        const m = CELL.exec(xml);
        if (m) {
          cell(m[1], m[2], m[3], m[4] ?? null);
          i = CELL.lastIndex;
          continue;
        }
      } else if (c === 0x73 && stringItem && depth > 0) {
        STRING_ITEM.lastIndex = lt;
        const m = STRING_ITEM.exec(xml);
        if (m) {
          stringItem(m[2]!, m[1] !== undefined);
          i = STRING_ITEM.lastIndex;
          continue;
        }
      }
      const nameEnds = nameEnd(xml, lt + 1);
      const prefixed = nameColon !== -1;
      if (nameEnds === lt + 1) fail('“<”之后不是元素名');
      if (sawRoot && depth === 0) fail('文档只能有一个根元素');
      const name = xml.slice(lt + 1, nameEnds);
      let j = nameEnds;
      // Attributes are made as the handlers get them; a prefixed one is given its namespace once every
      // declaration of the tag is known.
      const attributes: XmlAttribute[] = [];
      let anyPrefixed = false;
      let declared: Scope | null = null;
      let empty = false;
      for (;;) {
        const before = j;
        while (isSpace(xml.charCodeAt(j))) j++;
        const d = xml.charCodeAt(j);
        if (d === 0x3e) {
          j++;
          break;
        }
        if (d === 0x2f) {
          if (xml.charCodeAt(j + 1) !== 0x3e) fail(`元素“${name}”的标记不合规范`);
          empty = true;
          j += 2;
          break;
        }
        if (j === before) fail(`元素“${name}”的属性之间缺少空白`);
        const attrEnds = nameEnd(xml, j);
        const attrPrefixed = nameColon !== -1;
        if (attrEnds === j) fail(`元素“${name}”的属性不合规范`);
        const attrName = xml.slice(j, attrEnds);
        j = attrEnds;
        while (isSpace(xml.charCodeAt(j))) j++;
        if (xml.charCodeAt(j) !== 0x3d) fail(`属性“${attrName}”缺少“=”`);
        j++;
        while (isSpace(xml.charCodeAt(j))) j++;
        const q = xml.charCodeAt(j);
        if (q !== 0x22 && q !== 0x27) fail(`属性“${attrName}”的值没有引号`);
        // One scan to the closing quote, noting a `<` (refused) and what needs decoding.
        let k = j + 1;
        let work = false;
        let suspect = false;
        for (;;) {
          const e = xml.charCodeAt(k);
          if (e === q) break;
          if (e !== e) fail(`属性“${attrName}”的值没有结束`); // NaN: past the end
          if (e < 0x3d) {
            if (e === 0x3c) fail(`属性“${attrName}”的值中不能有“<”`);
            if (e === 0x26 || e === 0x09 || e === 0x0a || e === 0x0d) work = true;
            else if (e < 0x20) fail('含有 XML 不允许的字符');
          } else if (e >= 0xd800 && (e <= 0xdfff || e >= 0xfffe)) suspect = true;
          k++;
        }
        const rawValue = xml.slice(j + 1, k);
        if (suspect) checkChars(rawValue);
        const value = work ? attributeValue(rawValue) : rawValue;
        j = k + 1;
        // The prefix this attribute binds, when it is a namespace declaration (`xmlns` binds the default, '').
        let binds: string | null = null;
        if (!attrPrefixed) {
          if (attrName === 'xmlns') binds = '';
          // Unprefixed attributes are in no namespace; `xmlns` itself is in the xmlns namespace.
          attributes.push({ name: attrName, prefix: '', local: attrName, uri: binds === '' ? XMLNS_NAMESPACE : '', value });
        } else {
          const { prefix, local } = qname(attrName);
          if (prefix === 'xmlns') binds = local;
          anyPrefixed = true;
          attributes.push({ name: attrName, prefix, local, uri: '', value });
        }
        if (binds !== null) {
          const uri = value.trim();
          if (binds !== '' && uri === '') fail(`命名空间前缀“${binds}”不能取消绑定`);
          checkBinding(binds, uri);
          // The value as written is the namespace name: white space around it is no part of a URI (libxml2, and so
          // openpyxl, refuses it), though the binding itself is taken trimmed, as saxes takes it.
          checkUri(value);
          declared ??= Object.create(scope) as Scope;
          declared[binds] = uri;
        }
      }
      const own = declared ?? scope;
      let prefix = '';
      let local = name;
      if (prefixed) {
        ({ prefix, local } = qname(name));
        if (prefix === 'xmlns') fail('元素名不能以 xmlns 为前缀');
      }
      const uri = own[prefix] ?? '';
      if (prefix !== '' && uri === '') fail(`命名空间前缀“${prefix}”未绑定`);
      if (anyPrefixed) {
        for (const a of attributes) {
          if (a.prefix === '') continue;
          const bound = own[a.prefix];
          if (bound === undefined) fail(`命名空间前缀“${a.prefix}”未绑定`);
          a.uri = bound!;
        }
      }
      // An attribute given twice: the same name unprefixed, or the same local name in the same namespace. A short
      // list is compared pairwise; a long one (a crafted tag) goes through a set, so the work stays linear.
      if (attributes.length > 16) {
        const keys = new Set<string>();
        for (const a of attributes) {
          const key = a.prefix === '' ? a.name : `{${a.uri}}${a.local}`;
          if (keys.has(key)) fail(`属性“${a.name}”重复`);
          keys.add(key);
        }
      } else {
        for (let x = 1; x < attributes.length; x++) {
          const a = attributes[x]!;
          for (let y = 0; y < x; y++) {
            const b = attributes[y]!;
            if (a.prefix === '' ? b.prefix === '' && a.name === b.name : b.prefix !== '' && a.local === b.local && a.uri === b.uri) fail(`属性“${a.name}”重复`);
          }
        }
      }
      if (!sawRoot) {
        sawRoot = true;
        checkRoot(uri);
      }
      open?.({ name, prefix, local, uri, attributes });
      if (empty) close?.(local);
      else {
        names[depth] = name;
        locals[depth] = local;
        scopes[depth] = own;
        depth++;
        scope = own;
      }
      i = j;
    }
  }
  position = n;
  if (!sawRoot) fail('文档没有根元素');
  if (depth) fail(`元素“${names[depth - 1]}”没有结束`);
  return true;
}

/**
 * Parses one part to its end, calling `open`, `close` and `text` (local names; text already decoded; adjacent
 * text may come in pieces). Throws ZipProblem when the part is not well-formed XML, OverLimit on a DTD or when
 * `deadline` passes.
 */
export function parseXml(xml: string, part: string, deadline: number, handlers: XmlHandlers, rootNamespaces: string[] | null = null): void {
  parseWith(false, xml, part, deadline, handlers, rootNamespaces);
}

/** The same, through saxes alone: the reference the tokenizer is proven equal to (test/xml.test.ts). */
export function parseXmlWithSaxes(xml: string, part: string, deadline: number, handlers: XmlHandlers, rootNamespaces: string[] | null = null): void {
  parseWith(true, xml, part, deadline, handlers, rootNamespaces);
}

/** A part's root element must be in one of the namespaces its meaning depends on (null: any). */
function checkRootNamespace(part: string, uri: string, rootNamespaces: string[] | null): void {
  if (rootNamespaces && !rootNamespaces.includes(uri)) throw new ZipProblem(`部件“${part}”的命名空间“${uri}”不对，不是合规的工作簿部件`, 'zip-structure');
}

function parseWith(reference: boolean, xml: string, part: string, deadline: number, handlers: XmlHandlers, rootNamespaces: string[] | null): void {
  let count = 0;
  const tick = () => {
    if ((++count & 4095) === 0 && Date.now() > deadline) throw new OverLimit(`读取“${part}”超时，文件结构异常，未读取`, 'read-timeout');
  };
  // A namespace name is a URI reference, as conforming readers (libxml2) check it: no space or angle bracket, and
  // a colon before the first `/`, `?` or `#` ends a scheme (letter, then letters, digits, `+`, `-`, `.`).
  const checkUri = (uri: string) => {
    const scheme = /^([^/?#]*?):/.exec(uri)?.[1];
    if (/[\s<>"{}|\\^`]/.test(uri) || (scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme))) throw new ZipProblem(`部件“${part}”的命名空间“${uri}”不是合规的 URI`, 'zip-member');
  };
  const checkRoot = (uri: string) => checkRootNamespace(part, uri, rootNamespaces);
  const dtd = () => new OverLimit(`部件“${part}”含有文档类型声明（DTD），工作簿不应含有，未读取`, 'xml-dtd');
  try {
    if (!reference && tokenize(xml, handlers, tick, checkUri, checkRoot, dtd)) return;
  } catch (e) {
    if (!(e instanceof NotWellFormed)) throw e;
    // The tokenizer's own words, from where it stopped: parsing the part again to word it (with saxes, as once)
    // took time quadratic in some damaged parts (14 KB of unclosed tags: over 900 s).
    throw new ZipProblem(`部件“${part}”不是合规的 XML（${e.message}，第 ${lineAt(xml, e.at)} 行）`, 'zip-member');
  }
  parseWithSaxes(xml, part, handlers, tick, checkUri, checkRoot, dtd, () => {
    if (Date.now() > deadline) throw new OverLimit(`读取“${part}”超时，文件结构异常，未读取`, 'read-timeout');
  });
}

/** The line of an offset, counted once when a part is refused (never while reading). */
function lineAt(xml: string, at: number): number {
  let line = 1;
  for (let k = xml.indexOf('\n'); k !== -1 && k < at; k = xml.indexOf('\n', k + 1)) line++;
  return line;
}

function parseWithSaxes(xml: string, part: string, handlers: XmlHandlers, tick: () => void, checkUri: (uri: string) => void, checkRoot: (uri: string) => void, dtd: () => OverLimit, due: () => void): void {
  let root = true;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('doctype', () => {
    throw dtd();
  });
  parser.on('error', () => {
    // saxes words its errors in English: the unit is told where, in Chinese.
    throw new ZipProblem(`部件“${part}”不是合规的 XML（第 ${parser.line} 行第 ${parser.column} 列附近）`, 'zip-member');
  });
  parser.on('opentag', (t) => {
    const tag = t as SaxesTagNS;
    tick();
    if (root) {
      root = false;
      checkRoot(tag.uri);
    }
    for (const a of Object.values(tag.attributes)) if (a.prefix === 'xmlns' || a.name === 'xmlns') checkUri(a.value);
    handlers.open?.({ name: tag.name, prefix: tag.prefix, local: tag.local, uri: tag.uri, attributes: Object.values(tag.attributes) });
  });
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!((tag as SaxesTagNS).local));
  if (handlers.text) {
    const text = (t: string) => {
      tick();
      handlers.text!(t);
    };
    parser.on('text', text);
    parser.on('cdata', text);
  }
  // Written a piece at a time, the deadline checked between pieces: saxes takes time quadratic in the depth of
  // unclosed elements, which no handler sees (12,000 unclosed tags: 5 s).
  for (let at = 0; at < xml.length; at += SAXES_PIECE) {
    due();
    parser.write(xml.slice(at, at + SAXES_PIECE));
  }
  parser.close();
}

const SAXES_PIECE = 16 * 1024;

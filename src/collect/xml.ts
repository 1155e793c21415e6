// XML as the collector reads it: saxes, a conforming parser, with the checks the collector adds on top (a DTD
// refused, never expanded; namespace names that are URI references; the root in the namespace its part needs; a
// time limit per part).
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OverLimit, ZipProblem } from './zip.ts';

export type XmlHandlers = { open?: (tag: SaxesTagNS) => void; close?: (name: string) => void; text?: (t: string) => void };

/**
 * Parses one part to its end, calling `open`, `close` and `text` (local names; text already decoded; adjacent
 * text may come in pieces). Throws ZipProblem when the part is not well-formed XML, OverLimit on a DTD or when
 * `deadline` passes.
 */
export function parseXml(xml: string, part: string, deadline: number, handlers: XmlHandlers, rootNamespaces: string[] | null = null): void {
  let count = 0;
  const tick = () => {
    if ((++count & 4095) === 0 && Date.now() > deadline) throw new OverLimit(`读取“${part}”超时，文件结构异常，未读取`, 'read-timeout');
  };
  let root = true;
  const open = (tag: SaxesTagNS) => {
    tick();
    if (root) {
      root = false;
      if (rootNamespaces && !rootNamespaces.includes(tag.uri)) throw new ZipProblem(`部件“${part}”的命名空间“${tag.uri}”不对，不是合规的工作簿部件`, 'zip-structure');
    }
    // A namespace name is a URI reference, as conforming readers (libxml2) check it: no space or angle bracket, and
    // a colon before the first `/`, `?` or `#` ends a scheme (letter, then letters, digits, `+`, `-`, `.`).
    for (const prefix in tag.ns) {
      const uri = tag.ns[prefix]!;
      const scheme = /^([^/?#]*?):/.exec(uri)?.[1];
      if (/[\s<>"{}|\\^`]/.test(uri) || (scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme))) throw new ZipProblem(`部件“${part}”的命名空间“${uri}”不是合规的 URI`, 'zip-member');
    }
    handlers.open?.(tag);
  };
  const text = (t: string) => {
    tick();
    handlers.text?.(t);
  };
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw new OverLimit(`部件“${part}”含有文档类型声明（DTD），工作簿不应含有，未读取`, 'xml-dtd');
  });
  parser.on('error', (e) => {
    throw new ZipProblem(`部件“${part}”不是合规的 XML（${e.message.split('\n')[0]}）`, 'zip-member');
  });
  parser.on('opentag', (tag) => open(tag as SaxesTagNS));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!((tag as SaxesTagNS).local));
  if (handlers.text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.write(xml).close();
}

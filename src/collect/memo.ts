// Parts seen before, by content. Workbooks of one round share many parts byte for byte (the theme, the styles, the
// relationships, the content types), and parsing is a pure function of the bytes:
// a part equal to one already parsed to its end gives the same events, so they are replayed instead of parsed
// again. Nothing is skipped: the events go through the same handlers (limits, row order, relationship targets),
// the root namespace is checked against the part's name as before, and a part is only ever remembered after it
// was parsed without error. Equality is of the whole bytes, never of a hash alone. Memory is bounded: small parts
// only, a fixed budget, the least recently used dropped first.
import type { XmlHandlers, XmlTag } from './xml.ts';

/** Events as the tokenizer gave them: kind (0 open, 1 close, 2 text) then its argument, flat. */
type Events = (0 | 1 | 2 | XmlTag | string)[];

interface Remembered {
  bytes: Buffer;
  root: string;
  events: Events;
  cost: number;
}

/** Roughly what a part's events take in memory, per byte of the part. */
const COST_PER_BYTE = 20;

export class PartMemo {
  /** Parts seen once: only a part seen a second time is worth recording. */
  private readonly seen = new Set<string>();
  private readonly parts = new Map<string, Remembered>();
  /** Parts replayed, and the memory held (estimated), for tests and measurements. */
  readonly stats = { replayed: 0, held: 0 };

  constructor(
    private readonly budget = 2 * 1024 * 1024,
    private readonly largest = 32 * 1024,
  ) {}

  /**
   * Parses `bytes` (whose checked CRC-32 is `crc`) through `handlers`: by replaying the events of equal bytes parsed
   * before, or by `parse`, recording the events when the same part was seen once already. `checkRoot` is given the
   * root element's namespace on a replay, which `parse` checks itself.
   */
  parse(bytes: Buffer, crc: number, handlers: XmlHandlers, parse: (handlers: XmlHandlers) => void, checkRoot: (uri: string) => void): void {
    const key = `${crc}:${bytes.length}`;
    const known = this.parts.get(key);
    if (known && known.bytes.equals(bytes)) {
      // Most recently used last.
      this.parts.delete(key);
      this.parts.set(key, known);
      checkRoot(known.root);
      this.stats.replayed++;
      replay(known.events, handlers);
      return;
    }
    if (bytes.length > this.largest || !this.seen.has(key)) {
      if (this.seen.size >= 10_000) this.seen.clear();
      this.seen.add(key);
      parse(handlers);
      return;
    }
    const events: Events = [];
    let root: string | null = null;
    const { open, close, text } = handlers;
    parse({
      open: (tag) => {
        root ??= tag.uri;
        events.push(0, tag);
        open?.(tag);
      },
      close: (name) => {
        events.push(1, name);
        close?.(name);
      },
      text: (t) => {
        events.push(2, t);
        text?.(t);
      },
    });
    this.remember(key, { bytes: Buffer.from(bytes), root: root!, events, cost: bytes.length * COST_PER_BYTE });
  }

  private remember(key: string, part: Remembered): void {
    const old = this.parts.get(key);
    if (old) {
      this.parts.delete(key);
      this.stats.held -= old.cost;
    }
    // A part larger than the whole budget is not remembered, and costs the others nothing.
    if (part.cost > this.budget) return;
    for (const [k, p] of this.parts) {
      if (this.stats.held + part.cost <= this.budget) break;
      this.parts.delete(k);
      this.stats.held -= p.cost;
    }
    this.parts.set(key, part);
    this.stats.held += part.cost;
  }
}

function replay(events: Events, { open, close, text }: XmlHandlers): void {
  for (let i = 0; i < events.length; i += 2) {
    const kind = events[i];
    const arg = events[i + 1];
    if (kind === 0) open?.(arg as XmlTag);
    else if (kind === 1) close?.(arg as string);
    else text?.(arg as string);
  }
}

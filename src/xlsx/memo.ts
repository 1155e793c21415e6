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

/**
 * Values worked out from bytes by a pure function, remembered by a key and compared by the whole bytes, never by
 * the key alone. Bytes are worth remembering only when their key comes a second time and they are small; the
 * memory held stays within a budget, the least recently used dropped first. Shared by the part memo below and by
 * the members inflated before (zip.ts).
 */
export class BytesMemo<T> {
  /** Keys seen once: only bytes seen a second time are worth remembering. */
  private readonly seen = new Set<string>();
  private readonly entries = new Map<string, { bytes: Buffer; value: T; cost: number }>();
  /** The memory held (as the callers estimate it). */
  held = 0;

  constructor(
    private readonly budget: number,
    private readonly largest: number,
  ) {}

  /** The value remembered for bytes equal to these, now the most recently used; null when there is none. */
  get(key: string, bytes: Buffer): T | null {
    const known = this.entries.get(key);
    if (!known || !known.bytes.equals(bytes)) return null;
    this.entries.delete(key);
    this.entries.set(key, known);
    return known.value;
  }

  /** Whether bytes of this key and size are worth remembering (seen before, not too large); notes the key as seen. */
  wanted(key: string, size: number): boolean {
    if (size > this.largest) return false;
    if (this.seen.has(key)) return true;
    if (this.seen.size >= 10_000) this.seen.clear();
    this.seen.add(key);
    return false;
  }

  /** Remembers a copy of the bytes (the file they came from is not kept alive) with their value and its cost. */
  remember(key: string, bytes: Buffer, value: T, cost: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.held -= old.cost;
    }
    // Bytes costing more than the whole budget are not remembered, and cost the others nothing.
    if (cost > this.budget) return;
    for (const [k, e] of this.entries) {
      if (this.held + cost <= this.budget) break;
      this.entries.delete(k);
      this.held -= e.cost;
    }
    this.entries.set(key, { bytes: Buffer.from(bytes), value, cost });
    this.held += cost;
  }
}

/** Roughly what a part's events take in memory, per byte of the part. */
const COST_PER_BYTE = 20;

export class PartMemo {
  private readonly parts: BytesMemo<{ root: string; events: Events }>;
  private replayed = 0;

  constructor(budget = 2 * 1024 * 1024, largest = 32 * 1024) {
    this.parts = new BytesMemo(budget, largest);
  }

  /** Parts replayed, and the memory held (estimated), for tests and measurements. */
  get stats(): { replayed: number; held: number } {
    return { replayed: this.replayed, held: this.parts.held };
  }

  /**
   * Parses `bytes` (whose checked CRC-32 is `crc`) through `handlers`: by replaying the events of equal bytes parsed
   * before, or by `parse`, recording the events when the same part was seen once already. `checkRoot` is given the
   * root element's namespace on a replay, which `parse` checks itself.
   */
  parse(bytes: Buffer, crc: number, handlers: XmlHandlers, parse: (handlers: XmlHandlers) => void, checkRoot: (uri: string) => void): void {
    const key = `${crc}:${bytes.length}`;
    const known = this.parts.get(key, bytes);
    if (known) {
      checkRoot(known.root);
      this.replayed++;
      replay(known.events, handlers);
      return;
    }
    if (!this.parts.wanted(key, bytes.length)) {
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
    this.parts.remember(key, bytes, { root: root!, events }, bytes.length * COST_PER_BYTE);
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

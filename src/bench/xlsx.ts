// Measures the xlsx reader's layers (src/xlsx/) against the libraries they stand in for, on the workbooks a bench
// round returns: the zip reader against yauzl and fflate, the XML tokenizer against saxes, and the whole reader per
// file. Also shows which damage each zip library lets through (a member failing its CRC, members sharing bytes).
// A developer's tool, not a command: `[UNITS=200] [ROUNDS=7] npx vite-node src/bench/xlsx.ts`; the
// figures in src/xlsx/README.md come from it. Each measurement alternates the contenders round by round and gives
// the median of the rounds, as the machine is shared.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import yauzl from 'yauzl';
import { readWorkbook } from '../collect/read.ts';
import { parseXml, parseXmlWithSaxes, type XmlHandlers } from '../xlsx/xml.ts';
import { readMembers } from '../xlsx/zip.ts';
import { prepareData } from './index.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs each contender once per round, in an order that turns from round to round; the median ms of each. */
async function alternate(rounds: number, contenders: Record<string, () => unknown>): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = -1; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + Math.max(r, 0)) % names.length]!;
      const t = performance.now();
      await contenders[name]!();
      // Round -1 warms every contender up (JIT, caches) and is not counted.
      if (r >= 0) times[name]!.push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n]!)]));
}

/** Every member of a zip, inflated by yauzl from a buffer, one read stream per member as its API has it. */
function yauzlAll(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const NOTHING: XmlHandlers = { open: () => undefined, close: () => undefined, text: () => undefined };
const WITH_WHOLE_CELLS: XmlHandlers = { ...NOTHING, cell: () => undefined, stringItem: () => undefined };

/** A stored (uncompressed) one-member zip, with the member's CRC as given. */
function storedZip(name: string, data: Buffer, crc: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const centralAt = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/**
 * A zip of two stored members whose central entries both point at one local header: each reads as the same bytes, so
 * a small file can claim many large parts (the overlapping-member zip bomb). Both entries carry the one name the
 * local header has, so that the local-name check does not hide the overlap check.
 */
function overlappingZip(): Buffer {
  const data = Buffer.from('<a/>');
  const one = storedZip('a.xml', data, crc32(data));
  const centralAt = one.readUInt32LE(one.length - 22 + 16);
  const entry = one.subarray(centralAt, one.length - 22);
  const second = Buffer.from(entry);
  // Another name in the central directory only: `b.xml` pointing at `a.xml`'s bytes.
  second.write('b', 46);
  const end = Buffer.from(one.subarray(one.length - 22));
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(entry.length * 2, 12);
  return Buffer.concat([one.subarray(0, one.length - 22), second, end]);
}

async function verdict(read: () => unknown): Promise<string> {
  try {
    const out = (await read()) as Map<string, Buffer> | Record<string, Uint8Array>;
    const names = out instanceof Map ? [...out.keys()] : Object.keys(out);
    return `read (${names.join(', ')})`;
  } catch (e) {
    return `refused: ${(e as Error).message.slice(0, 60)}`;
  }
}

async function benchXlsx(units: number, rounds: number, log: (s: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tz-xlsx-bench-'));
  try {
    log(`Workbooks of a ${units}-unit round (bench data), ${rounds} alternating rounds, medians; node ${process.version}.`);
    await prepareData(units, dir);
    const inbox = join(dir, 'inbox');
    const files = readdirSync(inbox).map((f) => readFileSync(join(inbox, f)));
    const bytes = files.reduce((s, f) => s + f.length, 0);
    // Every XML part of every file, inflated once beforehand, as text.
    const parts = files.flatMap((f) => [...readMembers(f)].filter(([n]) => /\.(xml|rels)$/.test(n)).map(([name, b]) => ({ name, xml: b.toString('utf8') })));
    const xmlChars = parts.reduce((s, p) => s + p.xml.length, 0);
    log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB zipped; ${parts.length} XML parts, ${(xmlChars / 1e6).toFixed(1)} M characters.`);

    const zip = await alternate(rounds, {
      'readMembers (ours: inflate, CRC-32, overlap, limits)': () => files.forEach((f) => readMembers(f)),
      'fflate unzipSync': () => files.forEach((f) => unzipSync(f)),
      'yauzl fromBuffer + openReadStream': async () => {
        for (const f of files) await yauzlAll(f);
      },
    });
    log('\nZip, every member of every file inflated:');
    for (const [name, ms] of Object.entries(zip)) log(`  ${name.padEnd(56)} ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / files.length).toFixed(0).padStart(5)} µs/file`);

    const xml = await alternate(rounds, {
      'tokenizer (ours), events': () => parts.forEach((p) => parseXml(p.xml, p.name, Infinity, NOTHING)),
      'tokenizer (ours), common cells whole': () => parts.forEach((p) => parseXml(p.xml, p.name, Infinity, WITH_WHOLE_CELLS)),
      // saxes as the reader would use it in the tokenizer's place. One use of saxes per process: a second, with other
      // handlers, made both run several times slower (V8 optimises saxes for the handlers it meets first).
      saxes: () => parts.forEach((p) => parseXmlWithSaxes(p.xml, p.name, Infinity, NOTHING)),
    });
    log('\nXML, every part of every file parsed to its end:');
    const saxesMs = xml.saxes!;
    for (const [name, ms] of Object.entries(xml)) log(`  ${name.padEnd(56)} ${ms.toFixed(0).padStart(6)} ms  ${(xmlChars / 1e6 / (ms / 1000)).toFixed(0).padStart(4)} M chars/s  saxes/this ${(saxesMs / ms).toFixed(1)}×`);

    const whole = await alternate(rounds, {
      'readWorkbook (zip + XML + cells + layout)': async () => {
        for (const f of files) await readWorkbook(f);
      },
    });
    log(`\nThe whole reader: ${((whole['readWorkbook (zip + XML + cells + layout)']! * 1000) / files.length).toFixed(0)} µs/file.`);

    const data = Buffer.from('<a>taizhang</a>');
    const badCrc = storedZip('a.xml', data, crc32(data) ^ 1);
    const overlap = overlappingZip();
    log('\nDamage each lets through:');
    for (const [what, z] of [['a member failing its CRC-32', badCrc], ['two entries sharing one member’s bytes', overlap]] as const) {
      log(`  ${what}:`);
      log(`    ours:   ${await verdict(() => readMembers(z))}`);
      log(`    fflate: ${await verdict(() => unzipSync(z))}`);
      log(`    yauzl:  ${await verdict(() => yauzlAll(z))}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script (vite-node passes no arguments on): the sizes come from the environment.
await benchXlsx(Number(process.env.UNITS ?? 200), Number(process.env.ROUNDS ?? 7), console.log);

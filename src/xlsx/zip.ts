// Reads the members of a workbook's zip that the collector needs, with every limit enforced on what is actually
// inflated, never on what the archive declares: a member declaring 47 KB that inflates to 4 GB stops at the
// limit. The central directory is the index (as Excel reads it); each member is checked against its local
// header, for overlap with its neighbours, and by CRC-32. Whatever cannot be read is named, member by member.
import { crc32, inflateRawSync } from 'node:zlib';
import { ZipProblem } from './errors.ts';

export interface ZipLimits {
  /** Bytes one member may inflate to. */
  memberBytes: number;
  /** Bytes all members read from one file may inflate to together. */
  totalBytes: number;
  /** Entries the central directory may list. */
  entries: number;
}

export const ZIP_LIMITS: ZipLimits = { memberBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024, entries: 5000 };

interface Entry {
  name: string;
  /** The version of the zip format needed to extract the member (the low byte of the field), and its flags. */
  version: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The latest version of the zip format readers extract (6.3, as Python's zipfile). */
const MAX_VERSION = 63;
const ENCRYPTED = 0x1;
const PATCHED = 0x20;
const STRONG_ENCRYPTION = 0x40;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(bytes: Buffer, limits: ZipLimits): Entry[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipProblem('压缩结构损坏：找不到中央目录（文件可能不完整）', 'zip-structure');
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipProblem('压缩结构为 ZIP64 格式，调度表不会如此之大，未读取', 'zip-structure');
  if (count > limits.entries) throw new ZipProblem(`压缩包内有 ${count} 个部件，远超工作簿的正常数量，未读取`, 'zip-structure');
  if (offset + size > eocd) throw new ZipProblem('压缩结构损坏：中央目录越界', 'zip-structure');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new ZipProblem(`压缩结构损坏：中央目录只能读出 ${i} 个部件，声明有 ${count} 个`, 'zip-structure');
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      version: bytes.readUInt8(at + 6),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Two members of one name (part names compare without regard to case, as Excel and OPC compare them): readers
  // disagree on which one is the part (openpyxl, zipfile and LibreOffice take the last, this reader took the
  // first), so what was checked might not be what the coordinator sees. No writer makes such a file.
  const names = new Set<string>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (names.has(key)) throw new ZipProblem(`压缩包中有两个同名部件“${e.name}”，不同程序读到的内容可能不同，不予收取`, 'zip-structure');
    names.add(key);
  }
  return entries;
}

/** The names and declared sizes of an archive's members, from its central directory (nothing is inflated). */
export function listMembers(data: Uint8Array, limits: ZipLimits = ZIP_LIMITS): { name: string; size: number }[] {
  return centralDirectory(Buffer.from(data.buffer, data.byteOffset, data.byteLength), limits).map((e) => ({ name: e.name, size: e.size }));
}

/**
 * Every member, inflated and checked (a workbook accepted must be whole, not only in the parts read). Throws a
 * ZipProblem for the archive's own damage or for any member that is over a limit, overlaps another, or fails its CRC.
 */
export function readMembers(data: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Map<string, Buffer> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = centralDirectory(bytes, limits);
  // Members may not share bytes: overlapping entries are how a small file claims to hold many large parts.
  const spans = entries
    .map((e) => {
      if (e.localOffset + 30 > bytes.length || bytes.readUInt32LE(e.localOffset) !== LOCAL) {
        throw new ZipProblem(`部件“${e.name}”的本地文件头损坏`, 'zip-member');
      }
      const localName = bytes.readUInt16LE(e.localOffset + 26);
      const named = bytes.toString('utf8', e.localOffset + 30, e.localOffset + 30 + localName) === e.name;
      const start = e.localOffset + 30 + localName + bytes.readUInt16LE(e.localOffset + 28);
      return { entry: e, start, end: start + e.compressedSize, named };
    })
    .sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.end > bytes.length) throw new ZipProblem(`部件“${s.entry.name}”的数据超出文件末尾（文件可能不完整）`, 'zip-member');
    const next = spans[i + 1];
    if (next && next.entry.localOffset < s.end) throw new ZipProblem(`部件“${s.entry.name}”与“${next.entry.name}”的数据重叠，压缩结构不合规范`, 'zip-structure');
  }
  // The local header must name the same member as the directory, as Python's zipfile (openpyxl) insists.
  const misnamed = spans.find((s) => !s.named);
  if (misnamed) throw new ZipProblem(`部件“${misnamed.entry.name}”的本地文件头记载的名称与目录不一致`, 'zip-member');
  const members = new Map<string, Buffer>();
  const failures: string[] = [];
  let total = 0;
  for (const { entry, start, end } of spans) {
    // What readers of the format refuse, Python's zipfile (openpyxl) among them: a member needing a later version
    // of the format than 6.3, or encrypted, or stored as patch data.
    if (entry.version > MAX_VERSION) {
      failures.push(`“${entry.name}”要求 ${(entry.version / 10).toFixed(1)} 版的压缩格式，常用程序无法解压`);
      continue;
    }
    if (entry.flags & (ENCRYPTED | PATCHED | STRONG_ENCRYPTION)) {
      failures.push(`“${entry.name}”${entry.flags & PATCHED ? '以补丁数据方式压缩' : '已加密'}，无法解压`);
      continue;
    }
    const raw = bytes.subarray(start, end);
    let out: Buffer;
    const room = Math.min(limits.memberBytes, limits.totalBytes - total);
    const tooLarge = () => new ZipProblem(`部件“${entry.name}”解压后超过 ${Math.round(room / 1048576)} MB，疑似“压缩炸弹”，未读取`, 'zip-bomb');
    if (entry.method === 0) out = raw;
    else if (entry.method === 8) {
      try {
        // Inflated into one buffer of the declared size (bounded), not zlib's 16 KB chunks joined: a small part
        // would otherwise hold a 16 KB chunk, and a large one cost three copies.
        out = inflateRawSync(raw, { maxOutputLength: room + 1, chunkSize: Math.min(Math.max(entry.size + 1, 4096), 256 * 1024) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLarge();
        // zlib's own words ("invalid distance too far back") mean nothing to a unit: the member is named instead.
        failures.push(`压缩数据损坏（第 ${entries.indexOf(entry) + 1} 个部件 ${entry.name}）`);
        continue;
      }
      if (out.length > room) throw tooLarge();
    } else {
      failures.push(`“${entry.name}”使用了不支持的压缩方式（${entry.method}）`);
      continue;
    }
    if (out.length !== entry.size) failures.push(`“${entry.name}”解压后为 ${out.length} 字节，与记录的 ${entry.size} 字节不符`);
    else if ((crc32(out) >>> 0) !== entry.crc) failures.push(`“${entry.name}”的 CRC 校验不符（内容已损坏）`);
    else {
      total += out.length;
      members.set(entry.name, out);
    }
  }
  if (failures.length) throw new ZipProblem(`工作簿中有部件损坏：${failures.join('；')}`, 'zip-member');
  return members;
}

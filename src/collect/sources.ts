// Enumerates what the coordinator hands to collect: folders (recursively), zip archives, single files.
// Yields one file at a time, so memory does not grow with the number of files.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ruleMessage, type RuleCode } from '../model/rules.ts';
import { UserError } from '../util/errors.ts';
import { listMembers, ZIP_LIMITS, ZipProblem } from '../xlsx/index.ts';

export interface SourceFile {
  /** What a person reads: `收件箱/大气处.xlsx` or `报送.zip › 大气处.xlsx`. */
  display: string;
  name: string;
  /** Loads the bytes; an error here is the file's own problem (e.g. a zip bomb), not the whole run's. */
  load: () => Promise<Uint8Array>;
  /** The file's own time: its modification time in a folder, its entry's time in a zip. Evidence of arrival. */
  mtime: Date;
}

/**
 * One returned file (a workbook is itself compressed; a filled one is well under 1 MB) may be at most FILE_BYTES,
 * in a folder or inflated from an archive; an archive of returned files may declare at most ARCHIVE_BYTES in all.
 * yauzl holds every entry to its declared size while inflating, and each entry is counted as it inflates too.
 */
export const FILE_BYTES = 50 * 1024 * 1024;
export const ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024;

export class UnusableFile extends Error {
  constructor(message: string, readonly rule: RuleCode) {
    super(message);
  }
}

/**
 * Lock, temporary and system files that office programs and file managers leave beside documents. They are
 * shown as skipped (not silently dropped); any other name, hidden or not, is read like every file.
 */
export function leftoverKind(name: string): string | null {
  if (name.startsWith('~$') || name.startsWith('.~lock.')) return 'Office 打开文档时生成的锁定文件';
  if (name.startsWith('._') || name === '.DS_Store' || name === '__MACOSX') return '苹果电脑生成的系统文件';
  if (name === 'Thumbs.db' || name === 'desktop.ini') return 'Windows 生成的系统文件';
  return null;
}

/** A source that is reported with a reason and never opened. */
function unusableSource(display: string, reason: string, rule: RuleCode, mtime = new Date(0)): SourceFile {
  return { display, name: basename(display), mtime, load: () => Promise.reject(new UnusableFile(reason, rule)) };
}

/** What a directory entry or a stat says the thing is, when it is not a plain file or folder. */
function specialKind(s: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string | null {
  if (s.isFIFO()) return '命名管道（FIFO）';
  if (s.isSocket()) return '套接字';
  if (s.isBlockDevice() || s.isCharacterDevice()) return '设备文件';
  return null;
}

/**
 * About how many files a run will take, for a progress bar: the files under the paths, an archive counting as one
 * until it is opened. Never fails: a path it cannot read counts as one file, and collect reports it in turn.
 */
export async function countInputs(paths: string[]): Promise<number> {
  let n = 0;
  const visit = async (path: string): Promise<void> => {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      for (const e of entries) {
        if (e.isDirectory()) await visit(join(path, e.name));
        else n++;
      }
    } catch {
      n++;
    }
  };
  for (const path of paths) await visit(path);
  return n;
}

/**
 * Refuses, before anything is read, a folder named to collect that holds no file at all (only empty folders, or
 * nothing): a collect that finds nothing says so, naming the folder, rather than ending as if all went well.
 */
export async function checkNotEmpty(paths: string[]): Promise<void> {
  const holdsFile = async (dir: string): Promise<boolean> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || (await holdsFile(join(dir, e.name)))) return true;
    }
    return false;
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      continue; // named by enumerateSources, in its words
    }
    if (isDir && !(await holdsFile(path).catch(() => true))) {
      throw new UserError(`文件夹“${path}”是空的，没有可收集的文件。`, '请确认各单位报送的文件已放入该文件夹，或指定正确的收件文件夹。');
    }
  }
}

export async function* enumerateSources(paths: string[]): AsyncGenerator<SourceFile> {
  for (const path of paths) {
    let info;
    try {
      // A path the user names is followed if it is a link: naming it is the user's choice.
      info = await stat(path);
    } catch {
      throw new UserError(`找不到“${path}”。`, '请检查收件文件夹、压缩包或文件的路径。');
    }
    const special = specialKind(info);
    if (info.isDirectory()) yield* walk(path, path);
    else if (special) yield unusableSource(path, `这是${special}，不是文件，未读取。请指定收件文件夹、压缩包或报送文件`, 'not-a-file');
    else if (extname(path).toLowerCase() === '.zip') yield* zipEntries(path);
    else yield fileSource(path, path, false);
  }
}

/**
 * A file in a folder. It is opened without blocking and, inside a folder, without following a link; what was
 * opened is checked again, so a file swapped for a pipe or a link between listing and reading is refused too. Its
 * time is the opened file's own, known once it is loaded.
 */
function fileSource(path: string, display: string, inFolder: boolean): SourceFile {
  const source: SourceFile = {
    display,
    name: basename(path),
    mtime: new Date(Number.NaN),
    // Blocking calls: a returned workbook is small, and a thread-pool round trip per call costs more than the read.
    load: async () => {
      const flags = constants.O_RDONLY | constants.O_NONBLOCK | (inFolder ? constants.O_NOFOLLOW : 0);
      let fd: number;
      try {
        fd = openSync(path, flags);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new UnusableFile('这是符号链接（快捷方式），出于安全未读取。请将报送文件本身放入收件文件夹', 'symlink');
        throw e;
      }
      try {
        const info = fstatSync(fd);
        const special = specialKind(info);
        if (special || !info.isFile()) throw new UnusableFile(`这是${special ?? '特殊文件'}，不是报送文件，未读取`, 'not-a-file');
        // A video or an archive dropped in the inbox by mistake is refused before it is read into memory.
        if (info.size > FILE_BYTES) {
          throw new UnusableFile(`文件有 ${Math.round(info.size / 1048576)} MB，远超调度表的正常大小，未读取。请确认是否报送了正确的文件`, 'file-too-large');
        }
        source.mtime = info.mtime;
        // The size is known: one buffer, read whole (a file still growing is read as it was when opened).
        const bytes = Buffer.allocUnsafe(info.size);
        let got = 0;
        for (let n = 1; got < info.size && n > 0; got += n) n = readSync(fd, bytes, got, info.size - got, null);
        return got === info.size ? bytes : bytes.subarray(0, got);
      } finally {
        closeSync(fd);
      }
    },
  };
  return source;
}

async function* walk(dir: string, display: string): AsyncGenerator<SourceFile> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(dir, e.name);
    const shown = join(display, e.name);
    const leftover = leftoverKind(e.name);
    if (leftover) yield skipped(shown, leftover);
    else if (e.isDirectory()) yield* walk(full, shown);
    else if (e.isSymbolicLink()) yield unusableSource(shown, '这是符号链接（快捷方式），出于安全未读取。请将报送文件本身放入收件文件夹', 'symlink');
    else if (e.isFile()) {
      if (extname(e.name).toLowerCase() === '.zip') yield* zipEntries(full, shown);
      else yield fileSource(full, shown, true);
    } else yield unusableSource(shown, `这是${specialKind(e as Dirent) ?? '特殊文件'}，不是报送文件，未读取`, 'not-a-file');
  }
}

/** A leftover shown as skipped: it is named in the run's output, and is not booked in the ledger. */
export class Skipped extends Error {}

function skipped(display: string, kind: string): SourceFile {
  return { display, name: basename(display), mtime: new Date(0), load: () => Promise.reject(new Skipped(`${kind}，已跳过`)) };
}

/** Zip entry names from Windows are often GBK without the UTF-8 flag. */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if (typeof raw === 'string') return raw;
  if (entry.generalPurposeBitFlag & 0x800) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/**
 * A zip entry's time. An extended timestamp (Info-ZIP `UT`, NTFS) is an instant; the plain DOS time has no zone
 * and is the local time of the PC that zipped it, which for the offices this serves is Beijing time.
 */
export function entryTime(entry: yauzl.Entry): Date {
  if (entry.extraFields.some((f) => f.id === 0x5455 || f.id === 0x000a)) return entry.getLastModDate();
  const asUtc = entry.getLastModDate({ forceDosFormat: true, timezone: 'UTC' });
  return new Date(asUtc.getTime() - 8 * 3600_000);
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip!))),
  );
}

/** The entries of an archive, shown as `报送.zip › 大气处.xlsx` (with the folder it lies in, when it lies in one). */
async function* zipEntries(path: string, display = basename(path)): AsyncGenerator<SourceFile> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    // The zip library's words (English) are not shown to anyone: what it means for the sender is the same.
    yield unusableSource(display, '压缩包已损坏，无法打开（找不到完整的压缩目录）。请重新打包后发送', 'zip-corrupt');
    return;
  }
  const declared = zip.entryCount;
  const entries: yauzl.Entry[] = [];
  // A damaged central directory stops the listing part way: the members listed are read, and the loss is named.
  const damage = await new Promise<Error | null>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(null));
    zip.on('error', resolve);
    zip.readEntry();
  });
  // Entries are read again by a fresh handle per file, so that nothing is held in memory between files.
  zip.close();
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > ARCHIVE_BYTES) {
    yield unusableSource(display, `压缩包解压后将达 ${Math.round(total / 1048576)} MB，疑似“压缩炸弹”，未解压`, 'zip-bomb');
    return;
  }
  for (const entry of entries) {
    const name = entryName(entry);
    const base = name.split('/').pop()!;
    const shown = `${display} › ${name}`;
    if (name.endsWith('/')) continue;
    const leftover = name.startsWith('__MACOSX/') ? leftoverKind('__MACOSX') : leftoverKind(base);
    if (leftover) {
      yield skipped(shown, leftover);
      continue;
    }
    // Unix mode bits in the entry's external attributes: a link stored in a zip is a link, not a file.
    const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
    if (mode === 0o120000) {
      yield unusableSource(shown, '这是压缩包中的符号链接（快捷方式），未读取。请将报送文件本身打包', 'symlink', entryTime(entry));
      continue;
    }
    yield { display: shown, name: base, mtime: entryTime(entry), load: () => readZipEntry(path, entry) };
  }
  if (damage || entries.length < declared) {
    yield unusableSource(
      display,
      `压缩包目录已损坏：声明有 ${declared} 个文件，只能读出 ${entries.length} 个，其余文件未能读取。请重新打包后发送，或将文件解压到文件夹后收集`,
      'zip-corrupt',
    );
  }
}

async function readZipEntry(path: string, wanted: yauzl.Entry): Promise<Uint8Array> {
  if (wanted.uncompressedSize > FILE_BYTES) {
    throw new UnusableFile(`文件解压后将达 ${Math.round(wanted.uncompressedSize / 1048576)} MB，远超调度表的正常大小，未解压`, 'zip-bomb');
  }
  const zip = await openZip(path);
  try {
    const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => (e.relativeOffsetOfLocalHeader === wanted.relativeOffsetOfLocalHeader ? resolve(e) : zip.readEntry()));
      zip.on('end', () => reject(new Error('entry vanished')));
      zip.on('error', reject);
      zip.readEntry();
    });
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s!))));
    const chunks: Buffer[] = [];
    let size = 0;
    let crc = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      // yauzl already stops a stream that outgrows its declared size; this holds even if it did not.
      if (size > FILE_BYTES) throw new UnusableFile(`文件解压后超过 ${FILE_BYTES / 1048576} MB，未解压`, 'zip-bomb');
      crc = crc32(chunk as Buffer, crc);
      chunks.push(chunk as Buffer);
    }
    if (crc >>> 0 !== entry.crc32) throw new UnusableFile('压缩包中的该文件已损坏（CRC 校验不符）。请重新打包后发送', 'zip-corrupt');
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof UnusableFile) throw e;
    throw new UnusableFile('压缩包中的该文件已损坏，无法解压（压缩数据不完整或不合规范）。请重新打包后发送', 'zip-corrupt');
  } finally {
    zip.close();
  }
}

/**
 * Tells whether bytes are a workbook we can read; otherwise says what the file is and what to do.
 * For .xlsx (itself a zip) the declared sizes are checked before anything is inflated.
 */
export async function checkUsable(bytes: Uint8Array, name: string): Promise<void> {
  const ext = extname(name).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 8));
  if (bytes.length === 0) throw new UnusableFile(ruleMessage('file-empty'), 'file-empty');
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    if (Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new UnusableFile(ruleMessage('encrypted'), 'encrypted');
    }
    if (ext === '.et') throw new UnusableFile(ruleMessage('format-et'), 'format-et');
    // A .xls or .et with its workbook stream is converted before it gets here (convert.ts): this one has none.
    if (ext === '.xls') throw new UnusableFile(ruleMessage('format-xls'), 'format-xls');
    throw new UnusableFile(ruleMessage('not-workbook', { detail: '这是旧版 Office 97-2003 格式的文件，但不是 Excel 工作簿（可能是 Word 文档），请报送下发的 .xlsx 调度表' }), 'not-workbook');
  }
  if (head.subarray(0, 2).toString('latin1') !== 'PK') {
    if (ext === '.csv' || ext === '.txt') throw new UnusableFile(ruleMessage('format-csv'), 'format-csv');
    throw new UnusableFile(`这不是 Excel 工作簿（${ext || '无扩展名'}），请报送下发的 .xlsx 调度表`, 'not-workbook');
  }
  let entries: { name: string; size: number }[];
  try {
    entries = listMembers(bytes);
  } catch (e) {
    if (!(e instanceof ZipProblem)) throw e;
    throw new UnusableFile(ruleMessage('file-corrupt', { detail: e.message }), e.rule === 'zip-structure' ? 'file-corrupt' : e.rule);
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    if (entries.some((e) => e.name === 'word/document.xml')) throw new UnusableFile('这是 Word 文档，不是调度表，请报送下发的 .xlsx 调度表', 'not-workbook');
    throw new UnusableFile('文件不是有效的 Excel 工作簿，请报送下发的 .xlsx 调度表', 'not-workbook');
  }
  // Declared sizes only refuse early what is plainly too large; the reader holds every member to the limits as it
  // inflates, whatever was declared.
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > ZIP_LIMITS.totalBytes || entries.some((e) => e.size > ZIP_LIMITS.memberBytes)) {
    throw new UnusableFile(`工作簿解压后将达 ${Math.round(total / 1048576)} MB，远超正常调度表，疑似“压缩炸弹”，未读取`, 'zip-bomb');
  }
}

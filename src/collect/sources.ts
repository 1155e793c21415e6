// Enumerates what the coordinator hands to collect: folders (recursively), zip archives, single files.
// Yields one file at a time, so memory does not grow with the number of files.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import yauzl from 'yauzl';
import { UserError } from '../util/errors.ts';

export interface SourceFile {
  /** What a person reads: `收件箱/大气处.xlsx` or `报送.zip › 大气处.xlsx`. */
  display: string;
  name: string;
  /** Loads the bytes; an error here is the file's own problem (e.g. a zip bomb), not the whole run's. */
  load: () => Promise<Uint8Array>;
  /** The file's own time: its modification time in a folder, its entry's time in a zip. Evidence of arrival. */
  mtime: Date;
}

/** Limits for anything we inflate: checked on the sizes the archive declares, before inflating. */
export const LIMITS = { entryBytes: 50 * 1024 * 1024, totalBytes: 200 * 1024 * 1024, ratio: 200 };

export class UnusableFile extends Error {
  constructor(message: string, readonly rule: string) {
    super(message);
  }
}

/** Lock and temporary files that office programs leave beside open documents. */
function isOfficeLeftover(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || name === '.DS_Store' || name === 'Thumbs.db' || name.startsWith('._');
}

export async function* enumerateSources(paths: string[]): AsyncGenerator<SourceFile> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new UserError(`找不到“${path}”。`, '请检查收件文件夹、压缩包或文件的路径。');
    }
    if (info.isDirectory()) yield* walk(path, path);
    else if (extname(path).toLowerCase() === '.zip') yield* zipEntries(path);
    else yield fileSource(path, path, info.mtime);
  }
}

function fileSource(path: string, display: string, mtime: Date): SourceFile {
  return {
    display,
    name: basename(path),
    mtime,
    load: async () => {
      // A video or an archive dropped in the inbox by mistake is refused before it is read into memory.
      const { size } = await stat(path);
      if (size > LIMITS.entryBytes) throw new UnusableFile(`文件有 ${Math.round(size / 1048576)} MB，远超调度表的正常大小，未读取。请确认是否报送了正确的文件`, 'file-too-large');
      return readFile(path);
    },
  };
}

async function* walk(dir: string, display: string): AsyncGenerator<SourceFile> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (isOfficeLeftover(e.name)) continue;
    if (e.isDirectory()) yield* walk(full, join(display, e.name));
    else if (e.isFile()) {
      if (extname(e.name).toLowerCase() === '.zip') yield* zipEntries(full);
      else yield fileSource(full, join(display, e.name), (await stat(full)).mtime);
    }
  }
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

async function* zipEntries(path: string): AsyncGenerator<SourceFile> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    yield { display: path, name: basename(path), mtime: new Date(0), load: () => Promise.reject(new UnusableFile(`压缩包已损坏，无法打开（${(e as Error).message}）`, 'zip-corrupt')) };
    return;
  }
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  }).catch(() => undefined);
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > LIMITS.totalBytes * 5) {
    zip.close();
    yield { display: path, name: basename(path), mtime: new Date(0), load: () => Promise.reject(new UnusableFile(`压缩包解压后将达 ${Math.round(total / 1048576)} MB，疑似“压缩炸弹”，未解压`, 'zip-bomb')) };
    return;
  }
  // Entries are read again by a fresh handle per file, so that nothing is held in memory between files.
  zip.close();
  for (const entry of entries) {
    const name = entryName(entry);
    const base = name.split('/').pop()!;
    if (name.endsWith('/') || isOfficeLeftover(base) || name.startsWith('__MACOSX/')) continue;
    yield {
      display: `${basename(path)} › ${name}`,
      name: base,
      mtime: entryTime(entry),
      load: () => readZipEntry(path, entry),
    };
  }
}

async function readZipEntry(path: string, wanted: yauzl.Entry): Promise<Uint8Array> {
  if (wanted.uncompressedSize > LIMITS.entryBytes || (wanted.compressedSize > 0 && wanted.uncompressedSize / wanted.compressedSize > LIMITS.ratio && wanted.uncompressedSize > 10 * 1024 * 1024)) {
    throw new UnusableFile(`文件解压后将达 ${Math.round(wanted.uncompressedSize / 1048576)} MB，疑似“压缩炸弹”，未解压`, 'zip-bomb');
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
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > LIMITS.entryBytes) throw new UnusableFile('文件解压后超过 50 MB，未解压', 'zip-bomb');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof UnusableFile) throw e;
    throw new UnusableFile(`压缩包中的文件已损坏，无法解压（${(e as Error).message}）`, 'zip-corrupt');
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
  if (bytes.length === 0) throw new UnusableFile('文件是空的（0 字节），请重新报送', 'file-empty');
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    if (Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new UnusableFile('工作簿设置了打开密码（已加密），无法读取。请取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送', 'encrypted');
    }
    if (ext === '.et') throw new UnusableFile('这是 WPS 表格（.et）格式，请在 WPS 中“另存为”Excel 工作簿（.xlsx）后重新报送', 'format-et');
    throw new UnusableFile('这是旧版 Excel 97-2003（.xls）格式，缺少调度表的识别信息。请在下发的 .xlsx 原表中填写，或“另存为”.xlsx 后重新报送', 'format-xls');
  }
  if (head.subarray(0, 2).toString('latin1') !== 'PK') {
    if (ext === '.csv' || ext === '.txt') throw new UnusableFile('这是 CSV/文本文件，不含调度表的格式和识别信息。请在下发的 .xlsx 原表中填写后报送', 'format-csv');
    throw new UnusableFile(`这不是 Excel 工作簿（${ext || '无扩展名'}），请报送下发的 .xlsx 调度表`, 'not-workbook');
  }
  const entries = await zipDirectory(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    if (entries.some((e) => e.name === 'word/document.xml')) throw new UnusableFile('这是 Word 文档，不是调度表，请报送下发的 .xlsx 调度表', 'not-workbook');
    throw new UnusableFile('文件不是有效的 Excel 工作簿，请报送下发的 .xlsx 调度表', 'not-workbook');
  }
  const total = entries.reduce((s, e) => s + e.size, 0);
  const packed = entries.reduce((s, e) => s + e.packed, 0);
  if (total > LIMITS.totalBytes || entries.some((e) => e.size > LIMITS.entryBytes) || (total > 10 * 1024 * 1024 && total / Math.max(1, packed) > LIMITS.ratio)) {
    throw new UnusableFile(`工作簿解压后将达 ${Math.round(total / 1048576)} MB，远超正常调度表，疑似“压缩炸弹”，未读取`, 'zip-bomb');
  }
}

function zipDirectory(bytes: Uint8Array): Promise<{ name: string; size: number; packed: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(new UnusableFile(`文件已损坏，无法打开（${err?.message ?? '未知原因'}）。请重新保存后报送`, 'file-corrupt'));
        return;
      }
      const list: { name: string; size: number; packed: number }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        list.push({ name: e.fileName, size: e.uncompressedSize, packed: e.compressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(list));
      zip.on('error', (e: Error) => reject(new UnusableFile(`文件已损坏（${e.message}），请重新保存后报送`, 'file-corrupt')));
      zip.readEntry();
    });
  });
}

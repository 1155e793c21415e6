// Returns saved as .xls, .et (WPS) or .ods are converted to .xlsx with LibreOffice before they are read, so that
// they go through exactly the same checks; the original is what is archived. LibreOffice runs headless with a
// private profile in a temporary folder, one conversion at a time, under a time limit.
import { ruleMessage } from '../model/rules.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Skipped, UnusableFile } from './sources.ts';

/** How long one conversion may take (LibreOffice's own start-up is most of it). */
export const CONVERT_MS = 120_000;

export type ConvertibleFormat = 'xls' | 'et' | 'ods';

const WORDS: Record<ConvertibleFormat, string> = { xls: '旧版 Excel 97-2003（.xls）', et: 'WPS 表格（.et）', ods: 'OpenDocument 表格（.ods）' };

/**
 * The format of a workbook LibreOffice can turn into .xlsx: an OLE2 file holding a workbook stream (.xls, and
 * WPS's .et) that is not encrypted, or an OpenDocument spreadsheet. Anything else is null (read, or refused, as is).
 */
export function convertibleFormat(bytes: Uint8Array, name: string): ConvertibleFormat | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    // An encrypted workbook is named as such by checkUsable; LibreOffice would only fail on it.
    if (buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'))) return null;
    const workbook = buffer.includes(Buffer.from('Workbook', 'utf16le')) || buffer.includes(Buffer.from('Book', 'utf16le'));
    if (!workbook) return null;
    return extname(name).toLowerCase() === '.et' ? 'et' : 'xls';
  }
  // An ODF package starts with its stored, uncompressed `mimetype` member.
  if (buffer.subarray(0, 2).toString('latin1') === 'PK' && buffer.subarray(30, 38).toString('latin1') === 'mimetype') {
    if (buffer.subarray(38, 38 + 46).toString('latin1') === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  }
  return null;
}

/** LibreOffice's program: TAIZHANG_SOFFICE, else where the usual installs put it; null when there is none. */
export function findSoffice(): string | null {
  if (process.env.TAIZHANG_SOFFICE !== undefined) return existsSync(process.env.TAIZHANG_SOFFICE) ? process.env.TAIZHANG_SOFFICE : null;
  const candidates = [
    '/usr/bin/soffice',
    '/usr/bin/libreoffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * Raised when a return needs LibreOffice and the machine has none: the file is named and skipped, not booked, so
 * that collecting again once LibreOffice is installed takes it in.
 */
export class NeedsConverter extends Skipped {}

let queue: Promise<unknown> = Promise.resolve();

/** The .xlsx bytes of a .xls/.et/.ods return; a failure is the file's own problem (UnusableFile). */
export function convertToXlsx(bytes: Uint8Array, name: string, format: ConvertibleFormat): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) {
    return Promise.reject(
      new NeedsConverter(
        `这是${WORDS[format]}文件，需用 LibreOffice 转换后收取，本机未安装 LibreOffice，未收取（未登记，安装后重新收集即可）。请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-calc；Windows/macOS：从 https://zh-cn.libreoffice.org 下载），或请报送单位“另存为”Excel 工作簿（.xlsx）后重新报送`,
      ),
    );
  }
  // One at a time: each LibreOffice takes a few hundred MB while it runs.
  const run = queue.then(() => convertWith(soffice, bytes, name, format));
  queue = run.catch(() => undefined);
  return run;
}

async function convertWith(soffice: string, bytes: Uint8Array, name: string, format: ConvertibleFormat): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-convert-'));
  try {
    // A plain name inside the private folder: the sender's name never reaches a command line.
    const input = join(dir, `return.${format === 'ods' ? 'ods' : 'xls'}`);
    writeFileSync(input, bytes);
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), input];
    const result = await new Promise<{ code: number | null; timedOut: boolean; stderr: string }>((resolve) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32', env: { ...process.env, HOME: dir } });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()).length > 4000 && (stderr = stderr.slice(-4000)));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          // The whole group: soffice starts soffice.bin, which holds the profile.
          if (child.pid) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, CONVERT_MS);
      child.on('error', () => resolve({ code: -1, timedOut, stderr }));
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut, stderr });
      });
    });
    const output = join(dir, 'out', 'return.xlsx');
    if (result.timedOut) throw new UnusableFile(ruleMessage('convert-timeout', { format: WORDS[format], seconds: String(CONVERT_MS / 1000) }), 'convert-timeout');
    if (!existsSync(output)) {
      throw new UnusableFile(ruleMessage('convert-failed', { format: WORDS[format] }), 'convert-failed');
    }
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The name a converted return is read under (`大气.xls` → `大气.xls.xlsx`): its own, with what it became. */
export function convertedName(name: string): string {
  return `${basename(name)}.xlsx`;
}

/** The bytes and name a return is read as: itself, or the .xlsx LibreOffice makes of a .xls/.et/.ods. */
export async function readableForm(bytes: Uint8Array, name: string): Promise<{ bytes: Uint8Array; name: string }> {
  const format = convertibleFormat(bytes, name);
  if (!format) return { bytes, name };
  return { bytes: await convertToXlsx(bytes, name, format), name: convertedName(name) };
}

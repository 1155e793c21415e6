// Failures of the machine rather than of the program or the user's files: a full disk, a read-only or
// forbidden folder, a ledger that another program holds or that is damaged. Each becomes a Chinese message that
// names the path and says what to do (exit 1); anything not recognised here stays an internal error (exit 2).
import { accessSync, constants, statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from './errors.ts';

interface SystemError {
  code?: unknown;
  path?: unknown;
  message?: unknown;
  name?: unknown;
}

/** A file being written through a temporary `.part` name is named by the file the user will see. */
function shownPath(path: string): string {
  return /\.\d+-[0-9a-f]{8}\.part$/.test(path) ? path.replace(/\.\d+-[0-9a-f]{8}\.part$/, '') : path;
}

/**
 * `e` with the file it happened to: a failed write() names no file (`ENOSPC: no space left on device, write`), so
 * the code that knows which file it was writing says so before the error goes up.
 */
export function failedAt(e: unknown, path: string): unknown {
  if (typeof e === 'object' && e !== null && typeof (e as SystemError).code === 'string' && typeof (e as SystemError).path !== 'string') {
    (e as SystemError).path = path;
  }
  return e;
}

/**
 * The environment failure behind `e`, as a user-facing error; null when `e` is something else (a bug). A system
 * error that names no file is placed in the ledger's folder (the workspace), when the ledger is known.
 */
export function environmentError(e: unknown, ledgerPath?: string): UserError | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, path, name } = e as SystemError;
  if (typeof code !== 'string') return null;
  if (name === 'SqliteError') return sqliteError(code, String((e as SystemError).message ?? ''), ledgerPath ?? '台账文件');
  const where = typeof path === 'string' ? shownPath(path) : ledgerPath ? dirname(ledgerPath) : '工作目录';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`磁盘空间已满，无法写入“${where}”。`, `请清理${typeof path === 'string' ? `“${dirname(where)}”` : `“${where}”`}所在磁盘的空间后重新运行本命令；已收取的报送不受影响，未写完的文件下次运行时会重新写出。`);
    case 'EROFS':
      return new UserError(`“${where}”所在的磁盘是只读的，无法写入。`, '请将工作目录放在可写的磁盘上（或用 -w 指定其他工作目录）后重新运行。');
    case 'EACCES':
    case 'EPERM':
      return new UserError(`没有权限访问“${where}”。`, `请检查“${basename(where)}”及其所在文件夹的权限，或用 -w 指定有写入权限的工作目录。`);
    case 'EMFILE':
    case 'ENFILE':
      return new UserError('同时打开的文件过多，系统拒绝再打开文件。', '请关闭其他程序后重新运行。');
    case 'EIO':
      return new UserError(`读写“${where}”时磁盘出错。`, '请检查磁盘或 U 盘是否已拔出、是否损坏，然后重新运行。');
    default:
      return null;
  }
}

/**
 * SQLite reports a full or read-only disk under several codes (SQLITE_FULL, SQLITE_IOERR_SHMSIZE when the shared
 * memory file cannot grow, SQLITE_CANTOPEN on a read-only disk); the disk itself is asked which it is.
 */
function diskState(path: string): 'full' | 'read-only' | 'forbidden' | 'ok' {
  const dir = dirname(path);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'read-only';
    if (code === 'EACCES' || code === 'EPERM') return 'forbidden';
  }
  try {
    const { bavail, bsize } = statfsSync(dir);
    if (bavail * bsize < 1024 * 1024) return 'full';
  } catch {
    // no statfs (an odd file system): judge by the code alone
  }
  return 'ok';
}

function sqliteError(code: string, message: string, ledger: string): UserError | null {
  const full = () => new UserError(`磁盘空间已满，无法写入台账“${ledger}”。`, '请清理磁盘空间后重新运行本命令；台账保持在上一次完整写入时的状态，已收取的报送不受影响。');
  const forbidden = () => new UserError(`没有权限写入台账“${ledger}”或其所在文件夹。`, '请检查该文件及所在文件夹的权限，或将工作目录复制到有写入权限的位置后用 -w 指定。');
  if (code === 'SQLITE_FULL') return full();
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    const disk = diskState(ledger);
    if (disk === 'read-only') {
      return new UserError(
        `台账“${ledger}”所在的磁盘是只读的，无法打开台账。`,
        '台账需要可写的磁盘（即使只是查看）。请将整个工作目录复制到可写的磁盘后用 -w 指定，或取消该磁盘的只读设置。',
      );
    }
    if (disk === 'forbidden') return forbidden();
    if (disk === 'full') return full();
  }
  if (code.startsWith('SQLITE_READONLY')) return forbidden();
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new UserError(`台账“${ledger}”正被其他程序占用，等待后仍未释放。`, '可能另有 taizhang 命令正在运行，或台账被数据库查看工具打开。请等其结束或关闭该工具后重新运行。');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new UserError(
      `台账“${ledger}”已损坏，无法读取（${message}）。`,
      '请从备份恢复该文件；收到的原始报送文件都保存在工作目录的 archive 文件夹中，也可在新的工作目录重新生成轮次后重新收集。',
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new UserError(`无法打开台账“${ledger}”。`, '请检查工作目录是否存在、是否有读写权限。');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new UserError(`读写台账“${ledger}”时磁盘出错（${code}）。`, '请检查磁盘空间和磁盘状态（U 盘或网络盘是否已断开）后重新运行。');
  }
  return null;
}

// Writing a file so that no reader ever sees half of it, and two processes writing the same file at once both
// succeed: each writes its own temporary file beside the target and renames it into place (rename is atomic).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const part = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  try {
    await writeFile(part, data);
    await rename(part, path);
  } catch (e) {
    // A failed write (a full disk, a folder gone) leaves no half file behind; a kill's leftovers are removeLeftoverParts's.
    await rm(part, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * The same, blocking: for the collector's many small files, where a round trip through the thread pool per call
 * costs more than the write itself. The folder is made when missing: found missing by the write, rather than
 * asked after before every one of thousands of writes into the same folder.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const part = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  try {
    try {
      writeFileSync(part, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(part, data);
    }
    renameSync(part, path);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}

/** A temporary file of the two writers above: the target's name, the writing process's id, a random tag. */
const PART = /\.(\d+)-[0-9a-f]{8}\.part$/;

/**
 * Removes from `dir` the temporary files a killed writer left (its process gone), so that they do not pile up beside
 * the files they were to become. A live process's are left alone: another run may be writing into the same folder.
 * Those of this process are leftovers too, as a synchronous write never leaves one behind while other code runs;
 * only a command whose writes into `dir` are all synchronous may call this. Returns the names removed.
 */
export function removeLeftoverParts(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PART.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && alive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // Gone already (another run removed it), or not ours to remove: nothing is lost either way.
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

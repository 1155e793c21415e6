// Writing a file so that no reader ever sees half of it, and two processes writing the same file at once both
// succeed: each writes its own temporary file beside the target and renames it into place (rename is atomic).
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { rename, writeFile } from 'node:fs/promises';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const part = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  await writeFile(part, data);
  await rename(part, path);
}

/**
 * The same, blocking: for the collector's many small files, where a round trip through the thread pool per call
 * costs more than the write itself. The folder is made when missing: found missing by the write, rather than
 * asked after before every one of thousands of writes into the same folder.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const part = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  try {
    writeFileSync(part, data);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(part, data);
  }
  renameSync(part, path);
}

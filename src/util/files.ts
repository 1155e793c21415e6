// Writing a file so that no reader ever sees half of it, and two processes writing the same file at once both
// succeed: each writes its own temporary file beside the target and renames it into place (rename is atomic).
import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const part = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  await writeFile(part, data);
  await rename(part, path);
}

/**
 * The same, blocking: for the collector's many small files, where a round trip through the thread pool per call
 * costs more than the write itself.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const part = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
  writeFileSync(part, data);
  renameSync(part, path);
}

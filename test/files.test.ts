// The atomic writers: a write that fails leaves no temporary `.part` file behind (a kill's leftovers are the
// next run's to remove, see poison.test.ts).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../src/util/files.ts';
import { tempDir } from './helpers.ts';

describe('atomic writes that fail', () => {
  // A target that is a non-empty folder: the temporary file is written, then the rename fails (EISDIR/ENOTEMPTY).
  function folderTarget(): { dir: string; target: string } {
    const dir = tempDir();
    const target = join(dir, 'settings.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    return { dir, target };
  }

  it('the async writer removes its temporary file and rethrows', async () => {
    const { dir, target } = folderTarget();
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('the blocking writer removes its temporary file and rethrows', () => {
    const { dir, target } = folderTarget();
    expect(() => writeFileAtomicSync(target, '{}')).toThrow();
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('a write that succeeds leaves only the file', async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'a.json'), '1');
    writeFileAtomicSync(join(dir, 'b.json'), '2');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });
});

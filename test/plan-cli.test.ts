// Plan reading as the CLI reports it: a damaged .doc that LibreOffice cannot convert, in Chinese, exit 1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taizhang, tempDir } from './helpers.ts';

describe('bad input', () => {
  const dir = tempDir();
  const write = (name: string, data: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('the CLI prints the error and hint in Chinese and exits 1', () => {
    const r = taizhang(['plan', 'parse', write('x.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]))]);
    expect(r.code).toBe(1);
    // A damaged .doc: LibreOffice cannot convert it, and the message says so.
    expect(r.stderr).toContain('错误：无法读取文件“x.doc”：LibreOffice 未能转换，文件可能已损坏或不是旧版 Word 文件。');
    expect(r.stderr).toContain('处理办法：');
  });
});

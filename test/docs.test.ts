// The user guide's command reference is the CLI's own help: every command and option it lists is the one
// `taizhang <命令> --help` prints (scripts/command-reference.mjs --check), so the guide cannot drift from the tool.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.ts';

describe('docs/user-guide.md', () => {
  it('lists every command with the help it prints (else: npm run docs:commands)', () => {
    const r = run(process.execPath, [join(ROOT, 'scripts', 'command-reference.mjs'), '--check']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^docs\/user-guide\.md: \d+ commands, as their --help says\n$/);
    expect(r.code).toBe(0);
  });
});

// Writes the command reference of docs/user-guide.md from the CLI's own help (`npm run docs:commands`), so that
// the guide lists exactly the commands and options `taizhang <命令> --help` shows. Run after changing a command.
// The text between the two markers in docs/user-guide.md is replaced; everything else is left as written.
// With --check it writes nothing and exits 1 when the guide differs from the help (test/docs.test.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const GUIDE = join(ROOT, 'docs', 'user-guide.md');
const BEGIN = '<!-- 命令参考：以下由 npm run docs:commands 按各命令的 --help 生成，请勿手改 -->';
const END = '<!-- 命令参考结束 -->';

const help = (args) => execFileSync(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), ...args, '--help'], { encoding: 'utf8' }).trimEnd();

/** The subcommands a help text lists under 命令：, without the `help` command. */
function subcommands(text) {
  const at = text.indexOf('命令：');
  if (at < 0) return [];
  return text
    .slice(at)
    .split('\n')
    .slice(1)
    .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
    .filter((name) => name && name !== 'help');
}

const sections = [];
function visit(path) {
  const text = help(path);
  sections.push(`### \`taizhang ${path.join(' ')}\`\n\n\`\`\`text\n${text}\n\`\`\``);
  for (const sub of subcommands(text)) visit([...path, sub]);
}
for (const command of subcommands(help([]))) visit([command]);

const top = `\`\`\`text\n${help([])}\n\`\`\``;
const body = [BEGIN, '', top, '', ...sections.flatMap((s) => [s, '']), END].join('\n');
const guide = readFileSync(GUIDE, 'utf8');
const from = guide.indexOf(BEGIN);
const to = guide.indexOf(END);
if (from < 0 || to < from) throw new Error(`${GUIDE} has no ${BEGIN} … ${END} block to replace`);
const updated = guide.slice(0, from) + body + guide.slice(to + END.length);
if (process.argv.includes('--check')) {
  if (updated !== guide) {
    console.error('docs/user-guide.md 的命令参考与各命令的 --help 不一致：请运行 npm run docs:commands 重新生成，并审阅 diff。');
    process.exit(1);
  }
  console.log(`docs/user-guide.md: ${sections.length} commands, as their --help says`);
} else {
  writeFileSync(GUIDE, updated);
  console.log(`docs/user-guide.md: ${sections.length} commands`);
}

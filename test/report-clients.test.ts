// Reports read by other programs: the pages as LibreOffice lays them out (measured with pdftotext), python-docx as an
// independent reader, the 汇总表 through openpyxl, and the report command run as a user runs it.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../src/ledger/ledger.ts';
import type { Plan } from '../src/model/plan.ts';
import type { RoundProgress } from '../src/model/progress.ts';
import { parseRound } from '../src/model/round.ts';
import { renderReports } from '../src/report/index.ts';
import { issueRound } from '../src/sheets/issue.ts';
import { python, run, soffice, taizhang, tempDir } from './helpers.ts';
import { reportScenario, unzip } from './report-fixture.ts';

let plan: Plan;
let progress: RoundProgress;
const dir = tempDir('tz-report-clients-');

beforeAll(async () => {
  ({ plan, progress } = await reportScenario());
});

describe('Word output (GB/T 9704-2012)', async () => {
  let files: string[] = [];
  beforeAll(async () => {
    files = (await renderReports({ progress, plan, outDir: join(dir, 'out'), date: '2025-10-20' })).files;
  });
  // A 2025-Q3 round is written up as a 工作进展情况报告 (the 年终 round gets the 年度 report).
  const annual = () => files.find((f) => f.includes('工作进展情况报告'))!;

  it('lays out 22 lines a page, 28 mm from the left, on A4, when LibreOffice renders it', () => {
    const [pdf] = soffice([annual()], 'pdf', join(dir, 'pdf'));
    expect(run('pdfinfo', [pdf!]).stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const html = run('pdftotext', ['-bbox-layout', pdf!, '-']).stdout;
    const pages = html.split('<page ').slice(1);
    expect(pages.length).toBeGreaterThan(3);
    // Pages of body text: the second is full (22 lines); the third holds body text on the same grid, as many lines as
    // come before the chart, which keeps with its caption on the next page when it does not fit (round nine: the
    // report is shorter, so page 3 is no longer full). The footer line is left out.
    const grid = pages.slice(1, 3).map((page) => {
      const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^]*?)<\/line>/g)]
        .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]!.replace(/<[^>]+>/g, '').replace(/\s+/g, '') }))
        .filter((l) => !/^—\d+—$/.test(l.text));
      const ys = [...new Set(lines.map((l) => Math.round(l.y)))].sort((a, b) => a - b);
      const pitch = (ys.at(-1)! - ys[0]!) / (ys.length - 1);
      expect(pitch).toBeGreaterThan(28.5);
      expect(pitch).toBeLessThan(29.4);
      const left = Math.min(...lines.map((l) => l.x));
      expect(left).toBeGreaterThan(78.5); // 28 mm = 79.4 pt
      expect(left).toBeLessThan(80.5);
      return ys;
    });
    expect(grid[0]!.length).toBe(22);
    expect(grid[1]!.length).toBeGreaterThan(10);
    expect(grid[1]!.length).toBeLessThanOrEqual(22);
    // Both pages start their first line at the same height: one grid.
    expect(Math.abs(grid[1]![0]! - grid[0]![0]!)).toBeLessThanOrEqual(1);
  });

  it('sets 28 characters a line, a balanced title and the 落款 on the last body page (LibreOffice PDF)', () => {
    for (const [file, longBody] of [[annual(), true], [files.find((f) => f.includes('督办通报'))!, false]] as const) {
      const [pdf] = soffice([file], 'pdf', join(dir, 'pdf28'));
      const pages = run('pdftotext', ['-layout', pdf!, '-']).stdout.split('\f').filter((p) => p.trim());
      const lines = pages.flatMap((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
      // A body line of Chinese text only: its width in characters. The longest is a full line.
      const width = (l: string) => [...l.replace(/\s+/g, '')].reduce((w, c) => w + (/[\x00-\xff]/.test(c) ? 0.5 : 1), 0);
      const chinese = lines.filter((l) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]+$/.test(l.replace(/\s+/g, '')));
      // A closing mark that may not begin a line (避头) is squeezed onto the line before it: not counted.
      const widest = Math.max(...chinese.map((l) => width(l.replace(/\s+/g, '').replace(/[。，、；：？！”’）》]$/, ''))));
      // The long report has full lines of Chinese text only; the short 通报 has none, and no line over 28.
      expect(longBody ? widest : Math.min(widest, 28)).toBe(longBody ? 28 : widest);
      // The title: balanced lines, none of one character (all on page 1, before the first body line).
      // Issue 29 round four: a 通报 without a 文号 shows the listed gap above its title.
      // Issue 29 round six: the 通报 is issued as a 文件, its 版头 (发文机关标志) above the title.
      const title = pages[0]!.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('发文字号') && l.replace(/\s+/g, '') !== '济南市生态环境局文件');
      // Issue 29 (round two): the 通报's title names its issuer (济南市生态环境局关于…的通报).
      const titleLines = title.slice(0, 2);
      expect(titleLines.join('').replace(/\s+/g, '')).toBe(file === annual() ? '济南市生态环境局2025年前三季度工作进展情况报告' : '济南市生态环境局关于2025年第三季度重点工作推进情况的通报');
      for (const l of titleLines) expect(width(l)).toBeGreaterThan(4);
      // The 落款 shares its page with body text: more on that page than the note, the 落款 and the page number.
      const compact = (l: string) => l.replace(/\s+/g, '');
      const signed = pages.find((p) => compact(p).includes('2025年10月20日'))!;
      const rest = signed.split('\n').map(compact).filter((l) => l && !/^附件：|^—\d+—$|^济南市生态环境局$|^2025年10月20日$/.test(l));
      expect(rest.length).toBeGreaterThan(0);
    }
  });

  // Issue 29 (round nine, B9 point 1): the 通报's 表1 writes its rates as the report and the 汇总表 do (context.ts
  // percent): a whole rate without a decimal (100%, never 100.0%), a part with one.
  it('writes the 通报’s 完成率 in the documents’ one percent format (python-docx)', () => {
    const bulletin = files.find((f) => f.includes('督办通报'))!;
    const rates: string[] = JSON.parse(python(`import sys, docx, json\nt = docx.Document(sys.argv[1]).tables[0]\nprint(json.dumps([r.cells[-1].text for r in t.rows][1:], ensure_ascii=False))`, bulletin));
    const done = progress.clauses.filter((c) => c.answers.length > 0 && c.status === '已完成').length;
    const all = progress.clauses.filter((c) => c.answers.length > 0).length;
    expect(rates.at(-1)).toBe(`${Math.round((1000 * done) / all) / 10}%`);
    // A whole rate other than 0% is among them (this scenario: 50%, 25%), and none carries a .0.
    expect(rates.some((x) => /^[1-9]\d*%$/.test(x)), rates.join(' ')).toBe(true);
    expect(rates.every((x) => /^\d+(\.[1-9])?%$|^未报送$|^—$/.test(x)), rates.join(' ')).toBe(true);
  });

  it('opens in python-docx, an independent reader', () => {
    const out = python(
      `import sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
print(d.paragraphs[0].text.replace('\\n', '')); print(s.page_width, s.page_height, s.left_margin.mm, s.top_margin.mm); print(len(d.tables), len(d.inline_shapes))`,
      annual(),
    ).trim().split('\n');
    expect(out[0]).toBe('济南市生态环境局2025年前三季度工作进展情况报告');
    expect(out[1]).toMatch(/^7560310 10692130 28\.0\d* 37\.0\d*$/);
    expect(out[2]).toBe('1 1');
  });

  it('writes the 汇总表 with every unit’s entry and 序时 colours', () => {
    const summary = files.find((f) => f.includes('汇总表'))!;
    const out = JSON.parse(
      python(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['条目汇总']
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
fills = sorted({ws.cell(r, 17).fill.fgColor.rgb for r in range(3, ws.max_row + 1) if ws.cell(r, 17).value})
print(json.dumps({'sheets': wb.sheetnames, 'header': [c.value for c in ws[2]], 'rows': len(rows), 'first': rows[0][:8], 'fills': fills}, ensure_ascii=False, default=str))`,
        summary,
      ),
    );
    expect(out.sheets).toEqual(['条目汇总', '报送情况', '章节统计']);
    expect(out.header.slice(0, 8)).toEqual(['编号', '重点任务', '具体内容', '目标值', '完成时限', '责任单位', '职责', '完成状态']);
    const answerRows = progress.clauses.reduce((s, c) => s + Math.max(1, c.answers.length), 0);
    expect(out.rows).toBe(answerRows);
    expect(out.first.slice(0, 2)).toEqual(['1.1', '推进美丽济南建设']);
    expect(out.fills).toContain('FFFFC7CE');
    expect(out.fills).toContain('FFC6EFCE');
  });
});

describe('report CLI', () => {
  it('lists the template variables', () => {
    const r = taizhang(['report', '--list-variables']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('滞后任务（列表）');
    expect(r.stdout).toContain('<signature>');
  });

  it('renders a clerk’s own template, and reports a broken one with its line (exit 1)', async () => {
    const ws = tempDir();
    const ledger = new Ledger(ws);
    await issueRound(ledger, { plan, round: parseRound('2025-Q3'), outDir: join(ws, 'out') });
    ledger.close();
    mkdirSync(join(ws, 't'));
    writeFileSync(join(ws, 't', 'mine.hbs'), '<document>\n<title>{{机关}}催报</title>\n<p>未报：{{顿号 报送.未报}}</p>\n</document>\n');
    // Nothing was collected: the report is refused unless forced (tested in truth.test.ts); forced here.
    const ok = taizhang(['report', '--round', '2025-Q3', '-w', ws, '--template', join(ws, 't', 'mine.hbs'), '--today', '2025-10-20', '--force']);
    expect(ok.code).toBe(0);
    const docx = join(ws, '2025-Q3', '报告', 'mine_2025-Q3.docx');
    expect(unzip(docx, 'word/document.xml')).toContain('未报：综合与科技处、水生态环境处');
    writeFileSync(join(ws, 't', 'broken.hbs'), '<document>\n<title>{{机关}}</title>\n<para>x</para>\n</document>\n');
    const bad = taizhang(['report', '--round', '2025-Q3', '-w', ws, '--template', join(ws, 't', 'broken.hbs'), '--force']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('错误：模板“broken.hbs”第 3 行的 <para> 元素有误：未知元素');
    // Several templates: -t repeated, or one -t with commas; each gives its document (the last -t used to win).
    const both = taizhang(['report', '--round', '2025-Q3', '-w', ws, '-t', join(ws, 't', 'mine.hbs'), '-t', 'bulletin', '-o', join(ws, 'two'), '--today', '2025-10-20', '--force']);
    expect(both.code).toBe(0);
    expect(readdirSync(join(ws, 'two')).filter((f) => f.endsWith('.docx')).sort()).toEqual(['mine_2025-Q3.docx', '督办通报_2025-Q3.docx']);
    const commas = taizhang(['report', '--round', '2025-Q3', '-w', ws, '-t', `${join(ws, 't', 'mine.hbs')},bulletin`, '-o', join(ws, 'three'), '--today', '2025-10-20', '--force']);
    expect(commas.code).toBe(0);
    expect(readdirSync(join(ws, 'three')).filter((f) => f.endsWith('.docx')).sort()).toEqual(['mine_2025-Q3.docx', '督办通报_2025-Q3.docx']);
  });
});

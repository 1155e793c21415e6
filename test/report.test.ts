// Reports: the document tree, the XML that matters for GB/T 9704, the pages as LibreOffice lays them out,
// determinism, templates and their errors, the 汇总表.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../src/consolidate/index.ts';
import type { Entry } from '../src/model/submission.ts';
import type { Plan } from '../src/model/plan.ts';
import type { RoundProgress } from '../src/model/progress.ts';
import { parseRound } from '../src/model/round.ts';
import { readPlan } from '../src/plan/index.ts';
import { buildContext } from '../src/report/context.ts';
import { renderReports } from '../src/report/index.ts';
import { parseMarkup } from '../src/report/markup.ts';
import { loadTemplate, renderTemplate } from '../src/report/render.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { SEEDS, python, run, soffice, taizhang, tempDir, jinanPlan } from './helpers.ts';
import { Ledger } from '../src/ledger/ledger.ts';
import { issueRound } from '../src/sheets/issue.ts';

let plan: Plan;
let progress: RoundProgress;
const dir = tempDir('tz-report-');

/** Synthetic answers: every unit reports; some clauses behind, one with text that looks like markup. */
function answersFor(p: Plan, tag: string): Map<string, Map<string, Entry>> {
  const answers = new Map<string, Map<string, Entry>>();
  for (const a of assignUnits(p).assignments) {
    const m = new Map<string, Entry>();
    a.rows.forEach((row, i) => {
      const status = row.clause.id === '6.3' || i % 7 === 3 ? '滞后' : i % 5 === 0 ? '已完成' : '序时推进';
      m.set(row.clause.id, {
        clauseId: row.clause.id,
        role: row.role,
        status,
        value: row.clause.targets[0] ? row.clause.targets[0].value * (status === '滞后' ? 0.3 : 0.8) : null,
        valueText: row.clause.targets[0] ? String(row.clause.targets[0].value * (status === '滞后' ? 0.3 : 0.8)) : null,
        progress: row.clause.id === '1.1' ? `完成<b>#1|*方案*</b> & 清单${tag}` : `${row.task.lead}工作有序推进${tag}`,
        problems: status === '滞后' ? '资金到位较慢' : null,
        nextSteps: '加快推进',
      });
    });
    answers.set(a.unit, m);
  }
  return answers;
}

beforeAll(async () => {
  plan = await jinanPlan();
  const units = assignUnits(plan).assignments.map((a) => a.unit);
  progress = consolidate({
    plan,
    round: parseRound('2025-Q3'),
    answers: answersFor(plan, ''),
    // 生态保护处 wrote the same progress last round: stagnation.
    previous: new Map([['生态保护处', answersFor(plan, '').get('生态保护处')!]]),
    receipts: units.map((unit, i) => ({ unit, state: i === 0 ? '逾期报送' : i === 1 ? '退回' : '已报送', resubmissionReturned: false, receivedAt: '2025-10-08T01:00:00Z', reporter: '张明', phone: '0531-86161234', rows: 1, problems: i === 1 ? 2 : 0, submissions: 1 })),
  });
});

function unzip(file: string, member: string): string {
  return execFileSync('unzip', ['-p', file, member], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe('consolidation into report data', () => {
  it('derives statuses, 序时 colours, stagnation and the 一是…二是… items', () => {
    const ctx = buildContext(progress, plan, '2025-10-20');
    expect(ctx.统计.条目数).toBe(67);
    expect(ctx.统计.应报单位数).toBe(23);
    expect(ctx.报送.逾期).toEqual(['综合与科技处']);
    expect(ctx.报送.退回).toEqual(['水生态环境处']);
    const behind = progress.clauses.filter((c) => c.status === '滞后');
    expect(behind.length).toBeGreaterThan(0);
    // 30% of the target where 75% is expected: 45 points behind, red.
    const withTarget = behind.find((c) => c.targetValue !== null);
    if (withTarget) expect(withTarget.schedule).toBe('red');
    expect(progress.clauses.filter((c) => c.stagnant).every((c) => c.answers.some((a) => a.unit === '生态保护处'))).toBe(true);
    expect(ctx.停滞任务.length).toBeGreaterThan(0);
    // Issue 29 round two (rule 5): a unit's text opening with its own verb is not put after the task's name.
    expect(ctx.章节[0]!.成效[0]).toMatch(/^一是完成/);
    expect(ctx.章节[0]!.序号).toBe('一');
  });
});

describe('templates and markup', () => {
  it('keeps cell text such as <b>, #, |, *, & as text', async () => {
    const { tree } = renderTemplate(await loadTemplate('progress-report'), buildContext(progress, plan, '2025-10-20'));
    const text = JSON.stringify(tree);
    expect(text).toContain('完成<b>#1|*方案*</b> & 清单');
    expect(tree.blocks[0]).toEqual({ type: 'title', content: [{ text: '济南市生态环境局2025年前三季度工作进展情况报告', bold: false }] });
    expect(tree.blocks.filter((b) => b.type === 'heading').map((b) => (b as { content: { text: string }[] }).content[0]!.text)).toEqual(['一、工作进展情况', '二、存在问题', '三、下一步工作打算']);
    expect(tree.blocks.some((b) => b.type === 'image' && b.src === 'chart:chapters')).toBe(true);
    // The 落款 closes the body; the attachments follow it.
    expect(tree.blocks.filter((b) => b.type === 'signature' || b.type === 'attachment').map((b) => b.type)).toEqual(['signature', 'attachment']);
    expect(tree.blocks.find((b) => b.type === 'signature')).toEqual({ type: 'signature', org: '济南市生态环境局', date: '2025年10月20日' });
  });

  it('lays out a plan’s indicators as a table (tianqiao)', async () => {
    const tianqiao = await readPlan(join(SEEDS, 'tianqiao-14th-five-year-plan.txt'));
    const p = consolidate({ plan: tianqiao, round: parseRound('2025-年终'), answers: new Map(), previous: new Map(), receipts: [] });
    const { tree } = renderTemplate(await loadTemplate('annual-summary'), buildContext(p, tianqiao, '2026-01-15', { 城区绿化覆盖率: 43.5 }));
    const attachment = tree.blocks.find((b) => b.type === 'attachment' && b.title === '主要指标完成情况') as Extract<(typeof tree.blocks)[number], { type: 'attachment' }>;
    const table = attachment.blocks[0] as Extract<(typeof attachment.blocks)[number], { type: 'table' }>;
    expect(table.rows).toHaveLength(21);
    const cells = (r: number) => table.rows[r]!.map((c) => c.content.map((x) => x.text).join(''));
    expect(cells(1)).toEqual(['1', '城市细颗粒物（PM2.5）浓度', 'ug/m3', '52', '42', '约束性', '—']);
    expect(cells(17)).toEqual(['17', '城区绿化覆盖率', '%', '43', '43', '预期性', '43.5']);
  });

  it('names the template, line and element of a markup error', () => {
    const source = '<document>\n<title>通报</title>\n<tabel widths="1,2"></tabel>\n</document>\n';
    expect(() => parseMarkup(source, 'my.hbs', source)).toThrow('模板“my.hbs”第 3 行的 <tabel> 元素有误：未知元素');
    const bad = '<document>\n<p>x</p>\n<table widths="1,2,3"><tr><td>a</td></tr></table>\n</document>';
    expect(() => parseMarkup(bad, 't.hbs', bad)).toThrow('第 3 行的 <table> 元素有误：widths 应为 1 个正数');
  });

  it('names the line of a Handlebars syntax error', () => {
    expect(() => renderTemplate({ name: 'x.hbs', source: '<document>\n<p>{{#each 章节}}</p>\n</document>' }, buildContext(progress, plan, '2025-10-20'))).toThrow(/模板“x.hbs”.*有语法错误/);
  });

  it('shows a figure with no data as 【待填：名称】 and lists it', () => {
    const source = '<document>\n<title>讲话</title>\n<p>全年共公示行政处罚{{数值 "行政处罚案件数"}}起；非现场执法比例达到{{数值 "完成值:11.3"}}%。</p>\n</document>\n';
    const { tree, missing } = renderTemplate({ name: 'speech-test.hbs', source }, buildContext(progress, plan, '2025-10-20'));
    expect(missing).toEqual(['行政处罚案件数']);
    expect(JSON.stringify(tree)).toContain('全年共公示行政处罚【待填：行政处罚案件数】起');
    // A figure that does come from the sheets: 11.3's reported value (40% × 0.8 or 0.3).
    expect(JSON.stringify(tree)).toMatch(/非现场执法比例达到(32|12)%/);
    const supplied = renderTemplate({ name: 'speech-test.hbs', source }, buildContext(progress, plan, '2025-10-20', { 行政处罚案件数: 216 }));
    expect(supplied.missing).toEqual([]);
    expect(JSON.stringify(supplied.tree)).toContain('全年共公示行政处罚216起');
  });

  it('ships a speech template that names no data of one particular plan', async () => {
    const speech = await loadTemplate('speech');
    // The template's own comment may show the syntax; what it renders may not name one plan's clauses.
    expect(speech.source.replace(/\{\{!--[^]*?--\}\}/g, '')).not.toMatch(/\{\{数值 "完成值:/);
    const { missing } = renderTemplate(speech, buildContext(progress, plan, '2025-10-20'));
    expect(missing).toEqual([]);
  });
});

describe('Word output (GB/T 9704-2012)', async () => {
  let files: string[] = [];
  beforeAll(async () => {
    files = (await renderReports({ progress, plan, outDir: join(dir, 'out'), date: '2025-10-20' })).files;
  });
  // A 2025-Q3 round is written up as a 工作进展情况报告 (the 年终 round gets the 年度 report).
  const annual = () => files.find((f) => f.includes('工作进展情况报告'))!;

  it('sets A4, margins, the line grid, fonts and sizes in the XML', () => {
    const xml = unzip(annual(), 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(xml).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(xml).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="方正小标宋简体" w:hAnsi="Times New Roman"\/>[^]*?<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:eastAsia="黑体"[^]*?<w:sz w:val="32"\/>[^]*?一、工作进展情况/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>/);
    expect(xml).toContain('<w:ind w:firstLine="640"/>');
    // The inline （一） lead of a paragraph is in 楷体, the second heading level's font.
    expect(xml).toMatch(/w:eastAsia="楷体_GB2312"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="32"\/>(?:<[^>]+>)*?<w:t xml:space="preserve">（一）扎实推进美丽济南建设实践。<\/w:t>/);
    // A line grid of 28.95 pt; 28 characters a line come from 0.25 pt condensing (a character grid would make
    // LibreOffice give each character two cells).
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(unzip(annual(), 'word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>[^]*<w:spacing w:val="-5"\/>/);
    expect(unzip(annual(), 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('numbers pages — 1 — in 宋体 四号, odd on the right and even on the left', () => {
    const rels = unzip(annual(), 'word/_rels/document.xml.rels');
    const xml = unzip(annual(), 'word/document.xml');
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(xml)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
      return unzip(annual(), `word/${target}`);
    };
    for (const [type, jc] of [['default', 'right'], ['even', 'left']]) {
      const f = footer(type!);
      expect(f).toContain(`<w:jc w:val="${jc}"/>`);
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t>[^]*PAGE[^]*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });

  it('lays out 22 lines a page, 28 mm from the left, on A4, when LibreOffice renders it', () => {
    const [pdf] = soffice([annual()], 'pdf', join(dir, 'pdf'));
    expect(run('pdfinfo', [pdf!]).stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const html = run('pdftotext', ['-bbox-layout', pdf!, '-']).stdout;
    const pages = html.split('<page ').slice(1);
    expect(pages.length).toBeGreaterThan(3);
    // Full pages of body text: every page but the first (title) and the last; the footer line is left out.
    for (const page of pages.slice(1, 3)) {
      const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^]*?)<\/line>/g)]
        .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]!.replace(/<[^>]+>/g, '').replace(/\s+/g, '') }))
        .filter((l) => !/^—\d+—$/.test(l.text));
      const ys = [...new Set(lines.map((l) => Math.round(l.y)))].sort((a, b) => a - b);
      expect(ys.length).toBe(22);
      const pitch = (ys.at(-1)! - ys[0]!) / 21;
      expect(pitch).toBeGreaterThan(28.5);
      expect(pitch).toBeLessThan(29.4);
      const left = Math.min(...lines.map((l) => l.x));
      expect(left).toBeGreaterThan(78.5); // 28 mm = 79.4 pt
      expect(left).toBeLessThan(80.5);
    }
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
      const title = pages[0]!.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('发文字号'));
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

  it('gives the same document body when the same data is rendered twice', async () => {
    const again = (await renderReports({ progress, plan, outDir: join(dir, 'again'), date: '2025-10-20' })).files;
    for (const [a, b] of files.map((f, i) => [f, again[i]!])) {
      if (!a!.endsWith('.docx')) continue;
      expect(unzip(b!, 'word/document.xml')).toBe(unzip(a!, 'word/document.xml'));
    }
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

  it('embeds the chart with Chinese labels as a picture', () => {
    const media = execFileSync('unzip', ['-l', annual()], { encoding: 'utf8' });
    expect(media).toMatch(/word\/media\/\S+\.png/);
    const png = readFileSync(files.find((f) => f.endsWith('.png'))!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
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

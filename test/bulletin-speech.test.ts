// The 督办通报 and the conference speech of a 年终 round, read back with python-docx: the year-end title and
// wording, units named and spared by rule, the 版记, the speech's review and its deployment of the next plan.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../src/consolidate/index.ts';
import type { Plan } from '../src/model/plan.ts';
import type { RoundProgress } from '../src/model/progress.ts';
import type { Entry } from '../src/model/submission.ts';
import { parseRound } from '../src/model/round.ts';
import { readPlan } from '../src/plan/index.ts';
import { shortfall } from '../src/report/bulletin.ts';
import { docNumberWarnings, renderReports, type ReportResult } from '../src/report/index.ts';
import { meetingName } from '../src/report/speech.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { chapterChartSvg, chartLabel } from '../src/report/chart.ts';
import { GOOD_ANSWERS, PYTHON, SEEDS, fillWorkbook, issuedWorkspace, jinanPlan, run, soffice, taizhang, tempDir } from './helpers.ts';
import { balanceTitle } from '../src/report/docx-writer.ts';
import { mkdirSync } from 'node:fs';

/** Paragraph texts of a .docx as python-docx sees them (tables apart). */
function docxText(file: string): string[] {
  const out = execFileSync(PYTHON, ['-c', 'import sys, docx, json; print(json.dumps([p.text.replace(chr(10), \'\') for p in docx.Document(sys.argv[1]).paragraphs if p.text.strip()], ensure_ascii=False))', file], { encoding: 'utf8' });
  return JSON.parse(out);
}

function docxTables(file: string): string[][][] {
  const out = execFileSync(PYTHON, ['-c', 'import sys, docx, json; print(json.dumps([[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(sys.argv[1]).tables], ensure_ascii=False))', file], { encoding: 'utf8' });
  return JSON.parse(out);
}

// Units of the Jinan plan with parts in this scenario (see the plan's clauses 6.3 and 11.3).
const SOIL = '土壤生态环境处'; // leads 6.3: 完成省定660个行政村环境整治任务
const MONITORING = '生态环境监测处'; // cooperates on 6.3 and reports its part done
const CONTROL = '市生态环境监控中心'; // cooperates on 6.3 and is itself behind
const ENFORCEMENT = '市生态环境保护综合行政执法支队'; // leads 11.3: 非现场执法比例保持在40%以上
const LATE = '综合与科技处';
const SILENT = '水生态环境处';
const RETURNED = '大气环境处';

let plan: Plan;
let next: Plan;
let progress: RoundProgress;
let result: ReportResult;
const dir = tempDir('tz-bulletin-');
const out = join(dir, 'out');

/** Year-end answers: everything done at its target, but for 6.3 (612 of 660) and 11.3 (32% for 40%). */
function answersFor(p: Plan): Map<string, Map<string, Entry>> {
  const answers = new Map<string, Map<string, Entry>>();
  for (const a of assignUnits(p).assignments) {
    if (a.unit === SILENT || a.unit === RETURNED) continue;
    const m = new Map<string, Entry>();
    for (const row of a.rows) {
      const id = row.clause.id;
      const target = row.clause.targets[0];
      let status = '已完成';
      let value = target ? target.value : null;
      if (id === '6.3' && row.role === '牵头') [status, value] = ['滞后', 612];
      if (id === '6.3' && a.unit === CONTROL) status = '滞后';
      if (id === '11.3') [status, value] = ['滞后', 32];
      m.set(id, {
        clauseId: id,
        role: row.role,
        status,
        value,
        valueText: value === null ? null : String(value),
        progress: `${row.task.lead}工作${status === '已完成' ? '全面完成' : '持续推进'}，形成了常态化工作机制。`,
        problems: status === '滞后' ? (id === '6.3' ? '部分村庄整治资金到位较晚。' : '非现场监管设备覆盖不足。') : null,
        nextSteps: '巩固提升工作成效。',
      });
    }
    answers.set(a.unit, m);
  }
  return answers;
}

beforeAll(async () => {
  plan = await jinanPlan();
  // The next year's plan: the seed with its year moved on (the speech deploys its chapters and tasks).
  const text = readFileSync(join(SEEDS, 'jinan-2025-work-plan.txt'), 'utf8').replace(/2025年/g, '2026年');
  writeFileSync(join(dir, 'plan-2026.txt'), text);
  next = await readPlan(join(dir, 'plan-2026.txt'), { title: '济南市生态环境局2026年工作要点', issuer: '济南市生态环境局' });
  const units = assignUnits(plan).assignments.map((a) => a.unit);
  const state = (u: string) => (u === LATE ? '逾期报送' : u === SILENT ? '逾期' : u === RETURNED ? '退回' : '已报送');
  progress = consolidate({
    plan,
    round: parseRound('2025-年终'),
    answers: answersFor(plan),
    previous: new Map(),
    receipts: units.map((unit) => ({ unit, state: state(unit), resubmissionReturned: false, receivedAt: state(unit) === '逾期报送' ? '2026-01-12T01:00:00Z' : '2026-01-08T01:00:00Z', reporter: '张明', phone: '0531-86161234', rows: 1, problems: unit === RETURNED ? 2 : 0, submissions: unit === SILENT ? 0 : 1 })),
  });
  result = await renderReports({
    progress,
    plan,
    outDir: out,
    date: '2026-01-15',
    nextPlan: next,
    replyBy: '2026-01-25',
    settings: { cc: '市委督查室，市政府督查室', printer: '济南市生态环境局办公室', docNumber: '济环督〔2026〕1号' },
  });
});

const file = (name: string) => join(out, `${name}_2025-年终.docx`);

describe('the 督办通报 of a 年终 round', () => {
  it('is titled for the year, says no 下一轮, and leaves zero counts unsaid', () => {
    const text = docxText(file('督办通报'));
    expect(text.slice(0, 3)).toEqual(['济环督〔2026〕1号', '关于2025年度重点工作完成情况的通报', '各处室、各单位：']);
    const body = text.join('\n');
    expect(body).not.toContain('下一轮');
    expect(body).not.toMatch(/[^\d]0[家个项]/);
    expect(body).toContain('按照《济南市生态环境局2025年工作要点》调度安排，现将2025年度重点工作完成情况通报如下。');
  });

  it('lists what is left undone in figures, naming the lead and only the cooperating units that are behind themselves', () => {
    const [, pressed] = docxTables(file('督办通报'));
    expect(pressed![0]).toEqual(['编号', '重点任务', '责任单位', '完成情况']);
    const row = (id: string) => pressed!.find((r) => r[0] === id)!;
    expect(row('6.3')).toEqual(['6.3', '深入开展农村环境整治', `${SOIL}（牵头）、${CONTROL}`, '660个完成612个，尚差48个']);
    expect(row('6.3')[2]).not.toContain(MONITORING);
    expect(row('11.3')[3]).toBe('目标40%以上，实际32%，尚差8个百分点');
  });

  it('names late, silent and returned units with a deadline, asks for a dated written reply, and commends by rule', () => {
    const body = docxText(file('督办通报')).join('\n');
    expect(body).toContain(`${LATE}未按时报送2025年年终调度表`);
    expect(body).toContain(`${SILENT}至今未报送调度表，请于2026年1月25日前补报`);
    expect(body).toContain(`${RETURNED}报送的调度表经审核退回，请按回执修改后于2026年1月25日前重新报送`);
    expect(body).toMatch(/并于2026年1月25日前将整改措施书面报送济南市生态环境局办公室。/);
    expect(body).toContain('四、工作要求');
    // Commended: on time, every answer 已完成, leading nothing behind. Never a unit that is late, silent or behind.
    const commended = /\n(.+)按时报送调度表，所承担的任务全部完成，予以通报表扬。/.exec(body)![1]!.split('、');
    expect(commended).toContain(MONITORING);
    for (const u of [SOIL, CONTROL, ENFORCEMENT, LATE, SILENT, RETURNED]) expect(commended).not.toContain(u);
  });

  it('closes with the 落款, then the 版记: 抄送, 印发机关 and 印发日期', () => {
    const text = docxText(file('督办通报'));
    expect(text.slice(-2)).toEqual(['济南市生态环境局', '2026年1月15日']);
    const imprint = docxTables(file('督办通报')).at(-1)!;
    expect(imprint).toEqual([
      ['抄送：市委督查室，市政府督查室。', '抄送：市委督查室，市政府督查室。'],
      ['济南市生态环境局办公室', '2026年1月15日印发'],
    ]);
  });
});

describe('the speech at the next year’s work conference', () => {
  let text: string[];
  let body: string;
  beforeAll(() => {
    text = docxText(file('讲话稿'));
    body = text.join('\n');
  });

  it('is given at the 2026 conference and reviews 2025, not 今年以来', () => {
    expect(text[0]).toBe('在2026年全市生态环境工作会议上的讲话');
    expect(text[1]).toBe('同志们：');
    expect(body).not.toMatch(/今年以来|【待补充/);
    expect(text.filter((p) => /^[一二三四]、/.test(p))).toEqual(['一、2025年工作回顾', '二、准确把握当前形势', '三、2026年重点工作', '四、狠抓工作落实']);
    expect(body).toContain('全年共部署重点任务59项、67个工作条目');
  });

  it('reviews the year by chapter, with shortcomings in figures', () => {
    const review = text.slice(text.indexOf('一、2025年工作回顾'), text.indexOf('二、准确把握当前形势'));
    expect(review).toContain('（一）扎实推进美丽济南建设实践');
    expect(review.join('')).toContain('一是推进美丽济南建设。');
    expect(body).toContain('深入开展农村环境整治（660个完成612个，尚差48个）');
    expect(body).toMatch(/1家单位逾期报送，1家单位未报送，1家单位报送的调度表被退回重报/);
  });

  it('deploys the next plan: its chapters as the parts, its tasks and targets under them', () => {
    const part = text.slice(text.indexOf('三、2026年重点工作'), text.indexOf('四、狠抓工作落实'));
    const headings = part.filter((p) => /^（[一二三四五六七八九十]+）/.test(p));
    expect(headings).toEqual(next.chapters.map((c, i) => `（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'][i]}）${c.title.trim()}`));
    expect(part[1]).toBe('2026年，要围绕《济南市生态环境局2026年工作要点》部署的59项重点任务、67个工作条目（其中量化目标5项），重点抓好以下14个方面工作。');
    expect(part.join('')).toContain('完成省定660个行政村环境整治任务');
    expect(body).toContain('对2025年未完成或滞后的');
  });

  it('is several thousand characters, and lists its 待填 for the drafter', () => {
    expect(body.replace(/\s/g, '').length).toBeGreaterThanOrEqual(3000);
    const gaps = result.missing.find((m) => m.document === '讲话稿')!.figures;
    expect(gaps).toEqual(['政治站位和上级领导（如“在市委、市政府的坚强领导下”）', '当前形势分析（上级最新部署要求，2026年工作的定位，面临的机遇和挑战）', '作风建设和队伍建设要求', '结束语']);
    for (const g of gaps) expect(body).toContain(`【待填：${g}】`);
  });
});

describe('rules in one place', () => {
  it('puts shortfalls in figures, and nothing when the target is met', () => {
    expect(shortfall({ value: 660, unit: '个', comparator: '完成' }, 612)).toBe('660个完成612个，尚差48个');
    expect(shortfall({ value: 5, unit: '%', comparator: '下降' }, 3)).toBe('目标下降5%，实际下降3%，尚差2个百分点');
    expect(shortfall({ value: 5, unit: '%', comparator: '不超过' }, 6)).toBe('目标不超过5%，实际6%，超出1个百分点');
    expect(shortfall({ value: 40, unit: '%', comparator: '以上' }, 45)).toBeNull();
  });

  it('names the meeting from the issuer', () => {
    expect(meetingName('济南市生态环境局', '2026', true, '全年')).toBe('2026年全市生态环境工作会议');
    expect(meetingName('某区生态环境局', '2025', false, '前三季度')).toBe('2025年全区生态环境系统前三季度重点工作推进会');
  });

  it('warns of a 文号 on two documents of a run, or on another round’s document', () => {
    expect(docNumberWarnings('济环督〔2026〕1号', ['督办通报'], '2025-年终', [{ docNumber: '济环督〔2026〕1号', round: '2025-年终', document: '督办通报' }])).toEqual([]);
    expect(docNumberWarnings('济环督〔2026〕1号', ['督办通报', '讲话稿'], '2025-年终', [])).toEqual(['文号“济环督〔2026〕1号”同时用在了《督办通报》、《讲话稿》上，一个文号只能用于一份公文，请删去多余的文号或分别生成。']);
    expect(docNumberWarnings('济环督〔2025〕9号', ['督办通报'], '2025-年终', [{ docNumber: '济环督〔2025〕9号', round: '2025-Q3', document: '督办通报' }])).toEqual([
      '文号“济环督〔2025〕9号”已用于2025-Q3的《督办通报》，请用 npx taizhang config set 文号 … 设置新的文号后重新生成。',
    ]);
    expect(result.warnings).toEqual([]);
  });
});

function unzip(file: string, member: string): string {
  return execFileSync('unzip', ['-p', file, member], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe('layout', () => {
  it('wraps a chart label onto balanced lines at a 顿号, and cuts only with an ellipsis', () => {
    expect(chartLabel('四、更高标准打好蓝天保卫战')).toBe('更高标准打好\n蓝天保卫战');
    expect(chartLabel('八、提升生态系统多样性、稳定性、持续性')).toBe('提升生态系统多样性、\n稳定性、持续性');
    expect(chartLabel('九、切实保障环境安全')).toBe('切实保障环境安全');
    expect(chartLabel('第三章 一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅')).toBe('一二三四五六七八九十\n甲乙丙丁戊己庚辛壬…');
  });

  it('gives the chart no title of its own: the caption is its title', () => {
    const svg = chapterChartSvg(progress);
    expect(svg).not.toContain('各章节任务');
    expect(svg).toContain('已完成');
  });

  it('sets table text off the line grid in single spacing, and the 版记 between rules', () => {
    const xml = unzip(file('督办通报'), 'word/document.xml');
    const styles = unzip(file('督办通报'), 'word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText">[^]*?<w:snapToGrid w:val="0"\/>[^]*?<\/w:style>/);
    const cell = /<w:tc>[^]*?<w:p>[^]*?<\/w:pPr>/.exec(xml)![0];
    expect(cell).toContain('<w:pStyle w:val="TableText"/>');
    expect(cell).toMatch(/<w:spacing w:after="40" w:before="40" w:line="240" w:lineRule="auto"\/>/);
    // The 版记: thick first and last rules, a thin one between, no vertical lines.
    const imprint = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(imprint).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(imprint).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(imprint).toMatch(/<w:left w:val="none"/);
  });

  it('keeps a figure and its caption on one page (LibreOffice PDF)', () => {
    const [pdf] = soffice([file('年度工作情况报告')], 'pdf', join(dir, 'pdf'));
    const imagePage = Number(run('pdfimages', ['-list', pdf!]).stdout.split('\n')[2]!.trim().split(/\s+/)[0]);
    const pages = run('pdftotext', ['-layout', pdf!, '-']).stdout.split('\f');
    const captionPage = pages.findIndex((p) => /图\s*1\s*各章节任务完成情况/.test(p)) + 1;
    expect(imagePage).toBeGreaterThan(0);
    expect(captionPage).toBe(imagePage);
  });
});

describe('titles and the report stage', () => {
  it('never splits 季度 or 年度 across the lines of a title', () => {
    const lines = balanceTitle('在2025年全区生态环境系统前三季度重点工作推进会上的讲话');
    expect(lines.length).toBe(2);
    for (const [a, b] of [['季', '度'], ['年', '度']]) expect(lines.some((l, i) => l.endsWith(a!) && lines[i + 1]?.startsWith(b!))).toBe(false);
  });

  it('suggests a report after a collect that only returned files, when the round already has accepted reports', async () => {
    const ws = tempDir('tz-collect-again-');
    const { ledger, inbox, file } = await issuedWorkspace(ws, plan, { round: '2025-Q3', good: ['大气环境处'] });
    ledger.close();
    expect(taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws]).stdout).toContain('report --round 2025-Q3');
    const again = join(ws, 'again');
    mkdirSync(again);
    fillWorkbook(file('机关党委'), join(again, '机关党委.xlsx'), { ...GOOD_ANSWERS, phone: '' });
    const second = taizhang(['collect', again, '--round', '2025-Q3', '-w', ws]);
    expect(second.stdout).toContain('退回 1');
    expect(second.stdout).toContain('npx taizhang report --round 2025-Q3 生成报告');
    expect(second.stdout).not.toContain('暂不宜生成报告');
  });
});

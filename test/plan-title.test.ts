// A plan whose document has no title line (the Jinan .docx seed): parse says so and how to give one, and every
// writer prints the visible placeholder rather than an empty 《》 or （）.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayIssuer, displayTitle, ISSUER_PLACEHOLDER, TITLE_PLACEHOLDER, type Plan } from '../src/model/plan.ts';
import { ROOT, python, taizhang, tempDir } from './helpers.ts';

const DOCX = join(ROOT, 'seeds', 'jinan-2025-work-plan.docx');

describe('displayTitle / displayIssuer', () => {
  it('give the plan’s own words, or the visible placeholder when they are empty or blank', () => {
    expect(displayTitle({ title: '济南市生态环境局2025年工作要点' })).toBe('济南市生态环境局2025年工作要点');
    expect(displayTitle({ title: '' })).toBe('【待填：计划标题】');
    expect(displayTitle({ title: '  ' })).toBe(TITLE_PLACEHOLDER);
    expect(displayIssuer({ issuer: '济南市生态环境局' })).toBe('济南市生态环境局');
    expect(displayIssuer({ issuer: '' })).toBe('【待填：发文机关】');
    expect(ISSUER_PLACEHOLDER).toBe('【待填：发文机关】');
  });
});

describe('a plan document without a title line', () => {
  let dir: string;
  let parsed: { code: number; stdout: string; stderr: string };
  let plan: Plan;
  beforeAll(() => {
    dir = tempDir('tz-title-');
    parsed = taizhang(['plan', 'parse', DOCX], dir);
    plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan;
  });

  it('parse warns that the title and issuer are missing, and says how to give them', () => {
    expect(parsed.code).toBe(0);
    expect(plan.title).toBe('');
    expect(plan.issuer).toBe('');
    expect(plan.warnings.filter((w) => w.code === 'title-missing' || w.code === 'issuer-missing').map((w) => w.code)).toEqual(['title-missing', 'issuer-missing']);
    expect(parsed.stdout).toContain(
      '未能从原文识别文件标题，调度表的“任务来源”和报告、通报中将显示“【待填：计划标题】”。请重新读取并指定（npx taizhang plan parse <工作要点文件> --title "…"），或在工作台“计划”页上传时填写“标题”。',
    );
    expect(parsed.stdout).toContain('未能从原文识别发文机关，报告、通报中将显示“【待填：发文机关】”。请重新读取并指定（npx taizhang plan parse <工作要点文件> --issuer "…"）');
  });

  it('parse with --title and --issuer gives no such warning', () => {
    const other = tempDir('tz-title-given-');
    const r = taizhang(['plan', 'parse', DOCX, '--title', '济南市生态环境局2025年工作要点', '--issuer', '济南市生态环境局'], other);
    expect(r.code).toBe(0);
    const given = JSON.parse(readFileSync(join(other, 'plan.json'), 'utf8')) as Plan;
    expect(given.title).toBe('济南市生态环境局2025年工作要点');
    expect(given.warnings.map((w) => w.code)).not.toContain('title-missing');
    expect(given.warnings.map((w) => w.code)).not.toContain('issuer-missing');
    expect(r.stdout).not.toContain('未能从原文识别');
  });

  it('sheets generate writes the placeholder as 任务来源, says so in a warning line, and progress prints it too', () => {
    const ws = join(dir, 'ws');
    const r = taizhang(['sheets', 'generate', 'plan.json', '--round', '2025-Q3', '-w', ws], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/《》|（）/);
    expect(r.stdout).toContain('提示：任务清单没有文件标题，调度表“任务来源”一行写作《【待填：计划标题】》。');
    const files = readdirSync(join(ws, '2025-Q3', '下发')).filter((f) => f.endsWith('_调度表.xlsx'));
    expect(files.length).toBeGreaterThan(0);
    // Read by an independent client: the guide sheet's 任务来源 row, and no cell anywhere holding an empty 《》.
    const seen = JSON.parse(
      python(
        `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
g = wb['填报说明']
source = [g.cell(r, 2).value for r in range(1, g.max_row + 1) if g.cell(r, 1).value == '任务来源']
empty = [f'{ws.title}!{c.coordinate}' for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str) and ('《》' in c.value or '（）' in c.value)]
print(json.dumps({'source': source, 'empty': empty}))`,
        join(ws, '2025-Q3', '下发', files[0]!),
      ),
    );
    expect(seen).toEqual({ source: ['《【待填：计划标题】》'], empty: [] });

    const progress = taizhang(['progress', '--round', '2025-Q3', '-w', ws, '--today', '2025-10-01'], dir);
    expect(progress.code).toBe(0);
    expect(progress.stdout.split('\n')[0]).toBe('2025年第三季度汇总进度（【待填：计划标题】）：');
  });
});

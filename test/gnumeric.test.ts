// Gnumeric (ssconvert) as a third independent reader, beside LibreOffice and openpyxl: every kind of workbook we
// write opens without a warning, and the cells a person reads come out as written.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../src/collect/index.ts';
import { loadRoundProgress } from '../src/consolidate/index.ts';
import type { Plan } from '../src/model/plan.ts';
import { exportReview } from '../src/plan/review.ts';
import { writeSummaryWorkbook } from '../src/report/summary-xlsx.ts';
import { issuedWorkspace, jinanPlan, python, tempDir } from './helpers.ts';

/** Every sheet of a workbook as Gnumeric reads it (CSV rows), and whatever Gnumeric printed while reading. */
function gnumeric(file: string): { sheets: Record<string, string[][]>; complaints: string } {
  const dir = tempDir('tz-gnumeric-');
  const r = spawnSync('ssconvert', ['-S', '--export-type=Gnumeric_stf:stf_csv', file, join(dir, 'sheet_%s.csv')], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`ssconvert failed on ${file}: ${r.stderr}`);
  const sheets: Record<string, string[][]> = {};
  for (const f of readdirSync(dir)) {
    const rows = python('import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8"))), ensure_ascii=False))', join(dir, f));
    sheets[f.replace(/^sheet_|\.csv$/g, '')] = JSON.parse(rows);
  }
  return { sheets, complaints: `${r.stdout}${r.stderr}`.trim() };
}

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

describe('Gnumeric opens every workbook we write', () => {
  it('the issued 调度表, the 下发清单, a 退回重报 workbook, the 汇总表 and the plan review workbook', async () => {
    const ws = tempDir('tz-gn-ws-');
    const { ledger, out, inbox } = await issuedWorkspace(ws, plan, { good: ['机关党委'], bad: ['组织人事处'] });
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    expect(events.map((e) => e.outcome.kind).sort()).toEqual(['accepted', 'returned']);
    const { progress } = loadRoundProgress(ledger, '2025-Q3', '2025-10-09');
    const summary = join(ws, '汇总表.xlsx');
    await writeSummaryWorkbook(summary, progress, plan);
    const review = join(ws, '任务分解表.xlsx');
    await exportReview(plan, review);
    ledger.close();

    const issued = gnumeric(join(out, '机关党委_2025-Q3_调度表.xlsx'));
    expect(issued.complaints).toBe('');
    expect(Object.keys(issued.sheets).sort()).toEqual(['_taizhang', '填报说明', '调度表'].sort());
    expect(issued.sheets['调度表']![1]!.slice(0, 2)).toEqual(['填报单位：', '机关党委']);
    expect(issued.sheets['调度表']![4]!.slice(0, 1)).toEqual(['14.1']);

    const returned = gnumeric(join(ws, 'c', '退回重报', '退回重报_组织人事处_2025-Q3.xlsx'));
    // Gnumeric's VML reader does not know the x:Locked and x:LockText elements of a cell note's shape (Excel's own
    // note shapes carry them too); it says so and reads the workbook. Nothing else may be said.
    const vmlNote = /^(Unhandled object of type Note|Unexpected element 'x:(Locked|LockText)' in state : |\t\{catch all\)\} -> shape -> ClientData)$/;
    expect(returned.complaints.split('\n').filter((l) => !vmlNote.test(l))).toEqual([]);
    expect(returned.sheets['调度表']![1]!.slice(0, 6)).toEqual(['填报单位：', '组织人事处', '', '', '填报人：', '张明']);

    const list = gnumeric(join(out, readdirSync(out).find((f) => f.startsWith('下发清单'))!));
    expect(list.complaints).toBe('');
    expect(JSON.stringify(list.sheets)).toContain('机关党委');

    const totals = gnumeric(summary);
    expect(totals.complaints).toBe('');
    expect(JSON.stringify(totals.sheets)).toContain('按计划推进，已完成阶段性工作。');

    const plain = gnumeric(review);
    expect(plain.complaints).toBe('');
    expect(JSON.stringify(plain.sheets)).toContain('加强政治机关建设');
  });
});

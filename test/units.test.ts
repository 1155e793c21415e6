// The unit registry: a 通讯录 written by openpyxl (an independent writer) imported, listed, exported and imported
// again; near-miss names refused with the name meant; contacts written in workbooks offered, never applied silently.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Ledger } from '../src/ledger/ledger.ts';
import { collect } from '../src/collect/index.ts';
import { acceptOffers, contactOffers, exportUnits, importUnits, listUnits } from '../src/units/index.ts';
import { registeredUnits } from '../src/units/store.ts';
import { writeFileSync } from 'node:fs';
import { issuedWorkspace, jinanPlan, python, taizhang, tempDir } from './helpers.ts';

let ws: string;
let ledger: Ledger;
let inbox: string;

/** Writes a 通讯录 with openpyxl: a title row, then the header, then rows. */
function addressBook(file: string, header: string[], rows: (string | number)[][]): void {
  python(
    `import json, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = '通讯录'
ws.append(['济南市生态环境局各处室联系方式'])
ws.append(json.loads(sys.argv[2]))
for r in json.loads(sys.argv[3]): ws.append(r)
wb.save(sys.argv[1])`,
    file,
    JSON.stringify(header),
    JSON.stringify(rows),
  );
}

beforeAll(async () => {
  ws = tempDir();
  ({ ledger, inbox } = await issuedWorkspace(ws, await jinanPlan(), { good: ['大气环境处'] }));
}, 120_000);
afterAll(() => ledger?.close());

describe('units import', () => {
  test('matches names to the plan, several addresses a unit, near misses and unknown units named by cell', async () => {
    const file = join(ws, '通讯录.xlsx');
    addressBook(file, ['序号', '单位名称', '联系人', '手机', '电子邮箱'], [
      [1, '大气环境处', '王芳', 13800000001, 'dqc@jnepb.gov.cn；wangfang@163.com'],
      [2, '水生态环境处', '李强', '0531-66600002', 'sst@jnepb.gov.cn'],
      [3, '综合与科技处', '赵敏', '0531-66600003', 'zhkj@jnepb'],
      [4, '财务审记处', '钱进', '0531-66600004', 'cwsj@jnepb.gov.cn'],
      [5, '市园林局', '孙立', '0531-66600005', 'yl@jinan.gov.cn'],
    ]);
    const r = await importUnits(ledger, file, new Date('2025-10-01T00:00:00Z'));
    expect(r.sheet).toBe('通讯录');
    expect(r.added.map((u) => u.unit)).toEqual(['大气环境处', '水生态环境处', '综合与科技处']);
    expect(r.unknown).toEqual([{ cell: '通讯录!B7', name: '市园林局' }]);
    expect(r.problems).toEqual([
      { cell: '通讯录!E5', message: '“zhkj@jnepb”不是有效的邮箱地址（综合与科技处），未导入该地址；请改正后重新导入' },
      { cell: '通讯录!B6', message: '单位“财务审记处”不是工作要点中的单位名称，是否为“财务审计处”？请改正后重新导入（或在“别名”列写上通讯录中的叫法）' },
    ]);
    const dq = registeredUnits(ledger).find((u) => u.unit === '大气环境处')!;
    expect(dq).toMatchObject({ contact: '王芳', phone: '13800000001', emails: ['dqc@jnepb.gov.cn', 'wangfang@163.com'] });
    const listing = listUnits(ledger);
    expect(listing.units).toHaveLength(23);
    expect(listing.units.filter((u) => u.missing.length === 0).map((u) => u.unit)).toEqual(['水生态环境处', '大气环境处']);
    expect(listing.units.find((u) => u.unit === '综合与科技处')!.missing).toEqual(['邮箱']);
  });

  test('the export is re-importable and changes only what was edited', async () => {
    const out = join(ws, '单位名录.xlsx');
    writeFileSync(out, await exportUnits(ledger));
    const rows = JSON.parse(python(`import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c if c is not None else '' for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))`, out)) as string[][];
    expect(rows[0]).toEqual(['单位名称', '联系人', '电话', '邮箱', '别名']);
    expect(rows).toHaveLength(24);
    expect(rows.find((r) => r[0] === '大气环境处')).toEqual(['大气环境处', '王芳', '13800000001', 'dqc@jnepb.gov.cn；wangfang@163.com', '']);
    // The coordinator fills in 财务审计处 and edits 水生态环境处's phone, in LibreOffice's place: openpyxl.
    python(`import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
for r in ws.iter_rows(min_row=2):
    if r[0].value == '财务审计处': r[1].value, r[2].value, r[3].value = '钱进', '0531-66600004', 'cwsj@jnepb.gov.cn'
    if r[0].value == '水生态环境处': r[2].value = '0531-66600009'
wb.save(sys.argv[1])`, out);
    const r = await importUnits(ledger, out);
    expect(r.added.map((u) => u.unit)).toEqual(['财务审计处']);
    expect(r.changed).toEqual([{ unit: '水生态环境处', changes: ['电话 0531-66600002 → 0531-66600009'] }]);
    // The 20 blank rows register nothing; 大气环境处 and 综合与科技处 come back as they were.
    expect(r.unchanged).toBe(2);
    expect(r.problems).toEqual([]);
  });

  test('a workbook contact is offered, applied only when accepted', async () => {
    await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, '收集') });
    const offers = contactOffers(ledger);
    expect(offers.map((o) => [o.unit, o.contact, o.phone])).toEqual([['大气环境处', '张明', '0531-86161234']]);
    expect(registeredUnits(ledger).find((u) => u.unit === '大气环境处')!.contact).toBe('王芳');
    expect(acceptOffers(ledger, ['大气环境处']).length).toBe(1);
    expect(registeredUnits(ledger).find((u) => u.unit === '大气环境处')).toMatchObject({ contact: '张明', phone: '0531-86161234', emails: ['dqc@jnepb.gov.cn', 'wangfang@163.com'] });
    expect(contactOffers(ledger)).toEqual([]);
  });

  test('status prints whom to call; the next round\'s 下发清单 carries the registered contacts', async () => {
    const status = taizhang(['status', '--round', '2025-Q3', '-w', ws, '--today', '2025-10-05']);
    expect(status.stdout).toContain('催报联系方式（单位名录）：\n  综合与科技处：赵敏 0531-66600003\n  水生态环境处：李强 0531-66600009\n  土壤生态环境处：名录中没有联系方式\n');
    expect(status.stdout).not.toContain('  大气环境处：');
    expect(status.stdout).toContain('有 19 个单位没有电话');
    const { issueRound } = await import('../src/sheets/issue.ts');
    const { parseRound } = await import('../src/model/round.ts');
    const out = join(ws, '2025-Q4', '下发');
    await issueRound(ledger, { plan: await jinanPlan(), round: parseRound('2025-Q4'), outDir: out });
    const rows = JSON.parse(python(`import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[r[1], r[6]] for r in ws.iter_rows(min_row=3, values_only=True)], ensure_ascii=False))`, join(out, '下发清单.xlsx'))) as [string, string | null][];
    expect(rows).toHaveLength(23);
    expect(rows.filter((r) => r[1])).toEqual([
      ['综合与科技处', '赵敏 0531-66600003'],
      ['水生态环境处', '李强 0531-66600009'],
      ['大气环境处', '张明 0531-86161234'],
      ['财务审计处', '钱进 0531-66600004'],
    ]);
  });

  test('the CLI lists what is missing and names a file without a header', async () => {
    const r = taizhang(['units', '-w', ws]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('单位名录（23 个单位）：');
    expect(r.stdout).toContain('  大气环境处  张明  0531-86161234  dqc@jnepb.gov.cn；wangfang@163.com\n');
    expect(r.stdout).toContain('信息不全的单位 20 个，其中没有邮箱的 20 个');
    const set = taizhang(['units', 'set', '生态保护处', '--contact', '周静', '--email', 'stbh@jnepb.gov.cn；ZJ@163.com', '-w', ws]);
    expect(set.stdout).toBe('已更新 生态保护处：联系人 周静，电话 —，邮箱 stbh@jnepb.gov.cn；zj@163.com\n');
    const wrong = taizhang(['units', 'set', '生态保户处', '--phone', '1', '-w', ws]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('错误：“生态保户处”不是已下发轮次中的单位。\n处理办法：是否为“生态保护处”？\n');
    const badMail = taizhang(['units', 'set', '生态保护处', '--email', 'stbh@', '-w', ws]);
    expect(badMail.stderr).toContain('错误：“stbh@”不是有效的邮箱地址。');
    const bad = join(ws, '空表.xlsx');
    python(`import sys, openpyxl
wb = openpyxl.Workbook(); wb.active.append(['甲', '乙']); wb.save(sys.argv[1])`, bad);
    const r2 = taizhang(['units', 'import', bad, '-w', ws]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('错误：通讯录“空表.xlsx”的前 10 行中找不到表头');
  });
});

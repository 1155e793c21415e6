// Nothing false, empty or poisoned reaches the ledger (issue 28): each test builds the exact input that once got
// through, and asserts what the ledger, the unit's state and the message say now.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, type CollectEvent } from '../src/collect/index.ts';
import { Ledger } from '../src/ledger/ledger.ts';
import type { Plan } from '../src/model/plan.ts';
import { parseRound } from '../src/model/round.ts';
import { issueRound } from '../src/sheets/issue.ts';
import { issuedWorkspace, jinanPlan, python, ROOT, taizhang, tempDir } from './helpers.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

const TRACKING = 'xl/worksheets/sheet2.xml';
const SOIL = '土壤生态环境处';

type CellEdit = string | number | { raw: string } | { xml: string };

/**
 * An issued workbook with cells of its 调度表 replaced, as a unit's program would save them: a number, an inline
 * text, or raw XML (`{ raw: '<v>1e400</v>' }`, with `t="…"` attributes written as `{ raw: ' t="s"><v></v>' }`).
 */
function edit(bytes: Uint8Array, cells: Record<string, CellEdit>): Uint8Array {
  const parts = unzipSync(bytes);
  let xml = strFromU8(parts[TRACKING]!);
  for (const [ref, v] of Object.entries(cells)) {
    const pattern = new RegExp(`<c r="${ref}"((?: s="\\d+")?)(?: t="[^"]*")?(?:/>|>.*?</c>)`);
    if (!pattern.test(xml)) throw new Error(`no cell ${ref} in the issued sheet`);
    xml = xml.replace(pattern, (_, style: string) => {
      if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
      if (typeof v === 'string') return `<c r="${ref}"${style} t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
      if ('xml' in v) return v.xml;
      const { raw } = v as { raw: string };
      return raw.startsWith(' t=') ? `<c r="${ref}"${style}${raw}</c>` : `<c r="${ref}"${style}>${raw}</c>`;
    });
  }
  parts[TRACKING] = strToU8(xml);
  return zipSync(parts);
}

/** The table rows of an issued workbook (5, 6, …). */
function tableRows(bytes: Uint8Array): number[] {
  const xml = strFromU8(unzipSync(bytes)[TRACKING]!);
  return [...xml.matchAll(/<c r="A(\d+)"[^>]* t="inlineStr">/g)].map((m) => Number(m[1])).filter((r) => r >= 5);
}

/** A whole, sound answer for every row: header, 序时推进 and a progress text, and `cells` on top. */
function filled(bytes: Uint8Array, cells: Record<string, CellEdit> = {}): Uint8Array {
  const answers: Record<string, CellEdit> = { F2: '王芳', H2: '0531-86161234' };
  for (const r of tableRows(bytes)) Object.assign(answers, { [`K${r}`]: '序时推进', [`L${r}`]: '按计划推进。' });
  return edit(bytes, { ...answers, ...cells });
}

async function workspace(roundId = '2025-Q3') {
  const ws = tempDir('tz-poison-');
  const w = await issuedWorkspace(ws, plan, { round: roundId });
  const issuedBytes = (unit: string) => new Uint8Array(readFileSync(w.file(unit)));
  /** Collects the given files (written to a fresh folder) into the round. */
  let n = 0;
  const run = async (files: Record<string, Uint8Array>, round = roundId, extra: Partial<Parameters<typeof collect>[0]> = {}): Promise<CollectEvent[]> => {
    const dir = join(ws, `inbox-${++n}`);
    mkdirSync(dir);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    return collect({ ledger: w.ledger, roundId: round, paths: [dir], outDir: join(ws, 'c'), now: () => new Date('2025-10-09T08:00:00Z'), ...extra });
  };
  return { ws, ...w, issuedBytes, run };
}

function states(ledger: Ledger, round: string) {
  return ledger.currentSubmissions(round).map((s) => `${s.unit}:${s.outcome}`);
}

describe('1. a workbook as it was issued is not a submission', () => {
  it('refuses the blank forms of the 下发 folder as 未填写的下发原表, and no unit is told its file was returned', async () => {
    const { ledger, out, ws } = await workspace();
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [out], outDir: join(ws, 'c') });
    const workbooks = events.filter((e) => e.file.endsWith('_调度表.xlsx'));
    expect(workbooks.length).toBeGreaterThan(10);
    for (const e of workbooks) {
      expect(e.outcome.kind).toBe('refused');
      expect((e.outcome as { reason: string }).reason).toBe('未填写的下发原表：表中“完成值”“完成状态”“进展情况”“存在问题”“下一步打算”各栏均为空白，不作为报送，未收取。请填写本期情况后报送');
    }
    expect(states(ledger, '2025-Q3')).toEqual([]);
    expect(ledger.refusedFiles('2025-Q3').filter((i) => i.unit === null && i.message?.startsWith('未填写的下发原表')).length).toBe(workbooks.length);
    ledger.close();
  });

  it('gives a unit that sends the blank form back with only its header filled the same answer', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const [e] = await run({ 'soil.xlsx': edit(issuedBytes(SOIL), { F2: '王芳', H2: '0531-86161234' }) });
    expect(e!.outcome).toMatchObject({ kind: 'refused', reason: expect.stringContaining('未填写的下发原表') });
    expect(states(ledger, '2025-Q3')).toEqual([]);
    // One cell filled makes it a submission (returned, as the other rows lack their status).
    const [f] = await run({ 'soil2.xlsx': edit(issuedBytes(SOIL), { F2: '王芳', H2: '0531-86161234', K5: '序时推进' }) });
    expect(f!.outcome.kind).toBe('returned');
    expect(states(ledger, '2025-Q3')).toEqual([`${SOIL}:returned`]);
    ledger.close();
  });

  it('does not take a formula saved without its value for a blank: the file is returned at that cell', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const [e] = await run({ 'soil.xlsx': edit(issuedBytes(SOIL), { K5: { xml: '<c r="K5"><f>"已完成"</f></c>' } }) });
    expect(e!.outcome.kind).toBe('returned');
    expect(problemsOf(ledger, '2025-Q3', SOIL)).toContain('K5 formula-uncomputed: 单元格是公式“="已完成"”，但文件中没有它的计算结果（多为程序生成、未经 Excel/WPS 计算保存）。请在 Excel 或 WPS 中打开、确认显示的内容后保存，或直接填写内容');
    ledger.close();
  });

  it('refuses a next round’s workbook sent back exactly as pre-filled from the round before, and takes it once updated', async () => {
    const { ledger, issuedBytes, run, ws } = await workspace('2025-Q2');
    const [q2] = await run({ 'q2.xlsx': filled(issuedBytes(SOIL), { L5: '二季度已完成监测点位布设。' }) });
    expect(q2!.outcome.kind).toBe('accepted');
    const q3Dir = join(ws, '2025-Q3', '下发');
    await issueRound(ledger, { plan, round: parseRound('2025-Q3'), outDir: q3Dir });
    const q3 = new Uint8Array(readFileSync(join(q3Dir, `${SOIL}_2025-Q3_调度表.xlsx`)));
    // Pre-filled, so not blank: what makes it "as issued" is the digest of the answers it was issued with.
    expect(strFromU8(unzipSync(q3)[TRACKING]!)).toContain('二季度已完成监测点位布设。');
    const [same] = await run({ 'q3.xlsx': edit(q3, { F2: '王芳', H2: '0531-86161234' }) }, '2025-Q3');
    expect(same!.outcome).toMatchObject({
      kind: 'refused',
      reason: '未填写的下发原表：表中“完成值”“完成状态”“进展情况”“存在问题”“下一步打算”各栏与下发时预填的上期内容完全相同，不作为报送，未收取。请按本期实际情况更新后报送（本期确无新进展的，请在“进展情况”中如实写明）',
    });
    expect(states(ledger, '2025-Q3')).toEqual([]);
    const [updated] = await run({ 'q3b.xlsx': edit(q3, { F2: '王芳', H2: '0531-86161234', L5: '三季度完成全部监测。' }) }, '2025-Q3');
    expect(updated!.outcome.kind).toBe('accepted');
    expect(states(ledger, '2025-Q3')).toEqual([`${SOIL}:accepted`]);
    ledger.close();
  });
});

/** The problems the ledger holds for the unit's submission in force, as `cell rule: message`. */
function problemsOf(ledger: Ledger, round: string, unit: string): string[] {
  const s = ledger.currentSubmissions(round).find((x) => x.unit === unit)!;
  return ledger.problemsOf(s.id).filter((p) => p.severity === 'error').map((p) => `${p.cell} ${p.rule}: ${p.message}`);
}

describe('2. values are checked against their target’s kind and their own status', () => {
  // 土壤生态环境处: row 7 is 4.4-1 (下降5%), row 10 is 6.2 (组织完成78家), row 11 is 6.3 (完成660个), row 5 has no target.
  it('returns a reduction over 100%, a fractional count, 已完成 short of the target and 未启动 with a value, each with its question', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), { J7: 1515, J10: 58.5, K11: '已完成', J11: 3, K5: '未启动', J5: 12 }) });
    expect(e!.outcome.kind).toBe('returned');
    expect(states(ledger, '2025-Q3')).toEqual([`${SOIL}:returned`]);
    expect(problemsOf(ledger, '2025-Q3', SOIL).sort()).toEqual([
      'J10 value-not-whole: 条目 6.2：完成值58.5不是整数：本条目以“家”计数，请填写整数',
      'J11 value-status-conflict: 条目 6.3：完成状态为已完成，但完成值3未达到目标“完成660个”，请核实',
      'J5 value-status-conflict: 条目 1.2：完成状态为未启动，但已填写完成值12，请核实（尚未启动的条目，完成值应空着或填 0）',
      'J7 value-out-of-range: 条目 4.4-1：完成值1515超出 0 至 100% 的范围：目标为“下降5%”，完成值应填写已实现的降幅，请核实',
    ]);
    ledger.close();
  });

  it('takes values that fit: a reduction of 5.2%, whole counts, 已完成 at the target, 未启动 at 0', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), { J7: '5.2%', K7: '已完成', J10: 78, K10: '已完成', J11: 600, K5: '未启动', J5: 0 }) });
    expect(e!.outcome).toMatchObject({ kind: 'accepted', unit: SOIL });
    ledger.close();
  });
});

describe('3. numbers JavaScript cannot hold exactly are problems at their cell, never stored', () => {
  it('returns 1e300 and a 401-digit text as problems at the cell, and stores no value for them', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const digits = '1' + '0'.repeat(400);
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), { J10: 1e300, J11: digits }) });
    expect(e!.outcome.kind).toBe('returned');
    const problems = problemsOf(ledger, '2025-Q3', SOIL);
    expect(problems).toEqual([
      'J10 value-not-number: 条目 6.2：完成值“1e+300”位数过多或数值过大，无法准确记录（有效数字不超过 15 位，绝对值不超过 9007199254740991），请核实后填写',
      `J11 value-not-number: 条目 6.3：完成值“${digits.slice(0, 30)}…”位数过多或数值过大，无法准确记录（有效数字不超过 15 位，绝对值不超过 9007199254740991），请核实后填写`,
    ]);
    const values = ledger.db.prepare('SELECT value FROM entries WHERE value IS NOT NULL').all() as { value: number }[];
    expect(values.every((v) => Number.isFinite(v.value) && Math.abs(v.value) <= Number.MAX_SAFE_INTEGER)).toBe(true);
    ledger.close();
  });

  it.each([
    ['<v>1e400</v> (fast path)', { J7: { raw: '<v>1e400</v>' } }, '工作表“调度表”单元格 J7 的数值“1e400”不是有效数字'],
    ['<v>NaN</v> (fast path)', { J7: { raw: '<v>NaN</v>' } }, '工作表“调度表”单元格 J7 的数值“NaN”不是有效数字'],
    ['<v>1e400</v> (event path)', { J7: { xml: '<c s="9" r="J7"><v>1e400</v></c>' } }, '工作表“调度表”单元格 J7 的数值“1e400”不是有效数字'],
    ['<v>Infinity</v> (event path)', { J7: { xml: '<c r="J7"><v >Infinity</v></c>' } }, '工作表“调度表”单元格 J7 的数值“Infinity”不是有效数字'],
    ['an empty shared-string index (fast path)', { K5: { raw: ' t="s"><v></v>' } }, '工作表“调度表”单元格 K5 引用的共享字符串“”不存在'],
    ['an empty shared-string index (event path)', { K5: { xml: '<c t="s" r="K5"><v></v></c>' } }, '工作表“调度表”单元格 K5 引用的共享字符串“”不存在'],
    ['a shared-string index past the end', { K5: { raw: ' t="s"><v>99999</v>' } }, '工作表“调度表”单元格 K5 引用的共享字符串“99999”不存在'],
  ])('refuses %s, naming the cell', async (_, cells, message) => {
    const { ledger, issuedBytes, run } = await workspace();
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), cells as Record<string, CellEdit>) });
    expect(e!.outcome.kind).toBe('unusable');
    expect((e!.outcome as { reason: string }).reason).toContain(message);
    expect(states(ledger, '2025-Q3')).toEqual([]);
    ledger.close();
  });
});

/** A zip of the given members in this order, names and all as given (two may share a name), deflated or stored. */
function rawZip(members: { name: string; data: Uint8Array; deflate?: boolean; damage?: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    let packed = m.deflate ? deflateRawSync(m.data) : Buffer.from(m.data);
    // A damaged deflate stream: the block header says "reserved block type", which zlib refuses at once.
    if (m.damage) packed = Buffer.concat([Buffer.from([0x07]), packed.subarray(1)]);
    const crc = crc32(m.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(m.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(m.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const members = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data, deflate: true }));
const reasonOf = (e: CollectEvent | undefined) => (e!.outcome as { reason: string }).reason;
/** Words of English (a library's message) in a text shown to users. */
const ENGLISH = /[A-Za-z]{3,}[ ,:]+[A-Za-z]{3,}/;

describe('5. two zip members of one name', () => {
  it.each([
    ['the same name', TRACKING],
    ['names differing only in case', TRACKING.toUpperCase()],
  ])('refuses a workbook with %s twice, whichever a reader would take', async (_, second) => {
    const { ledger, issuedBytes, run } = await workspace();
    const good = filled(issuedBytes(SOIL));
    const other = unzipSync(filled(issuedBytes(SOIL), { L5: '另一份内容：已全部完成。' }))[TRACKING]!;
    const [e] = await run({ 'soil.xlsx': rawZip([...members(good), { name: second, data: other, deflate: true }]) });
    expect(e!.outcome.kind).toBe('unusable');
    expect(reasonOf(e)).toBe(`文件已损坏，无法打开（压缩包中有两个同名部件“${second}”，不同程序读到的内容可能不同，不予收取）。请用 Excel 或 WPS 打开后重新保存再报送`);
    expect(states(ledger, '2025-Q3')).toEqual([]);
    ledger.close();
  });
});

describe('9. messages from collect are Chinese, with no library text', () => {
  it('names a member whose deflate data is damaged, in Chinese', async () => {
    const { issuedBytes, run, ledger } = await workspace();
    const parts = members(filled(issuedBytes(SOIL))).map((m) => (m.name === TRACKING ? { ...m, damage: true } : m));
    const index = parts.findIndex((m) => m.name === TRACKING) + 1;
    const [e] = await run({ 'soil.xlsx': rawZip(parts) });
    expect(e!.outcome.kind).toBe('unusable');
    expect(reasonOf(e)).toBe(`工作簿中有部件损坏：压缩数据损坏（第 ${index} 个部件 ${TRACKING}）。请用 Excel 或 WPS 打开后重新保存再报送`);
    expect(reasonOf(e)).not.toMatch(ENGLISH);
    ledger.close();
  });
});

describe('10. a malformed part is worded by the reader that found it, in bounded time', () => {
  const unclosed = (decl: string) => `${decl}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>${Array.from({ length: 5000 }, (_, i) => `<r><t>x${i}`).join('')}</row></sheetData></worksheet>`;
  it('refuses a sheet of 5,000 unclosed tags with the tokenizer’s Chinese words', { timeout: 20_000 }, async () => {
    const { issuedBytes, run, ledger } = await workspace();
    const parts = members(filled(issuedBytes(SOIL))).map((m) => (m.name === TRACKING ? { ...m, data: strToU8(unclosed('<?xml version="1.0" encoding="UTF-8"?>')) } : m));
    const [e] = await run({ 'soil.xlsx': rawZip(parts) });
    expect(e!.outcome.kind).toBe('unusable');
    expect(reasonOf(e)).toBe(`工作簿结构损坏：部件“${TRACKING}”不是合规的 XML（结束标记“row”与开始标记不对应，第 1 行）。请用 Excel 或 WPS 打开后重新保存再报送`);
    ledger.close();
  });

  it('words a part saxes reads (an XML 1.1 declaration) in Chinese too, with where it stopped', { timeout: 20_000 }, async () => {
    const { issuedBytes, run, ledger } = await workspace();
    const parts = members(filled(issuedBytes(SOIL))).map((m) => (m.name === TRACKING ? { ...m, data: strToU8(unclosed('<?xml version="1.1"?>')) } : m));
    const [e] = await run({ 'soil.xlsx': rawZip(parts) });
    expect(e!.outcome.kind).toBe('unusable');
    expect(reasonOf(e)).toMatch(new RegExp(`^工作簿结构损坏：部件“${TRACKING}”不是合规的 XML（第 1 行第 \\d+ 列附近）。请用 Excel 或 WPS 打开后重新保存再报送$`));
    ledger.close();
  });
});

describe('4. _xD800_ escapes: the ledger holds only whole characters', () => {
  it('replaces a lone surrogate visibly, keeps a pair, and SQLite holds valid UTF-8 (read back by Python)', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), { F2: '王_xDC00_芳', L5: '已推进_xD800_一半_xD83D__xDE00_' }) });
    expect(e!.outcome.kind).toBe('accepted');
    const file = ledger.db.name;
    ledger.close();
    const read = python(
      `import sys, sqlite3, json
con = sqlite3.connect(sys.argv[1])
con.text_factory = bytes
progress = [r[0].decode('utf-8') for r in con.execute("SELECT progress FROM entries WHERE clause_id = '1.2'")]
reporter = [r[0].decode('utf-8') for r in con.execute('SELECT reporter FROM submissions')]
print(json.dumps({'progress': progress, 'reporter': reporter}, ensure_ascii=False))`,
      file,
    );
    expect(JSON.parse(read)).toEqual({ progress: ['已推进\uFFFD一半😀'], reporter: ['王\uFFFD芳'] });
  });
});

describe('6. a file refused before, collected again', () => {
  it('says it was refused before and why, and exits 3, not "已收取过，跳过" with 0', async () => {
    const { ledger, issuedBytes, ws } = await workspace();
    ledger.close();
    const inbox = join(ws, 'again');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'soil.xlsx'), issuedBytes(SOIL));
    const first = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws], ROOT, { TAIZHANG_NOW: '2025-10-09T08:00:00Z' });
    expect(first.code).toBe(3);
    expect(first.stdout).toContain('✘ 未收取：未填写的下发原表');
    const second = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws], ROOT, { TAIZHANG_NOW: '2025-10-09T09:00:00Z' });
    expect(second.code).toBe(3);
    expect(second.stdout).not.toContain('已收取过');
    expect(second.stdout).toContain('✘ 此文件此前已收到但未收取（2025-10-09 16:00），原因：未填写的下发原表：表中“完成值”“完成状态”“进展情况”“存在问题”“下一步打算”各栏均为空白，不作为报送，未收取。请填写本期情况后报送');
    expect(second.stdout).toContain('共处理 1 个文件：收取 0，退回 0，未收取 1（其中此前已拒收 1），重复 0。');
    const after = new Ledger(ws);
    expect(after.refusedFiles('2025-Q3').length).toBe(1);
    after.close();
  });
});

describe('7. the receipt and the 退回重报 notice', () => {
  const notice = (file: string) => {
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    return Object.entries(parts)
      .filter(([n]) => n.startsWith('xl/'))
      .map(([, d]) => strFromU8(d))
      .join('')
      .match(/退回重报：本表有[^<]*/)![0];
  };

  it('names only the file, and asks for the resubmission by the deadline while it is not past', async () => {
    const { ledger, issuedBytes, run, ws } = await workspace();
    const deadline = ledger.requireRound('2025-Q3').deadline;
    expect(deadline).toBe('2025-10-10');
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), { H2: '' }) });
    if (e!.outcome.kind !== 'returned') throw new Error(`not returned: ${e!.outcome.kind}`);
    const receipt = readFileSync(e!.outcome.receipt, 'utf8');
    expect(receipt).toMatch(/^收到文件：soil\.xlsx（校验码 [0-9a-f]{12}）$/m);
    expect(receipt).not.toContain(ws);
    expect(receipt).toContain('请在随附的“退回重报”表中按红色单元格的批注修改，于 2025-10-10 前重新报送。');
    expect(notice(e!.outcome.returnWorkbook)).toBe('退回重报：本表有 1 处问题（红色单元格，鼠标移上可查看批注），请修改后于 2025-10-10 前重新报送。表头：H2：未填写联系电话');
    ledger.close();
  });

  it('asks for it at once when the deadline is past, or by the date --until gives', async () => {
    const { ledger, issuedBytes, run } = await workspace();
    const late = { now: () => new Date('2025-10-11T02:00:00Z') };
    const [e] = await run({ 'soil.xlsx': filled(issuedBytes(SOIL), { H2: '' }) }, '2025-Q3', late);
    if (e!.outcome.kind !== 'returned') throw new Error(`not returned: ${e!.outcome.kind}`);
    expect(readFileSync(e!.outcome.receipt, 'utf8')).toContain('请在随附的“退回重报”表中按红色单元格的批注修改，立即重新报送。');
    expect(notice(e!.outcome.returnWorkbook)).toContain('请立即修改后重新报送。');
    const [f] = await run({ 'soil2.xlsx': filled(issuedBytes(SOIL), { H2: '', L6: '再报一次。' }) }, '2025-Q3', { ...late, until: '2025-10-20' });
    if (f!.outcome.kind !== 'returned') throw new Error(`not returned: ${f!.outcome.kind}`);
    expect(readFileSync(f!.outcome.receipt, 'utf8')).toContain('修改，于 2025-10-20 前重新报送。');
    expect(notice(f!.outcome.returnWorkbook)).toContain('请修改后于 2025-10-20 前重新报送。');
    ledger.close();
  });

  it('refuses an --until before today on the command line', async () => {
    const { ledger, issuedBytes, ws } = await workspace();
    ledger.close();
    const inbox = join(ws, 'u');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'soil.xlsx'), filled(issuedBytes(SOIL)));
    const r = taizhang(['collect', inbox, '--round', '2025-Q3', '--until', '2025-10-01', '-w', ws], ROOT, { TAIZHANG_NOW: '2025-10-11T02:00:00Z' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('重新报送期限“2025-10-01”无效：应为今天（2025-10-11）或以后的日期');
  });
});

describe('8. an empty folder', () => {
  it('is named, and collect exits 1 having booked nothing', async () => {
    const { ledger, ws } = await workspace();
    ledger.close();
    const empty = join(ws, '空文件夹');
    mkdirSync(join(empty, '子文件夹'), { recursive: true });
    const r = taizhang(['collect', empty, '--round', '2025-Q3', '-w', ws]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`文件夹“${empty}”是空的，没有可收集的文件。`);
    const after = new Ledger(ws);
    expect(after.refusedFiles('2025-Q3')).toEqual([]);
    expect(after.currentSubmissions('2025-Q3')).toEqual([]);
    after.close();
  });
});

describe('11. temporary files a killed run left', () => {
  it('are removed by the next collect, while a live process’s are left alone', async () => {
    const { ledger, issuedBytes, run, ws } = await workspace();
    const dead = spawnSync('true').pid!;
    const archive = join(ledger.archiveDir, '2025-Q3');
    const returns = join(ws, 'c', '退回重报');
    mkdirSync(archive, { recursive: true });
    mkdirSync(returns, { recursive: true });
    const leftovers = [join(archive, `abc.xlsx.${dead}-0123abcd.part`), join(returns, `回执_x_2025-Q3.txt.${dead}-89abcdef.part`)];
    const live = join(returns, `回执_y_2025-Q3.txt.${process.ppid}-00000000.part`);
    for (const f of [...leftovers, live]) writeFileSync(f, 'half');
    await run({ 'soil.xlsx': filled(issuedBytes(SOIL)) });
    expect(leftovers.filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(live)).toBe(true);
    ledger.close();
  });
});

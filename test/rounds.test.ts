// Rounds as people write them, the rounds that precede a round (by issue time, so 年终 follows Q3), and the
// 序时 thresholds read by one rule on the command line and in the workbench.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../src/collect/index.ts';
import { loadRoundProgress } from '../src/consolidate/index.ts';
import { Ledger } from '../src/ledger/ledger.ts';
import type { Plan } from '../src/model/plan.ts';
import { normalizeRoundId, parseRound } from '../src/model/round.ts';
import { readThresholds } from '../src/model/thresholds.ts';
import { issueRound } from '../src/sheets/issue.ts';
import { UserError } from '../src/util/errors.ts';
import { createWorkbench } from '../src/web/server.ts';
import { GOOD_ANSWERS, PYTHON, fillWorkbook, inspectWorkbook, issuedWorkspace, jinanPlan, run, taizhang, tempDir } from './helpers.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

function refusal(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('round names', () => {
  it('reads every form the tool prints and the common ones a clerk types', () => {
    const forms: [string, string][] = [
      ['2025-Q3', '2025-Q3'],
      ['2025-q3', '2025-Q3'],
      ['2025Q3', '2025-Q3'],
      ['2025 Q3', '2025-Q3'],
      ['2025年第三季度', '2025-Q3'],
      ['2025年三季度', '2025-Q3'],
      ['2025年第3季度', '2025-Q3'],
      ['2025-3季度', '2025-Q3'],
      ['２０２５－Ｑ３', '2025-Q3'],
      ['2025-09', '2025-09'],
      ['2025-9', '2025-09'],
      ['2025年10月', '2025-10'],
      ['2025年9月份', '2025-09'],
      ['2025.10', '2025-10'],
      ['2025-H1', '2025-H1'],
      ['2025年上半年', '2025-H1'],
      ['2025-下半年', '2025-H2'],
      ['2025年下半年', '2025-H2'],
      ['2025-年终', '2025-年终'],
      ['2025年年终', '2025-年终'],
      ['2025年度', '2025-年终'],
      ['2025年', '2025-年终'],
      ['2025', '2025-年终'],
      ['2025全年', '2025-年终'],
    ];
    for (const [given, id] of forms) expect([given, normalizeRoundId(given)]).toEqual([given, id]);
    // What the tool prints reads back as the same round.
    for (const id of ['2025-09', '2025-Q3', '2025-H2', '2025-年终']) expect(normalizeRoundId(parseRound(id).label)).toBe(id);
    expect(parseRound('2025年第三季度')).toEqual({ id: '2025-Q3', label: '2025年第三季度', start: '2025-07-01', end: '2025-09-30', deadline: '2025-10-10' });
  });

  it('takes the plan’s year for a round written without one, and refuses it when there is none', () => {
    expect(parseRound('Q3', undefined, { year: 2025 }).id).toBe('2025-Q3');
    expect(parseRound('第三季度', undefined, { year: 2025 }).id).toBe('2025-Q3');
    expect(parseRound('10月', undefined, { year: 2025 }).id).toBe('2025-10');
    expect(parseRound('年终', undefined, { year: 2025 }).id).toBe('2025-年终');
    expect(parseRound('上半年', undefined, { year: 2025 }).id).toBe('2025-H1');
    expect(refusal(() => parseRound('Q3')).message).toBe('轮次“Q3”没有写年份，任务清单也没有年份可以参照。');
  });

  it('finds a round written without its year among the rounds issued, and asks for the year when two match', () => {
    expect(normalizeRoundId('Q3', ['2025-Q2', '2025-Q3', '2025-年终'])).toBe('2025-Q3');
    expect(normalizeRoundId('年终', ['2025-Q3', '2025-年终'])).toBe('2025-年终');
    const two = refusal(() => normalizeRoundId('Q3', ['2024-Q3', '2025-Q3']));
    expect(two.message).toBe('轮次“Q3”没有写年份，台账中有多个相符的轮次：2024-Q3、2025-Q3。');
    expect(two.hint).toBe('请写明年份，例如 --round 2025-Q3。');
    expect(refusal(() => normalizeRoundId('Q4', ['2025-Q3'])).message).toBe('轮次“Q4”没有写年份，台账中也没有与之相符的轮次（已有轮次：2025-Q3）。');
  });

  it('refuses an unknown form with the forms it accepts, and a bare number or month 13', () => {
    for (const bad of ['第三期', '9', '2025-13', '2025-Q5', '25Q3']) {
      const e = refusal(() => normalizeRoundId(bad));
      expect(e.message).toBe(`无法识别报送轮次“${bad}”。`);
      expect(e.hint).toContain('季度 2025-Q3、2025Q3、2025年第三季度、2025-3季度');
      expect(e.hint).toContain('年度 2025-年终、2025年年终、2025年度');
    }
  });

  it('reads --deadline in a clerk’s forms', () => {
    expect(parseRound('2025-Q3', '2025/10/9').deadline).toBe('2025-10-09');
    expect(parseRound('2025-Q3', '2025年10月15日').deadline).toBe('2025-10-15');
    expect(refusal(() => parseRound('2025-Q3', '2025-10-32')).message).toBe('--deadline 的取值“2025-10-32”无法识别为日期。');
  });
});

describe('rounds on the command line', () => {
  it('issues 2025年第三季度, then status, collect and progress name it as Q3, 2025Q3 or 第三季度; --received-at as a clerk types it', () => {
    const dir = tempDir('tz-rounds-cli-');
    const parsed = taizhang(['plan', 'parse', join(import.meta.dirname, '..', 'seeds', 'jinan-2025-work-plan.txt'), '--title', '济南市生态环境局2025年工作要点', '--issuer', '济南市生态环境局'], dir);
    expect(parsed.code).toBe(0);
    const issued = taizhang(['sheets', 'generate', 'plan.json', '--round', '2025年第三季度', '--deadline', '2025年10月10日', '-w', 'ws'], dir);
    expect(issued.stderr).toBe('');
    expect(issued.stdout).toContain('2025年第三季度调度表已生成：23 个单位，报送截止 2025-10-10。');
    const out = join(dir, 'ws', '2025-Q3', '下发');
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    fillWorkbook(join(out, '机关党委_2025-Q3_调度表.xlsx'), join(inbox, 'a.xlsx'), GOOD_ANSWERS);

    const status = taizhang(['status', '--round', 'Q3', '-w', 'ws', '--today', '2025/10/1'], dir);
    expect(status.stderr).toBe('');
    expect(status.stdout.split('\n')[0]).toMatch(/^2025年第三季度报送情况（截止 2025-10-10）：应报 23，已报送 0/);

    const collected = taizhang(['collect', inbox, '--round', '2025Q3', '-w', 'ws', '--received-at', '2025年10月9日 15:30'], dir);
    expect(collected.stderr).toBe('');
    expect(collected.code).toBe(0);
    const ledger = new Ledger(join(dir, 'ws'));
    expect(ledger.currentSubmissions('2025-Q3').map((s) => [s.unit, s.receivedAt])).toEqual([['机关党委', '2025-10-09T07:30:00.000Z']]);
    ledger.close();

    const progress = taizhang(['progress', '--round', '第三季度', '-w', 'ws', '--today', '2025.10.12'], dir);
    expect(progress.stderr).toBe('');
    expect(progress.stdout.split('\n')[0]).toBe('2025年第三季度汇总进度（济南市生态环境局2025年工作要点）：');

    const unknown = taizhang(['status', '--round', '第三期', '-w', 'ws'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('错误：无法识别报送轮次“第三期”。');
    expect(unknown.stderr).toContain('处理办法：轮次可写成：月度 2025-09、2025年9月；');

    for (const when of ['2025/10/9', '2025.10.9']) {
      const again = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', 'ws', '--received-at', when], dir);
      expect([when, again.code, again.stderr]).toEqual([when, 0, '']);
    }
    // The report's date as a clerk types it, and one that is no date refused before anything is written.
    const dated = taizhang(['report', '--round', 'Q3', '-w', 'ws', '-t', 'bulletin', '--date', '2025年10月20日', '--today', '2025-10-20'], dir);
    expect(dated.stderr).toBe('');
    expect(dated.code).toBe(0);
    const python = `import sys, docx; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))`;
    const bulletin = join(dir, 'ws', '2025-Q3', '报告', '督办通报_2025-Q3.docx');
    expect(run(PYTHON, ['-c', python, bulletin]).stdout).toContain('2025年10月20日');
    const badDate = taizhang(['report', '--round', 'Q3', '-w', 'ws', '-t', 'bulletin', '--date', '2025-10-32'], dir);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('错误：--date 的取值“2025-10-32”无法识别为日期。');

    const badTime = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', 'ws', '--received-at', '10月9日'], dir);
    expect(badTime.code).toBe(1);
    expect(badTime.stderr).toContain('错误：--received-at 的取值“10月9日”无法识别为日期时间。');
    expect(badTime.stderr).toContain('处理办法：请写成 2025-10-09、2025/10/9、2025.10.9 或 2025年10月9日');
  });
});

describe('the rounds before a round are those issued before it', () => {
  it('pre-fills the 年终 workbooks from Q3, and measures the 年终 round’s stagnation against Q3', async () => {
    const ws = tempDir('tz-rounds-prev-');
    const { ledger, file, inbox } = await issuedWorkspace(ws, plan, { round: '2025-Q3' });
    fillWorkbook(file('机关党委'), join(inbox, 'q3.xlsx'), { ...GOOD_ANSWERS, default: { status: '序时推进', progress: '三季度完成支部换届准备。', value: 3 } });
    await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c3') });

    const yearOut = join(ws, '2025-年终', '下发');
    const result = await issueRound(ledger, { plan, round: parseRound('2025-年终'), outDir: yearOut });
    expect(result.files.find((f) => f.unit === '机关党委')!.prefilled).toBe(5);
    expect(result.files.find((f) => f.unit === '组织人事处')!.prefilled).toBe(0);
    const seen = inspectWorkbook(join(yearOut, '机关党委_2025-年终_调度表.xlsx'));
    expect(seen.rows[0]).toMatchObject({ status: '序时推进', progress: '三季度完成支部换届准备。', value: 3 });

    // The unit sends the 年终 workbook back with a new figure but the progress text unchanged: stagnant against Q3.
    // (Sent back with nothing changed at all, it is no submission: refused as 未填写的下发原表, see poison.test.ts.)
    const yearInbox = join(ws, 'inbox-year');
    mkdirSync(yearInbox);
    fillWorkbook(join(yearOut, '机关党委_2025-年终_调度表.xlsx'), join(yearInbox, 'y.xlsx'), { ...GOOD_ANSWERS, default: { status: '序时推进', progress: '三季度完成支部换届准备。', value: 4 } });
    await collect({ ledger, roundId: '2025-年终', paths: [yearInbox], outDir: join(ws, 'cy') });
    const { progress } = loadRoundProgress(ledger, '2025-年终', '2026-01-05');
    const answers = progress.clauses.flatMap((c) => c.answers.filter((a) => a.unit === '机关党委'));
    expect(answers).toHaveLength(5);
    expect(answers.every((a) => a.stagnant)).toBe(true);
    // Q3 itself has no round before it: nothing there is stagnant.
    const q3 = loadRoundProgress(ledger, '2025-Q3', '2025-10-05').progress;
    expect(q3.clauses.flatMap((c) => c.answers).filter((a) => a.stagnant)).toEqual([]);
    ledger.close();
  });

  it('does not take answers from a round issued after this one, whatever its period', async () => {
    const ws = tempDir('tz-rounds-later-');
    const { ledger, file, inbox } = await issuedWorkspace(ws, plan, { round: '2025-Q3' });
    // Q2 issued after Q3 (a late catch-up round): Q3's workbooks were already out and do not follow it.
    const q2Out = join(ws, '2025-Q2', '下发');
    await issueRound(ledger, { plan, round: parseRound('2025-Q2'), outDir: q2Out });
    fillWorkbook(join(q2Out, '机关党委_2025-Q2_调度表.xlsx'), join(inbox, 'q2.xlsx'), { ...GOOD_ANSWERS, default: { status: '序时推进', progress: '补报二季度情况。', value: 2 } });
    await collect({ ledger, roundId: '2025-Q2', paths: [join(inbox, 'q2.xlsx')], outDir: join(ws, 'c2') });
    fillWorkbook(file('机关党委'), join(inbox, 'q3.xlsx'), { ...GOOD_ANSWERS, default: { status: '序时推进', progress: '补报二季度情况。', value: 2 } });
    await collect({ ledger, roundId: '2025-Q3', paths: [join(inbox, 'q3.xlsx')], outDir: join(ws, 'c3') });
    expect(ledger.latestAcceptedBefore(plan.id, '2025-Q3').size).toBe(0);
    // …while Q2, issued after Q3, follows it.
    expect([...ledger.latestAcceptedBefore(plan.id, '2025-Q2').keys()]).toEqual(['机关党委']);
    expect(loadRoundProgress(ledger, '2025-Q3', '2025-10-05').progress.clauses.flatMap((c) => c.answers).filter((a) => a.stagnant)).toEqual([]);
    // A round being issued now follows both.
    expect(ledger.latestAcceptedBefore(plan.id, '2025-Q4').get('机关党委')!.size).toBe(5);
    ledger.close();
  });
});

describe('序时 thresholds', () => {
  it('are read by one rule: 0 ≤ yellow ≤ red, blank is the default', () => {
    expect(readThresholds({})).toEqual({ yellow: 10, red: 30 });
    expect(readThresholds({ yellow: '', red: '' })).toEqual({ yellow: 10, red: 30 });
    expect(readThresholds({ yellow: '0', red: '0' })).toEqual({ yellow: 0, red: 0 });
    expect(readThresholds({ yellow: '15', red: '15' })).toEqual({ yellow: 15, red: 15 });
    expect(readThresholds({ yellow: '20', red: '120' })).toEqual({ yellow: 20, red: 120 });
    for (const bad of [{ yellow: '-1', red: '30' }, { yellow: '20', red: '10' }, { yellow: 'abc', red: '30' }]) {
      expect(refusal(() => readThresholds(bad)).hint).toBe('阈值为落后序时的百分点数，应满足 0 ≤ 黄色 ≤ 红色，例如黄色 10、红色 30。');
    }
  });

  it('the workbench accepts and refuses exactly what the command line does', async () => {
    const ws = tempDir('tz-rounds-web-');
    const { ledger } = await issuedWorkspace(ws, plan, { round: '2025-Q3' });
    ledger.close();
    const access = { hosts: new Set(['localhost:80']), token: 'test-token-0123456789abcdef', password: null };
    const app = await createWorkbench({ workspace: ws, access, today: () => '2025-10-08' });
    const get = (q: string) => app.inject({ method: 'GET', url: `/progress?round=2025-Q3&${q}`, headers: { host: 'localhost:80', cookie: `taizhang_session=${access.token}` } });
    try {
      for (const [yellow, red, ok] of [['0', '0', true], ['15', '15', true], ['20', '10', false], ['-1', '5', false]] as const) {
        const web = await get(`yellow=${yellow}&red=${red}`);
        const cli = taizhang(['progress', '--round', '2025-Q3', '-w', ws, '--today', '2025-10-08', '--yellow', yellow, '--red', red]);
        expect([yellow, red, web.statusCode === 200, cli.code === 0]).toEqual([yellow, red, ok, ok]);
        if (!ok) {
          const message = `序时预警阈值无效（黄色 ${yellow}，红色 ${red}）。`;
          expect(cli.stderr).toContain(`错误：${message}`);
          expect(web.body).toContain(message);
        }
      }
      expect((await get('yellow=0&red=0')).body).toContain('name="yellow" type="number" min="0" step="any" value="0"');
    } finally {
      await app.close();
    }
  });
});

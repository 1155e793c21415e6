// The mailbox loop against real servers (dovecot and postfix on 127.0.0.1, see mail-servers.ts): a round of 23 units
// sent, the units' replies delivered by Python's smtplib (filled .xlsx, a LibreOffice .xls, a wrong file, a zip, a
// reply without attachment, an auto-reply), collected (once killed half way), every answer read back from the
// units' mailboxes with imaplib and openpyxl, reminders sent; each command run twice and nothing sent or booked twice.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Ledger } from '../src/ledger/ledger.ts';
import { Ledger as LedgerClass } from '../src/ledger/ledger.ts';
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { fillWorkbook, GOOD_ANSWERS, jinanPlan, python, ROOT, run, soffice, taizhang, tempDir } from './helpers.ts';
import { MAIL_DOMAIN, mailbox, mailRound, OFFICE, PASSWORD, type MailRound, type MailServers } from './mail-servers.ts';

const ROUND = '2025-Q3';
let round: MailRound;
let servers: MailServers;
let ws: string;
let units: string[];
let file: (unit: string) => string;
/** Each unit's mailbox: u01…u23 in the round's order. */
const box = mailbox;
const address = (unit: string) => round.address(unit);
const withLedger = <T>(body: (l: Ledger) => T): T => round.withLedger(body);

let env: Record<string, string>;
const cli = (...args: string[]) => taizhang([...args, '-w', ws], ROOT, env);

beforeAll(async () => {
  ws = tempDir();
  round = await mailRound(ws, ROUND);
  ({ units, file, servers } = round);
  env = { TAIZHANG_MAIL_PASSWORD: PASSWORD, TAIZHANG_MAIL_CA: servers.cert };
  // The office's 通讯录: every unit but the last with its mailbox (the first with a second address).
  const book = join(ws, '通讯录.xlsx');
  const rows = units.slice(0, -1).map((u, i) => [u, `联系人${i + 1}`, `0531-6660${String(i).padStart(4, '0')}`, i === 0 ? `${address(u)}；${box(22)}@${MAIL_DOMAIN}` : address(u)]);
  python(
    `import json, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active
ws.append(['单位名称', '联系人', '电话', '电子邮箱'])
for r in json.loads(sys.argv[2]): ws.append(r)
wb.save(sys.argv[1])`,
    book,
    JSON.stringify(rows),
  );
  expect(cli('units', 'import', book).code).toBe(0);
  expect(cli('config', 'set', '收件服务器', `imap://${OFFICE}@127.0.0.1:${servers.imapPort}`).code).toBe(0);
  expect(cli('config', 'set', '发件服务器', `smtp://127.0.0.1:${servers.smtpPort}`).code).toBe(0);
  expect(cli('config', 'set', '发件人', `综合处 <${OFFICE}>`).code).toBe(0);
  expect(cli('config', 'set', '联系人', '综合处 刘洋 0531-66601234').code).toBe(0);
}, 300_000);

afterAll(() => servers?.stop());

describe('mail send', () => {
  test('a dry run lists and sends nothing', () => {
    const r = cli('mail', 'send', '--round', ROUND, '--dry-run');
    expect(r.stdout).toContain('试运行：将发送 22 封，此前已发 0 个单位，无法发送 1 个单位。未发送任何邮件。');
    expect(r.stdout).toContain('✘ 组织人事处：单位名录中没有邮箱，未发送');
    const two = cli('mail', 'send', '--round', ROUND, '--units', '大气环境处、组织人事处', '--dry-run');
    expect(two.stdout).toBe(`✘ 组织人事处：单位名录中没有邮箱，未发送；请用 npx taizhang units import 登记后再发\n· 大气环境处  ${address('大气环境处')}：将发送 大气环境处_2025-Q3_调度表.xlsx\n\n试运行：将发送 1 封，此前已发 0 个单位，无法发送 1 个单位。未发送任何邮件。\n没有邮箱的单位请先登记：npx taizhang units export -o 单位名录.xlsx，填写后 units import。\n`);
    const unknown = cli('mail', 'send', '--round', ROUND, '--units', '大气处', '--dry-run');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('错误：轮次 2025-Q3 中没有单位：大气处。');
    expect(withLedger((l) => l.db.prepare('SELECT COUNT(*) FROM mail_sent').pluck().get())).toBe(0);
  });

  test('each unit gets its own workbook once; a second run sends nothing', async () => {
    const r = cli('mail', 'send', '--round', ROUND);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('已发送 22 封，此前已发 0 个单位，未能发送 1 个单位。');
    // A unit's line says 已发送 once, from its outcome.
    expect(r.stdout).toContain(`✔ 大气环境处  ${address('大气环境处')}：已发送\n`);
    const again = cli('mail', 'send', '--round', ROUND);
    expect(again.stdout).toContain('已发送 0 封，此前已发 22 个单位，未能发送 1 个单位。');
    const sent = withLedger((l) => l.db.prepare("SELECT unit, addresses, message_id FROM mail_sent WHERE kind = 'workbook' ORDER BY id").all()) as { unit: string; addresses: string; message_id: string }[];
    expect(sent.map((s) => s.unit)).toEqual(units.slice(0, -1));
    expect(JSON.parse(sent[0]!.addresses)).toEqual([address(units[0]!), `u23@${MAIL_DOMAIN}`]);
    const air = units.indexOf('大气环境处');
    const [mail] = await servers.waitForMail(box(air), 1);
    expect(mail!.subject).toBe('关于报送2025年第三季度重点工作调度表的通知（大气环境处）');
    expect(mail!.from).toBe(`综合处 <${OFFICE}>`);
    expect(mail!.message_id).toBe(sent[air]!.message_id);
    expect(mail!.text).toContain('大气环境处：\n\n现将《济南市生态环境局2025年工作要点》2025年第三季度重点工作调度表发给你们（见附件）');
    expect(mail!.text).toContain('联系人：综合处 刘洋 0531-66601234\n\n济南市生态环境局\n');
    expect(mail!.attachments.map((a) => a.name)).toEqual(['大气环境处_2025-Q3_调度表.xlsx']);
    // The attachment is the unit's own workbook: openpyxl reads its guide row and the unit on the sheet.
    expect(JSON.stringify(mail!.attachments[0]!.sheets!['调度表'])).toContain('大气环境处');
    // u23 is the last unit's box and the first unit's second address: it holds the first unit's workbook only.
    const shared = await servers.waitForMail('u23', 1);
    expect(shared.map((m) => m.subject)).toEqual([`关于报送2025年第三季度重点工作调度表的通知（${units[0]}）`]);
    for (let i = 0; i < 22; i++) expect((await servers.waitForMail(box(i), 1)).length).toBe(1);
  }, 120_000);
});

describe('mail collect', () => {
  const mailDir = () => join(ws, 'replies');
  const reply = (unit: string, o: { attachments?: string[]; headers?: Record<string, string>; text?: string }) =>
    servers.sendAs({ from: `${unit} <${address(unit)}>`, subject: `回复：关于报送2025年第三季度重点工作调度表的通知（${unit}）`, text: o.text ?? '已填好，请查收。', attachments: o.attachments, headers: o.headers });

  test('the units reply; a collect killed half way and run again takes each message once and answers each once', async () => {
    mkdirSync(mailDir());
    const d = (name: string) => join(mailDir(), name);
    fillWorkbook(file('大气环境处'), d('大气.xlsx'), GOOD_ANSWERS);
    fillWorkbook(file('水生态环境处'), d('水生态环境处调度表.xlsx'), { ...GOOD_ANSWERS, phone: '' });
    fillWorkbook(file('综合与科技处'), d('综合.xlsx'), GOOD_ANSWERS);
    const [xls] = soffice([d('综合.xlsx')], 'xls:MS Excel 97', join(mailDir(), 'lo'));
    copyFileSync(xls!, d('综合与科技处.xls'));
    writeFileSync(d('说明.txt'), '我处本季度工作正常推进。\n');
    fillWorkbook(file('固体废物与化学品处'), d('固废.xlsx'), GOOD_ANSWERS);
    writeFileSync(d('固废报送.zip'), zipSync({ '固废处调度表.xlsx': readFileSync(d('固废.xlsx')) }));
    reply('大气环境处', { attachments: [d('大气.xlsx')] });
    reply('水生态环境处', { attachments: [d('水生态环境处调度表.xlsx')] });
    reply('综合与科技处', { attachments: [d('综合与科技处.xls')] });
    reply('土壤生态环境处', { attachments: [d('说明.txt')] });
    reply('固体废物与化学品处', { attachments: [d('固废报送.zip')] });
    reply('环境安全应急管理处', { text: '收到，我处将按时报送。' });
    servers.sendAs({ from: `财务审计处 <${address('财务审计处')}>`, subject: '自动回复：关于报送2025年第三季度重点工作调度表的通知', text: '我已外出，回来后回复。', headers: { 'Auto-Submitted': 'auto-replied' } });
    await servers.waitForMail('office', 7);

    // Killed as soon as the first message's line is out: the run stops somewhere in the second.
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), 'mail', 'collect', '--round', ROUND, '-w', ws], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/UID \d+/.test(out)) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(out).toMatch(/UID \d+/);
    const first = cli('mail', 'collect', '--round', ROUND);
    expect(first.stderr).toBe('');
    const all = out + first.stdout;
    // Every message is reported once over the two runs (the killed run's last one again, if it was cut short).
    for (const unit of ['大气环境处', '水生态环境处', '综合与科技处', '土壤生态环境处', '固体废物与化学品处', '环境安全应急管理处', '财务审计处']) {
      expect(all, unit).toContain(address(unit));
    }
    expect(first.code).toBe(3);

    const seen = withLedger((l) => l.db.prepare('SELECT uid, sender, state, kind FROM mail_seen ORDER BY uid').all()) as { uid: number; sender: string; state: string; kind: string }[];
    expect(seen.map((s) => [s.sender, s.state, s.kind])).toEqual([
      [address('大气环境处'), 'done', 'submission'],
      [address('水生态环境处'), 'done', 'submission'],
      [address('综合与科技处'), 'done', 'submission'],
      [address('土壤生态环境处'), 'done', 'submission'],
      [address('固体废物与化学品处'), 'done', 'submission'],
      [address('环境安全应急管理处'), 'done', 'no-attachment'],
      [address('财务审计处'), 'done', 'automatic'],
    ]);
    const subs = withLedger((l) => l.db.prepare('SELECT unit, outcome, received_at FROM submissions ORDER BY unit').all()) as { unit: string; outcome: string }[];
    expect(subs.map((s) => [s.unit, s.outcome])).toEqual([
      ['固体废物与化学品处', 'accepted'],
      ['大气环境处', 'accepted'],
      ['水生态环境处', 'returned'],
      ['综合与科技处', 'accepted'],
    ]);
    const replies = withLedger((l) => l.db.prepare("SELECT unit, addresses FROM mail_sent WHERE kind = 'reply' ORDER BY id").all()) as { unit: string | null; addresses: string }[];
    expect(replies).toHaveLength(5);

    // The units' mailboxes: the workbook sent, then exactly one answer to each submission, none to the others.
    const air = await servers.waitForMail(box(units.indexOf('大气环境处')), 2);
    expect(air).toHaveLength(2);
    expect(air[1]!.subject).toBe('回复：回复：关于报送2025年第三季度重点工作调度表的通知（大气环境处）');
    expect(air[1]!.text).toMatch(/^大气环境处：\n\n你单位发来的邮件（\d{4}年\d+月\d+日收到）已收悉，附件处理结果如下：\n\n附件“大气\.xlsx”：已收取大气环境处报送的2025年第三季度调度表，共 \d+ 条。特此回执。\n/);
    expect(air[1]!.attachments).toEqual([]);

    const water = await servers.waitForMail(box(units.indexOf('水生态环境处')), 2);
    expect(water).toHaveLength(2);
    expect(water[1]!.text).toContain('附件“水生态环境处调度表.xlsx”：水生态环境处报送的调度表经审核有 1 处问题，已退回重报。');
    expect(water[1]!.text).toContain('1. 调度表 H2：未填写联系电话');
    expect(water[1]!.attachments.map((a) => a.name)).toEqual(['退回重报_水生态环境处_2025-Q3.xlsx']);
    // openpyxl reads the 退回重报 workbook: its notice names the one problem.
    expect(JSON.stringify(water[1]!.attachments[0]!.sheets!['调度表'])).toContain('退回重报：本表有 1 处问题');

    const general = await servers.waitForMail(box(units.indexOf('综合与科技处')), 2);
    // The LibreOffice .xls is converted and taken; the ledger holds the original .xls.
    expect(general[1]!.text).toMatch(/附件“综合与科技处\.xls”：已收取综合与科技处报送的2025年第三季度调度表，共 \d+ 条。特此回执。/);

    const soil = await servers.waitForMail(box(units.indexOf('土壤生态环境处')), 2);
    expect(soil[1]!.text).toContain('附件“说明.txt”：未收取。原因：这是 CSV/文本文件，不含调度表的格式和识别信息。请在下发的 .xlsx 原表中填写后报送。');

    const solid = await servers.waitForMail(box(units.indexOf('固体废物与化学品处')), 2);
    expect(solid[1]!.text).toContain('附件“固废报送.zip › 固废处调度表.xlsx”：已收取固体废物与化学品处报送的2025年第三季度调度表');

    // No answer to a reply without attachment, nor to an auto-reply.
    await new Promise((r) => setTimeout(r, 1500));
    expect(servers.readBox(box(units.indexOf('环境安全应急管理处')))).toHaveLength(1);
    expect(servers.readBox(box(units.indexOf('财务审计处')))).toHaveLength(1);

    // A third run finds nothing new, and nothing is sent or booked again.
    const again = cli('mail', 'collect', '--round', ROUND);
    expect(again.stdout).toContain('没有新邮件。');
    expect(withLedger((l) => l.db.prepare("SELECT COUNT(*) FROM mail_sent WHERE kind = 'reply'").pluck().get())).toBe(5);
    expect(withLedger((l) => l.db.prepare('SELECT COUNT(*) FROM submissions').pluck().get())).toBe(4);
    expect(withLedger((l) => l.db.prepare("SELECT archive_path FROM submissions WHERE unit = '综合与科技处'").pluck().get())).toMatch(/\.xls$/);
    expect(servers.readBox(box(units.indexOf('大气环境处')))).toHaveLength(2);
  }, 300_000);
});

describe('mail remind', () => {
  test('reminds the units not reported and the returned one, once a day', async () => {
    const r = cli('mail', 'remind', '--round', ROUND, '--today', '2025-10-08');
    expect(r.stderr).toBe('');
    // 23 units, 3 accepted (大气, 固废, 综合): 20 to remind, one of them (组织人事处) without an address.
    expect(r.stdout).toContain('已催报 19 个单位，今天已催报过 0 个，没有邮箱 1 个。');
    const again = cli('mail', 'remind', '--round', ROUND, '--today', '2025-10-08');
    expect(again.stdout).toContain('已催报 0 个单位，今天已催报过 19 个，没有邮箱 1 个。');
    expect(withLedger((l) => l.db.prepare("SELECT COUNT(*) FROM mail_sent WHERE kind = 'remind'").pluck().get())).toBe(19);
    const water = await servers.waitForMail(box(units.indexOf('水生态环境处')), 3);
    expect(water[2]!.subject).toBe('催报：2025年第三季度重点工作调度表（水生态环境处）');
    expect(water[2]!.text).toContain('水生态环境处报送的调度表经审核存在问题，已退回。请上述单位于2025年10月10日前按要求报送（退回的请按回执修改后重新报送）。');
    expect(water[2]!.attachments.map((a) => a.name)).toEqual(['退回重报_水生态环境处_2025-Q3.xlsx']);
    const soil = await servers.waitForMail(box(units.indexOf('土壤生态环境处')), 3);
    expect(soil[2]!.text).toContain('截至目前，土壤生态环境处尚未报送2025年第三季度重点工作调度表。请上述单位于2025年10月10日前按要求报送。');
    expect(soil[2]!.attachments.map((a) => a.name)).toEqual(['土壤生态环境处_2025-Q3_调度表.xlsx']);
    expect(servers.readBox(box(units.indexOf('大气环境处')))).toHaveLength(2);
    // What the 总览 shows per unit.
    const { mailOverview } = await import('../src/mail/overview.ts');
    const overview = withLedger((l) => mailOverview(l, ROUND));
    const of = (unit: string) => overview.find((o) => o.unit === unit)!;
    expect(of('水生态环境处')).toMatchObject({ addresses: [address('水生态环境处')], reminders: 1 });
    for (const key of ['sentAt', 'repliedAt', 'answeredAt', 'remindedAt'] as const) expect(of('水生态环境处')[key], key).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(of('大气环境处')).toMatchObject({ reminders: 0, remindedAt: null });
    expect(of('大气环境处').repliedAt).toMatch(/^\d{4}-/);
    expect(of('组织人事处')).toEqual({ unit: '组织人事处', sentAt: null, addresses: [], repliedAt: null, answeredAt: null, remindedAt: null, reminders: 0 });
    expect(of('环境安全应急管理处')).toMatchObject({ repliedAt: null, answeredAt: null, reminders: 1 });
  }, 120_000);
});

describe('a run stopped while a reply goes out', () => {
  test('the reply is never sent twice; the next message is taken and answered', async () => {
    const dir = join(ws, 'late');
    mkdirSync(dir);
    fillWorkbook(file('生态保护处'), join(dir, '生态保护处.xlsx'), GOOD_ANSWERS);
    fillWorkbook(file('生态环境监测处'), join(dir, '监测处.xlsx'), GOOD_ANSWERS);
    servers.sendAs({ from: address('生态保护处'), subject: '报送调度表', attachments: [join(dir, '生态保护处.xlsx')] });
    await servers.waitForMail('office', 8);
    servers.sendAs({ from: address('生态环境监测处'), subject: '报送调度表', attachments: [join(dir, '监测处.xlsx')] });
    await servers.waitForMail('office', 9);
    process.env.TAIZHANG_MAIL_CA = servers.cert;
    const { collectMail } = await import('../src/mail/collect.ts');
    const { readSettings } = await import('../src/ledger/settings.ts');
    const nodemailer = (await import('nodemailer')).default;
    const real = nodemailer.createTransport({ host: '127.0.0.1', port: servers.smtpPort, secure: false });
    // The process dies as the first reply is handed to the server: the error is not a mail error, so it stops the run.
    const dying = { sendMail: () => Promise.reject(new Error('killed')), close: () => undefined } as unknown as typeof real;
    const ledger = new LedgerClass(ws, { create: false });
    try {
      const ctx = { ledger, workspace: ws, settings: readSettings(ws), password: PASSWORD };
      await expect(collectMail({ ...ctx, transport: dying }, { roundId: ROUND })).rejects.toThrow('killed');
      const results = await collectMail({ ...ctx, transport: real }, { roundId: ROUND });
      expect(results.map((r) => [r.sender, r.reply])).toEqual([
        [address('生态保护处'), 'uncertain'],
        [address('生态环境监测处'), 'sent'],
      ]);
      expect(results[0]!.replyDetail).toBe('上次运行在发送回复时中断，未能确认回复是否已发出，不再重发；请在“已发送”邮件中核对');
      expect(results[0]!.files).toEqual([{ name: '生态保护处.xlsx', kind: 'accepted', unit: '生态保护处', rows: expect.any(Number) }]);
      expect(await collectMail({ ...ctx, transport: real }, { roundId: ROUND })).toEqual([]);
    } finally {
      ledger.close();
      real.close();
      // The CLI runs of the next tests inherit this process's environment: they must not trust the test certificate.
      delete process.env.TAIZHANG_MAIL_CA;
    }
    const eco = servers.readBox(box(units.indexOf('生态保护处')));
    // The workbook and the reminder; no reply (it never left), and none sent later.
    expect(eco.map((m) => m.subject)).toEqual(['关于报送2025年第三季度重点工作调度表的通知（生态保护处）', '催报：2025年第三季度重点工作调度表（生态保护处）']);
    const monitor = await servers.waitForMail(box(units.indexOf('生态环境监测处')), 3);
    expect(monitor.map((m) => m.subject)).toEqual(['关于报送2025年第三季度重点工作调度表的通知（生态环境监测处）', '催报：2025年第三季度重点工作调度表（生态环境监测处）', '回复：报送调度表']);
  }, 120_000);
});

describe('two rounds open at once', () => {
  test('a workbook of the other round is left for that round, and no message is answered twice', async () => {
    const { issueRound } = await import('../src/sheets/issue.ts');
    const { parseRound } = await import('../src/model/round.ts');
    const ledger = new LedgerClass(ws, { create: false });
    try {
      await issueRound(ledger, { plan: await jinanPlan(), round: parseRound('2025-Q4'), outDir: join(ws, '2025-Q4', '下发') });
    } finally {
      ledger.close();
    }
    const dir = join(ws, 'two');
    mkdirSync(dir);
    fillWorkbook(file('机关党委'), join(dir, '机关党委.xlsx'), GOOD_ANSWERS);
    servers.sendAs({ from: address('机关党委'), subject: '三季度调度表', attachments: [join(dir, '机关党委.xlsx')] });
    await servers.waitForMail('office', 10);
    const replies = () => withLedger((l) => l.db.prepare("SELECT COUNT(*) FROM mail_sent WHERE kind = 'reply'").pluck().get() as number);
    const before = replies();
    // The fourth quarter's collect sees every message of today: it answers none of them.
    const q4 = cli('mail', 'collect', '--round', '2025-Q4');
    expect(q4.stderr).toBe('');
    expect(q4.stdout).toContain(`· UID 10  ${address('机关党委')}「三季度调度表」：附件是 2025-Q3 轮次的调度表，未回复；请运行 npx taizhang mail collect --round 2025-Q3 收取`);
    // The 说明.txt message was answered by the third quarter's collect.
    expect(q4.stdout).toContain(`UID 4  ${address('土壤生态环境处')}「回复：关于报送2025年第三季度重点工作调度表的通知（土壤生态环境处）」：已在轮次 2025-Q3 中回复过，不再回复`);
    expect(replies()).toBe(before);
    const q3 = cli('mail', 'collect', '--round', ROUND);
    expect(q3.stdout).toContain(`✔ UID 10  ${address('机关党委')}「三季度调度表」：已回复 ${address('机关党委')}`);
    expect(replies()).toBe(before + 1);
    expect(cli('mail', 'collect', '--round', '2025-Q4').stdout).toContain('没有新邮件。');
    const party = await servers.waitForMail(box(units.indexOf('机关党委')), 3);
    expect(party.map((m) => m.subject)).toEqual(['关于报送2025年第三季度重点工作调度表的通知（机关党委）', '催报：2025年第三季度重点工作调度表（机关党委）', '回复：三季度调度表']);
  }, 180_000);
});

describe('hostile mail', () => {
  test('escapes in the sender and subject are printed harmlessly, an attachment name cannot leave its folder, HTML is not read', async () => {
    const unit = '市生态环境保护综合行政执法支队';
    const dir = join(ws, 'hostile');
    mkdirSync(dir);
    fillWorkbook(file(unit), join(dir, 'a.xlsx'), GOOD_ANSWERS);
    servers.sendAs({
      from: `"x\u001b[2J✔ 大气环境处" <${address(unit)}>`,
      subject: '',
      raw_subject: `=?utf-8?b?${Buffer.from('报送\u001b[31m\n✔ 已收取').toString('base64')}?=`,
      text: '',
      html: '<p>见附件</p><script>alert(1)</script><img src="http://127.0.0.1:9/track.png">',
      attachments: [join(dir, 'a.xlsx')],
      names: { [join(dir, 'a.xlsx')]: '../../../evil\u001b[2J.xlsx' },
    });
    await servers.waitForMail('office', 11);
    const r = cli('mail', 'collect', '--round', ROUND);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b');
    const lines = r.stdout.split('\n').filter((l) => l.includes('UID 11'));
    expect(lines).toHaveLength(1);
    // Control characters of the subject became spaces (one line, nothing a terminal acts on).
    expect(lines[0]).toBe(`✔ UID 11  ${address(unit)}「报送 [31m ✔ 已收取」：已回复 ${address(unit)}`);
    expect(r.stdout).toContain(`    ✔ ${unit}：已收取`);
    // Saved inside the message's own folder under a safe name, never above it.
    const saved = withLedger((l) => l.db.prepare("SELECT original_path FROM submissions WHERE unit = ?").pluck().get(unit)) as string;
    expect(saved.startsWith(join(ws, '2025-Q3', '邮件') + '/')).toBe(true);
    expect(saved.split('/').pop()).toMatch(/^evil.*\.xlsx$/);
    expect(saved.slice(join(ws, '2025-Q3', '邮件').length + 1).split('/')).toHaveLength(2);
    const answer = await servers.waitForMail(box(units.indexOf(unit)), 3);
    expect(answer[2]!.text).toContain(`已收取${unit}报送的2025年第三季度调度表`);
  }, 120_000);
});

describe('the outgoing server down during a collect', () => {
  test('the workbook is taken, the run stops with the reason, and the next run answers it once', async () => {
    const unit = '协调指导处';
    const dir = join(ws, 'smtp-down');
    mkdirSync(dir);
    fillWorkbook(file(unit), join(dir, 'x.xlsx'), GOOD_ANSWERS);
    servers.sendAs({ from: address(unit), subject: '报送', attachments: [join(dir, 'x.xlsx')] });
    await servers.waitForMail('office', 12);
    expect(cli('config', 'set', '发件服务器', 'smtp://127.0.0.1:1').code).toBe(0);
    const down = cli('mail', 'collect', '--round', ROUND);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('错误：无法连接发件服务器 127.0.0.1:1：连接被拒绝（服务器未开启或端口不对）。');
    expect(withLedger((l) => l.db.prepare("SELECT state FROM mail_seen WHERE uid = 12 AND round_id = ?").pluck().get(ROUND))).toBe('collected');
    expect(withLedger((l) => l.currentSubmissions(ROUND).find((x) => x.unit === unit)?.outcome)).toBe('accepted');
    expect(cli('config', 'set', '发件服务器', `smtp://127.0.0.1:${servers.smtpPort}`).code).toBe(0);
    const up = cli('mail', 'collect', '--round', ROUND);
    expect(up.stdout).toContain(`✔ UID 12  ${address(unit)}「报送」：已回复 ${address(unit)}`);
    expect(cli('mail', 'collect', '--round', ROUND).stdout).toContain('没有新邮件。');
    const box20 = await servers.waitForMail(box(units.indexOf(unit)), 3);
    expect(box20.map((m) => m.subject)).toEqual([`关于报送2025年第三季度重点工作调度表的通知（${unit}）`, `催报：2025年第三季度重点工作调度表（${unit}）`, '回复：报送']);
  }, 120_000);
});

describe('server problems', () => {
  test('a wrong password, a server down and an untrusted certificate each get a Chinese message and exit 1', () => {
    const wrong = taizhang(['mail', 'check', '-w', ws], ROOT, { ...env, TAIZHANG_MAIL_PASSWORD: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`错误：收件服务器 127.0.0.1:${servers.imapPort} 拒绝登录：用户名或口令不正确（用户名 ${OFFICE}）。`);
    const ok = cli('mail', 'check');
    expect(ok.stdout).toContain('登录成功');
    expect(ok.code).toBe(0);
    const other = tempDir();
    copyFileSync(join(ws, 'taizhang.db'), join(other, 'taizhang.db'));
    const at = (...a: string[]) => taizhang([...a, '-w', other], ROOT, env);
    at('config', 'set', '发件人', `综合处 <${OFFICE}>`);
    at('config', 'set', '发件服务器', `smtp://127.0.0.1:${servers.smtpPort}`);
    at('config', 'set', '收件服务器', `imaps://${OFFICE}@127.0.0.1:${servers.imapsPort}`);
    const cert = taizhang(['mail', 'collect', '--round', ROUND, '-w', other], ROOT, { TAIZHANG_MAIL_PASSWORD: PASSWORD });
    expect(cert.code).toBe(1);
    expect(cert.stderr).toContain(`错误：收件服务器 127.0.0.1:${servers.imapsPort} 的安全证书未通过验证：证书不是受信任的机构签发的，可能是自签名证书。为安全起见未连接。`);
    expect(cert.stderr).toContain('TAIZHANG_MAIL_CA');
    at('config', 'set', '收件服务器', `imaps://${OFFICE}@127.0.0.1:1`);
    const down = at('mail', 'collect', '--round', ROUND);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('错误：无法连接收件服务器 127.0.0.1:1：连接被拒绝（服务器未开启或端口不对）。');
    const bad = at('config', 'set', '收件服务器', 'imaps://office:secret@127.0.0.1');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('错误：设置“收件服务器”中含有口令');
  }, 120_000);
});

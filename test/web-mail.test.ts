// The 工作台's mail pages in Chromium against real mail servers (dovecot and postfix on 127.0.0.1, mail-servers.ts):
// mail settings with the password typed in the page and never written to disk, the 单位名录 imported, edited and
// exported, a round sent by mail, one unit's reply delivered and collected, the 总览's sent and replied times, and
// reminders once a day unless forced. Everything from mail is shown as text, never as markup.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../src/ledger/ledger.ts';
import { registeredUnits } from '../src/units/store.ts';
import type { Access } from '../src/web/security.ts';
import { createWorkbench } from '../src/web/server.ts';
import { CHROMIUM, fillWorkbook, GOOD_ANSWERS, python, tempDir } from './helpers.ts';
import { mailbox, mailRound, OFFICE, PASSWORD, type MailRound, type MailServers } from './mail-servers.ts';

const ROUND = '2025-Q3';
/** The fixed moment of the workbench (its `now`): every send and every arrival is booked at it. */
const NOW_SHOWN = '2025-10-08 10:00';

let round: MailRound;
let servers: MailServers;
let ws: string;
let units: string[];
let file: (unit: string) => string;
/** Each unit's mailbox: u01…u23 in the round's order. */
const box = mailbox;
const address = (unit: string) => round.address(unit);
const withLedger = <T>(body: (l: Ledger) => T): T => round.withLedger(body);

/** Waits (a job streams its lines) until the element says `text`; fails showing what it says instead. */
async function settled(locator: Locator, text: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until && (await locator.textContent()) !== text) await new Promise((r) => setTimeout(r, 200));
  // On failure the card's own error line is shown with what the element says.
  const error = await locator.locator('xpath=..').locator('.result').textContent();
  expect({ text: await locator.textContent(), error }).toEqual({ text, error: '' });
}

const count = (kind: string) => withLedger((l) => l.db.prepare('SELECT COUNT(*) FROM mail_sent WHERE kind = ?').pluck().get(kind)) as number;

/** Every file under the workspace whose bytes hold `text` (the password must be in none). */
function filesHolding(dir: string, text: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesHolding(path, text));
    else if (readFileSync(path).includes(text)) found.push(path);
  }
  return found;
}

function raw(port: number, o: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: o.method, path: o.path, headers: o.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('工作台 mail pages with real mail servers, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let app: Awaited<ReturnType<typeof createWorkbench>>;
  let base: string;
  let port: number;
  const token = 'test-token-mail-0123456789';
  const refused: string[] = [];
  const shots = process.env.TAIZHANG_SCREENSHOTS ?? tempDir('tz-web-mail-shots-');
  const rows = (selector: string) => page.locator(`${selector} tbody tr`);
  const rowOf = (selector: string, unit: string) => page.locator(`${selector} tbody tr`, { hasText: unit }).first();

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium');
    ws = tempDir('tz-web-mail-ws-');
    round = await mailRound(ws, ROUND);
    ({ units, file, servers } = round);
    // dovecot's certificate is self-signed: trusted as an office trusts its own (docs/mail.md), for this process.
    process.env.TAIZHANG_MAIL_CA = servers.cert;
    const hosts = new Set<string>();
    const access: Access = { hosts, token, password: null };
    app = await createWorkbench({ workspace: ws, access, today: () => '2025-10-08', now: () => new Date('2025-10-08T10:00:00+08:00') });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
    hosts.add(`127.0.0.1:${port}`);
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) refused.push(`${page.url()}: ${m.text()}`);
    });
    page.on('dialog', (d) => void d.dismiss());
    // The machine is shared: pages may be slow to come.
    page.setDefaultTimeout(120_000);
    await page.goto(`${base}/?token=${token}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    servers?.stop();
    delete process.env.TAIZHANG_MAIL_CA;
  });

  it('设置: the servers saved as config set saves them; the password typed is held in memory, in no file', async () => {
    await page.goto(`${base}/settings`);
    await page.fill('input[name=imapServer]', `imap://${OFFICE}@127.0.0.1:${servers.imapPort}`);
    await page.fill('input[name=smtpServer]', `smtp://127.0.0.1:${servers.smtpPort}`);
    await page.fill('input[name=mailFrom]', `综合处 <${OFFICE}>`);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('#mail-settings button');
    await page.locator('#mail-settings .result .o-accepted').waitFor();
    await expect(page.locator('#mail-settings .result').textContent()).resolves.toBe('邮箱设置已保存。');
    const settings = JSON.parse(readFileSync(join(ws, 'settings.json'), 'utf8'));
    expect(settings).toEqual({ imapServer: `imap://${OFFICE}@127.0.0.1:${servers.imapPort}`, smtpServer: `smtp://127.0.0.1:${servers.smtpPort}`, mailFrom: `综合处 <${OFFICE}>` });
    expect(filesHolding(ws, PASSWORD)).toEqual([]);
    await page.screenshot({ path: join(shots, 'mail-settings.png') });

    // A wrong server address is refused with the setting's own message, and nothing is saved.
    await page.fill('input[name=smtpServer]', 'mail.test.gov.cn');
    await page.click('#mail-settings button');
    await expect(page.locator('#mail-settings .result .error').textContent()).resolves.toBe('操作未完成：设置“发件服务器”的值“mail.test.gov.cn”不是发件（SMTP）服务器地址。');
    expect(JSON.parse(readFileSync(join(ws, 'settings.json'), 'utf8')).smtpServer).toBe(`smtp://127.0.0.1:${servers.smtpPort}`);
  });

  it('名录: a 通讯录 imported, one unit edited in place, the registry exported as openpyxl reads it', async () => {
    const book = join(ws, '通讯录.xlsx');
    const entries = units.slice(0, -1).map((u, i) => [u, `联系人${i + 1}`, `0531-6660${String(i).padStart(4, '0')}`, address(u)]);
    python(
      `import json, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active
ws.append(['单位名称', '联系人', '电话', '电子邮箱'])
for r in json.loads(sys.argv[2]): ws.append(r)
wb.save(sys.argv[1])`,
      book,
      JSON.stringify(entries),
    );
    await page.click('nav >> text=名录');
    await expect(page.locator('.notice').count()).resolves.toBe(0);
    await page.setInputFiles('input[name=file]', book);
    await page.click('form[action="/registry/import"] button');
    await page.waitForURL(`${base}/registry`);
    await expect(page.locator('#imported p').first().textContent()).resolves.toBe('新登记 22 个单位，更新 0 个，未变 0 个。');
    const last = units.at(-1)!;
    await expect(rowOf('#registry', last).locator('td.missing').textContent()).resolves.toBe('联系人、电话、邮箱');
    await expect(rows('#registry').count()).resolves.toBe(23);
    await expect(page.locator('#registry td.missing').filter({ hasText: /\S/ }).count()).resolves.toBe(1);

    // One unit's contact changed in place; a bad address refused in words, and the old addresses kept.
    const second = rowOf('#registry', units[1]!);
    await second.locator('input[name=contact]').fill('王芳');
    await second.locator('[data-save-unit]').click();
    await second.locator('.saved.o-accepted').waitFor();
    await expect(second.locator('.saved').textContent()).resolves.toBe('已保存');
    await page.screenshot({ path: join(shots, 'mail-registry.png') });
    await second.locator('input[name=emails]').fill('wangfang');
    await second.locator('[data-save-unit]').click();
    await second.locator('.saved.error').waitFor();
    await expect(second.locator('.saved').textContent()).resolves.toBe('“wangfang”不是有效的邮箱地址。 请写成 zhb@jnepb.gov.cn 的形式，多个地址用分号或顿号隔开。');
    const saved = withLedger((l) => registeredUnits(l).find((u) => u.unit === units[1]));
    expect(saved).toMatchObject({ contact: '王芳', phone: '0531-66600001', emails: [address(units[1]!)] });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出单位名录（.xlsx）')]);
    expect(download.suggestedFilename()).toBe('单位名录.xlsx');
    const exported = join(ws, 'exported.xlsx');
    await download.saveAs(exported);
    const sheet = JSON.parse(python(`import json, sys, openpyxl\nprint(json.dumps([list(r) for r in openpyxl.load_workbook(sys.argv[1]).active.iter_rows(values_only=True)], ensure_ascii=False))`, exported));
    expect(sheet).toHaveLength(24);
    expect(sheet[0]).toEqual(['单位名称', '联系人', '电话', '邮箱', '别名']);
    // An empty text cell may read as '' or as nothing: either is an empty cell to a clerk.
    const cells = (row: unknown[]) => row.map((c) => c ?? '');
    expect(cells(sheet[2])).toEqual([units[1], '王芳', '0531-66600001', address(units[1]!), '']);
    expect(cells(sheet[23])).toEqual([last, '', '', '', '']);
  });

  it('轮次: a preview sends nothing; 邮件下发 sends each unit its workbook once', async () => {
    await page.click('nav >> text=轮次');
    await page.click('#mail-send button[data-dry]');
    const tally = page.locator('#mail-send .tally');
    await settled(tally, '预览：将发送 22 封，此前已发 0 个单位，无法发送 1 个单位。未发送任何邮件。');
    await expect(rows('#mail-send .mail-results').count()).resolves.toBe(23);
    const none = rowOf('#mail-send .mail-results', units.at(-1)!);
    await expect(none.locator('td').allTextContents()).resolves.toEqual([units.at(-1), '没有邮箱', '', '单位名录中没有邮箱，未发送；请在“名录”页登记邮箱后再发']);
    await expect(rowOf('#mail-send .mail-results', '大气环境处').locator('td').allTextContents()).resolves.toEqual(['大气环境处', '将发送', address('大气环境处'), '将发送 大气环境处_2025-Q3_调度表.xlsx']);
    expect(count('workbook')).toBe(0);

    await page.click('#mail-send button:not([data-dry])');
    await settled(tally, '已发送 22 封，此前已发 0 个单位，未能发送 1 个单位。');
    await expect(rowOf('#mail-send .mail-results', '大气环境处').locator('td').allTextContents()).resolves.toEqual(['大气环境处', '已发送', address('大气环境处'), '—']);
    expect(count('workbook')).toBe(22);
    const [mail] = await servers.waitForMail(box(units.indexOf('大气环境处')), 1);
    expect(mail!.subject).toBe('关于报送2025年第三季度重点工作调度表的通知（大气环境处）');
    expect(mail!.attachments.map((a) => a.name)).toEqual(['大气环境处_2025-Q3_调度表.xlsx']);
    await page.screenshot({ path: join(shots, 'mail-send.png'), fullPage: true });

    // Again: nothing sent twice, each unit said to have had its workbook.
    // The streamed answer's body taken through a route (route.fetch), not from Chromium's network log: the devtools
    // protocol keeps no body of a streamed response (`Network.getResponseBody: No data found`, a flake seen twice, once
    // after the response was read on arrival). The page gets the same answer.
    let answer = '';
    await page.route('**/mail/send', async (route) => {
      const response = await route.fetch();
      answer = await response.text();
      await route.fulfill({ response, body: answer });
    });
    await page.click('#mail-send button:not([data-dry])');
    await settled(tally, '已发送 0 封，此前已发 22 个单位，未能发送 1 个单位。');
    await page.unroute('**/mail/send');
    await expect(rowOf('#mail-send .mail-results', '大气环境处').locator('td').nth(3).textContent()).resolves.toBe(`已于 ${NOW_SHOWN} 发送，不再重发`);
    expect(count('workbook')).toBe(22);
    // A page reloaded while its mail job runs (here: with the job's id still in its session) shows the job's
    // results again, from the start, and sends nothing more.
    const job = (JSON.parse(answer.split('\n')[0]!) as { job: string }).job;
    const api = await page.locator('#mail-send form[data-mail-api]').getAttribute('data-mail-api');
    await page.evaluate(([key, id]) => sessionStorage.setItem(key!, id!), [`taizhang-job:/rounds:${api}`, job]);
    await page.reload();
    await settled(page.locator('#mail-send .tally'), '已发送 0 封，此前已发 22 个单位，未能发送 1 个单位。');
    await expect(rows('#mail-send .mail-results').count()).resolves.toBe(23);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), `taizhang-job:/rounds:${api}`)).toBeNull();
    expect(count('workbook')).toBe(22);
    expect((await servers.waitForMail(box(units.indexOf('大气环境处')), 1)).length).toBe(1);
  }, 120_000);

  it('refuses a mail action from a foreign origin, and sends nothing', async () => {
    const r = await raw(port, { method: 'POST', path: `/api/rounds/${ROUND}/mail/remind`, headers: { host: `127.0.0.1:${port}`, cookie: `taizhang_session=${token}`, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(403);
    expect(count('remind')).toBe(0);
  });

  it('收集: 从邮箱收取 takes the unit reply, leaves the other mail alone, and shows a hostile subject as text', async () => {
    const dir = tempDir('tz-web-mail-reply-');
    fillWorkbook(file('大气环境处'), join(dir, '大气.xlsx'), GOOD_ANSWERS);
    servers.sendAs({ from: `大气环境处 <${address('大气环境处')}>`, subject: '回复：关于报送2025年第三季度重点工作调度表的通知（大气环境处）', text: '已填好，请查收。', attachments: [join(dir, '大气.xlsx')] });
    servers.sendAs({ from: `"<b>土壤</b>" <${address('土壤生态环境处')}>`, subject: '<img src=x>收到', text: '<script>alert(1)</script>' });
    await servers.waitForMail('office', 2);

    await page.click('nav >> text=收集');
    await expect(page.locator('#mail-collect input[type=password]').count()).resolves.toBe(0);
    await page.click('#mail-collect button');
    const tally = page.locator('#mail-collect .tally');
    await settled(tally, '收取完毕：处理报送邮件 1 封，其他邮件 1 封未处理（见上表）。');
    const table = '#mail-collect .mail-messages';
    await expect(rows(table).count()).resolves.toBe(2);
    const air = (await rows(table).nth(0).locator('td').allTextContents());
    expect(air[0]).toBe(address('大气环境处'));
    expect(air[1]).toBe('回复：关于报送2025年第三季度重点工作调度表的通知（大气环境处）');
    expect(air[2]).toBe(NOW_SHOWN);
    expect(air[3]).toMatch(/^大气\.xlsx：大气环境处 已收取 \d+ 条$/);
    expect(air[4]).toMatch(/^已回复/);
    const other = await rows(table).nth(1).locator('td').allTextContents();
    expect(other.slice(0, 3)).toEqual([address('土壤生态环境处'), '<img src=x>收到', NOW_SHOWN]);
    expect(other[3]).toBe('没有附件，不是报送，未处理、未回复；请查看邮件内容');
    expect(other[4]).toMatch(/^不回复/);
    await expect(page.locator(`${table} img, ${table} b, ${table} script`).count()).resolves.toBe(0);
    await page.screenshot({ path: join(shots, 'mail-collect.png'), fullPage: true });

    const answered = await servers.waitForMail(box(units.indexOf('大气环境处')), 2);
    expect(answered[1]!.subject).toBe('回复：回复：关于报送2025年第三季度重点工作调度表的通知（大气环境处）');
    expect(answered[1]!.text).toContain('已收取大气环境处报送的2025年第三季度调度表');
    // The password was used to log in to the mailbox: still in no file of the workspace.
    expect(filesHolding(ws, PASSWORD)).toEqual([]);

    // Again: nothing is processed twice.
    await page.click('#mail-collect button');
    await settled(tally, '收取完毕：处理报送邮件 0 封，其他邮件 0 封未处理（见上表）。');
    expect(withLedger((l) => l.db.prepare("SELECT COUNT(*) FROM submissions WHERE unit = '大气环境处'").pluck().get())).toBe(1);
  }, 120_000);

  it('总览: each unit with when its workbook was sent and when its reply came', async () => {
    await page.click('nav >> text=总览');
    const heads = await page.locator('#board thead th').allTextContents();
    expect(heads.slice(-2)).toEqual(['调度表发出', '收到回复']);
    const air = await rowOf('#board', '大气环境处').locator('td').allTextContents();
    expect(air[1]).toBe('已报送');
    expect(air.slice(-2)).toEqual([NOW_SHOWN, NOW_SHOWN]);
    expect((await rowOf('#board', '水生态环境处').locator('td').allTextContents()).slice(-2)).toEqual([NOW_SHOWN, '']);
    expect((await rowOf('#board', units.at(-1)!).locator('td').allTextContents()).slice(-2)).toEqual(['', '']);
    await page.screenshot({ path: join(shots, 'mail-overview.png') });
  });

  it('催报: 邮件催报 to each unit not reported, once a day unless forced by the checkbox', async () => {
    await page.click('nav >> text=催报');
    const tally = page.locator('#mail-remind .tally');
    await page.click('#mail-remind button:not([data-dry])');
    // 23 units, 大气环境处 reported: 22 to remind, the last without an address.
    await settled(tally, '已发送 21 封，此前已发 0 个单位，未能发送 1 个单位。');
    expect(count('remind')).toBe(21);
    await expect(rowOf('#mail-remind .mail-results', '大气环境处').count()).resolves.toBe(0);
    const water = await servers.waitForMail(box(units.indexOf('水生态环境处')), 2);
    expect(water[1]!.subject).toBe('催报：2025年第三季度重点工作调度表（水生态环境处）');
    await page.screenshot({ path: join(shots, 'mail-remind.png'), fullPage: true });

    await page.click('#mail-remind button:not([data-dry])');
    await settled(tally, '已发送 0 封，此前已发 21 个单位，未能发送 1 个单位。');
    await expect(rowOf('#mail-remind .mail-results', '水生态环境处').locator('td').nth(3).textContent()).resolves.toBe(`今天已催报过（${NOW_SHOWN}），不再重发；确需再发请勾选“今天已催报过的单位也再发一次”`);
    expect(count('remind')).toBe(21);

    await page.check('#mail-remind input[name=force]');
    await page.click('#mail-remind button:not([data-dry])');
    await settled(tally, '已发送 21 封，此前已发 0 个单位，未能发送 1 个单位。');
    expect(count('remind')).toBe(42);
  }, 120_000);

  it('名录: the contact 大气环境处 wrote in its workbook is offered, and applied only when accepted', async () => {
    await page.click('nav >> text=名录');
    const offer = rowOf('#offers', '大气环境处');
    await expect(offer.locator('td').allTextContents()).resolves.toEqual(['', '大气环境处', '张明', '0531-86161234', `大气.xlsx（${NOW_SHOWN}）`]);
    expect(withLedger((l) => registeredUnits(l).find((u) => u.unit === '大气环境处')?.contact)).not.toBe('张明');
    await offer.locator('input[type=checkbox]').check();
    await Promise.all([page.waitForEvent('load'), page.click('[data-accept-offers]')]);
    await expect(rowOf('#registry', '大气环境处').locator('input[name=contact]').inputValue()).resolves.toBe('张明');
    await expect(page.locator('#offers').count()).resolves.toBe(0);
    expect(refused).toEqual([]);
  });

  it('a 工作台 started again has no password: the pages ask for it, and a mail action without it is refused in words', async () => {
    const again = await createWorkbench({ workspace: ws, access: { hosts: new Set(['127.0.0.1:1']), token, password: null }, today: () => '2025-10-08' });
    try {
      const headers = { host: '127.0.0.1:1', cookie: `taizhang_session=${token}` };
      const collect = await again.inject({ method: 'GET', url: `/collect?round=${ROUND}`, headers });
      expect(collect.body).toContain('<input type="password" name="password" autocomplete="current-password">');
      // Sending asks no login of this office's SMTP server: no password field there.
      expect((await again.inject({ method: 'GET', url: '/rounds', headers })).body).not.toContain('type="password"');
      const refusedCollect = await again.inject({ method: 'POST', url: `/api/rounds/${ROUND}/mail/collect`, headers: { ...headers, origin: 'http://127.0.0.1:1', 'content-type': 'application/json' }, payload: '{}' });
      expect(refusedCollect.statusCode).toBe(400);
      expect(JSON.parse(refusedCollect.body)).toEqual({ error: '需要邮箱口令。', hint: '请在本页输入邮箱口令后重试。口令只保存在本次运行的工作台中，不写入任何文件。' });
    } finally {
      await again.close();
    }
  });
});

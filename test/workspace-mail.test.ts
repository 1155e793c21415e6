// The 工作台's mail services (src/workspace/mail.ts) without a server: the settings form saved as `config set`
// checks it, whether a login is needed, and a unit's result in a page's words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailForm, needsLogin, saveMailForm, unitResultWords } from '../src/workspace/mail.ts';
import { tempDir } from './helpers.ts';

describe('mail settings form', () => {
  it('saves the three settings checked, keeps the others, removes an emptied one, and refuses a bad one unsaved', async () => {
    const ws = tempDir('tz-mailform-');
    const file = join(ws, 'settings.json');
    await saveMailForm(ws, { imapServer: ' imaps://zhb@x.gov.cn@mail.x.gov.cn:993 ', smtpServer: 'smtp://mail.x.gov.cn:587', mailFrom: '综合处 <zhb@x.gov.cn>' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ imapServer: 'imaps://zhb@x.gov.cn@mail.x.gov.cn:993', smtpServer: 'smtp://mail.x.gov.cn:587', mailFrom: '综合处 <zhb@x.gov.cn>' });
    await expect(saveMailForm(ws, { imapServer: 'imaps://zhb:secret@mail.x.gov.cn', smtpServer: '', mailFrom: '综合处 <zhb@x.gov.cn>' })).rejects.toThrow('设置“收件服务器”中含有口令（“用户名:口令”的写法）。口令不保存在设置文件中。');
    expect(readFileSync(file, 'utf8')).not.toContain('secret');
    await saveMailForm(ws, { imapServer: 'imaps://zhb@x.gov.cn@mail.x.gov.cn:993', smtpServer: '', mailFrom: '综合处 <zhb@x.gov.cn>' });
    expect(mailForm(ws)).toEqual({ imapServer: 'imaps://zhb@x.gov.cn@mail.x.gov.cn:993', smtpServer: '', mailFrom: '综合处 <zhb@x.gov.cn>' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).not.toHaveProperty('smtpServer');
  });

  it('needs a login only for a server that names a user', () => {
    const settings = { imapServer: 'imap://office@x.gov.cn@127.0.0.1:143', smtpServer: 'smtp://127.0.0.1:25', mailFrom: 'office@x.gov.cn' };
    expect(needsLogin(settings, ['smtp'])).toBe(false);
    expect(needsLogin(settings, ['imap', 'smtp'])).toBe(true);
    expect(needsLogin(settings, [])).toBe(false);
  });

  it('words a result for the page: its controls instead of command options, times in Beijing time', () => {
    const words = (outcome: 'no-address' | 'already', detail: string) => unitResultWords({ unit: '大气环境处', outcome, addresses: [], detail }).detail;
    expect(words('no-address', '单位名录中没有邮箱，未发送；请用 npx taizhang units import 登记后再发')).toBe('单位名录中没有邮箱，未发送；请在“名录”页登记邮箱后再发');
    expect(words('already', '今天已催报过（2025-10-08T02:00:00.000Z），不再重发；确需再发请加 --force')).toBe('今天已催报过（2025-10-08 10:00），不再重发；确需再发请勾选“今天已催报过的单位也再发一次”');
    expect(words('already', '已于 2025-10-08T02:00:00.000Z 发送，不再重发')).toBe('已于 2025-10-08 10:00 发送，不再重发');
  });
});

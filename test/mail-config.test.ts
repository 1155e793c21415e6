// The mail settings as a coordinator writes them, and which messages count as automatic (never answered):
// pure functions, no server.
import { simpleParser } from 'mailparser';
import { describe, expect, test } from 'vitest';
import { automatic } from '../src/mail/collect.ts';
import { parseFrom, parseServer } from '../src/mail/config.ts';

describe('mail settings', () => {
  test('server URLs: a user that is itself an address, default ports, STARTTLS or TLS', () => {
    expect(parseServer('imaps://zhb@jnepb.gov.cn@mail.jnepb.gov.cn:993', 'imap')).toEqual({ protocol: 'imaps', host: 'mail.jnepb.gov.cn', port: 993, user: 'zhb@jnepb.gov.cn', secure: true });
    expect(parseServer('imap://zhb@mail.x.gov.cn', 'imap')).toEqual({ protocol: 'imap', host: 'mail.x.gov.cn', port: 143, user: 'zhb', secure: false });
    expect(parseServer('smtp://zhb%40x.gov.cn@mail.x.gov.cn', 'smtp')).toEqual({ protocol: 'smtp', host: 'mail.x.gov.cn', port: 587, user: 'zhb@x.gov.cn', secure: false });
    expect(parseServer('smtps://127.0.0.1', 'smtp')).toEqual({ protocol: 'smtps', host: '127.0.0.1', port: 465, user: null, secure: true });
  });

  test('a wrong URL and a password in the URL are refused with what to write', () => {
    expect(() => parseServer('mail.x.gov.cn:993', 'imap')).toThrow('设置“收件服务器”的值“mail.x.gov.cn:993”不是收件（IMAP）服务器地址。');
    expect(() => parseServer('imaps://x@mail.x.gov.cn', 'smtp')).toThrow('不是发件（SMTP）服务器地址');
    expect(() => parseServer('imaps://zhb:secret@mail.x.gov.cn', 'imap')).toThrow('设置“收件服务器”中含有口令（“用户名:口令”的写法）。口令不保存在设置文件中。');
    expect(() => parseServer('imaps://mail.x.gov.cn:99999', 'imap')).toThrow('端口“99999”无效');
  });

  test('the sender: a name and an address, or an address alone', () => {
    expect(parseFrom('综合处 <ZHB@jnepb.gov.cn>')).toEqual({ text: '综合处 <ZHB@jnepb.gov.cn>', address: 'zhb@jnepb.gov.cn' });
    expect(parseFrom('zhb@jnepb.gov.cn')).toEqual({ text: 'zhb@jnepb.gov.cn', address: 'zhb@jnepb.gov.cn' });
    expect(() => parseFrom('综合处')).toThrow('设置“发件人”的值“综合处”不是有效的发件人。');
  });
});

describe('automatic mail', () => {
  const mail = (headers: string) => simpleParser(`${headers}\r\nSubject: x\r\n\r\nbody\r\n`);
  test.each([
    ['From: a@x.cn\r\nAuto-Submitted: auto-replied', '自动发送的邮件（Auto-Submitted）'],
    ['From: a@x.cn\r\nX-Autoreply: yes', '自动回复'],
    ['From: a@x.cn\r\nPrecedence: bulk', '群发或自动回复邮件（Precedence）'],
    ['From: MAILER-DAEMON@mail.x.cn', '退信（投递失败通知）'],
    ['From: "Mail Delivery System" <postmaster@x.cn>', '退信（投递失败通知）'],
    ['From: a@x.cn\r\nReturn-Path: <>', '退信（空的 Return-Path）'],
    ['From: a@x.cn\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b', '退信或回执通知（multipart/report）'],
  ])('%s', async (headers, why) => {
    expect(automatic(await mail(headers))).toBe(why);
  });

  test('a person’s reply is not automatic, Auto-Submitted: no included', async () => {
    expect(automatic(await mail('From: a@x.cn\r\nAuto-Submitted: no\r\nReturn-Path: <a@x.cn>'))).toBeNull();
  });
});

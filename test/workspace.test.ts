// The workspace services the CLI and the 工作台 share (src/workspace), without a server or a terminal: the plan store
// keeps every version, a form's settings follow the plan until set, round folders, and the command form of hints.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/model/plan.ts';
import { commandPrefix, runnable } from '../src/workspace/command.ts';
import { findWorkspace } from '../src/workspace/find.ts';
import { saveFormSettings, settingsForForm } from '../src/workspace/settings.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { ROOT, jinanPlan, tempDir } from './helpers.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

describe('Workspace', () => {
  it('keeps plans by id, each earlier version beside the current one, never overwritten', async () => {
    const ws = new Workspace(tempDir('tz-ws-'));
    expect(ws.plans.list()).toEqual([]);
    await ws.plans.save(plan);
    await ws.plans.save({ ...plan, title: '第二版' });
    const clauses = plan.tasks.reduce((n, t) => n + t.clauses.length, 0);
    expect(ws.plans.list()).toEqual([{ id: plan.id, title: '第二版', file: `${plan.id}.json`, tasks: plan.tasks.length, clauses }]);
    expect(ws.plans.earlierVersions(plan.id)).toBe(1);
    const [earlier] = readdirSync(ws.plans.dir).filter((f) => f.startsWith('.'));
    expect((JSON.parse(readFileSync(join(ws.plans.dir, earlier!), 'utf8')) as Plan).title).toBe('济南市生态环境局2025年工作要点');
    expect((await ws.plans.get(plan.id)).plan.title).toBe('第二版');
    await expect(ws.plans.get('没有')).rejects.toThrow('工作目录中没有编号为“没有”的任务清单。');
  });

  it('puts a round’s files in <workspace>/<round>/<part>, the round made safe as a file name, and judges by the given day', () => {
    const ws = new Workspace('/srv/台账', { today: () => '2025-10-08' });
    expect([ws.roundFolder('2025-Q3', 'issued'), ws.roundFolder('2025-Q3', 'inbox'), ws.roundFolder('2025-Q3', 'collected'), ws.roundFolder('2025-Q3', 'reports')]).toEqual([
      '/srv/台账/2025-Q3/下发',
      '/srv/台账/2025-Q3/收件箱',
      '/srv/台账/2025-Q3/收集',
      '/srv/台账/2025-Q3/报告',
    ]);
    expect(ws.roundFolder('2025/Q3', 'issued')).not.toContain('2025/Q3');
    expect(ws.today()).toBe('2025-10-08');
  });

  it('finds the workspace as git finds its repository', () => {
    const dir = tempDir('tz-ws-find-');
    mkdirSync(join(dir, 'output', 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'output', 'taizhang.db'), '');
    const saved = process.env.TAIZHANG_WORKSPACE;
    delete process.env.TAIZHANG_WORKSPACE;
    try {
      expect(findWorkspace({}, join(dir, 'output', 'a', 'b'))).toMatchObject({ path: join(dir, 'output'), source: 'found' });
      expect(findWorkspace({}, dir)).toMatchObject({ path: join(dir, 'output'), source: 'found' });
      expect(findWorkspace({ workspace: '/elsewhere' }, dir)).toEqual({ path: '/elsewhere', source: 'option', searched: [] });
    } finally {
      if (saved !== undefined) process.env.TAIZHANG_WORKSPACE = saved;
    }
  });
});

describe('公文设置 as a form shows and saves them', () => {
  it('shows the plan’s issuer and the usual 主送 while unset, and does not save them when sent back unchanged', async () => {
    const dir = tempDir('tz-ws-settings-');
    expect(settingsForForm(dir, plan)).toEqual({ values: { issuer: '济南市生态环境局', recipients: '各处室、各单位' }, defaulted: ['issuer', 'recipients'] });
    // The form sends back both defaults untouched and a contact typed in.
    const saved = await saveFormSettings(dir, { issuer: '济南市生态环境局', recipients: '各处室、各单位', contact: '综合处 王五', docNumber: '' }, plan);
    expect(saved).toEqual({ contact: '综合处 王五' });
    // Set once, a value is the clerk's own: shown as set, kept even when equal to the plan's issuer.
    await saveFormSettings(dir, { issuer: '济南市生态环境局办公室' }, plan);
    expect(settingsForForm(dir, plan)).toEqual({ values: { issuer: '济南市生态环境局办公室', recipients: '各处室、各单位', contact: '综合处 王五' }, defaulted: ['recipients'] });
    await saveFormSettings(dir, { issuer: '济南市生态环境局' }, plan);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ issuer: '济南市生态环境局', contact: '综合处 王五' });
    // A blank field clears its setting.
    expect(await saveFormSettings(dir, { contact: '' }, plan)).toEqual({ issuer: '济南市生态环境局' });
  });
});

describe('commands in messages', () => {
  it('writes each suggested command in the given form and leaves prose naming the program alone', () => {
    const text = '“表.xlsx”不是 taizhang 导出的任务分解表。请用 taizhang plan export 重新导出，或运行 npx taizhang config set 文号 …';
    expect(runnable(text, 'taizhang')).toBe('“表.xlsx”不是 taizhang 导出的任务分解表。请用 taizhang plan export 重新导出，或运行 taizhang config set 文号 …');
    expect(runnable(text, 'npx taizhang')).toBe('“表.xlsx”不是 taizhang 导出的任务分解表。请用 npx taizhang plan export 重新导出，或运行 npx taizhang config set 文号 …');
    expect(runnable('见 bin/taizhang.js 与 /usr/bin/taizhang demo', 'npx taizhang')).toBe('见 bin/taizhang.js 与 /usr/bin/taizhang demo');
  });

  it('says bare taizhang only when the taizhang on PATH is this very program, outside npx and npm scripts', () => {
    const bin = tempDir('tz-ws-bin-');
    const program = join(ROOT, 'bin', 'taizhang.js');
    symlinkSync(program, join(bin, 'taizhang'));
    const other = tempDir('tz-ws-other-');
    writeFileSync(join(other, 'taizhang'), '#!/bin/sh\n');
    expect(commandPrefix({ PATH: bin }, program)).toBe('taizhang');
    expect(commandPrefix({ PATH: `${other}:${bin}` }, program)).toBe('npx taizhang');
    expect(commandPrefix({ PATH: '/nonexistent' }, program)).toBe('npx taizhang');
    expect(commandPrefix({ PATH: bin, npm_command: 'exec' }, program)).toBe('npx taizhang');
    expect(commandPrefix({ PATH: bin, npm_lifecycle_event: 'demo' }, program)).toBe('npx taizhang');
  });
});

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { SEEDS } from './helpers.ts';
import { SEED_THEMES, yearEndRound } from './yearend-round.ts';

it('generates review docs', async () => {
  const metrics = {
    空气质量综合指数: 4.21,
    '细颗粒物（PM2.5）平均浓度': { 值: 36, 单位: '微克/立方米', 目标: '≤42', 依据: '省考核要求' },
    优良天数比率: { 值: '63.1%', 目标: '≥63.5%', 依据: '省考核要求' },
    重污染天数: { 值: 4, 单位: '天' },
    国控断面优良水体比例: { 值: '100%', 目标: '100%', 依据: '国家考核要求' },
    城镇集中式饮用水水源地水质达标率: { 值: '100%', 目标: '100%', 依据: '省考核要求' },
    重点建设用地安全利用率: { 值: '100%', 目标: '≥95%', 依据: '省考核要求' },
  };
  const r = await yearEndRound(metrics, SEED_THEMES);
  const m = join(r.ws, 'm.json'); writeFileSync(m, JSON.stringify(metrics));
  const np = join(r.ws, 'plan-2026.txt');
  writeFileSync(np, readFileSync(join(process.cwd(), 'test/fixtures/jinan-2026-work-plan.txt'), 'utf8'));
  const npj = join(r.ws, 'plan-2026.json');
  let x = r.cli('plan', 'parse', np, '-o', npj, '--title', '济南市生态环境局2026年工作要点', '--issuer', '济南市生态环境局', '--first-listed-leads');
  if (x.code) throw new Error(x.stderr);
  const DIR = process.env.OUT ?? '/work/review/out';
  mkdirSync(DIR, { recursive: true });
  x = r.cli('report', '--round', '2025-年终', '--date', '2026-01-20', '--today', '2026-01-20', '--metrics', m, '--next-plan', npj, '--reply-by', '2026-01-30', '-o', DIR);
  console.log(x.stdout, x.stderr);
  if (x.code) throw new Error(x.stderr);
}, 600_000);

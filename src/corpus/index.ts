// Measures the plan reader against a corpus of real plans with hand-made answer keys (`../shared/corpus`).
// Each plan file goes through `readPlan`, the function behind `taizhang plan parse`; each key item is found
// among the tasks by its anchor, and its clauses are compared unit by unit.
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import * as z from '../model/zod.ts';
import { unitKindOf } from '../plan/annotations.ts';
import { readPlan } from '../plan/index.ts';
import type { Plan, Task } from '../model/plan.ts';
import { UserError } from '../util/errors.ts';

const KeyClause = z.object({
  units: z.array(z.string()),
  lead: z.string().nullable(),
  leads: z.array(z.string()).optional(),
  catchalls: z.array(z.string()),
  content_anchor: z.string().optional(),
});
const KeyItem = z.object({ no: z.string(), anchor: z.string(), clauses: z.array(KeyClause) });
const Key = z.object({
  file: z.string(),
  title: z.string(),
  issuer: z.string(),
  section_start: z.string().optional(),
  items: z.array(KeyItem),
});
type Key = z.infer<typeof Key>;
type KeyItem = z.infer<typeof KeyItem>;

export interface FileScore {
  file: string;
  /** Null when the file was read; the reader's message otherwise. */
  error: string | null;
  keyTasks: number;
  found: number;
  /** Tasks the reader made that match no key item (principles, headings, body prose read as tasks). */
  extra: number;
  withLead: number;
  leadRight: number;
  unitsExact: number;
  withCatchall: number;
  catchallsRight: number;
  /** Key tasks with units whose task got none and no warning near it. */
  silent: number;
  /** Units the reader returned that the text does not contain. */
  invented: string[];
  /** Found tasks read wrong (lead or units) and how many of them carry a doubt; the same for those read right. */
  wrong: number;
  wrongFlagged: number;
  right: number;
  rightFlagged: number;
  failures: string[];
}

/** The form both sides are compared in: no spaces, full-width brackets and digits as ASCII digits. */
export function norm(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The key's open-list marker `等` is not a unit a workbook could go to; the reader records no entry for it. */
const OPEN_LIST = new Set(['等']);

/**
 * True when the reader's name is the key's: equal, or the key's name as printed after a prefix shared along the
 * list (`区市场监督管理局、经济发展局` → 区经济发展局), which the reader restores.
 */
function sameUnit(ours: string, key: string, siblings: string[]): boolean {
  const a = norm(ours);
  const b = norm(key);
  if (a === b) return true;
  // A suffix shared along the list (`黄埔区、天河区人民政府` → 黄埔区人民政府), which the reader restores.
  if (a.startsWith(b) && siblings.some((s) => norm(s).endsWith(a.slice(b.length)) && norm(s) !== b)) return true;
  if (!a.endsWith(b)) return false;
  const prefix = a.slice(0, a.length - b.length);
  return prefix.length <= 8 && siblings.some((s) => norm(s).startsWith(prefix));
}

function sameList(ours: string[], key: string[]): boolean {
  if (ours.length !== key.length) return false;
  const left = [...key];
  for (const o of ours) {
    const i = left.findIndex((k) => sameUnit(o, k, key));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

function isCatchall(name: string): boolean {
  return unitKindOf(name) !== 'unit';
}

/** Finds each key item's task: the first task after the previous match whose text holds the anchor. */
function matchTasks(plan: Plan, items: KeyItem[]): (Task | null)[] {
  // A clause's annotation is part of the task as written (an anchor may run into it).
  const texts = plan.tasks.map((t) => norm(`${t.lead}${t.text}${t.clauses.map((c) => `${c.text}${c.annotation ?? ''}`).join('')}`));
  let from = 0;
  return items.map((item) => {
    const anchor = norm(item.anchor);
    let i = texts.findIndex((t, j) => j >= from && t.includes(anchor));
    if (i < 0) i = texts.findIndex((t) => t.includes(anchor));
    if (i < 0) return null;
    from = i + 1;
    return plan.tasks[i]!;
  });
}

export function scorePlan(plan: Plan, key: Key, sourceText: string): FileScore {
  const score: FileScore = {
    file: plan.source.file,
    error: null,
    keyTasks: key.items.length,
    found: 0,
    extra: 0,
    withLead: 0,
    leadRight: 0,
    unitsExact: 0,
    withCatchall: 0,
    catchallsRight: 0,
    silent: 0,
    invented: [],
    failures: [],
    wrong: 0,
    wrongFlagged: 0,
    right: 0,
    rightFlagged: 0,
  };
  const matched = matchTasks(plan, key.items);
  const used = new Set(matched.filter((t): t is Task => t !== null).map((t) => t.id));
  score.extra = plan.tasks.filter((t) => !used.has(t.id)).length;
  const warned = new Set(plan.warnings.map((w) => w.line));
  key.items.forEach((item, n) => {
    const task = matched[n];
    const label = `${item.no}「${item.anchor}」`;
    const keyNames = item.clauses.map((c) => [...c.units, ...c.catchalls].filter((u) => !OPEN_LIST.has(u)));
    if (!task) {
      score.failures.push(`${label}：未找到`);
      return;
    }
    score.found++;
    const ours = task.clauses.map((c) => c.assignments);
    const keyHasUnits = keyNames.some((k) => k.length > 0);
    // A lead is right when it is the one the text marks, and none is right where the text marks none: every task
    // with units counts, so a lead made up from a unit's place in the list is a wrong lead.
    let leadRight = true;
    if (keyHasUnits) {
      score.withLead++;
      const clauses = Math.max(item.clauses.length, ours.length);
      for (let i = 0; i < clauses; i++) {
        const c = item.clauses[i];
        const keyLeads = c?.lead ? (c.leads ?? [c.lead]) : [];
        const leads = (ours[i] ?? []).filter((a) => a.role === '牵头').map((a) => a.unit);
        if (!sameList(leads, keyLeads)) leadRight = false;
      }
      if (leadRight) score.leadRight++;
      else score.failures.push(`${label}：牵头单位应为 ${item.clauses.map((c) => (c.lead ? (c.leads ?? [c.lead]).join('、') : '无')).join(' | ')}，读出 ${ours.map((a) => a.filter((x) => x.role === '牵头').map((x) => x.unit).join('、') || '无').join(' | ')}`);
    }
    const exact = ours.length === keyNames.length && keyNames.every((names, i) => sameList(ours[i]!.map((a) => a.unit), names));
    // A task the key gives no units may be read as one clause without units.
    const bothEmpty = keyNames.every((k) => k.length === 0) && ours.every((a) => a.length === 0);
    if (exact || bothEmpty) score.unitsExact++;
    else score.failures.push(`${label}：单位应为 ${keyNames.map((k) => k.join('、') || '无').join(' | ')}，读出 ${ours.map((a) => a.map((x) => x.unit).join('、') || '无').join(' | ')}`);
    const flagged = task.clauses.some((c) => (c.doubts ?? []).length > 0);
    if ((exact || bothEmpty) && leadRight) {
      score.right++;
      if (flagged) score.rightFlagged++;
    } else {
      score.wrong++;
      if (flagged) score.wrongFlagged++;
      else score.failures.push(`${label}：读错而未标出疑点`);
    }
    const keyCatchalls = item.clauses.flatMap((c) => c.catchalls).filter((u) => !OPEN_LIST.has(u));
    if (keyCatchalls.length) {
      score.withCatchall++;
      const ourCatchalls = ours.flat().map((a) => a.unit).filter(isCatchall);
      if (sameList([...new Set(ourCatchalls)], [...new Set(keyCatchalls)])) score.catchallsRight++;
    }
    const lines = task.clauses.map((c) => c.line).concat(task.line);
    if (keyHasUnits && ours.every((a) => a.length === 0) && !lines.some((l) => warned.has(l))) score.silent++;
  });
  const text = norm(sourceText);
  for (const unit of plan.units) {
    const name = norm(unit.name);
    if (text.includes(name)) continue;
    // A restored shared prefix: the name without its prefix is in the text.
    if ([1, 2, 3, 4].some((k) => text.includes(name.slice(k)) && name.length - k >= 2)) continue;
    score.invented.push(unit.name);
  }
  return score;
}

const PLAN_EXTENSIONS = new Set(['.txt', '.docx', '.xlsx', '.pdf', '.doc']);

/** Scores every plan file under `<dir>/plans` against `<dir>/keys/<stem>.json`. */
export async function scoreCorpus(dir: string, only?: string): Promise<FileScore[]> {
  let files: string[];
  try {
    files = (await readdir(join(dir, 'plans'))).filter((f) => PLAN_EXTENSIONS.has(extname(f))).sort();
  } catch {
    throw new UserError(`找不到语料目录“${join(dir, 'plans')}”。`, '请指定含 plans/ 和 keys/ 的语料目录，例如 npm run corpus -- ../shared/corpus。');
  }
  if (only) files = files.filter((f) => new RegExp(only).test(f));
  if (files.length === 0) throw new UserError(`语料目录“${dir}”中没有符合条件的计划文件。`);
  const scores: FileScore[] = [];
  for (const file of files) {
    const stem = basename(file, extname(file));
    const key = Key.parse(JSON.parse(await readFile(join(dir, 'keys', `${stem}.json`), 'utf8')));
    const text = await readFile(join(dir, 'plans', `${stem}.txt`), 'utf8');
    try {
      const plan = await readPlan(join(dir, 'plans', file));
      scores.push(scorePlan(plan, key, text));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      scores.push({
        file, error: e.message, keyTasks: key.items.length, found: 0, extra: 0, withLead: key.items.filter((i) => i.clauses.some((c) => c.units.length + c.catchalls.length > 0)).length,
        leadRight: 0, unitsExact: 0, withCatchall: 0, catchallsRight: 0, silent: 0, invented: [], failures: [],
        wrong: 0, wrongFlagged: 0, right: 0, rightFlagged: 0,
      });
    }
  }
  return scores;
}

export const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

export function formatScores(scores: FileScore[], verbose: boolean): string {
  const rows = scores.map((s) => [
    s.file.replace(/^(\d\d)_.*?(\.\w+)$/, '$1$2'),
    s.error ? '未读出' : `${s.found}/${s.keyTasks}`,
    String(s.extra),
    `${s.leadRight}/${s.withLead}`,
    `${s.unitsExact}/${s.keyTasks}`,
    `${s.catchallsRight}/${s.withCatchall}`,
    String(s.silent),
    String(s.invented.length),
    `${s.wrongFlagged}/${s.wrong}`,
    `${s.rightFlagged}/${s.right}`,
  ]);
  const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const total = {
    read: scores.filter((s) => !s.error).length,
    keyTasks: sum((s) => s.keyTasks),
    found: sum((s) => s.found),
    extra: sum((s) => s.extra),
    withLead: sum((s) => s.withLead),
    leadRight: sum((s) => s.leadRight),
    unitsExact: sum((s) => s.unitsExact),
    withCatchall: sum((s) => s.withCatchall),
    catchallsRight: sum((s) => s.catchallsRight),
    silent: sum((s) => s.silent),
    invented: sum((s) => s.invented.length),
    wrong: sum((s) => s.wrong),
    wrongFlagged: sum((s) => s.wrongFlagged),
    right: sum((s) => s.right),
    rightFlagged: sum((s) => s.rightFlagged),
  };
  rows.push([
    `合计（读出 ${total.read}/${scores.length}）`,
    `${total.found}/${total.keyTasks} ${pct(total.found, total.keyTasks)}`,
    String(total.extra),
    `${total.leadRight}/${total.withLead} ${pct(total.leadRight, total.withLead)}`,
    `${total.unitsExact}/${total.keyTasks} ${pct(total.unitsExact, total.keyTasks)}`,
    `${total.catchallsRight}/${total.withCatchall}`,
    String(total.silent),
    String(total.invented),
    `${total.wrongFlagged}/${total.wrong}`,
    `${total.rightFlagged}/${total.right}`,
  ]);
  const header = ['文件', '找到任务', '多出任务', '牵头正确（含无牵头）', '单位完全正确', '泛指正确', '有责任无单位且无提示', '原文没有的单位', '读错已标疑点', '读对而标疑点'];
  const lines = [header, ...rows].map((r) => `| ${r.join(' | ')} |`);
  lines.splice(1, 0, `|${header.map(() => '---').join('|')}|`);
  const out = [lines.join('\n')];
  const goal =
    total.read === scores.length &&
    total.found >= 0.97 * total.keyTasks &&
    total.leadRight >= 0.95 * total.withLead &&
    total.unitsExact >= 0.92 * total.keyTasks &&
    total.invented === 0 &&
    total.silent === 0;
  out.push(`\n目标（全部读出；任务 ≥97%；牵头 ≥95%；单位 ≥92%；原文没有的单位 0；无提示漏单位 0）：${goal ? '达到' : '未达到'}`);
  const flagGoal = total.wrongFlagged >= 0.9 * total.wrong && total.rightFlagged <= 0.15 * total.right;
  out.push(
    `疑点标注：读错的任务中已标疑点 ${total.wrongFlagged}/${total.wrong}（${pct(total.wrongFlagged, total.wrong)}，目标 ≥90%）；` +
      `读对的任务中标了疑点 ${total.rightFlagged}/${total.right}（${pct(total.rightFlagged, total.right)}，目标 ≤15%）：${flagGoal ? '达到' : '未达到'}`,
  );
  if (verbose) {
    for (const s of scores) {
      if (!s.error && s.failures.length === 0 && s.invented.length === 0) continue;
      out.push(`\n## ${s.file}`);
      if (s.error) out.push(`  未读出：${s.error}`);
      for (const f of s.failures) out.push(`  ${f}`);
      if (s.invented.length) out.push(`  原文没有的单位：${s.invented.join('、')}`);
    }
  }
  return out.join('\n');
}

/** What can be checked of a plan without a key: each problem found, as a line to print. */
export function checkUnkeyed(plan: Plan): string[] {
  const problems: string[] = [];
  if (plan.tasks.length === 0) problems.push('没有读出任务');
  for (const u of plan.units) {
    if (u.kind !== 'unit') continue;
    if (/各|相关|有关|其他|其它|^等/.test(u.name)) problems.push(`单位“${u.name}”含泛指用语`);
    const open = (u.name.match(/[（(〔【]/g) ?? []).length;
    const close = (u.name.match(/[）)〕】]/g) ?? []).length;
    if (open !== close || /^[（(〔【]/.test(u.name)) problems.push(`单位“${u.name}”含括号`);
    if (/负责|牵头|配合|落实|推进|参与|组织实施/.test(u.name)) problems.push(`单位“${u.name}”含动词`);
    if (u.name.length > 30) problems.push(`单位“${u.name}”超过30个字`);
  }
  for (const { task, clause } of plan.tasks.flatMap((t) => t.clauses.map((c) => ({ task: t, clause: c })))) {
    if (!clause.assignments.some((a) => a.role === '牵头')) continue;
    // Marked: a marking word in the annotation or prose, a table's 牵头单位 column (no annotation), or a stated rule.
    const marked = clause.annotation === null || plan.leadRule === 'stated' || plan.leadRule === 'first-listed' || /牵头|会同|联合|主办|主责|配合|协办|参与/.test(`${clause.annotation}${task.text}`);
    if (!marked) problems.push(`条目${clause.id}的牵头单位没有“牵头”等标注或规则`);
  }
  return problems;
}

/** Reads every plan under `<dir>/bulk` (no keys) and checks what can be checked without one. */
export async function checkBulk(dir: string): Promise<string> {
  let files: string[];
  try {
    files = (await readdir(join(dir, 'bulk'))).filter((f) => PLAN_EXTENSIONS.has(extname(f))).sort();
  } catch {
    return '\n无标注语料（bulk/）：未找到，未检查。';
  }
  const out = ['\n无标注语料（bulk/）检查：每份读出任务；单位名称不含泛指用语、括号、动词，不超过30字；牵头单位均有标注或规则'];
  let clean = 0;
  for (const file of files) {
    let problems: string[];
    let tasks = 0;
    try {
      const plan = await readPlan(join(dir, 'bulk', file));
      tasks = plan.tasks.length;
      problems = checkUnkeyed(plan);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems = [`未读出：${e.message}`];
    }
    if (problems.length === 0) clean++;
    out.push(`  ${file.replace(/^(\d{4})_.*$/, '$1')}  任务 ${tasks}  ${problems.length ? `问题 ${problems.length}：${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}` : '无问题'}`);
  }
  out.push(`无问题 ${clean}/${files.length}：${clean === files.length ? '达到' : '未达到'}`);
  return out.join('\n');
}

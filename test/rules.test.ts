// The catalogue of problem codes (src/model/rules.ts) and the enums of the model: codes are a closed list, messages
// are built from the templates, and a code or role outside the list does not parse.
import { describe, expect, it } from 'vitest';
import { Warning } from '../src/model/plan.ts';
import { ClauseStatus } from '../src/model/progress.ts';
import { COLLECT_RULES, PLAN_WARNINGS, RefusalCode, RuleCode, UnusableCode, WarningCode, ruleMessage, ruleVariant, warningMessage, warningVariant } from '../src/model/rules.ts';
import { SETTING_NAMES, Settings } from '../src/model/settings.ts';
import { Status } from '../src/model/status.ts';
import { Entry, Problem } from '../src/model/submission.ts';

describe('rule catalogue', () => {
  it('lists every code of a received file’s problems, each with a title and a message', () => {
    expect(RuleCode.options).toHaveLength(51); // 45, issue 32's two LibreOffice conversion refusals (convert-timeout, convert-failed), and issue 29's four of the 指标 sheet
    for (const code of RuleCode.options) {
      const rule = COLLECT_RULES[code];
      expect(rule.title.length, code).toBeGreaterThan(1);
      const templates = typeof rule.template === 'string' ? [rule.template] : Object.values(rule.template);
      for (const t of templates) expect(t.length, code).toBeGreaterThan(4);
    }
    expect(RefusalCode.options).toEqual(['not-taizhang', 'wrong-round', 'wrong-plan', 'unknown-version', 'unknown-unit', 'identity-mismatch', 'unfilled-issued', 'meta-mismatch']);
    expect(UnusableCode.options).toContain('symlink');
    expect(UnusableCode.options).toContain('zip-bomb');
    expect(RuleCode.options.length).toBe(21 + RefusalCode.options.length + UnusableCode.options.length);
  });

  it('builds messages from the templates, every value in its place', () => {
    expect(ruleMessage('status-invalid', { id: '4.4-1', status: '基本完成', choices: Status.options.join('、') })).toBe(
      '条目 4.4-1 的完成状态“基本完成”不在可选范围内，请从下拉列表中选择：已完成、序时推进、滞后、未启动',
    );
    expect(ruleMessage('row-moved', { id: '1.2', want: 6, found: 9 })).toBe('条目 1.2 应在第 6 行，现位于第 9 行：请勿插入、删除或调整行的顺序');
    expect(ruleMessage('reporter-missing')).toBe('未填写填报人');
    expect(ruleVariant('row-inserted', 'numbered', { row: 12, id: '9.9' })).toBe('第 12 行不是下发的条目（序号“9.9”）：请勿插入行，补充内容请写在相应条目的“进展情况”中');
    expect(ruleVariant('unfilled-issued', 'blank', { columns: '“完成值”“完成状态”' })).toBe('未填写的下发原表：表中“完成值”“完成状态”各栏均为空白，不作为报送，未收取。请填写本期情况后报送');
    // A value left out is a bug of ours, not a message with a hole.
    expect(() => (ruleMessage as (c: string, v: object) => string)('unknown-unit', {})).toThrow('rule message without its value unit');
  });

  it('words plan warnings from their templates, in the reader’s wording of the place', () => {
    expect(warningVariant('task-without-units', 'tablePart', { task: '3', lead: '深入打好蓝天保卫战' })).toBe('表格中任务3“深入打好蓝天保卫战”有分项未填写责任单位。');
    expect(warningMessage('duplicate-task-id', { at: '第12行', id: '2' })).toBe('第12行的任务编号“2”与前文重复，已改为“2′”，请核对原文编号。');
    expect(warningMessage('no-units', { count: 7 })).toBe('全部7项任务均未标注责任单位，请导出任务分解表（taizhang plan export）指定责任单位后再导入。');
  });

  it('refuses a problem or warning whose code is not in the catalogue, and keeps the retired ones readable', () => {
    const problem = { file: 'a.xlsx', sheet: '调度表', cell: 'K5', rule: 'status-invalid', severity: 'error', message: '…' };
    expect(Problem.parse(problem).rule).toBe('status-invalid');
    expect(Problem.safeParse({ ...problem, rule: 'status-wrong' }).success).toBe(false);
    // Written by earlier versions: ledgers and plan files that hold them still read.
    expect(Problem.parse({ ...problem, rule: 'meta-mismatch' }).rule).toBe('meta-mismatch');
    expect(Warning.parse({ code: 'annotation-orphan', line: 3, message: '…' }).code).toBe('annotation-orphan');
    expect(Warning.safeParse({ code: 'something-new', line: 3, message: '…' }).success).toBe(false);
    expect(WarningCode.options).toHaveLength(Object.keys(PLAN_WARNINGS).length);
  });
});

describe('model enums', () => {
  it('keeps one list of statuses: a clause’s adds 未报送', () => {
    expect(ClauseStatus.options).toEqual([...Status.options, '未报送']);
  });

  it('takes an entry only with a role of the plan’s', () => {
    const entry = { clauseId: '1.1', role: '牵头', status: '序时推进', valueText: null, value: null, progress: '推进中', problems: null, nextSteps: null };
    expect(Entry.parse(entry).role).toBe('牵头');
    expect(Entry.safeParse({ ...entry, role: '主办' }).success).toBe(false);
  });

  it('names every setting in Chinese', () => {
    expect(Object.keys(SETTING_NAMES).sort()).toEqual(Object.keys(Settings.shape).sort());
  });
});

// Every problem taizhang reports, by its stable code, with its Chinese title and message template: the problems of a
// received file (collect) and the warnings of a read plan. One entry per problem, as frictionless keeps one class per
// error; the codes are zod enums, so a problem or warning with a code not listed here does not type-check or parse.
import * as z from './zod.ts';

/**
 * What becomes of a file with the problem: `cell`, a problem at a cell of a workbook that was read and booked to its
 * unit (an error returns it, a warning does not); `refused`, a workbook read but booked to no unit; `unusable`, a file
 * that could not be read at all.
 */
export type RuleKind = 'cell' | 'refused' | 'unusable';

interface RuleEntry {
  kind: RuleKind;
  /** What the problem is, in a few words: for counts and the 工作台. */
  title: string;
  /**
   * The message, with `{name}` for each value the check fills in; a record when one code has several wordings. A
   * value's problems (`value-…`) are said of a row, prefixed `条目 1.1：` where the row is known.
   * `{detail}` alone: the message is worded where the problem is found (the xlsx reader's, with part and position).
   */
  template: string | Record<string, string>;
  /** A code no longer reported, still read from ledgers written when it was. */
  retired?: true;
}

/** The problems of a received file, by code. */
export const COLLECT_RULES = {
  // Cells of a workbook read and booked to its unit (collect/validate.ts, model/comparator.ts).
  'sheet-missing': { kind: 'cell', title: '缺少调度表', template: '找不到“调度表”工作表，请勿删除或重命名工作表' },
  'formula-uncomputed': {
    kind: 'cell',
    title: '公式无计算结果',
    template: '单元格是公式“={formula}”，但文件中没有它的计算结果（多为程序生成、未经 Excel/WPS 计算保存）。请在 Excel 或 WPS 中打开、确认显示的内容后保存，或直接填写内容',
  },
  'reporter-missing': { kind: 'cell', title: '未填填报人', template: '未填写填报人' },
  'phone-missing': { kind: 'cell', title: '未填联系电话', template: '未填写联系电话' },
  'phone-invalid': { kind: 'cell', title: '联系电话有误', template: '联系电话“{phone}”不像电话号码，请填写手机号或带区号的座机号（如 0531-86161234）' },
  'row-deleted': { kind: 'cell', title: '条目行被删除', template: '条目 {id}（{task}）所在的行被删除或序号被修改，请使用下发的原表重新填写' },
  'row-moved': { kind: 'cell', title: '条目行被移动', template: '条目 {id} 应在第 {want} 行，现位于第 {found} 行：请勿插入、删除或调整行的顺序' },
  'plan-cell-changed': { kind: 'cell', title: '灰色单元格被修改', template: '灰色单元格“{header}”被修改，应为“{want}”，请恢复原内容（任务调整请与综合处联系）' },
  'row-inserted': { kind: 'cell', title: '插入了行', template: { plain: '第 {row} 行不是下发的条目：请勿插入行，补充内容请写在相应条目的“进展情况”中', numbered: '第 {row} 行不是下发的条目（序号“{id}”）：请勿插入行，补充内容请写在相应条目的“进展情况”中' } },
  'status-missing': { kind: 'cell', title: '未选完成状态', template: '条目 {id} 未选择完成状态，请从下拉列表中选择：{choices}' },
  'status-invalid': { kind: 'cell', title: '完成状态不在可选范围', template: '条目 {id} 的完成状态“{status}”不在可选范围内，请从下拉列表中选择：{choices}' },
  'progress-missing': { kind: 'cell', title: '未填进展情况', template: '条目 {id} 未填写进展情况（除“未启动”外必须填写）' },
  'problems-missing': { kind: 'cell', title: '滞后未说明原因', template: '条目 {id} 状态为“滞后”，请在“存在问题”中说明滞后原因' },
  'value-not-number': {
    kind: 'cell',
    title: '完成值不是数字',
    template: {
      date: '完成值填写的是日期，请只填写数字（如 2000 或 45%），日期请写在“进展情况”中',
      text: '完成值“{text}”不是数字，请只填写数字（如 2000 或 45%），说明文字请写在“进展情况”中',
      tooLarge: '完成值“{text}”位数过多或数值过大，无法准确记录（有效数字不超过 {digits} 位，绝对值不超过 {max}），请核实后填写',
      magnitude: '完成值“{text}”带有数量单位“{suffix}”，{expected}请换算后只填写数字',
      suffix: '完成值“{text}”含有“{suffix}”，{expected}请只填写数字',
    },
  },
  'value-status-conflict': {
    kind: 'cell',
    title: '完成值与完成状态矛盾',
    template: {
      notStarted: '完成状态为未启动，但已填写完成值{text}，请核实（尚未启动的条目，完成值应空着或填 0）',
      shortOfTarget: '完成状态为已完成，但完成值{text}未达到目标“{target}”，请核实',
    },
  },
  'value-out-of-range': { kind: 'cell', title: '完成值超出百分比范围', template: '完成值{text}超出 0 至 100% 的范围：目标为“{target}”，完成值应填写{what}，请核实' },
  'value-not-whole': { kind: 'cell', title: '完成值不是整数', template: '完成值{text}不是整数：本条目以“{unit}”计数，请填写整数' },
  // The 指标 sheet of a unit that reports indicators (collect/validate.ts validateIndicators).
  'indicator-sheet-missing': {
    kind: 'cell',
    title: '缺少指标表',
    template: {
      missing: '找不到“指标”工作表：本单位须在其中报送指标，请勿删除或重命名工作表，请使用下发的原表填写',
      unknown: '“指标”工作表的版本（{format}）不能识别（可能由其他版本的系统生成），请使用本轮下发的调度表填写',
    },
  },
  'indicator-sheet-changed': {
    kind: 'cell',
    title: '指标表灰色单元格被修改',
    template: '“指标”工作表的灰色单元格（序号、指标、单位、目标）被修改，或插入、删除了行，请使用下发的原表填写（指标或目标需要调整的，请与综合处联系）',
  },
  'indicator-not-number': {
    kind: 'cell',
    title: '指标数值不是数字',
    template: {
      plain: '指标“{name}”的本期数值“{text}”不是数字，请只填写数字（如 38 或 64.2%），说明文字请写在“说明”栏',
      measured: '指标“{name}”的本期数值“{text}”不是数字，请按单位“{measure}”只填写数字（如 38），说明文字请写在“说明”栏',
      tooLarge: '指标“{name}”的本期数值“{text}”位数过多或数值过大，无法准确记录，请核实后填写',
      date: '指标“{name}”的本期数值填写的是日期，请只填写数字（如 38 或 64.2%），日期请写在“说明”栏',
    },
  },
  'indicator-value-missing': { kind: 'cell', title: '指标未填数值', template: '指标“{name}”未填写本期数值（本期暂无数据的，请在“说明”栏写明原因）' },

  // Workbooks read but booked to no unit (collect/judge.ts).
  'not-taizhang': { kind: 'refused', title: '非本系统调度表', template: '不是本系统下发的调度表（缺少识别信息），请在下发的原表中填写后报送' },
  'wrong-round': { kind: 'refused', title: '其他轮次', template: '这是 {round} 轮次的调度表（{unit}），本次收集的是 {current}，未收取' },
  'wrong-plan': { kind: 'refused', title: '其他工作任务', template: '这是另一项工作任务的调度表（《{title}》），不属于本轮收集的任务，未收取' },
  'unknown-version': { kind: 'refused', title: '版本未登记', template: '调度表版本未在台账中登记（可能由其他电脑生成），请使用本轮下发的调度表' },
  'unknown-unit': { kind: 'refused', title: '不在下发清单', template: '“{unit}”不在本轮下发清单中，未收取' },
  'identity-mismatch': { kind: 'refused', title: '身份不符', template: '身份不符，未收取：{problems}。请使用下发给本单位的原表填写，勿从其他单位的表格复制内容或修改填报单位' },
  'unfilled-issued': {
    kind: 'refused',
    title: '未填写的原表',
    template: {
      blank: '未填写的下发原表：表中{columns}各栏均为空白，不作为报送，未收取。请填写本期情况后报送',
      prefilled:
        '未填写的下发原表：表中{columns}各栏与下发时预填的上期内容完全相同，不作为报送，未收取。请按本期实际情况更新后报送（本期确无新进展的，请在“进展情况”中如实写明）',
    },
  },
  'meta-mismatch': { kind: 'refused', title: '识别信息不符（旧版）', template: '{detail}', retired: true },

  // Files that could not be read (collect/sources.ts, the reader thread, and the xlsx reader's own checks).
  'not-a-file': { kind: 'unusable', title: '不是文件', template: '{detail}' },
  'file-too-large': { kind: 'unusable', title: '文件过大', template: '{detail}' },
  symlink: { kind: 'unusable', title: '符号链接', template: '{detail}' },
  encrypted: {
    kind: 'unusable',
    title: '已加密',
    template: '工作簿设置了打开密码（已加密），无法读取。请取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送',
  },
  'file-empty': { kind: 'unusable', title: '空文件', template: '文件是空的（0 字节），请重新报送' },
  'file-corrupt': { kind: 'unusable', title: '文件损坏', template: '文件已损坏，无法打开（{detail}）。请用 Excel 或 WPS 打开后重新保存再报送' },
  'file-unreadable': { kind: 'unusable', title: '无法读取', template: '{detail}' },
  'format-et': { kind: 'unusable', title: 'WPS 表格格式', template: '这是 WPS 表格（.et）格式的文件，但已损坏或无法识别，找不到其中的工作表。请在 WPS 中“另存为”Excel 工作簿（.xlsx）后重新报送' },
  'format-xls': { kind: 'unusable', title: '旧版 Excel 格式', template: '这是旧版 Excel 97-2003（.xls）格式的文件，但已损坏，找不到其中的工作表。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）重新报送' },
  // .xls/.et/.ods returns are converted with LibreOffice before they are read (collect/convert.ts, issue 32).
  'convert-timeout': { kind: 'unusable', title: '格式转换超时', template: '{format}文件用 LibreOffice 转换超过 {seconds} 秒仍未完成，未收取。请报送单位“另存为”Excel 工作簿（.xlsx）后重新报送' },
  'convert-failed': { kind: 'unusable', title: '格式转换失败', template: '{format}文件无法用 LibreOffice 转换（文件可能已损坏），未收取。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）重新报送' },
  'format-csv': { kind: 'unusable', title: 'CSV/文本文件', template: '这是 CSV/文本文件，不含调度表的格式和识别信息。请在下发的 .xlsx 原表中填写后报送' },
  'not-workbook': { kind: 'unusable', title: '不是 Excel 工作簿', template: '{detail}' },
  'zip-corrupt': { kind: 'unusable', title: '压缩包损坏', template: '{detail}' },
  'zip-structure': { kind: 'unusable', title: '压缩结构损坏', template: '{detail}' },
  'zip-member': { kind: 'unusable', title: '部件损坏', template: '{detail}' },
  'zip-bomb': { kind: 'unusable', title: '疑似压缩炸弹', template: '{detail}' },
  'xml-dtd': { kind: 'unusable', title: '含文档类型声明', template: '{detail}' },
  'read-timeout': { kind: 'unusable', title: '读取超时', template: '{detail}' },
  'too-many-strings': { kind: 'unusable', title: '共享字符串过多', template: '{detail}' },
  'too-many-cells': { kind: 'unusable', title: '单元格过多', template: '{detail}' },
  'reader-crash': {
    kind: 'unusable',
    title: '程序内部错误',
    template: '工作簿无法读取（程序内部错误：{detail}）。请用 Excel 或 WPS 打开后重新保存再报送，并将此文件告知系统维护人员',
  },
} as const satisfies Record<string, RuleEntry>;

type Codes<T> = [keyof T & string, ...(keyof T & string)[]];

/** The code of a problem of a received file. */
export const RuleCode = z.enum(Object.keys(COLLECT_RULES) as Codes<typeof COLLECT_RULES>);
export type RuleCode = z.infer<typeof RuleCode>;

type CodesOfKind<K extends RuleKind> = { [C in RuleCode]: (typeof COLLECT_RULES)[C]['kind'] extends K ? C : never }[RuleCode];
const codesOfKind = <K extends RuleKind>(kind: K) => (Object.keys(COLLECT_RULES) as RuleCode[]).filter((c) => COLLECT_RULES[c].kind === kind) as CodesOfKind<K>[];

/** Why a workbook that was read is booked to no unit. */
export const RefusalCode = z.enum(codesOfKind('refused') as Codes<Record<CodesOfKind<'refused'>, unknown>>);
export type RefusalCode = z.infer<typeof RefusalCode>;
/** Why a file could not be read. */
export const UnusableCode = z.enum(codesOfKind('unusable') as Codes<Record<CodesOfKind<'unusable'>, unknown>>);
export type UnusableCode = z.infer<typeof UnusableCode>;

/**
 * The warnings of a read plan, by code, with title and message template. `{at}` is where in the plan (`第12行`,
 * `第3段`), worded by the reader of the plan's format.
 */
export const PLAN_WARNINGS = {
  'title-missing': { title: '未识别文件标题', template: '未能从原文识别文件标题，调度表的“任务来源”和报告、通报中将显示“{placeholder}”。{how}' },
  'issuer-missing': {
    title: '未识别发文机关',
    template: '未能从原文识别发文机关，报告、通报中将显示“{placeholder}”。{how}报告落款也可用 npx taizhang config set 发文机关 … 设置。',
  },
  'indicator-target-empty': {
    title: '指标目标值为空',
    template: {
      table: '指标表（第{line}{lineWord}起）第{id}项“{name}”的目标值为空（原表可能为合并单元格），请在任务分解表中核对补充。',
      sheet: '指标第{id}项“{name}”的目标值为空，请在任务分解表的“{sheet}”表中补填。',
    },
  },
  'paragraph-not-task': { title: '段落未列为任务', template: '{at}“{text}”在上一项任务的责任单位之后，未标注责任单位，未列为任务；如需跟踪，请在任务分解表中补充。' },
  'section-annotation': { title: '按部分末尾的责任单位处理', template: '{at}的“{annotation}”位于“{heading}”末尾，其上各项均未标注责任单位，已按本部分共同的责任单位处理，请核对。' },
  'not-tasks': { title: '非任务内容未列入', template: '以下{count}项属于指导思想、目标、保障措施等内容且未指定责任单位，未列为任务：{list}。如需跟踪，请在任务分解表中补充。' },
  'inherited-units': { title: '沿用前文的责任单位', template: '{at}写明“{rule}”，已将{units}加入其后各项任务。' },
  'duplicate-task-id': { title: '任务编号重复', template: '{at}的任务编号“{id}”与前文重复，已改为“{id}′”，请核对原文编号。' },
  'no-units': { title: '全部任务均无责任单位', template: '全部{count}项任务均未标注责任单位，请导出任务分解表（taizhang plan export）指定责任单位后再导入。' },
  'clause-without-units': { title: '末尾内容无责任单位', template: '{at}任务{task}末尾的“{text}”没有责任单位括注，已单列为一项待指定单位的内容。' },
  'units-from-prose': { title: '按正文识别责任单位', template: '{at}任务{task}“{lead}”没有责任单位括注，已按正文{words}识别为{units}，请核对。' },
  'task-without-units': {
    title: '任务未标注责任单位',
    template: { text: '{at}任务{task}“{lead}”未标注责任单位。', table: '表格中任务{task}“{lead}”未填写责任单位。', tablePart: '表格中任务{task}“{lead}”有分项未填写责任单位。' },
  },
  'annotation-unclear': { title: '责任单位括注不清', template: '{at}任务{task}的责任单位括注“{annotation}”：{problem}。' },
  'unit-doubtful': { title: '不像单位名称', template: '表格第{line}{lineWord}“{row}”一行的“{unit}”不像单位名称，已保留，请核对。' },
  'unit-added': { title: '新增单位', template: '新增单位“{name}”（{where}），已登记到“{sheet}”表，请确认名称无误' },
  'annotation-orphan': { title: '孤立的责任单位括注（旧版）', template: '{detail}', retired: true },
} as const satisfies Record<string, Omit<RuleEntry, 'kind'>>;

/** The code of a plan warning. */
export const WarningCode = z.enum(Object.keys(PLAN_WARNINGS) as Codes<typeof PLAN_WARNINGS>);
export type WarningCode = z.infer<typeof WarningCode>;

/** The `{name}`s a template holds. */
type Slots<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Slots<Rest> : never;
type Values<T extends string> = [Slots<T>] extends [never] ? [] : [values: Record<Slots<T>, string | number>];
type Catalogue = Record<string, { template: string | Readonly<Record<string, string>> }>;
/** The codes of a catalogue with one wording, and those with several. */
type Single<K extends Catalogue> = { [C in keyof K]: K[C]['template'] extends string ? C : never }[keyof K] & string;
type Varied<K extends Catalogue> = Exclude<keyof K & string, Single<K>>;

function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`rule message without its value ${name}: ${template}`);
    return String(values[name]);
  });
}

/** The message of a problem with one wording: `ruleMessage('status-missing', { id, choices })`. */
export function ruleMessage<C extends Single<typeof COLLECT_RULES>>(code: C, ...values: Values<(typeof COLLECT_RULES)[C]['template'] & string>): string {
  return fill(COLLECT_RULES[code].template as string, values[0]);
}

/** The message of a problem in one of its wordings: `ruleVariant('unfilled-issued', 'blank', { columns })`. */
export function ruleVariant<C extends Varied<typeof COLLECT_RULES>, V extends keyof (typeof COLLECT_RULES)[C]['template'] & string>(
  code: C,
  variant: V,
  ...values: Values<(typeof COLLECT_RULES)[C]['template'][V] & string>
): string {
  return fill((COLLECT_RULES[code].template as Record<string, string>)[variant]!, values[0]);
}

/** The message of a plan warning with one wording: `warningMessage('no-units', { count })`. */
export function warningMessage<C extends Single<typeof PLAN_WARNINGS>>(code: C, ...values: Values<(typeof PLAN_WARNINGS)[C]['template'] & string>): string {
  return fill(PLAN_WARNINGS[code].template as string, values[0]);
}

/** The message of a plan warning in one of its wordings. */
export function warningVariant<C extends Varied<typeof PLAN_WARNINGS>, V extends keyof (typeof PLAN_WARNINGS)[C]['template'] & string>(
  code: C,
  variant: V,
  ...values: Values<(typeof PLAN_WARNINGS)[C]['template'][V] & string>
): string {
  return fill((PLAN_WARNINGS[code].template as Record<string, string>)[variant]!, values[0]);
}

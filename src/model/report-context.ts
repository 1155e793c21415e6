// What report templates are given (built by report/context.ts): a zod schema whose descriptions, in Chinese for the
// clerks who edit templates, are the list `report --list-variables` prints. Names are Chinese as templates use them.
import * as z from './zod.ts';

/** Texts for groups of keys of an open record (统计): the record's keys are known only when the context is built. */
const KEY_GROUPS = new WeakMap<z.ZodType, { keys: string[]; text: string }[]>();
function keyGroups<T extends z.ZodType>(schema: T, groups: { keys: string[]; text: string }[]): T {
  KEY_GROUPS.set(schema, groups);
  return schema;
}

/** The same description for several fields, listed together as `a / b / c`. */
function together<T extends Record<string, z.ZodType>>(text: string, fields: T): T {
  return Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.describe(text)])) as T;
}

const str = z.string();
const texts = z.array(z.string());
const figures = z.record(z.string(), z.union([z.string(), z.number()]));

const Round = z.object({
  ...together('如“2025年第三季度”、“2025-Q3”、“2025年10月10日”、“2025”', { 名称: str, 编号: str, 截止: str, 年度: str }),
  ...together('如“截至9月底”、“前三季度”、是否年终轮次、“工作进展情况报告”或“年度工作情况报告”', { 截至: str, 期间: str, 年终: z.boolean(), 文种: str }),
  ...together('轮次的起止日期，如“2025-07-01”、“2025-09-30”', { 开始: str, 结束: str }),
});

const Findings = z.object(
  together('按数据和统一阈值判断得出的句子（无依据时为空），模板原样输出', {
    总体: str,
    报送: str,
    滞后: str,
    问题: str,
    暂无进展: str,
    无责任单位: str,
    有报送: z.boolean(),
  }),
);

const Chapter = z.object({
  序号: str,
  标题: str,
  成效序号: str,
  打算序号: str,
  条目数: z.number(),
  已完成: z.number(),
  滞后: z.number(),
  未报送: z.number(),
  完成率: str,
  /** Year-end: how many of the chapter's clauses were not done, and carried over. */
  未完成: z.number(),
  结转: z.number(),
  成效: texts,
  问题: texts,
  打算: texts,
});

/** A year-end clause not done: its task, the shortfall and the cause as reported. */
export const NotDone = z.object({ 编号: str, 任务: str, 单位: str, 差距: str, 原因: str, 打算: str });
export type NotDone = z.infer<typeof NotDone>;

/** What the data says of a chapter, which picks its heading's adverb (report/synthesis.ts HEADING_ADVERBS). */
export const HeadingState = z.enum(['done', 'mixed', 'silent', 'next']);
export type HeadingState = z.infer<typeof HeadingState>;

const Theme = z.object({
  标题: str,
  简称: str,
  /** 下一步's heading, verb + object (`深入打好蓝天保卫战`). */
  打算标题: str,
  /** Per chapter with something told: its id, its object (`蓝天保卫战`), what the data says of it, the sentences told. */
  分章: z.array(z.object({ 章节: str, 对象: str, 状态: HeadingState, 句: texts })),
  /** The plan's chapter ids the theme covers, and its sentences on what was not reported (for the speech). */
  章节: texts,
  未报送句: texts,
  成效序号: str,
  问题序号: str,
  打算序号: str,
  成效: texts,
  成效补充: str,
  问题: texts,
  问题句: texts,
  打算: texts,
});

/** The report's own paragraphs, in the register of the seed report (report/context.ts, `reportText`). */
export const ReportText = z.object({
  标题: str.describe('报告标题：年终为“济南市生态环境局关于2025年度工作情况的报告”（上行文，“关于…的报告”），年中为“…工作进展情况报告”'),
  ...together('上行文的版头（GB/T 9704 7.2.5）：发文机关标志（config set 发文机关标志，默认为发文机关加“文件”）、发文字号（【待填：文号】）、签发人（【待填：签发人】），模板中 <masthead mark number signer/> 排出', { 发文机关标志: str, 文号: str, 签发人: str }),
  结束语: str.describe('正文末尾、附件说明之前的结束语：年终为“特此报告。”'),
  印发机关: str.describe('版记的印发机关（config set 印发机关，默认为发文机关的办公室）；印发日期为成文日期，模板中 <imprint cc="" org="…" date="{{成文日期}}"/> 排在末页下端'),
  主送: str.describe('报告的主送机关：数据无从得知，为【待填：主送机关】，生成后列出'),
  ...together(
    '报告的段落：开头（年终为“2025年是“十四五”规划的收官之年。一年来，在…领导下，…为指导，围绕【待填：年度工作主题或上级工作要求，如“××年”】，认真落实…部署，全年重点工作任务基本完成，主要指标除优良天数比率外均达到考核要求，“十四五”规划目标任务【待填：全面完成/基本完成】。现将有关情况报告如下”；五年规划的完成情况置于年度结论之后；上行文不写项数，不点名未完成的任务（在存在问题中写）；主要指标按完成情况一句：全部达到为“主要指标全部达到考核要求”，部分未达到为“主要指标除…外均达到考核要求”，未给出指标时不写；有指标未达到时不写“全面完成”；结转和未报送的工作不在开头写；没有任何例外时为“全面完成各项任务目标”；不写单位名称）、主要指标和量化目标段（讲话稿等沿用）、主要指标（年终报告：只列指标数值，段末为“主要指标和量化目标完成情况见附件。”）、收官（已并入开头，恒为空，供旧模板使用）、未报送的任务和单位（含配合单位报告的情况）、其余完成（年中：未写具体成效的已完成工作只计项数；年终为空——总数已在开头说明）、量化（年中：量化目标完成情况一句；年终为空——“见附件”一句已在主要指标段末，供旧模板使用）、存在问题的总述、进度滞后（仅年中报告）、下一步打算的开头（年终给出 --next-plan 时为新要点开头的年份定位和主要目标：“2026年是“十五五”规划的开局之年。市生态环境局将以…为指导，…，落实【待填：上级2026年工作部署】，确保细颗粒物（PM2.5）平均浓度控制在37微克/立方米以内（2025年为36微克/立方米），优良天数比率达到64%以上，…，重点抓好以下工作。”，本年已超过的目标后括注本年数值，与讲话稿同一规则；其中的目标数字在下一步各条中不再重复，各条中这一年的时限不再写年份（“一季度完成……”“6月底前完成……”，文件名和“2026年度”照写，年份直接接动作的写“年内出台……”）；未给出时为“2026年，市生态环境局将以…为指导，…，落实【待填：上级2026年工作部署】，重点抓好以下工作。”）；数据给不出的内容为【待填：…】',
    { 开头: str, 指标段: str, 主要指标: str, 收官: str, 量化: str, 未报送: str, 其余完成: str, 无责任单位: str, 问题总述: str, 滞后: str, 打算开头: str },
  ),
  主题: z
    .array(Theme)
    .describe('报告各节：标题（年终为评价式标题，如“蓝天保卫战纵深推进”，谓语轮换使用；可用 config set 报告主题 归并章节并命名）、简称、打算标题（下一步的动宾短语，如“深入打好蓝天保卫战”）、成效序号、问题序号、打算序号、成效（“一是……”；每项工作只写最能说明成效的一句，每块按篇幅选取：该章第一项和完成改造、整治、创建、下降、达到、通过等标志性成果按要点顺序必写，全文同一分句只写一次、例行表述至多一次；段首语一律为动宾结构，主题含多章时每章一段，如“一是扎实打好蓝天保卫战。”，未全部完成的用“持续”；全部完成而无成效可写的章节为【待填：…方面主要成效】；未报送的工作在其位置写【待填：…年终完成情况（…未报送）】，配合单位的数据作为本局工作写入）、成效补充、问题、打算（未达标指标的改进句在前；给出 --next-plan 时新一年工作要点中本主题2至3项重点措施连同目标数字；未完成、结转工作写责任单位自定的时限；存在问题各点逐一回应（“针对……问题，……”）；笼统表述不写）、分章（每章：章节、对象、状态、句）'),
  ...together('年终未完成的工作：编号、任务、单位、差距（如“660个完成612个，尚差48个”）、原因、打算；结转下一年度的任务；未报送的任务：编号、任务、单位、配合报告', {
    未完成: z.array(NotDone),
    结转: texts,
    未报送任务: z.array(z.object({ 编号: str, 任务: str, 单位: str, 配合报告: str })),
  }),
  指标未达到: texts.describe('年终：未达到目标的主要指标（如“优良天数比率为62.6%，未达到省考核要求（不低于64%）”）；存在问题中另写差距和原因（“优良天数比率62.6%，较省考核要求（不低于64%）仍有差距，主要是……”，无原因时为【待填：…未达标原因】）'),
  主观不足: str.describe('存在问题按主题分述时，末尾的“此外，【待填：主观方面不足】。”（分点写时已含在问题要点中，此处为空）'),
  问题要点: str.describe('存在问题合为一段（“一是……二是……”，年终至多5点），各单位报告的问题不超过三条时给出，否则为空'),
  重复表述: z
    .array(z.object({ 表述: str, 任务: texts }))
    .describe('多项任务中重复出现、因而未写入报告的表述（表述、任务），供起草人核对'),
});
export type ReportText = z.infer<typeof ReportText>;

/** The data object every report template lays out. */
export const ReportContext = z.object({
  机关: str.describe('发文机关（taizhang config set 发文机关 …；默认为工作要点的发文单位）'),
  ...together('通报的主送机关、联系人、发文字号（taizhang config 设置）', { 主送: str, 联系人: str, 文号: str }),
  计划: z.object(together('工作要点标题、编号', { 标题: str, 编号: str })),
  轮次: Round,
  成文日期: str.describe('如“2025年10月20日”（--date 指定）'),
  结论: Findings,
  统计: keyGroups(figures, [
    { keys: ['应报单位数', '已报送单位数', '按时报送单位数', '逾期报送单位数', '退回单位数', '未报送单位数', '报送率'], text: '报送情况' },
    {
      keys: ['任务数', '条目数', '已完成', '序时推进', '滞后', '未启动', '未报送条目', '完成率', '红色', '黄色', '停滞', '无责任单位条目'],
      text: '任务完成情况（未明确责任单位的条目不计入）',
    },
    { keys: ['年终完成', '年终未完成', '结转'], text: '年终轮次各工作的结论（完成、未完成、结转）计数' },
  ]),
  章节: z
    .array(Chapter)
    .describe('每章：序号（一、二…）、成效序号、打算序号（只给有内容的章节连续编号）、标题、条目数、已完成、滞后、未报送、完成率、未完成、结转、成效（“一是……”列表，已去除套话）、问题（以任务开头，年终含未完成的差距和原因）、打算'),
  报送: z.object(together('单位名单', { 按时: texts, 逾期: texts, 退回: texts, 未报: texts })),
  滞后任务: z
    .array(z.object({ 编号: str, 任务: str, 单位: str, 状态: str, 差距: str, 序时: str, 颜色: str, 停滞: z.boolean() }))
    .describe('编号、任务、单位、状态、差距、序时（红/黄）、颜色、停滞'),
  停滞任务: z.array(z.object({ 编号: str, 任务: str, 单位: str, 进展: str })).describe('编号、任务、单位、进展（与上一轮相同的进展情况）'),
  目标对比: z
    .array(z.object({ 序号: str, 编号: str, 任务: str, 目标: str, 完成值: str, 完成度: str, 结论: str }))
    .describe('编号、任务、目标、完成值（目标分几项的，各项完成值以“；”分隔，未报的为【待填】；年终轮次中数量类目标未完成的，后附完成比例，如“612个（92.7%）”）、完成度（年中报告用；年终报告附件不列此栏）、结论（年终轮次：完成、超额完成、未完成、结转、未报送；“保持…以上”类目标达到的为“完成”，不写“超额完成”）'),
  指标: z.array(z.object({ 序号: str, 名称: str, 单位: str, 基期值: str, 目标值: str, 属性: str, 完成值: str })).describe('序号、名称、单位、基期值、目标值、属性、完成值'),
  指标对比: z
    .array(z.object({ 序号: str, 指标: str, 目标: str, 完成值: str, 结论: str }))
    .describe('年终报告附件的主要指标：有目标的每项指标的序号、指标、目标、完成值、结论（达到/未达到），列在量化目标之前'),
  附件指标: z
    .array(z.object({ 序号: str, 指标: str, 目标: str, 完成值: str, 结论: str }))
    .describe('年终报告附件“一、主要指标”的各行：先列指标对比各项，再列年度要点“主要任务目标”中尚无指标对应的各项（如“总量控制”“完成省下达的目标”；有数值的写数值，没有的完成值为【待填】，结论为“—”）'),
  数据: figures.describe('{{数值 "名称"}} 取数的来源：统计各项、“完成值:条目编号”和 --metrics 文件中的数值'),
  报告: ReportText,
  待填: texts.describe('报告中需起草人补写的【待填：…】事项，生成后列出'),
});
export type ReportContext = z.infer<typeof ReportContext>;

/**
 * What the built-in documents add to the report's context (the 通报's and the speech's own, report/bulletin.ts and
 * report/speech.ts), and the template helpers: listed after the context's own variables.
 */
export const DOCUMENT_VARIABLES: [string, string][] = [
  ['通报.标题 / 开头 / 推进 / 总体 / 短板 / 报送 / 批评 / 下一轮 / 回复日期', '督办通报的句子：标题含发文机关（“济南市生态环境局关于2025年度重点工作完成情况的通报”）；年终只写完成、基本完成、未完成、转入下一年度、未报送，零项不写；首次计数说明口径（“59项重点任务（按责任分工细化为67项）”）；总体评价写完成情况，没有主要指标时再写全年最突出的成效（法规施行、获评荣誉，取自数据）；短板为最后一句差距（表2督办的未完成、未报送和尚未销号的事项在哪些方面，“列入表2督办”；分号后为转入下一年度的工作“（见表3）”）；未报送超过一成时总体评价为【待填】；未报、退回单位按单位名录顺序通报批评，逾期报送的单位在报送情况中写明逾期天数、予以提醒；年终轮次不写“下一轮调度”'],
  ['通报.指标', '年终：主要指标（--metrics）集中一句，先写达到的，再写未达到的数值和目标，写在总体评价之后、短板之前（“主要指标中，PM2.5平均浓度36微克/立方米等指标达到考核要求；优良天数比率为63.1%，未达到省考核要求（不低于63.5%）。”）'],
  ['通报.表2标题 / 通报.督办说明', '表2的标题和表前说明（年终“表2　督办事项清单”“以下事项请责任单位按表列时限整改或补报：”）'],
  ['通报.跟踪（列表） / 通报.表3标题 / 通报.跟踪说明', '年终：报为完成而牵头单位报告了实质问题的工作，以及转入下一年度的工作（表3“需持续跟踪事项清单”，没有表2时为表2）：序号、编号、任务、单位、问题（单位所报问题的全文）、措施（单位的下一步措施）'],
  ['通报.表1（列表） / 通报.基本完成列 / 通报.表注', '分章节，末行为“合计”：章节、项数、完成、基本完成、未完成、结转、滞后、未报送、完成率（无一报送时为“未报送”；整数不带小数，其余保留一位小数）；年终责任单位报为完成、原话写明尚有余数的工作计为基本完成（不计入完成，剩余事项列入表2），有此类工作时基本完成列为真，表1增加“基本完成”一列；表注写明完成率的计算口径（未报送的计入工作项数、不计为完成）和基本完成的含义'],
  ['通报.发文机关标志', '版头的红色发文机关标志（config set 发文机关标志；默认为发文机关加“文件”），模板中 <masthead mark="…" number="…"/> 排出标志、发文字号和红色分隔线'],
  ['通报.文号', '发文字号（config set 文号）；未设置时为【待填：发文字号】'],
  ['通报.督办（列表）', '需督办的工作（年终为全部未完成和未报送的工作、报为完成但原话写明尚有余数的工作、报为完成但只报了一句同样报在多项工作下的话、未写明具体进展的工作（至多三家单位时列入，同一单位同一方面合为一行，时限为分别补报具体进展），以及未达到目标的主要指标）：序号（1、2、3……）、编号、任务（同一任务的分项分属不同牵头单位时为本分项的第一句；未达到目标的指标为“主要指标：××”）、单位（多个单位时标“牵头”）、类别、情况（如“660个完成612个，尚差48个”“转入下一年度”或“未报送”；牵头单位未报送而配合单位报送了本单位部分的，为“牵头单位未报送；××已报送……”及其数字）、原因（责任单位报告的问题；未报送的为“未报送”）、时限（责任单位下一步打算中写明的时间，写到日，如“2026年3月31日前”；未报送的为“…前补报”；年中轮次可为计划规定的时限；都没有时为【待填：完成时限】）、序时、颜色、停滞'],
  ['通报.表2注', '表2下的注：牵头单位未报送的事项中，配合单位报送的本单位部分情况（“注：第2项中，配合单位水生态环境处已报送排查企业126家、督促整改隐患37处。”）；没有时为空。表中该项只写“未报送”。'],
  ['通报.表扬 / 通报.表扬成效（列表：单位、成效） / 通报.表扬句', '按成效表扬：按时报送、本单位承担的部分全部完成（年终）或均按序时推进，且本单位报告中有具体成效的单位（例行的会议、检查、培训次数不算），至多5家，按亮点强弱排序，每家一条最突出的成效（本单位原话中的一个分句，不超过40字，获评、下降、达到等结果优先；年终只按获评、下降、达标、全部整治销号、超额等实际成效，项目个数、投资额、资金覆盖面不算），写成一句：“××完成……，××推动……，任务完成质量高、成效突出，予以通报表扬。”；自带主语的成效接在本单位原话中的前一分句之后（“××组织申报……，其中……获评……；××推动……，……同比下降6.8%。以上单位任务完成质量高、成效突出，予以通报表扬。”）；在表2或表3中列为责任单位的单位不予表扬；此外不予表扬的还有：牵头的工作未完成、转入下一年度、未报送或尚有余数需持续跟踪的单位，未达到目标的主要指标的牵头单位，逾期、未报送和被退回的单位，在未完成或未报送的工作中没有报送本单位部分的配合单位；无此类单位时不写表扬'],
  ['通报.表扬批评标题', '第三部分的标题：既有表扬又有批评（或报送质量的提醒）时为“表扬和批评”，只有批评时为批评一段的标题（“通报批评和提醒”），只有表扬时为“通报表扬”，只有逾期提醒或都没有时为“报送情况”；只有一项时该段不编号'],
  ['通报.表扬批注', '表扬一段在 Word 中所附的批注：“表扬名单由系统按“全部完成且成效突出”规则初拟，请报局领导审定”'],
  ['通报.报送质量', '有单位在多项工作下报送相同内容（报告.重复表述）时，批评之后一句：“部分单位报送内容照搬套用、表述笼统，1家单位（政策法规处）在多项工作下报送了相同内容，……”，3家以内写明单位；配合单位报送的情况过半只是套话时，接着一句写明条数（“配合单位报送的82条情况中，有78条仅为“继续做好配合工作”等表述，未写明具体配合事项。”）；都没有时为空'],
  ['通报.指标未达到单位', '年终：作为未达到目标的主要指标（--metrics）的牵头单位而不予表扬的单位，供起草人核对'],
  ['通报.要求（列表：标题、内容）', '工作要求各段，各段写明对象：哪个单位何时前完成哪项工作（差距见表2，不重复）、未达到目标的主要指标由对应章节的牵头单位分析原因并确保新一年目标（新要点开头的主要目标）、未完成和结转的工作纳入新一年要点的哪一部分（--next-plan）、哪个单位补报哪些工作；补报材料和表2所列材料合为一句（“表2第2至4项所列材料请于……前书面报送局办公室”），年终作为（一）抓紧整改落实的最后一句，（一）不成立时单列“按期报送材料”，报送期限只写一次（--reply-by，未给出时为【待填】）'],
  ['通报.联系人', '成文日期下的附注“（联系人：……）”（GB/T 9704 7.3.6；config set 联系人，未设置时为【待填：联系人及电话】）'],
  ['通报.抄送 / 印发机关 / 印发日期', '版记：抄送机关（config set 抄送，未设置时为【待填：抄送】）、印发机关（config set 印发机关，默认为发文机关的办公室）、印发日期（成文日期）'],
  ['讲话.标题 / 会议 / 讲话人 / 日期 / 开场 / 回顾年度 / 部署年度 / 回顾期间', '讲话稿：年终轮次为次年工作会议（如“在市生态环境局2026年工作会议上的讲话”，--meeting 可指定会议名称）；讲话人为【待填】'],
  ['讲话.上级 / 遵循 / 总述 / 指标 / 不足（列表） / 督办 / 形势 / 愿景', '上级按发文机关的层级（“市委、市政府”）；遵循取自本年度工作要点开头的指导思想（“以…为指导，…生态文明思想”）；总述只给一个总数（全年N项重点工作完成M项）；指标（年终有 --metrics 时只讲有目标的指标：有未达到的方面逐项讲，达到的“优于/达到省考核要求”，未达到的“离省考核要求还差0.4个百分点”，其余方面合为一句“水、土壤主要指标全部达到考核要求”；否则同年度报告的指标段，按讲话口吻）；问题和不足至多四条：未达标的指标、未完成的工作（差距和单位报告的原因）、单位反映的问题（没有数字的多个问题合为最后一条，部署中回应的问题都在这里先讲到）；形势（列表）分三点：从上级要求看（【待填：上级会议和文件对今年工作的要求（约200字）】）、从发展阶段看（新一年工作要点开头的“…之年”）、从自身工作看（新目标与当年完成值对照、留下的工作按名称讲、转入新一年的工作按单位时限讲、要点要求准备的上级督察）；督办为“强化调度督办”一段：模板句（督办通报所列事项逐项对账销号）后写未按时报送的单位（仅年中）（配合单位报送多为套话是督办通报的统计，讲话不讲）；愿景取自新一年工作要点（“美丽济南”），用于结束语；以“我们”自称'],
  ['讲话.责任', '“压实工作责任”的第一句：新一年工作要点的名称和任务数（“《济南市生态环境局2026年工作要点》部署了59项重点任务。”，不说按责任分工细化的条目数），其后为模板中的文字；没有 --next-plan 时为空'],
  ['讲话.收官 / 回顾起', '回顾一段的开头：年终且本年度工作要点开头写明是五年规划收官之年时，收官为“2025年是“十四五”规划的收官之年，“十四五”规划目标任务【待填：全面完成/基本完成】。”，回顾起为“一年来”；否则收官为空，回顾起为回顾期间（“2025年”）'],
  ['讲话.回顾概述', '回顾开头一段末尾转入各方面的一句：“全年重点抓了以下五个方面工作。”（按讲到的方面数，不足两个方面时不写）'],
  ['讲话.回顾（列表）', '按报告主题（config set 报告主题）：序号、标题、成效。成效为一段“一是……；二是……”：主题含多章时每章一条（动宾短语加该章数字最大、有“首次”“获评”等的成效，至多四章），只含一章时为该章至多三条成效；例行的会议、培训次数不选，每条都是单位报告的原话；标题只说事实支持的内容：讲到三章以上或各章都讲到时为主题标题，否则为所讲章节的动宾短语；各段开头轮换（“一年来，我们聚焦…”“在…方面，”“围绕…，”“…方面，”）；无内容时为【待填：本方面主要成效及数据】'],
  ['讲话.部署.来源 / 计划 / 总体要求 / 概述 / 章节（列表） / 见 / 结转', '重点工作部署：来自 --next-plan 指定的新一年工作要点。总体要求取自要点开头（“…之年。全市…工作的总体要求是：以…为指导，…。主要目标是：…。”），要点没有开头时为【待填】；每章一个方面（设置了报告主题且新要点中有对应章节时，每个主题一个方面、各章为“一是…”）；只讲值得讲的任务：有量化目标、有新提法（与本年度要点不同的表述）或承接本年未完成工作的，每章至多2项（一章一个方面时至多4项），每项一句：任务名称、不重复任务名称的措施（约60字内，有数字、时限的优先）和量化目标“确保……”，其余以“统筹抓好A、B等工作”列名（简短名称，不足两项不列）；本年已达到的目标不再作为新目标提出；要点的主要目标写在用语相同的任务后，否则按所属章节写入（kpi.ts 指标与章节的对应），本年未达标的指标在其章节开头写“针对去年…没有达标的问题”；本年未完成的工作用责任单位下一步打算中写明时限的措施（如“2026年一季度完成剩余48个村整治任务”），没有时限的列入结转，要求明确完成时限'],
  ['{{数值 "名称"}}', '取数：统计项、“完成值:条目编号”或 --metrics 文件中的数值；无数据时显示【待填：名称】并给出提示'],
  ['--metrics 文件', '{"名称": 数值} 或 {"名称": {"值": 38, "单位": "微克/立方米", "目标": "≤42", "依据": "省考核要求"}}：主要指标段逐项写“…为38微克/立方米，达到省考核要求（不高于42微克/立方米）”，未达到的同时列入存在问题'],
  ['{{顿号 列表}}', '用顿号连接名单'],
  ['{{#each 列表}}…{{/each}}、{{#if 条件}}…{{/if}}', 'Handlebars 的循环和条件'],
];

/** The shape of a schema node, whatever wraps it. */
function kind(s: z.ZodType): string {
  return (s as unknown as { _zod: { def: { type: string } } })._zod.def.type;
}

/**
 * The variables a schema offers templates, with their descriptions, in the schema's order: a described field is one
 * entry (`名称（列表）` for a list), consecutive fields described alike are one entry (`计划.标题 / 编号`), an
 * undescribed object lists its fields, a record its groups of keys.
 */
export function listVariables(schema: z.ZodType = ReportContext, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  let last: { text: string; names: string[] } | null = null;
  const flush = () => {
    if (last) out.push([last.names.join(' / '), last.text]);
    last = null;
  };
  for (const [key, field] of Object.entries(shape)) {
    const path = `${prefix}${key}`;
    const name = kind(field) === 'array' ? `${key}（列表）` : key;
    const groups = KEY_GROUPS.get(field);
    if (field.description) {
      if (last && (last as { text: string }).text === field.description) (last as { names: string[] }).names.push(name);
      else {
        flush();
        last = { text: field.description, names: [`${prefix}${name}`] };
      }
    } else if (groups) {
      flush();
      for (const g of groups) out.push([`${path}.${g.keys.join(' / ')}`, g.text]);
    } else if (kind(field) === 'object') {
      flush();
      out.push(...listVariables(field, `${path}.`));
    } else throw new Error(`report context field ${path} has no description`);
  }
  flush();
  return out;
}

// A year-end round of the Jinan plan built for the documents tests, through the CLI as a coordinator runs it:
// 22 of 23 units report (one of them late), one is silent (环境安全应急管理处, which leads the 切实保障环境安全 tasks),
// one target is missed (6.3: 660 villages, 612 done), one task is carried into the next year (10.2: the 近零碳 pilots run
// several years; 1.2 was to start the 十五五 planning, which its lead did). Every lead writes what its clause did in its
// own words with its own figures (LEAD_TEXT, one entry per clause, 6.4 answering its 点位调整), a few name problems,
// 下一步 are specific or vague as units write them; most cooperating rows say a line of filler, four their part with
// figures (one on a task whose lead is silent, 9.2), and one unit pastes the same sentence under three tasks.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFirstListedLeads } from '../src/plan/review.ts';
import { jinanPlan, fillWorkbook, taizhang, tempDir, SEEDS } from './helpers.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { taskObject } from '../src/report/context.ts';
import { YEAR_RESULTS } from '../src/report/bulletin.ts';
import { cnPunctuation } from '../src/report/punctuation.ts';
import { REVIEW_POINT, SPOKEN_RESULT, spokenResultForm } from '../src/report/speech.ts';
import { partAlone } from '../src/report/synthesis.ts';
import type { Metrics } from '../src/model/metrics.ts';

/** The seed report's five themes over the plan's fourteen chapters. */
export const SEED_THEMES = '全面从严治党纵深推进=十四；污染防治攻坚扎实深入=四,五,六,七；黄河流域生态保护安全屏障更加牢固=二,八,一,九；推进绿色低碳高质量发展精准有力=三,十；治理能力现代化水平持续提升=十一,十二,十三';
export const SILENT = '环境安全应急管理处';
export const LATE = '政策法规处';
export const FILLER_PROGRESS = '继续做好配合工作。';
/** The sentence some units paste under every task. */
export const BOILERPLATE = '建立工作台账，逐项对账销号，全年推进重点事项12项。';
export const COOPERATING_FIGURES = '配合开展重点河流沿线环境风险排查，排查企业126家，督促整改隐患37处';
/** What cooperating units write: most the same line or two of filler, a few their own part with figures. */
export const FILLERS = [FILLER_PROGRESS, '积极配合牵头单位做好相关工作。', '按要求报送相关材料，配合完成年度任务。'];
/** Cooperating units that report their part with figures: clause → [unit, progress]. */
export const COOPERATING_TEXT: Record<string, [string, string]> = {
  '9.2': ['水生态环境处', `${COOPERATING_FIGURES}。`],
  '6.3': ['生态环境监测处', '完成已整治村庄生活污水处理设施出水水质监测326个点次，达标率91.4%。'],
  '4.6': ['市生态环境保护综合行政执法支队', '联合公安交警开展柴油货车路检路查26次，抽检车辆2360辆，查处超标排放车辆97辆。'],
  '13.4': ['省济南生态环境监测中心', '完成国控、省控空气自动站运维保障，全年数据获取率99.2%。'],
};
/** Clauses under which one unit (政策法规处) pastes BOILERPLATE after its own words. */
export const PASTED_UNDER = ['12.1', '12.3', '12.5'];

/** What each lead reports on its clause: [status, value, progress, problems, next]; every clause of the Jinan plan but
 * the silent unit's 9.1–9.4. */
export const LEAD_TEXT: Record<string, [string, number | null, string, string, string]> = {
  '1.1': ['已完成', null, '印发美丽济南建设年度推进计划，建立配套项目清单86个，按季度调度通报。', '无', '制定2026年度推进计划。'],
  '1.2': ['已完成', null, '完成“十四五”生态环境保护规划终期评估，梳理“十五五”重大工程项目132个，启动“十五五”生态环境保护规划编制，形成规划基本思路。', '无', '2026年6月底前完成规划文本编制并报批。'],
  '1.4-1': ['已完成', null, '指导2个区县成功创建省级生态文明建设示范区，1个单位获评“两山”实践创新基地。', '无', '继续指导区县开展示范创建。'],
  '3.1': ['已完成', null, '细化第三轮“四减四增”年度目标任务58项，全部按期完成。', '无', '启动下一年度任务分解。'],
  '4.1': ['已完成', null, '完成3家水泥企业、2家焦化企业超低排放改造，涉及治理点位96个，新增环保绩效A级企业3家。', '无', '巩固深度治理成果。'],
  '4.4-1': ['已完成', 5.3, '规模化畜禽养殖场大气氨排放总量较2020年下降5.3%。', '无', '持续推进氨排放控制。'],
  '5.2': ['已完成', null, '完成小清河、徒骇河等重点河湖干流入河排污口溯源342个、整治186个，建成小清河流域入河排污口规范化建设示范点位12个。', '无', '开展整治成效“回头看”。'],
  '6.2': ['已完成', 78, '完成78家重点监管单位周边土壤和地下水监督性监测，40家单位隐患排查“回头看”全部完成。', '无', '督促问题整改。'],
  '6.3': ['滞后', 612, '完成612个行政村环境整治，整治村庄生活污水治理率达到62%。', '部分区县村庄整治资金未及时到位，12个村因村庄规划调整暂缓实施', '督促区县落实配套资金，2026年一季度完成剩余48个村整治任务。'],
  '7.1': ['已完成', null, '完成5家“无废工厂”、31个“无废机关”创建，“无废城市”建设成效评价覆盖全部区县。', '无', '推进“无废细胞”建设。'],
  '11.1': ['已完成', null, '中央和省级生态环境保护督察反馈问题46项完成整改41项，省级督察交办信访件1263件全部办结。', '剩余5项督察问题涉及历史遗留，整改周期较长', '按整改方案持续推进，逐项对账销号。'],
  '11.3': ['已完成', 42, '非现场执法检查率达到42%，线上发现问题核实整改率99%。', '无', '扩大非现场监管覆盖面。'],
  '12.4': ['已完成', null, '办理行政复议案件18件、行政诉讼案件31件。', '无', '提升复议应诉质量。'],
  '14.1': ['已完成', null, '组织“第一议题”学习31次、党组理论学习中心组集体学习14次，开展青年理论学习小组活动20次。', '无', '严格落实“第一议题”制度。'],
  '1.3': ['已完成', null, '修订生态环境领域项目谋划细则，建立2025年度生态环境保护项目库，入库项目143个、总投资86.4亿元，其中27个项目获得中央和省级资金支持。', '无', '2026年3月底前完成项目库滚动更新。'],
  '1.4-2': ['已完成', null, '组织申报省级美丽河湖5条，其中玉符河、绣江河2条获评省级美丽河湖。', '无', '继续推进。'],
  '1.5': ['已完成', null, '围绕六五环境日、全国生态日组织主题宣传活动36场，“开学第一课”线上线下覆盖中小学生12.6万人次，环保设施向公众开放活动接待市民4200余人次。', '无', '2026年组织“美丽中国我是行动者”系列活动不少于30场。'],
  '2.1': ['已完成', null, '制定2025年度黄河流域生态保护治理攻坚战工作要点，分解落实省“十大行动”任务46项，黄河干流济南段水质稳定保持Ⅱ类。', '无', '制定2026年度攻坚战工作要点。'],
  '2.2': ['已完成', null, '智慧生态黄河平台新增污染源一证式监管等功能模块4个，全年推送环境问题线索1862条，办结1849条，闭环处置率99.3%。', '无', '推进平台与省级平台数据对接。'],
  '3.2-1': ['已完成', null, '完成重大项目环评审批147个，平均审批时限压缩至法定时限的40%，为42个省市重点项目调剂总量指标。', '无', '深化环评审批“预审+承诺”改革。'],
  '3.2-2': ['已完成', null, '对新上“两高”项目落实碳排放减量替代，收储碳排放指标28.6万吨，保障重点项目用量19.3万吨。', '无', '按计划推进。'],
  '3.3': ['已完成', null, '对驻济环评单位开展专项检查2轮，抽查环评文件312份，发现质量问题文件17份，依法查处环评单位2家。', '无', '2026年实现对驻济环评单位检查全覆盖。'],
  '3.4': ['已完成', null, '完成省下达的年度减排目标任务，推动1家国家级、1家省级减污降碳协同创新试点园区建设，试点园区单位产值碳排放同比下降6.8%。', '无', '总结试点经验并在全市推广。'],
  '3.5': ['已完成', null, '完成全市环保产业调查，形成济南市环保产业发展对策报告，组织环保企业参加产业对接活动3场，促成合作项目11个。', '无', '继续推进。'],
  '4.2': ['已完成', null, '完成钢城区颜庄石灰窑、长清区平安街道涂装、章丘区水泥制品3个产业集群整治，关停取缔“散乱污”企业23家，升级改造61家。', '无', '开展集群整治成效“回头看”。'],
  '4.3': ['已完成', null, '推动186家企业完成低挥发性原辅材料替代，排查整改涉VOCs企业问题1126个，完成油品储运销企业油气回收检测412家次。', '无', '持续推进。'],
  '4.4-2': ['已完成', null, '排查取缔茶水炉等经营性燃煤低空排烟设施137台，高污染燃料禁燃区内未发现新增燃煤设施。', '无', '巩固工作成效，完善长效机制。'],
  '4.5': ['已完成', null, '每月公布161个街道（镇）空气质量和道路颗粒物排名，对排名后10位的镇街约谈提醒47次，道路积尘负荷同比下降12.4%。', '部分城乡接合部镇街道路积尘负荷反复，高值点位仍较集中', '对高值镇街实行“周调度、月通报”。'],
  '4.6': ['已完成', null, '全年检测在用机动车28.7万辆次，查处拆除、改装排气污染控制装置等违法行为96起，完成非道路移动机械编码登记6452台。', '无', '推进重型柴油车远程在线监控全覆盖。'],
  '4.7': ['已完成', null, '夏、秋两季秸秆禁烧期间组织市级督导48组次，依托四级网格和高空视频监控发现并处置火点11处，全市未发生大面积焚烧。', '无', '继续做好2026年夏秋两季秸秆禁烧管控。'],
  '4.8': ['已完成', null, '规范办理夜间连续施工证明1286件，中高考期间开展“绿色护考”专项行动，查处噪声违法行为34起，声环境功能区夜间达标率同比提高3.1个百分点。', '无', '继续推进。'],
  '5.1': ['已完成', null, '编制徒骇河刘成桥、北大沙河入黄河口2个国控断面“一断面一策”，实施精准治理项目19个，2个断面水质年均值均达到考核要求。', '无', '对水质波动断面实行加密监测。'],
  '5.3': ['已完成', null, '4条入海河流总氮浓度均达到国家考核要求，开展飞行检查312次，加密监测点位286个。', '小清河汛期总氮浓度波动较大，上游来水影响明显', '2026年汛前完成小清河流域总氮溯源排查。'],
  '5.4': ['已完成', null, '完成12处县级以上饮用水水源保护区规范化建设，审核销号保护区卫片图斑86个，集中式饮用水水源地水质达标率保持100%。', '无', '按计划推进。'],
  '6.1': ['已完成', null, '完成土壤污染风险管控和修复报告评审63个，对“6+1”行业18家企业土壤污染状况初步调查开展监督检查，重点建设用地安全利用率保持100%。', '无', '严格建设用地准入管理。'],
  '6.4': ['已完成', null, '每季度对13个国控地下水考核点位开展周边环境巡查，点位水质全部达到考核要求，完成莱芜区叶家庄国控地下水考核点位调整论证，调整申请已报省生态环境厅。', '无', '跟进点位调整审批，批复后做好新旧点位监测衔接。'],
  '7.2': ['已完成', null, '核发危险废物经营许可证9家，推动486家产废单位落实“五即”管理，危险废物规范化环境管理评估合格率达到96.5%。', '无', '继续推进。'],
  '7.3': ['已完成', null, '完成全市21座尾矿库污染隐患排查，发现隐患14处，已全部完成整治。', '无', '巩固工作成效，完善长效机制。'],
  '7.4': ['已完成', null, '完成新化学物质环境管理登记企业核查27家，对重点管控新污染物生产使用企业开展专项检查64家次。', '无', '2026年出台新污染物协同治理工作方案。'],
  '8.1': ['已完成', null, '印发加强生态保护修复监管实施意见，建立市级生物多样性保护重点任务季度调度机制，完成南部山区生物多样性本底调查，记录物种2316种。', '无', '发布济南市生物多样性保护名录。'],
  '8.2': ['已完成', null, '对上级推送的生态保护红线和自然保护地疑似问题线索57个逐一核查，确认问题12个，已整改销号12个。', '无', '持续跟踪问题整改。'],
  '9.5': ['已完成', null, '开展网络安全检查4轮，处置安全漏洞38个，重大活动期间实行7×24小时值守，全年未发生网络安全事件。', '无', '继续推进。'],
  '10.1': ['已完成', null, '组织38家重点排放单位完成第四个履约周期配额清缴，履约率100%，核查碳排放数据报告45份。', '无', '做好2026年度履约准备。'],
  '10.2': ['序时推进', null, '“224”近零碳试点建设有序推进，2个区县、2个园区、4个社区试点全部通过中期评估，历城区获评省级低碳发展示范区。', '社区试点建设周期较长，尚未完成验收', '2026年底前完成近零碳试点建设验收。'],
  '10.3': ['已完成', null, '对消耗臭氧层物质销售、使用单位开展检查86家次，查处违法行为3起，组织“国际保护臭氧层日”宣传活动。', '无', '继续推进。'],
  '11.2': ['已完成', null, '全年办理环境行政处罚案件412件，罚没款2860万元，移送公安机关环境犯罪案件17件，执法稽查发现问题全部整改。', '无', '持续开展执法机构规范化建设。'],
  '12.1': ['已完成', null, '印发2025年法治建设工作要点和普法责任清单，重大行政决策合法性审查和公平竞争审查实现应审尽审，审查文件43件。', '无', '严格落实重大行政决策程序。'],
  '12.2-1': ['已完成', null, '《济南市大气污染防治条例》修正案经市人大常委会审议通过、省人大常委会批准，于2025年10月1日起施行。', '无', '做好条例宣传解读。'],
  '12.2-2': ['已完成', null, '完成《济南市机动车和非道路移动机械排气污染防治条例》修改调研，形成调研报告报市人大常委会。', '无', '配合推进条例修改。'],
  '12.3': ['已完成', null, '制定年度行政执法监督计划，开展执法案卷评查2次，评查案卷160卷，优秀率提高到82%。', '无', '按计划推进。'],
  '12.5': ['已完成', null, '筛查生态环境损害赔偿案件线索96条，启动赔偿磋商41件，达成赔偿协议38件，落实赔偿金1260万元。', '无', '推动赔偿资金用于生态修复项目。'],
  '13.1': ['已完成', null, '召开市生态环境保护工作委员会全体会议2次，印发委员会工作规则和办公室工作细则，全年清单化调度通报重点工作12期。', '无', '继续推进。'],
  '13.2-1': ['已完成', null, '兑现空气质量、地表水生态补偿和减排奖补资金2.3亿元，生态文明建设财政奖补覆盖全部12个区县。', '无', '完善奖补资金分配办法。'],
  '13.2-2': ['已完成', null, '签订县际流域横向生态补偿协议9份，涉及河流11条，全年兑付补偿资金3180万元。', '无', '按计划推进。'],
  '13.2-3': ['已完成', null, '指导企业完成排污权有偿使用和交易38笔，交易金额2140万元。', '二级市场交易活跃度不高，企业参与意愿不强', '2026年出台排污权交易管理实施细则。'],
  '13.2-4': ['已完成', null, '督促1026家重点排污单位完成年度环境信息依法披露，披露率100%。', '无', '继续推进。'],
  '13.3': ['已完成', null, '将工业噪声、工业固体废物纳入排污许可管理，完成排污许可证核发和重新申请1243件，开展证后执法检查890家次。', '无', '开展排污许可质量“回头看”。'],
  '13.4': ['已完成', null, '完成“十五五”国控、省控监测点位优化调整，空气自动站数据有效率保持98%以上，对135家持证企业开展污染源执法监测。', '无', '推进区县监控分中心标准化建设。'],
  '14.2': ['已完成', null, '细化落实机关党建“三级三张清单”，编发党建工作简报12期，完成局直属机关党委换届。', '无', '严格落实“三会一课”制度。'],
  '14.3': ['已完成', null, '组织党员干部到社区“双报到”服务386人次，开展“上一线、察实情”调研帮扶企业132家，解决实际问题64个。', '无', '继续推进。'],
  '14.4-1': ['已完成', null, '开展党纪法规学习12次、警示教育4次，组织廉洁文化作品征集活动，收到作品210件。', '无', '常态化开展警示教育。'],
  '14.4-2': ['已完成', null, '围绕执法领域“小切口”开展不正之风和腐败问题集中整治，排查问题线索9条，完成整改9项，建立制度4项。', '无', '巩固整治成果。'],
  '14.5': ['已完成', null, '选派26名年轻干部到基层一线和重点岗位锻炼，公开招录专业人才42名，举办业务培训班16期、培训1500余人次。', '无', '2026年继续加大年轻干部选育力度。'],

};

/**
 * A lead's answer on a clause not in LEAD_TEXT: concrete and done, but written as units write, not to one pattern:
 * ten ways of telling the year's work (some naming the task's object, most not), each with figures of its own
 * (k: the clause's number), and for one of them the sentence a few units paste under every task (BOILERPLATE),
 * which the report prints as nobody's achievement.
 */
/** What the units of this round wrote: every lead's progress text, and the cooperating units' own parts as the bureau's. */
export function unitWords(plan: { tasks: readonly { lead: string; clauses: readonly { id: string }[] }[] }): string[] {
  return [
    ...plan.tasks.flatMap((t) => t.clauses.map((c) => cnPunctuation(leadAnswer(c.id, t.lead).progress))),
    ...Object.values(COOPERATING_TEXT).map(([, x]) => cnPunctuation(x).replace(/^配合/, '')),
  ];
}

/**
 * Whether a clause a document says is the units' own words (no fact made up): one of the report's `achievements`, or a
 * unit's words as reported, a rule's passage by its taking force alone (YEAR_RESULTS.procedure left out), a `其中…` part
 * alone (synthesis.ts partAlone, clause by clause), or a year-long result with the subject its unit's sentence opens
 * with (REVIEW_POINT.subject, round sixteen).
 */
export function saidByUnits(words: readonly string[], achievements: string): (clause: string) => boolean {
  const alone = (w: string) => w.split(/(?<=[，；。])/).map(partAlone).join('');
  const withSubject = (x: string) =>
    words.some((w) => {
      const subject = REVIEW_POINT.subject.exec(w)?.[1];
      return !!subject && x.startsWith(subject) && w.includes(x.slice(subject.length));
    });
  const own = (x: string) => achievements.includes(x) || withSubject(x) || words.some((w) => w.includes(x) || w.replace(YEAR_RESULTS.procedure, '').includes(x) || alone(w).includes(x));
  // Round nineteen (speech.ts SPOKEN_RESULT): a unit's sentence as said — its list of names before a count left out, a
  // count said again dropped — and two results of one verb joined by 和 (each a unit's own), are its words too; the
  // annex's verdict after a result (`超额完成年度目标`) is asserted where it is said.
  const spokenWords = words.map((w) => w.split(/(?<=[，；。])/).map((c) => spokenResultForm(c)).join(''));
  const spokenSentences = words.map((w) => w.split(/(?<=[；。])/).map((c) => spokenResultForm(c)).join(''));
  const said = (x: string): boolean => own(x) || spokenWords.some((w) => w.includes(x)) || spokenSentences.some((w) => w.includes(x));
  return (x) => {
    if (said(x) || x === SPOKEN_RESULT.exceeded.slice(1)) return true;
    const verb = SPOKEN_RESULT.join.verb.exec(x)?.[1];
    if (!verb) return false;
    return [...x.matchAll(new RegExp(SPOKEN_RESULT.join.with, 'g'))].some((m) => said(x.slice(0, m.index)) && said(`${verb}${x.slice(m.index! + 1)}`));
  };
}

export function leadAnswer(clauseId: string, task: string) {
  const own = LEAD_TEXT[clauseId];
  if (own) return { status: own[0], value: own[1] ?? undefined, progress: PASTED_UNDER.includes(clauseId) ? `${own[2]}${BOILERPLATE}` : own[2], problems: own[3], next: own[4] };
  const k = Number(clauseId.replace(/\D/g, ''));
  // Which way a unit writes: spread over the plan by the whole clause number, not its last digit (x.2 always alike).
  const way = [...clauseId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7) % 10;
  const obj = taskObject(task);
  const progress = [
    `印发${obj}工作方案，明确年度重点任务${12 + (k % 7)}项，开展专项督导${3 + (k % 4)}次。`,
    `针对群众反映集中的问题，召开推进会${4 + (k % 6)}次，推动解决问题${20 + (k % 13)}个。`,
    `对${100 + (k % 41)}家重点单位开展“双随机、一公开”检查，立案查处违法行为${3 + (k % 11)}起。`,
    BOILERPLATE,
    `制定${obj}配套制度${1 + (k % 5)}项，举办专题培训${2 + (k % 4)}期，覆盖基层人员${150 + (k % 60)}人次。`,
    `完成年度项目${5 + (k % 9)}个，争取上级资金${(1 + (k % 7)) * 800}万元，年度任务通过省厅评估验收。`,
    `建成${obj}信息化管理模块，接入点位${30 + (k % 50)}个，全年预警处置${10 + (k % 20)}次。`,
    `会同${k % 2 ? '各区县' : '市直有关部门'}开展联合检查${6 + (k % 8)}轮，排查隐患${60 + (k % 30)}处，均已整改到位。`,
    `全年受理相关信访、投诉${30 + (k % 40)}件，按期办结率100%。`,
    `编制${obj}年度评估报告，评估结果报市政府并通报各区县。`,
  ][way]!;
  const next = [
    '按计划推进。',
    '巩固工作成效，完善长效机制。',
    `2026年6月底前完成${obj}中期评估。`,
    '无',
    `2026年出台${obj}实施细则。`,
    '持续跟踪问题整改。',
    `推进${obj}管理模块与省级平台数据对接。`,
    '无',
    `将${obj}纳入2026年度重点督办清单。`,
    '继续推进。',
  ][(way + k) % 10]!;
  return { status: '已完成', progress, problems: '无', next };
}

export interface YearEndRound {
  ws: string;
  reportDir: string;
  cli: (...args: string[]) => ReturnType<typeof taizhang>;
}

/** Builds the round, collects it and renders the year-end documents (with the metrics given). */
export async function yearEndRound(metrics: Metrics = {}, themes?: string): Promise<YearEndRound> {
  const ws = tempDir('tz-yearend-');
  const cli = (...args: string[]) => taizhang(args[0] === 'plan' ? args : [...args, '-w', ws]);
  const plan = withFirstListedLeads(await jinanPlan()).plan;
  // The Jinan plan marks no lead; its office follows the usual convention (the unit listed first leads), adopted once.
  let r = cli('plan', 'parse', join(SEEDS, 'jinan-2025-work-plan.txt'), '-o', join(ws, 'plan.json'), '--title', plan.title, '--issuer', plan.issuer, '--first-listed-leads');
  if (r.code !== 0) throw new Error(r.stderr);
  r = cli('sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-年终');
  if (r.code !== 0) throw new Error(r.stderr);
  const out = join(ws, '2025-年终', '下发');
  const inbox = join(ws, 'inbox');
  mkdirSync(inbox);
  for (const a of assignUnits(plan).assignments) {
    if (a.unit === SILENT) continue;
    const rows: Record<string, object> = {};
    for (const row of a.rows) {
      if (row.role === '牵头') rows[row.clause.id] = leadAnswer(row.clause.id, row.task.lead);
      else if (COOPERATING_TEXT[row.clause.id]?.[0] === a.unit) rows[row.clause.id] = { status: '已完成', progress: COOPERATING_TEXT[row.clause.id]![1], problems: '无', next: FILLER_PROGRESS };
      else rows[row.clause.id] = { status: '已完成', progress: FILLERS[(row.clause.id.length + a.unit.length) % FILLERS.length]!, problems: '无', next: FILLER_PROGRESS };
    }
    const file = join(inbox, `${a.unit}.xlsx`);
    fillWorkbook(join(out, `${a.unit}_2025-年终_调度表.xlsx`), file, { reporter: '张明', phone: '0531-86161234', date: '2026-01-08', rows });
    // On time by the file's time, but for the late unit: after the 2026-01-10 deadline.
    const t = new Date(a.unit === LATE ? '2026-01-12T10:00:00+08:00' : '2026-01-08T10:00:00+08:00');
    utimesSync(file, t, t);
  }
  r = cli('collect', inbox, '--round', '2025-年终');
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  if (themes) {
    r = cli('config', 'set', '报告主题', themes);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const metricsFile = join(ws, 'metrics.json');
  writeFileSync(metricsFile, JSON.stringify(metrics));
  r = cli('report', '--round', '2025-年终', '--date', '2026-01-20', '--today', '2026-01-20', '--metrics', metricsFile, '-t', 'annual-summary');
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  return { ws, reportDir: join(ws, '2025-年终', '报告'), cli };
}

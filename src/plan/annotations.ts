// Finds the responsible-unit annotations in a task's text (`（责任单位：…）`, `（牵头单位：X；配合单位：Y）`,
// `（X会同Y负责）`, `〔…〕`, a `责任单位：` line) and splits them into units with their roles.
// Never invents a unit: every name returned is a substring of the annotation, or one with a shared prefix restored.
import type { Assignment, Doubt, UnitKind } from '../model/plan.ts';

const OPEN = '(（〔[【';
const CLOSE = ')）〕]】';

export interface Annotation {
  /** Offsets in the text: the annotation spans [start, end). */
  start: number;
  end: number;
  /** The annotation as written, brackets included. */
  raw: string;
  assignments: Assignment[];
  problems: string[];
  /** Where the reader is unsure about the units it read (see Doubt in the model). */
  doubts: Doubt[];
  /** The annotation states a position rule (`列第一位者为牵头单位，下同`). */
  positionRule?: boolean;
}

/** Index of the bracket closing the one at `open`, honouring nesting (`各镇(街道)` inside the annotation). */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** A name that reads like an organisation: ends with an organ word (an alias in brackets may follow). */
const UNIT_SUFFIX =
  /(局|委|办|处|室|科|中心|支队|大队|中队|分局|政府|街道|镇|乡|部|院|会|联|协|所|站|公司|集团|管委会|办公室|单位|部门|区县|区|县|市|厅|署|队|团|社|行|馆|校|组|小组|专班|关|台|企业|机构|医院|高校|法院|检察院)(?:[（(][^（）()]{1,20}[)）])?$/;

export function looksLikeUnit(name: string): boolean {
  return name.length >= 2 && name.length <= 30 && UNIT_SUFFIX.test(name) && !/[。；;：:]/.test(name);
}

/** A name in a list reads as one: an organisation's name, or a catch-all or group (`区直各有关部门`, `各镇`). */
export function readsAsName(name: string): boolean {
  return looksLikeUnit(canonicalUnit(name)) || unitKindOf(name) !== 'unit';
}

/** Catch-alls such as `机关其他相关处室、单位`: one entry, though they contain a separator. */
const CATCHALL =
  /(?:机关|局机关|区直|市直|县直)?(?:其他|其它)(?:相关|有关)?[^、，,；;（(）)]{0,8}?(?:处室|部门|科室|单位|机构)(?:[、和及](?:处室|部门|科室|单位|机构))*|(?:各)?(?:相关|有关)(?:处室|部门|科室|单位|机构)(?:[、和及](?:处室|部门|科室|单位|机构))*/g;
/** Groups written with a separator inside: `各区、县级市`, `各县、区人民政府(管委会)`. */
const GROUP = /各[\u4e00-\u9fa5]{1,3}、[\u4e00-\u9fa5]{0,4}?(?:人民政府|政府|县级市|街道|乡镇|区|县|市)(?:[（(][^（）()]{1,8}[)）])?(?=$|[、，,；;和及等])/g;
/** An open list's tail, split off as a catch-all: `X等有关部门和单位` → X + 等有关部门和单位. */
const OPEN_TAIL = /等(?:其他|其它)?(?:相关|有关)?(?:部门|单位|处室|科室|机构|企业)(?:[和及、](?:部门|单位|处室|科室|机构|企业))*$/;

export function unitKindOf(name: string): UnitKind {
  // `区直各有关部门`, `相关乡镇人民政府`, `区内各相关企业`, `其他承担科研任务的单位`, `等有关部门`: no one unit is named.
  if (/^(?:等)?.{0,3}?各?(?:相关|有关|其他|其它)/.test(name) || /(?:相关|有关)(?:处室|部门|科室|单位|机构)/.test(name) || /^等/.test(name) || /^.{0,4}各级/.test(name)) {
    return 'catchall';
  }
  // `生态环境部门`, `项目管理部门`: a kind of body, not one body (named bodies end in 部, 局, 委…).
  if (/部门$/.test(name) && name.length <= 12 && !/^(?:市|区|县|省)/.test(name)) return 'catchall';
  // A class described in words: `…期间在公共资源交易平台挂网招标项目业主`.
  if (name.length > 20 && /的|期间|或|所有|全部/.test(name) && /(?:单位|业主|部门|机构|企业|主体)$/.test(name)) return 'catchall';
  // `各区政府`, `三个片区管理局`: a known set of units.
  if (/^各/.test(name) || /^[一二三四五六七八九十两几]+个/.test(name)) return 'group';
  return 'unit';
}

/** Canonical spelling of a unit name: full-width brackets, no spaces. */
export function canonicalUnit(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Splits a list of units at `、，,；;`, line breaks, and `和`/`及`/`以及` between two whole names, outside brackets;
 * catch-alls and groups stay whole and never swallow the name before them.
 */
export function splitUnits(list: string): string[] {
  return splitUnitsNoting(list).parts;
}

/** An open list's catch-all tail: `等` and what follows it to the end of the tier (`等国务院相关部门及各地区`). */
const OPEN_LIST_TAIL = /(?<![高中初平同均对相])等(?=[^，,；;\n]{1,30}$)/;
/** What a catch-all tail after `等` reads like: a class word near its start, or a kind of body at its end. */
const CATCHALL_TAIL = /^等.{0,12}?(?:各|相关|有关|其他|其它|主管|成员|职能)|^等.*(?:部门|单位|机构|方面)$/;

/**
 * splitUnits, and the doubts the split leaves: a name cut from a catch-all it was written into, a split (or not) at
 * 和/及/与 where the words around it do not settle it.
 */
export function splitUnitsNoting(list: string): { parts: string[]; doubts: Set<Doubt> } {
  const doubts = new Set<Doubt>();
  const protectedParts: string[] = [];
  const protect = (m: string) => {
    protectedParts.push(m);
    return `\u0000${protectedParts.length - 1}\u0000`;
  };
  // `C等各产业、招商主管部门`: the catch-all after 等 runs to the end of its tier, separators and all.
  const tiers = splitTop(list, '，,；;\n').map((tier) => {
    const at = OPEN_LIST_TAIL.exec(tier);
    if (!at || at.index === 0 || !CATCHALL_TAIL.test(tier.slice(at.index))) return tier;
    // The tail ends where a phrase closed by a class word is followed by a further name: `等区直各有关部门、县政府`.
    const tail = tier.slice(at.index);
    const end = /^等.*?(?:部门|单位|机构|方面)(?=、)/.exec(tail);
    const cut = end && !/^等[^、]*、/.test(end[0]) ? end[0].length : tail.length;
    return `${tier.slice(0, at.index)}${protect(tail.slice(0, cut))}${tail.slice(cut)}`;
  });
  const masked = tiers.join('，').replace(GROUP, protect).replace(CATCHALL, protect);
  const restore = (p: string) => p.replace(/\u0000(\d+)\u0000/g, (_, n: string) => protectedParts[Number(n)]!);
  const parts = splitTop(masked, '、，,；;\n')
    .flatMap((p) => {
      // A name written into a catch-all (`B等国务院相关部门`): the name before 等 is one part, the tail another.
      const m = /^(.+?)(\u0000\d+\u0000)$/.exec(p);
      if (m && restore(m[2]!).startsWith('等')) {
        if (restore(m[2]!).length > 5) doubts.add('catchall-boundary');
        return [restore(m[1]!).trim(), ...splitTail(restore(m[2]!))];
      }
      return [restore(p).trim()];
    })
    .flatMap((p) => {
      const tail = OPEN_TAIL.exec(p);
      return tail && tail.index > 0 ? [p.slice(0, tail.index), tail[0]] : [p];
    })
    .flatMap((p) => splitConjunction(p, doubts))
    // A separator left out after an alias: `综合执法局（安监局）规划局`.
    .flatMap((p) => {
      const m = /^(.+?[）)])([\u4e00-\u9fa5]{2,})$/.exec(p);
      // `各乡（镇）人民政府` is one name: a bare organ word after the bracket is the same body's.
      const bare = m && /^(?:人民政府|政府|党委|管委会|办事处|街道办事处|委员会)$/.test(m[2]!);
      return m && !bare && looksLikeUnit(canonicalUnit(m[1]!)) && looksLikeUnit(m[2]!) ? [m[1]!, m[2]!] : [p];
    })
    .map((p) => stripStrayBrackets(p.replace(/^(?:和|及|以及|与)/, '').replace(/等$/, '').trim()));
  return { parts: parts.filter((p) => p !== ''), doubts };
}

/** `等国务院相关部门及各地区`: two catch-alls, split where a class word (各, 有关, 相关) follows 及/和/与. */
function splitTail(tail: string): string[] {
  return tail.split(/(?:以及|及|和|与)(?=各|有关|相关|其他|其它)/).filter((p) => p !== '');
}

/** A bracket opened or closed around a name but not inside it (`（省商务厅`, from a doubled bracket): dropped. */
function stripStrayBrackets(name: string): string {
  let n = name;
  for (;;) {
    if (n.length > 1 && OPEN.includes(n[0]!) && matchingClose(n, 0) < 0) n = n.slice(1);
    else if (n.length > 1 && CLOSE.includes(n[n.length - 1]!) && !hasOpenFor(n)) n = n.slice(0, -1);
    else return n;
  }
}

function hasOpenFor(name: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    if (depth < 0) return false;
  }
  return true;
}

/**
 * The words an organisation's name ends with, in the strict sense used at 和: `十五运会和残特奥会…执委会` is one body
 * (运会 is no organ), `市委宣传部和市文明办` two.
 */
export const ORGAN_END = /(局|委|办|厅|部|署|院|处|室|科|股|组|政府|街道办事处|中心|公司|集团|委员会|管委会|执委会|协会|联合会|商会|工会|妇联|团委|科协|侨联|残联|工商联|支队|大队|队|所|站|行|社|馆|校|法院|检察院|海关|单位|部门|机构|小组|专班)(?:[（(][^（）()]{1,20}[)）])?$/;

/**
 * `科技部、财政部和相关科技项目管理部门`: `和`/`及` join two names when the name before it ends in an organ word and
 * the one after reads as a name, or when a catch-all follows (`A和各地方人民政府`). Where the words allow either
 * reading, the choice is noted as a doubt.
 */
function splitConjunction(part: string, doubts: Set<Doubt>): string[] {
  const m = /^(.+?)(和|及|以及|与)(.+)$/.exec(part);
  if (!m) return [part];
  const [, left, , right] = m;
  if (/[（(]$/.test(left!) || left!.length < 2) return [part];
  const classAfter = /^(?:各|有关|相关|其他|其它)/.test(right!) && readsAsName(right!);
  if (unitKindOf(part) !== 'unit' && !(classAfter && readsAsName(left!))) return [part];
  if (classAfter && readsAsName(left!)) return [left!, ...splitConjunction(right!, doubts)];
  const strong = ORGAN_END.test(canonicalUnit(left!)) || unitKindOf(left!) !== 'unit';
  if (strong && readsAsName(right!)) {
    // Both sides whole names: the usual list; doubtful only when the right side is short of a full name.
    if (!ORGAN_END.test(canonicalUnit(right!))) doubts.add('split-at-he');
    return [left!, ...splitConjunction(right!, doubts)];
  }
  // Kept whole, though the left reads as a name in the loose sense (`十五运会`): a doubt for the coordinator.
  if (readsAsName(left!) && readsAsName(right!)) doubts.add('split-at-he');
  return [part];
}

/** Splits at separators outside brackets. */
function splitTop(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Labels that introduce units, by the role they give: `牵头单位：`, `配合单位：`, `责任单位：` (its first leads). */
const LABELS: [RegExp, Role][] = [
  [/^(?:牵头|主办|主责)(?:考核|责任|落实|实施)?(?:单位|部门|处室|科室)$/, 'lead'],
  [/^(?:配合|协办|参与|协同|协助)(?:考核)?(?:单位|部门|处室|科室)$/, 'coop'],
  [/^(?:主要)?(?:责任|负责|承办|实施|落实|考核|负责考核|评分)(?:单位|部门|处室|科室|主体)$/, 'resp'],
];
/** A label and its colon where a segment starts. */
const LABEL_AT = /(^|[；;，,。\s])\s*([\u4e00-\u9fa5]{2,8})\s*[:：]/g;
/** A line that starts with a unit label (`责任单位：X、Y` on a line of its own). */
const LABEL_LINE = /^\s*(?:主要)?(?:责任|负责|牵头|主责|承办|实施|落实|配合|协办|参与)(?:考核)?(?:单位|部门|处室|科室|主体)\s*[:：]/;

type Role = 'lead' | 'resp' | 'coop';

/** Verbs that close a list of units and say its role, longest first. */
const VERBS: [string, Role][] = [
  ['牵头负责', 'lead'], ['牵头落实', 'lead'], ['牵头督导', 'lead'], ['牵头实施', 'lead'], ['牵头推进', 'lead'], ['牵头组织', 'lead'], ['牵头', 'lead'],
  ['按职责分工负责', 'resp'], ['按职责分工落实', 'resp'], ['按职能分工负责', 'resp'], ['按职责负责', 'resp'], ['分工负责', 'resp'], ['共同负责', 'resp'],
  ['牵头组织实施', 'lead'], ['组织实施', 'resp'], ['具体负责', 'resp'], ['负责落实', 'resp'], ['负责', 'resp'], ['落实', 'resp'],
  ['负责配合落实', 'coop'], ['负责配合', 'coop'], ['配合落实', 'coop'], ['共同参与', 'coop'], ['配合', 'coop'], ['参与', 'coop'], ['协助', 'coop'],
  ['指导', 'resp'],
];
const VERB_END = new RegExp(`^(.*?)(${VERBS.map(([v]) => v).join('|')})$`);
const verbRole = (verb: string): Role => VERBS.find(([v]) => v === verb)![1];

/**
 * A stated position rule: `列第一位者为牵头单位，下同`, `排在第一位的部门为牵头部门`, `主要责任单位第一个为牵头单位`.
 * Only where a plan states it does the first unit listed lead; it is removed from the unit list.
 */
const LEAD_RULE =
  /[，,；;。]?\s*(?:[\u4e00-\u9fa5]{0,8}?(?:排|列)?(?:在)?(?:第一(?:个|家|位)?|首位)(?:者|的)?(?:单位|部门)?为牵头(?:单位|部门))(?:[，,]?其余(?:为|是)[\u4e00-\u9fa5]{0,10}?(?:单位|部门))?[，,]?\s*(?:下同)?[。]?/g;

/** True when the text states a position rule. */
export function statesPositionRule(text: string): boolean {
  LEAD_RULE.lastIndex = 0;
  const found = LEAD_RULE.test(text);
  LEAD_RULE.lastIndex = 0;
  return found;
}

interface Group {
  names: string[];
  role: Role;
  /** The names are one description, not a list to split. */
  whole?: boolean;
}

/** Groups of an annotation without labels: each list closed by its verb (`X牵头，Y、Z等参与`, `X会同Y负责`). */
function verbGroups(text: string): { groups: Group[]; rest: string[]; aside: boolean } | null {
  const groups: Group[] = [];
  let pending: string[] = [];
  let aside = false;
  for (const raw of splitTop(text, '，,；;。')) {
    // `其中：“危病桥改造工程”由X牵头…`: a division of part of the work, not read as units of the clause.
    if (/^其中/.test(raw)) {
      aside = true;
      continue;
    }
    const piece = raw.replace(/^(?:由|请|均由|并由)/, '');
    const together = /^(.+?)(?:会同|联合)(.+?)(?:共同)?(?:负责|落实|推进|实施)?$/.exec(piece);
    if (together) {
      groups.push({ names: [...pending, together[1]!], role: 'lead' }, { names: [together[2]!], role: 'coop' });
      pending = [];
      continue;
    }
    const m = VERB_END.exec(piece);
    if (m && m[1]!.trim() !== '') {
      groups.push({ names: [...pending, m[1]!], role: verbRole(m[2]!) });
      pending = [];
    } else if (m) {
      // A verb on its own (`…，负责`) closes what came before.
      if (pending.length) groups.push({ names: pending, role: verbRole(m[2]!) });
      pending = [];
    } else pending.push(piece);
  }
  return groups.length ? { groups, rest: pending, aside } : null;
}

/** Groups of a labelled annotation: `牵头单位：X；配合单位：Y`, `负责部门：X；适用范围：…` (other labels are not units). */
function labelGroups(text: string): Group[] | null {
  const marks: { label: string; at: number; from: number }[] = [];
  for (const m of text.matchAll(LABEL_AT)) marks.push({ label: m[2]!, at: m.index! + m[1]!.length, from: m.index! + m[0].length });
  if (!marks.some((m) => LABELS.some(([re]) => re.test(m.label)))) return null;
  const groups: Group[] = [];
  marks.forEach((mark, i) => {
    const role = LABELS.find(([re]) => re.test(mark.label))?.[1];
    if (!role) return;
    const value = text.slice(mark.from, marks[i + 1]?.at ?? text.length).replace(/[；;，,。\s]+$/, '');
    // `责任单位：X牵头，Y配合` carries verbs inside the label.
    const inner = verbGroups(value);
    if (inner && inner.groups.some((g) => g.role !== 'resp')) groups.push(...inner.groups);
    // A class of units described in words (`…期间挂网招标项目业主、所属集团母公司或行政主管单位`) is one catch-all.
    else if (splitUnits(value).some(sentenceLike) && unitKindOf(value) === 'catchall') groups.push({ names: [value], role, whole: true });
    else groups.push({ names: [value], role });
  });
  return groups;
}

/**
 * Reads the body of an annotation (without brackets). Returns null when the body is not a unit annotation,
 * e.g. `（含地下水）` or `（即产生、即包装…）`.
 */
export function parseAnnotationBody(body: string): Omit<Annotation, 'start' | 'end' | 'raw'> | null {
  // `（（X牵头，Y配合））`: a doubled bracket is read as one.
  let inner = body.trim();
  while (inner.length > 2 && OPEN.includes(inner[0]!) && matchingClose(inner, 0) === inner.length - 1) inner = inner.slice(1, -1).trim();
  const positionRule = statesPositionRule(inner);
  // `以下均需相关乡镇配合，不再列出` is a rule for the later tasks (outline.ts applies it), not a unit list.
  const text = inner.replace(LEAD_RULE, '').replace(INHERIT, '').trim();
  const labelled = labelGroups(text);
  const read = labelled ? finish(labelled, [], false, positionRule) : (() => {
    const verbs = verbGroups(text);
    const done = verbs ? finish(verbs.groups, verbs.rest, true, positionRule) : null;
    if (done && verbs!.aside) {
      done.problems.push('“其中：……”另有分工，未单列为条目');
      done.doubts = [...new Set([...done.doubts, 'units-left-out' as const])];
    }
    return done;
  })();
  return read && positionRule ? { ...read, positionRule } : read;
}

/** Words that a name never holds: a clause's grammar, figures, a sentence's length. */
function sentenceLike(name: string): boolean {
  return name.length > 20 || /的|\d|推进|开展|加强|情况|工作|要求|确保/.test(name.replace(/[（(][^）)]*[)）]/g, ''));
}

/** `以下均需X配合，不再列出`: X is added to every later task. */
export const INHERIT = /[，,。；;]?\s*以下(?:各项|任务)?(?:均需|均由|均请|均要求|均)(.+?)(配合|参与|负责|落实|牵头)[，,]?(?:不再(?:一一)?列出|下同)[。]?/;

/** `X（牵头）` in a list marks X as the lead. */
const LEAD_MARK = /[（(]牵头[)）]$/;

/**
 * Turns groups into assignments. Names under `牵头` lead (all of them: joint leads); `责任单位` set against
 * `配合单位` (or `X负责，Y配合`) lead; other names under `负责` or `责任单位` are responsible with no lead (负责), or
 * cooperate when a lead is named elsewhere in the annotation; `配合`, `参与` cooperate. A unit's place in the list
 * makes it lead only under a position rule the plan states (`positionRule`).
 * `strict` (no label): the bracket is an annotation only when every name reads like an organisation.
 */
function finish(groups: Group[], rest: string[], strict: boolean, positionRule = false): Omit<Annotation, 'start' | 'end' | 'raw'> | null {
  const doubts = new Set<Doubt>();
  const named = groups.map((g) => ({
    role: g.role,
    names: g.whole ? g.names : g.names.flatMap((n) => {
      const split = splitUnitsNoting(n);
      for (const d of split.doubts) doubts.add(d);
      return split.parts;
    }),
  }));
  const whole = (n: string) => readsAsName(n.replace(LEAD_MARK, ''));
  if (strict && !named.every((g) => g.names.length > 0 && g.names.every(whole))) return null;
  const problems: string[] = [];
  const hasLead = named.some((g) => g.role === 'lead' || g.names.some((n) => LEAD_MARK.test(n)));
  // `责任单位：A、B；配合单位：C`: the units responsible, set against those cooperating, all lead.
  const respLeads = !hasLead && named.some((g) => g.role === 'coop') && named.some((g) => g.role === 'resp');
  const assignments: Assignment[] = [];
  const seen = new Set<string>();
  let first = true;
  for (const { name, raw, role } of restoreAffixes(named.flatMap((g) => g.names.map((name) => ({ name, role: g.role }))))) {
    const unit = canonicalUnit(name.replace(LEAD_MARK, ''));
    // A name the reader doubts is kept, with a warning: dropping a real unit is worse than showing an odd one.
    // Words of a sentence (`按要求推进的…情况跟踪`) are no name at all.
    if (!whole(name) && sentenceLike(name) && unitKindOf(name) === 'unit') {
      problems.push(`“${raw}”不像单位名称，未作为责任单位`);
      continue;
    }
    if (!whole(name)) {
      problems.push(`“${raw}”不像单位名称，已保留，请核对`);
      doubts.add('name-unclear');
    }
    if (seen.has(unit)) continue;
    seen.add(unit);
    const byRule = positionRule && !hasLead && !respLeads && role !== 'coop';
    const lead = LEAD_MARK.test(name) || role === 'lead' || (respLeads && role === 'resp') || (byRule && first);
    const responsible = role !== 'coop' && !hasLead && !respLeads && !byRule;
    if (role !== 'coop') first = false;
    assignments.push({ unit, role: lead ? '牵头' : responsible ? '负责' : '配合' });
  }
  const leftovers = rest.flatMap(splitUnits).filter((n) => looksLikeUnit(canonicalUnit(n)));
  if (leftovers.length) {
    problems.push(`“${leftovers.join('、')}”未写明牵头或配合，未列入`);
    doubts.add('units-left-out');
  }
  if (assignments.length === 0) problems.push('括注中没有可识别的责任单位');
  return { assignments, problems, doubts: [...doubts] };
}

/**
 * A prefix shared along a list is written once: `区市场监督管理局、经济发展局` means 区经济发展局. Restored only for a
 * bureau-like name with no level word of its own, after a name that carries the one-character level prefix.
 */
function restoreAffixes<T extends { name: string }>(items: T[]): (T & { raw: string })[] {
  return restorePrefixes(restoreSuffixes(items));
}

/** The body a place's name is followed by (`天河区人民政府`): written once after a list of places. */
const PLACE_BODY = /^([\u4e00-\u9fa5]{1,8}?(区|县|市|州|旗|镇|乡|街道))(人民政府|政府|管委会|管理委员会|党委和人民政府|党委|党工委|办事处|人大常委会|政协)$/;

/**
 * A suffix shared along a list is written once: `黄埔区、天河区人民政府` means 黄埔区人民政府 and 天河区人民政府. Restored
 * for a bare place name of the same level (区, 县, 市…) before a place with the body's name, working back along the list.
 */
function restoreSuffixes<T extends { name: string }>(items: T[]): T[] {
  const out = [...items];
  let suffix: { level: string; body: string } | null = null;
  for (let i = out.length - 1; i >= 0; i--) {
    const name = out[i]!.name;
    const full = PLACE_BODY.exec(name);
    if (full) {
      suffix = { level: full[2]!, body: full[3]! };
      continue;
    }
    const bare = /^[\u4e00-\u9fa5]{1,8}(区|县|市|州|旗|镇|乡|街道)$/.exec(name);
    if (suffix && bare && bare[1] === suffix.level && !/^(?:各|相关|有关|全)/.test(name)) {
      out[i] = { ...out[i]!, name: name + suffix.body };
      continue;
    }
    suffix = null;
  }
  return out;
}

function restorePrefixes<T extends { name: string }>(items: T[]): (T & { raw: string })[] {
  let prefix: string | null = null;
  return items.map((item) => {
    const name = item.name;
    const own = /^([区市县])[\u4e00-\u9fa5]{2,}/.exec(name);
    if (own && !/^(?:市场|区域|县级|市级|区级|市政|区划)/.test(name)) {
      prefix = own[1]!;
      return { ...item, raw: name };
    }
    const restorable =
      prefix !== null &&
      /^[\u4e00-\u9fa5]{2,}(?:局|委|办)$/.test(name) &&
      !/^(?:省|市(?!场)|区(?!域)|县|州|国家|国务院|中央|全国|人民|各|相关|有关|驻)/.test(name) &&
      unitKindOf(name) === 'unit';
    return restorable ? { ...item, name: prefix + name, raw: name } : { ...item, raw: name };
  });
}

/** Finds every unit annotation in a paragraph, in order. */
export function findAnnotations(text: string): Annotation[] {
  const found: Annotation[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i]!)) continue;
    const close = matchingClose(text, i);
    if (close < 0) continue;
    const parsed = parseAnnotationBody(text.slice(i + 1, close));
    if (parsed) {
      found.push({ start: i, end: close + 1, raw: text.slice(i, close + 1), ...parsed });
      i = close;
    }
  }
  return found;
}

/**
 * `牵头单位：X` or `责任单位：A、B` with `配合单位：Y` on the next line: one annotation, read as if written on one line
 * (so `责任单位` set against `配合单位` leads as it does inside one bracket). Null when the first is not such a line.
 */
export function joinAnnotationLines(first: Annotation, next: Annotation): Annotation | null {
  if (!LABEL_LINE.test(first.raw)) return null;
  const parsed = parseAnnotationBody(`${first.raw.replace(/[。.]$/, '')}；${next.raw.replace(/[。.]$/, '')}`);
  return parsed ? { ...first, raw: `${first.raw}；${next.raw}`, ...parsed } : null;
}

/** A line that is only an annotation without brackets: `责任单位：X、Y`, `牵头单位：X，配合单位：Y`, `配合单位：Y`. */
export function parseAnnotationLine(text: string): Annotation | null {
  if (!LABEL_LINE.test(text)) return null;
  const parsed = parseAnnotationBody(text.replace(/[。.]$/, ''));
  return parsed ? { start: 0, end: text.length, raw: text, ...parsed } : null;
}

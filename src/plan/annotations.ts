// Finds the responsible-unit annotations in a task's text (`（责任单位：…）`, `（牵头单位：X；配合单位：Y）`,
// `（X会同Y负责）`, `〔…〕`, a `责任单位：` line) and splits them into units with their roles.
// Never invents a unit: every name returned is a substring of the annotation.
import type { Assignment, UnitKind } from '../model/plan.ts';

const OPEN = '(（〔[【';
const CLOSE = ')）〕]】';

/** Keywords that introduce a unit list inside an annotation. */
const KEYWORD = /^\s*(责任单位|责任部门|牵头单位|牵头部门|主责单位|责任主体|承办单位|实施单位)\s*[:：]/;

export interface Annotation {
  /** Offsets in the text: the annotation spans [start, end). */
  start: number;
  end: number;
  /** The annotation as written, brackets included. */
  raw: string;
  assignments: Assignment[];
  problems: string[];
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

/** A name that reads like an organisation: ends with an organisational suffix. */
const UNIT_SUFFIX =
  /(局|委|办|处|室|科|中心|支队|大队|中队|分局|政府|街道|镇|乡|部|院|会|所|站|公司|集团|管委会|办公室|单位|部门|区县|区|县|市|厅|署|队|团|社|行|馆|校|组|小组|专班)[)）]?$/;

export function looksLikeUnit(name: string): boolean {
  return name.length >= 2 && name.length <= 30 && UNIT_SUFFIX.test(name) && !/[。；;：:]/.test(name);
}

/** Catch-alls such as `机关其他相关处室、单位`: one entry, though they contain a separator. */
const CATCHALL = /(?:机关|局机关|区直|市直|县直)?(?:其他|其它)(?:相关|有关)?[^、，,；;（(）)]{0,8}?(?:处室|部门|科室|单位|机构)(?:[、和及](?:处室|部门|科室|单位|机构))*|(?:各)?(?:相关|有关)(?:处室|部门|科室|单位|机构)(?:[、和及](?:处室|部门|科室|单位|机构))*/g;

export function unitKindOf(name: string): UnitKind {
  // `区直各有关部门`, `相关乡镇人民政府`, `区内各相关企业`, `其他承担科研任务的单位`: no one unit is named.
  if (/^.{0,3}?各?(?:相关|有关|其他|其它)/.test(name) || /(?:相关|有关)(?:处室|部门|科室|单位|机构)/.test(name)) {
    return 'catchall';
  }
  if (/^各/.test(name)) return 'group';
  return 'unit';
}

/** Canonical spelling of a unit name: full-width brackets, no spaces. */
export function canonicalUnit(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Splits a list of units at `、，,；;` outside brackets, keeping catch-alls whole. */
export function splitUnits(list: string): string[] {
  const protectedParts: string[] = [];
  const masked = list.replace(CATCHALL, (m) => {
    protectedParts.push(m);
    return `\u0000${protectedParts.length - 1}\u0000`;
  });
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of masked) {
    if (OPEN.includes(ch)) depth++;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;'.includes(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts
    .map((p) => p.replace(/\u0000(\d+)\u0000/g, (_, n: string) => protectedParts[Number(n)]!).trim())
    .map((p) => p.replace(/^(?:和|及|以及|与)/, '').replace(/(?:等)$/, '').trim())
    .filter((p) => p !== '');
}

/** The rule `列第一位者为牵头单位，下同` restates the default; it is recognised and removed from the unit list. */
const LEAD_RULE = /[，,；;。]?\s*(?:排?列(?:第一位|首位|在首位|第一)(?:者|的)?(?:单位)?为牵头单位|第一(?:个|家)?单位为牵头单位)[，,]?\s*(?:下同)?[。]?/g;

/**
 * Reads the body of an annotation (without brackets). Returns null when the body is not a unit annotation,
 * e.g. `（含地下水）` or `（即产生、即包装…）`.
 */
export function parseAnnotationBody(body: string): { assignments: Assignment[]; problems: string[] } | null {
  let text = body.trim();
  const keyed = KEYWORD.exec(text);
  const problems: string[] = [];
  text = text.replace(LEAD_RULE, '').trim();

  // （牵头单位：X；配合单位：Y、Z） and （牵头单位：X，配合单位：Y、Z）
  const split = /^\s*(?:牵头单位|牵头部门)\s*[:：](.*?)[；;，,。\s]*(?:配合单位|配合部门|协办单位|参与单位)\s*[:：](.*)$/.exec(text);
  if (split) {
    return finish(splitUnits(split[1]!), splitUnits(split[2]!), problems, false, true);
  }
  if (keyed) {
    const list = text.slice(text.indexOf(keyed[1]!) + keyed[1]!.length).replace(/^\s*[:：]/, '');
    // 责任单位：X（牵头），Y
    return finish(splitUnits(list), [], problems);
  }
  // （X负责） （X会同Y负责） （X牵头，Y配合）
  const together = /^(.+?)(?:会同|联合|协同)(.+?)(?:共同)?负责$/.exec(text);
  if (together) return finish(splitUnits(together[1]!), splitUnits(together[2]!), problems, true);
  const leadCoop = /^(.+?)牵头[，,；;、\s]*(.+?)(?:配合|参与)(?:落实)?$/.exec(text);
  if (leadCoop) return finish(splitUnits(leadCoop[1]!), splitUnits(leadCoop[2]!), problems, true);
  const alone = /^(.+?)(?:牵头)?负责(?:落实)?$/.exec(text);
  if (alone) return finish(splitUnits(alone[1]!), [], problems, true);
  return null;
}

/**
 * Turns names into assignments. The first name leads; with an explicit `牵头单位：X、Y` list every name in it leads.
 * `strict`: without a keyword, accept the bracket only when every name reads like an organisation.
 */
function finish(leads: string[], coops: string[], problems: string[], strict = false, allLeadsLead = false) {
  const names = [...leads, ...coops];
  if (strict && !names.every(looksLikeUnit)) return null;
  const assignments: Assignment[] = [];
  const seen = new Set<string>();
  names.forEach((raw, i) => {
    const unit = canonicalUnit(raw.replace(/[（(]牵头[)）]$/, ''));
    if (!looksLikeUnit(unit) && unitKindOf(unit) === 'unit') {
      problems.push(`“${raw}”不像单位名称，未作为责任单位`);
      return;
    }
    if (seen.has(unit)) return;
    seen.add(unit);
    const lead = i < leads.length && (allLeadsLead || assignments.length === 0);
    assignments.push({ unit, role: lead ? '牵头' : '配合' });
  });
  if (assignments.length === 0) problems.push('括注中没有可识别的责任单位');
  // A catch-all never leads; the first named unit does.
  if (assignments[0] && unitKindOf(assignments[0].unit) === 'catchall' && assignments.length > 1) {
    problems.push(`“${assignments[0].unit}”为泛指单位，不宜列为牵头单位`);
  }
  return { assignments, problems };
}

/** Finds every unit annotation in a paragraph, in order. */
export function findAnnotations(text: string): Annotation[] {
  const found: Annotation[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i]!)) continue;
    const close = matchingClose(text, i);
    if (close < 0) continue;
    const body = text.slice(i + 1, close);
    const parsed = parseAnnotationBody(body);
    if (parsed) {
      found.push({ start: i, end: close + 1, raw: text.slice(i, close + 1), ...parsed });
      i = close;
    }
  }
  return found;
}

/** A line that names only cooperating units: `配合单位：Y、Z`, after a `牵头单位：X` line. */
const COOPERATE_LINE = /^\s*(?:配合单位|配合部门|协办单位|参与单位)\s*[:：](.*)$/;

/** A line that is only an annotation without brackets: `责任单位：X、Y`, or `配合单位：Y` (all cooperating). */
export function parseAnnotationLine(text: string): Annotation | null {
  const cooperate = COOPERATE_LINE.exec(text.replace(/[。.]$/, ''));
  if (cooperate) {
    const parsed = finish([], splitUnits(cooperate[1]!), [])!;
    return { start: 0, end: text.length, raw: text, ...parsed };
  }
  if (!KEYWORD.test(text)) return null;
  const body = text.replace(/[。.]$/, '');
  const parsed = parseAnnotationBody(body);
  return parsed ? { start: 0, end: text.length, raw: text, ...parsed } : null;
}

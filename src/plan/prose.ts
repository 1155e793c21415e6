// Responsibility written in prose, for tasks that carry no annotation: `由X牵头…`, `请X会同有关部门…`,
// `X、Y和Z要…`. Read only in these strong forms, and every unit read so is reported for the coordinator to check.
import type { Assignment } from '../model/plan.ts';
import { canonicalUnit, readsAsName, unitKindOf } from './annotations.ts';

/** One name: the shortest run ending in an organ word that a separator or a verb follows. */
const NAME =
  /^(?:各|其他|相关|有关)?[^\x00-\x7f的、，。；：“”《》（）\s]{0,10}?(?:部|委|局|办|院|署|行|厅|会|政府|管委会|中心|所|地区|单位|部门|高校|企业|机构|站|队)(?=、|和|及|以及|会同|要|负责|牵头|参与|配合|等|都|均|也|应|须|必须|分别|共同|联合|在|于|按|对|进一步|落实|制定|研究|抓紧|做好|加强|组织|，|,|；|;|。|$)/;
const JOIN = /^(?:、|和|及|以及|与)/;
const VERBISH = /按照|根据|要求|推动|推进|开展|加强|建立|实施|完善|支持|鼓励|引导|发挥|组织|加快|落实/;

/** The list of units a text opens with, or null when it does not open with one. */
function unitList(text: string): { names: string[]; rest: string } | null {
  const names: string[] = [];
  let rest = text;
  for (;;) {
    const m = NAME.exec(rest);
    if (!m) return null;
    // `各有关部门和单位` is one catch-all.
    const more = /^和(?:单位|部门)/.exec(rest.slice(m[0].length));
    names.push(m[0] + (more?.[0] ?? ''));
    rest = rest.slice(m[0].length + (more?.[0].length ?? 0));
    const join = JOIN.exec(rest);
    if (!join) break;
    rest = rest.slice(join[0].length);
  }
  // `科技部、财政部等有关部门`: the open tail is a catch-all of its own.
  const tail = /^等(?:有关部门|部门|单位)/.exec(rest);
  if (tail) {
    names.push(tail[0]);
    rest = rest.slice(tail[0].length);
  }
  // A name holds no verb: `按照上级要求推动重点用能单位` is a clause, not a subject.
  const whole = names.every((n) => !VERBISH.test(n) && readsAsName(n));
  return whole ? { names, rest } : null;
}

export interface ProseClause {
  /** Offset in the text where the clause's sentence starts. */
  start: number;
  assignments: Assignment[];
  /** The words the units were read from. */
  words: string;
}

/**
 * The responsibility sentences of a task, in order. `由X牵头` makes X lead; `X会同Y` makes X lead and Y cooperate;
 * `请X…` and `X要…` make X responsible (负责: no lead is marked).
 */
export function proseClauses(text: string, lead = ''): ProseClause[] {
  const found: ProseClause[] = [];
  // The task's heading (`科研单位要健全完善内部管理制度`) names its subject, not the unit that answers for it.
  // A lead that itself assigns (`由区规划局牵头，…`, `X配合Y…`) is read like the rest.
  const from = lead && text.startsWith(lead) && !/由|牵头|配合|会同/.test(lead) ? lead.length : 0;
  // Segments start after a full stop, a semicolon or a comma; each is tried as a sentence's subject.
  const re = /(^|[。；;，,])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '') re.lastIndex++;
    const start = m.index + m[1]!.length;
    if (start >= text.length) break;
    if (start < from) continue;
    const read = readSubject(text.slice(start));
    if (read) found.push({ start, ...read });
  }
  return found;
}

function readSubject(segment: string): { assignments: Assignment[]; words: string } | null {
  const by = /^(?:并|均|主要)?由/.exec(segment);
  const please = /^请/.exec(segment);
  const body = segment.slice((by ?? please)?.[0].length ?? 0);
  const list = unitList(body);
  if (!list) return null;
  let rest = list.rest;
  const lead: string[] = [...list.names];
  const coop: string[] = [];
  const together = /^会同/.exec(rest);
  if (together) {
    const others = /^(?:有关部门|有关方面|相关部门)/.exec(rest.slice(2));
    const second = unitList(rest.slice(2)) ?? (others ? { names: [others[0]], rest: rest.slice(2 + others[0].length) } : null);
    if (second) {
      coop.push(...second.names);
      rest = second.rest;
    }
  }
  // `X配合Y对…`: Y leads the work X cooperates in.
  const helps = !by && !please && !together ? /^配合/.exec(rest) : null;
  if (helps) {
    const helped = unitList(rest.slice(2).replace(/^(?:做好|开展)/, ''));
    const name = helped ?? (() => {
      const m = /^([^，。；、]{2,12}?(?:局|委|办|部|中心|政府|管委会))(?=对|做好|开展|完成|推进|落实|，|。)/.exec(rest.slice(2));
      return m && readsAsName(m[1]!) ? { names: [m[1]!], rest: rest.slice(2 + m[1]!.length) } : null;
    })();
    if (name && name.names.length === 1) {
      const assignments: Assignment[] = [{ unit: canonicalUnit(name.names[0]!), role: '牵头' }];
      for (const n of lead) if (canonicalUnit(n) !== assignments[0]!.unit) assignments.push({ unit: canonicalUnit(n), role: '配合' });
      return { assignments, words: segment.slice(0, segment.length - name.rest.length) };
    }
  }
  const verb = /^(?:共同|具体|分别)?(牵头|负责)/.exec(rest);
  let role: 'lead' | 'resp';
  if (by) {
    if (!verb && !together) return null;
    role = verb?.[1] === '牵头' || together ? 'lead' : 'resp';
  } else if (please) {
    role = together ? 'lead' : 'resp';
  } else {
    // `X会同Y` at a sentence's start assigns only when X is a named body (`生态环境部门会同有关部门` describes).
    if (together && unitKindOf(lead[0]!) !== 'unit') return null;
    // `X要…` assigns; `X应…` states what a body should do in general, and is not read.
    if (!/^(?:都|均|也)?要/.test(rest) && !together && !verb) return null;
    role = together || verb?.[1] === '牵头' ? 'lead' : 'resp';
  }
  const assignments: Assignment[] = [];
  const seen = new Set<string>();
  lead.forEach((n) => {
    const unit = canonicalUnit(n);
    if (seen.has(unit)) return;
    seen.add(unit);
    assignments.push({ unit, role: role === 'lead' ? '牵头' : '负责' });
  });
  for (const n of coop) {
    const unit = canonicalUnit(n);
    if (!seen.has(unit)) assignments.push({ unit, role: '配合' });
    seen.add(unit);
  }
  return { assignments, words: segment.slice(0, Math.min(segment.length, segment.length - rest.length + 2)) };
}

// The unit registry (单位名录): importing an office's 通讯录, listing what is missing, exporting for editing, and the
// contacts units wrote in their own workbooks, offered as updates. Service functions for the CLI and the 工作台.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Ledger } from '../ledger/ledger.ts';
import { EMAIL, splitList, type ContactOffer, type UnitContact } from '../model/units.ts';
import { canonicalUnit } from '../plan/annotations.ts';
import { closestUnit } from '../plan/review.ts';
import { UserError } from '../util/errors.ts';
import { planUnits, registeredUnits, saveUnits } from './store.ts';

/** The headers a 通讯录's columns are found by (the first row, within the first ten, that has a unit column). */
const HEADERS: Record<'unit' | 'contact' | 'phone' | 'email' | 'alias', RegExp> = {
  unit: /^(单位|单位名称|部门|处室|处室（单位）|处室单位)$/,
  contact: /^(联系人|联络员|联系人姓名|姓名)$/,
  phone: /^(电话|手机|联系电话|办公电话|手机号|手机号码|移动电话|固定电话)$/,
  email: /^(邮箱|电子邮箱|电子邮件|邮件地址|邮箱地址|e-?mail)$/i,
  alias: /^(别名|其他名称|简称)$/,
};

/** One thing wrong with a row of the 通讯录, named by its cell. */
export interface ImportProblem {
  cell: string;
  message: string;
}

export interface ImportResult {
  file: string;
  sheet: string;
  added: UnitContact[];
  changed: { unit: string; changes: string[] }[];
  unchanged: number;
  /** Rows whose unit is not one of the plan's: not imported, listed. */
  unknown: { cell: string; name: string }[];
  problems: ImportProblem[];
}

const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // A mailto link shows its text; a formula its result.
  return String(cell.text ?? '').replace(/^mailto:/i, '').trim();
};

/**
 * Reads a 通讯录 (.xlsx) and registers the contacts of the plan's units. A name is matched to the plan's units as
 * `plan import` matches names: exactly or by alias; a near miss is refused with the name it probably means.
 * Units in the file replace their row; units not in the file keep theirs. Nothing is written when nothing matched.
 */
export async function importUnits(ledger: Ledger, file: string, now = new Date()): Promise<ImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`找不到通讯录文件“${file}”。`, '请检查文件路径。');
    throw new UserError(`通讯录“${file}”不是可读取的 Excel 工作簿（.xlsx）。`, '如为 .xls 或 WPS 格式，请先“另存为”Excel 工作簿（.xlsx）后再导入。');
  }
  const { names, aliases } = planUnits(ledger);
  if (names.length === 0) {
    throw new UserError('台账中还没有下发过任何轮次，无从核对通讯录中的单位名称。', '请先运行 npx taizhang sheets generate <plan.json> --round <轮次> 下发调度表，再导入通讯录。');
  }
  const found = findTable(workbook);
  if (!found) {
    throw new UserError(
      `通讯录“${basename(file)}”的前 10 行中找不到表头（需有“单位”或“单位名称”列，以及“联系人”“电话”“邮箱”中的至少一列）。`,
      '请在表格第一行写上列名：单位名称、联系人、电话、邮箱（可有多个邮箱，用顿号或分号隔开），再导入。',
    );
  }
  const { sheet, headerRow, columns } = found;
  const before = new Map(registeredUnits(ledger).map((u) => [u.unit, u]));
  const known = new Map<string, string>(names.map((n) => [n, n]));
  for (const [a, n] of aliases) known.set(a, n);
  for (const u of before.values()) for (const a of u.aliases) known.set(a, u.unit);
  const result: ImportResult = { file, sheet: sheet.name, added: [], changed: [], unchanged: 0, unknown: [], problems: [] };
  const rows = new Map<string, UnitContact>();
  const at = (col: number, row: number) => `${sheet.name}!${columnLetter(col)}${row}`;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (cols: number[]) => cols.map((c) => cellText(row.getCell(c))).filter(Boolean);
    const written = get(columns.unit).join('');
    if (!written) continue;
    const name = canonicalUnit(written);
    const unit = known.get(name) ?? known.get(written);
    if (!unit) {
      const close = closestUnit(name, [...known.keys()]);
      if (close) result.problems.push({ cell: at(columns.unit[0]!, r), message: `单位“${written}”不是工作要点中的单位名称，是否为“${known.get(close)}”？请改正后重新导入（或在“别名”列写上通讯录中的叫法）` });
      else result.unknown.push({ cell: at(columns.unit[0]!, r), name: written });
      continue;
    }
    if (rows.has(unit)) {
      result.problems.push({ cell: at(columns.unit[0]!, r), message: `单位“${unit}”在通讯录中出现了不止一次，以第一次出现的一行为准；请合并为一行后重新导入` });
      continue;
    }
    const emails: string[] = [];
    for (const c of columns.email) {
      for (const address of splitList(cellText(row.getCell(c)))) {
        if (EMAIL.test(address)) {
          if (!emails.includes(address.toLowerCase())) emails.push(address.toLowerCase());
        } else result.problems.push({ cell: at(c, r), message: `“${address}”不是有效的邮箱地址（${unit}），未导入该地址；请改正后重新导入` });
      }
    }
    // A unit's row left blank (an exported registry not yet filled in) registers nothing.
    if (!before.has(unit) && !get(columns.contact).length && !get(columns.phone).length && !emails.length) continue;
    const unitAliases = [...new Set([...get(columns.alias).flatMap(splitList), ...(written !== unit ? [written] : [])])];
    rows.set(unit, {
      unit,
      contact: get(columns.contact).join('、'),
      phone: [...new Set(get(columns.phone).flatMap(splitList))].join('、'),
      emails,
      aliases: unitAliases,
      updatedAt: now.toISOString(),
    });
  }
  for (const u of rows.values()) {
    const old = before.get(u.unit);
    if (!old) result.added.push(u);
    else {
      const changes = describeChanges(old, u);
      if (changes.length) result.changed.push({ unit: u.unit, changes });
      else {
        result.unchanged++;
        rows.set(u.unit, { ...u, updatedAt: old.updatedAt });
      }
    }
  }
  saveUnits(ledger, [...rows.values()]);
  return result;
}

function describeChanges(old: UnitContact, now: UnitContact): string[] {
  const changes: string[] = [];
  const show = (s: string) => s || '（空）';
  if (old.contact !== now.contact) changes.push(`联系人 ${show(old.contact)} → ${show(now.contact)}`);
  if (old.phone !== now.phone) changes.push(`电话 ${show(old.phone)} → ${show(now.phone)}`);
  if (old.emails.join('、') !== now.emails.join('、')) changes.push(`邮箱 ${show(old.emails.join('、'))} → ${show(now.emails.join('、'))}`);
  if (old.aliases.join('、') !== now.aliases.join('、')) changes.push(`别名 ${show(old.aliases.join('、'))} → ${show(now.aliases.join('、'))}`);
  return changes;
}

function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Columns = Record<keyof typeof HEADERS, number[]>;

function findTable(workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; headerRow: number; columns: Columns } | null {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
      const columns: Columns = { unit: [], contact: [], phone: [], email: [], alias: [] };
      sheet.getRow(r).eachCell((cell, c) => {
        // Headers are compared without spaces or a trailing note: `邮 箱`, `电子邮箱（可填多个）`.
        const text = cellText(cell).replace(/\s+/g, '').replace(/[（(].*[）)]$/, '');
        for (const [key, re] of Object.entries(HEADERS)) if (re.test(text)) columns[key as keyof Columns].push(c);
      });
      if (columns.unit.length && (columns.contact.length || columns.phone.length || columns.email.length)) return { sheet, headerRow: r, columns };
    }
  }
  return null;
}

/** The registry as a page or `taizhang units` shows it: every plan unit, registered or not, and what each lacks. */
export interface UnitListing {
  units: { unit: string; registered: UnitContact | null; missing: string[] }[];
  /** Registered units no round expects (a unit renamed in a newer plan): kept, shown. */
  extra: UnitContact[];
  offers: ContactOffer[];
}

export function listUnits(ledger: Ledger): UnitListing {
  const { names } = planUnits(ledger);
  const registered = new Map(registeredUnits(ledger).map((u) => [u.unit, u]));
  const units = names.map((unit) => {
    const r = registered.get(unit) ?? null;
    const missing = r ? [...(r.contact ? [] : ['联系人']), ...(r.phone ? [] : ['电话']), ...(r.emails.length ? [] : ['邮箱'])] : ['联系人', '电话', '邮箱'];
    return { unit, registered: r, missing };
  });
  const extra = [...registered.values()].filter((u) => !names.includes(u.unit));
  return { units, extra, offers: contactOffers(ledger) };
}

/**
 * The contacts units wrote in their latest workbook (填报人, 联系电话) where they differ from the registry: offered as
 * updates, which the coordinator accepts or not (acceptOffers).
 */
export function contactOffers(ledger: Ledger): ContactOffer[] {
  const registered = new Map(registeredUnits(ledger).map((u) => [u.unit, u]));
  const latest = new Map<string, ContactOffer>();
  const rows = ledger.db
    .prepare("SELECT unit, reporter, phone, original_path, received_at FROM submissions WHERE superseded_by IS NULL AND (reporter IS NOT NULL OR phone IS NOT NULL) ORDER BY received_at")
    .all() as { unit: string; reporter: string | null; phone: string | null; original_path: string; received_at: string }[];
  for (const r of rows) latest.set(r.unit, { unit: r.unit, contact: (r.reporter ?? '').trim(), phone: (r.phone ?? '').trim(), file: r.original_path, receivedAt: r.received_at });
  const offers: ContactOffer[] = [];
  for (const o of latest.values()) {
    const r = registered.get(o.unit);
    const phoneKnown = !o.phone || (r?.phone ? splitList(r.phone).includes(o.phone) : false);
    const contactKnown = !o.contact || r?.contact === o.contact;
    if (!phoneKnown || !contactKnown) offers.push(o);
  }
  return offers;
}

/** Applies the offered contacts of the named units (every offer when `units` is empty); returns those applied. */
export function acceptOffers(ledger: Ledger, units: string[], now = new Date()): ContactOffer[] {
  const offers = contactOffers(ledger);
  for (const u of units) {
    if (!offers.some((o) => o.unit === u)) {
      throw new UserError(`单位“${u}”没有待确认的联系人更新。`, offers.length ? `待确认的单位：${offers.map((o) => o.unit).join('、')}。` : '目前没有待确认的联系人更新。');
    }
  }
  const chosen = units.length ? offers.filter((o) => units.includes(o.unit)) : offers;
  const registered = new Map(registeredUnits(ledger).map((u) => [u.unit, u]));
  saveUnits(
    ledger,
    chosen.map((o) => {
      const r = registered.get(o.unit);
      return { unit: o.unit, contact: o.contact || r?.contact || '', phone: o.phone || r?.phone || '', emails: r?.emails ?? [], aliases: r?.aliases ?? [], updatedAt: now.toISOString() };
    }),
  );
  return chosen;
}

/** The registry as an .xlsx the coordinator edits and imports again: every plan unit, one row each, same headers. */
export async function exportUnits(ledger: Ledger): Promise<Uint8Array> {
  const listing = listUnits(ledger);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('单位名录');
  sheet.columns = [
    { header: '单位名称', width: 28 },
    { header: '联系人', width: 12 },
    { header: '电话', width: 26 },
    { header: '邮箱', width: 40 },
    { header: '别名', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const u of [...listing.units.map((x) => x.registered ?? { unit: x.unit, contact: '', phone: '', emails: [], aliases: [] }), ...listing.extra]) {
    // Text cells: a phone number stays as written (no 1.38E+10, no lost leading zero).
    sheet.addRow([u.unit, u.contact, u.phone, u.emails.join('；'), u.aliases.join('、')]).eachCell((c) => (c.numFmt = '@'));
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The 催报 contact lines `status` prints under its notice: each unit to urge with its registered contact and phone
 * (else the phone its own last workbook gave), or that the registry has none.
 */
export function urgeContacts(ledger: Ledger, urge: { unit: string; phone?: string | null; reporter?: string | null }[]): string {
  if (!urge.length) return '';
  const registered = new Map(registeredUnits(ledger).map((u) => [u.unit, u]));
  const lines = urge.map((x) => {
    const r = registered.get(x.unit);
    const known = [r?.contact || x.reporter || '', r?.phone || x.phone || ''].filter(Boolean).join(' ');
    return `  ${x.unit}：${known || '名录中没有联系方式'}`;
  });
  const none = urge.filter((x) => !registered.get(x.unit)?.phone && !x.phone).length;
  return [`催报联系方式（单位名录）：`, ...lines, ...(none ? [`有 ${none} 个单位没有电话：npx taizhang units export -o 单位名录.xlsx 填写后 units import，或 units import 办公室的通讯录。`] : [])].join('\n');
}

/**
 * Sets one unit's contact, phone or addresses (what is not given is kept): for the 工作台's inline edit and
 * `units set`. The unit must be one of the plan's; every address must be valid.
 */
export function editUnit(ledger: Ledger, unit: string, change: { contact?: string; phone?: string; emails?: string }, now = new Date()): UnitContact {
  const { names } = planUnits(ledger);
  if (!names.includes(unit)) {
    const close = closestUnit(canonicalUnit(unit), names);
    throw new UserError(`“${unit}”不是已下发轮次中的单位。`, close ? `是否为“${close}”？` : '运行 npx taizhang units 查看单位名称。');
  }
  const old = registeredUnits(ledger).find((u) => u.unit === unit);
  let emails = old?.emails ?? [];
  if (change.emails !== undefined) {
    const list = splitList(change.emails).map((a) => a.toLowerCase());
    const bad = list.filter((a) => !EMAIL.test(a));
    if (bad.length) throw new UserError(`“${bad.join('、')}”不是有效的邮箱地址。`, '请写成 zhb@jnepb.gov.cn 的形式，多个地址用分号或顿号隔开。');
    emails = [...new Set(list)];
  }
  const next: UnitContact = {
    unit,
    contact: change.contact?.trim() ?? old?.contact ?? '',
    phone: change.phone !== undefined ? splitList(change.phone).join('、') : (old?.phone ?? ''),
    emails,
    aliases: old?.aliases ?? [],
    updatedAt: now.toISOString(),
  };
  saveUnits(ledger, [next]);
  return next;
}

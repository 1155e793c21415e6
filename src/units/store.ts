// The unit registry's rows in the ledger (units table, schema version 4), apart from the Ledger class so that the
// registry's queries live with the registry.
import type { Ledger } from '../ledger/ledger.ts';
import { UnitContact } from '../model/units.ts';

export function registeredUnits(ledger: Ledger): UnitContact[] {
  const rows = ledger.db.prepare('SELECT * FROM units ORDER BY rowid').all() as Record<string, string>[];
  return rows.map((r) =>
    UnitContact.parse({ unit: r.unit, contact: r.contact, phone: r.phone, emails: JSON.parse(r.emails!), aliases: JSON.parse(r.aliases!), updatedAt: r.updated_at }),
  );
}

export function registeredUnit(ledger: Ledger, unit: string): UnitContact | null {
  return registeredUnits(ledger).find((u) => u.unit === unit) ?? null;
}

/** Writes units' rows whole, in one transaction (an import is taken in full or not at all). */
export function saveUnits(ledger: Ledger, units: UnitContact[]): void {
  const put = ledger.db.prepare(
    `INSERT INTO units (unit, contact, phone, emails, aliases, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(unit) DO UPDATE SET contact = excluded.contact, phone = excluded.phone, emails = excluded.emails,
       aliases = excluded.aliases, updated_at = excluded.updated_at`,
  );
  ledger.db.transaction(() => {
    for (const u of units) put.run(u.unit, u.contact, u.phone, JSON.stringify(u.emails), JSON.stringify(u.aliases), u.updatedAt);
  }).immediate();
}

/**
 * The units of the plans the workspace has issued rounds of, in the order of their rounds, with each plan's aliases:
 * the names a 通讯录 is matched against.
 */
export function planUnits(ledger: Ledger): { names: string[]; aliases: Map<string, string> } {
  const names: string[] = [];
  const aliases = new Map<string, string>();
  const seen = new Set<string>();
  for (const round of ledger.rounds()) {
    for (const e of ledger.expected(round.id)) {
      if (!seen.has(e.unit)) names.push(e.unit);
      seen.add(e.unit);
    }
    const plan = ledger.planByHash(ledger.requireRound(round.id).planHash);
    for (const u of plan?.units ?? []) for (const a of u.aliases) aliases.set(a, u.name);
  }
  return { names, aliases };
}

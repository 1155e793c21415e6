// Issuing a round: pre-fill from the ledger, generate the workbooks, register the round and its expected receipts.
import type { Ledger } from '../ledger/ledger.ts';
import { planHash, type Plan } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import { generateRound, type GenerateOptions, type GenerateResult } from './generate.ts';
import { registeredUnits } from '../units/store.ts';
import { returnStamper } from './stamp.ts';
import { inputValuesOf, sheetProtection, type InputValues } from './workbook.ts';

export async function issueRound(
  ledger: Ledger,
  o: Omit<GenerateOptions, 'prefill'> & { prefill?: boolean },
): Promise<GenerateResult> {
  const prefill = o.prefill === false ? undefined : prefillFrom(ledger, o.plan, o.round);
  // The 下发清单's 联系人及电话, from the unit registry.
  const contacts = new Map(registeredUnits(ledger).map((u) => [u.unit, [u.contact, u.phone].filter(Boolean).join(' ')]));
  // Issued again without a declaration, a round keeps the indicators it was issued with: the new workbooks carry the
  // same 指标 sheets, and values already collected keep their targets.
  const indicators = o.indicators ?? ledger.roundIndicators(o.round.id);
  const result = await generateRound({ ...o, indicators, prefill, contacts: o.contacts ?? contacts });
  const hash = planHash(o.plan);
  ledger.registerPlan(o.plan, hash);
  ledger.registerRound(o.round, o.plan, hash, result.files.map((f) => ({ unit: f.unit, file: f.file, rows: f.rows })));
  // What each unit's 指标 sheet asks for: collect reads the values, report compares them with these targets.
  ledger.registerIndicators(o.round.id, indicators);
  // The round's 退回重报 template, made now while exceljs is loaded anyway: collecting then never loads it.
  await returnStamper(ledger, { plan: o.plan, planHash: hash, round: o.round, protection: sheetProtection(), contact: o.contact });
  return result;
}

/** Each unit's latest accepted answers from earlier-issued rounds of the same plan, so units update rather than retype. */
export function prefillFrom(ledger: Ledger, plan: Plan, round: Round): Map<string, Map<string, InputValues>> {
  const prefill = new Map<string, Map<string, InputValues>>();
  for (const [unit, entries] of ledger.latestAcceptedBefore(plan.id, round.id)) {
    prefill.set(unit, new Map([...entries].map(([id, e]) => [id, inputValuesOf(e)])));
  }
  return prefill;
}

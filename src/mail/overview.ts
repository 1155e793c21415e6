// What the 总览 shows of the mail loop for each unit of a round: when its workbook was sent and to whom, when its
// reply came, when it was answered and last reminded. Read from the ledger alone (no server is asked).
import type { Ledger } from '../ledger/ledger.ts';
import type { MessageResult } from './collect.ts';
import { seenOf, sentOf } from './store.ts';

export interface UnitMailStatus {
  unit: string;
  sentAt: string | null;
  addresses: string[];
  /** When the last message that brought this unit's workbook arrived. */
  repliedAt: string | null;
  /** When the office last answered it (回执, 退回重报 or refusal). */
  answeredAt: string | null;
  remindedAt: string | null;
  reminders: number;
}

export function mailOverview(ledger: Ledger, roundId: string): UnitMailStatus[] {
  const round = ledger.requireRound(roundId);
  const status = new Map<string, UnitMailStatus>(
    ledger.expected(round.id).map((e) => [e.unit, { unit: e.unit, sentAt: null, addresses: [], repliedAt: null, answeredAt: null, remindedAt: null, reminders: 0 }]),
  );
  for (const s of sentOf(ledger, round.id)) {
    for (const unit of (s.unit ?? '').split('、')) {
      const u = status.get(unit);
      if (!u) continue;
      if (s.kind === 'workbook') {
        u.sentAt = s.sentAt;
        u.addresses = s.addresses;
      } else if (s.kind === 'reply') u.answeredAt = s.sentAt;
      else {
        u.remindedAt = s.sentAt;
        u.reminders++;
      }
    }
  }
  for (const m of seenOf(ledger, round.id)) {
    if (!m.results || m.kind !== 'submission') continue;
    const result = JSON.parse(m.results) as MessageResult;
    for (const f of result.files) {
      const u = f.unit ? status.get(f.unit) : undefined;
      if (u && (!u.repliedAt || result.receivedAt > u.repliedAt)) u.repliedAt = result.receivedAt;
    }
  }
  return [...status.values()];
}

// What a round looks like to the coordinator, the same whether a page or a command shows it: who has reported (the
// board), whom to urge and with what notice, one unit's submissions, and the progress of every clause with the
// answers of the earlier rounds. Each is a pure read of the ledger; pages and commands only lay it out.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadReceipts, loadRoundProgress, receiptWords } from '../consolidate/index.ts';
import { urgeList, urgeNotice } from '../consolidate/status.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Plan } from '../model/plan.ts';
import type { ClauseProgress, Receipt, RoundProgress } from '../model/progress.ts';
import type { Thresholds } from '../model/thresholds.ts';
import type { Problem, Submission } from '../model/submission.ts';
import type { Round } from '../model/round.ts';

/** The receipt states counted on the board, in the order shown, with their headings. */
const BOARD_COUNTS: { label: string; key: '' | Receipt['state'] }[] = [
  { label: '应报', key: '' },
  { label: '已报送', key: '已报送' },
  { label: '逾期报送', key: '逾期报送' },
  { label: '退回', key: '退回' },
  { label: '未报送', key: '未报送' },
  { label: '逾期未报', key: '逾期' },
];

/** A round's receipts, counted by state, and the files that could not be taken at all. */
export function roundBoard(ledger: Ledger, roundId: string, today: string) {
  const { receipts } = loadReceipts(ledger, roundId, today);
  return {
    counts: BOARD_COUNTS.map(({ label, key }) => ({ label, key, n: key ? receipts.filter((r) => r.state === key).length : receipts.length })),
    receipts: receipts.map((r) => ({ ...r, words: receiptWords(r), late: r.state === '逾期' || r.state === '逾期报送' })),
    refused: ledger.refusedFiles(roundId).length,
  };
}

/** The units to urge, each with whom to call and the workbook issued to it, and the notice to send them. */
export function urgeView(ledger: Ledger, roundId: string, today: string, until?: string) {
  const { receipts, round } = loadReceipts(ledger, roundId, today);
  const byUnit = new Map(receipts.map((r) => [r.unit, r]));
  const files = new Map(ledger.expected(roundId).map((e) => [e.unit, e.file]));
  const list = urgeList(receipts, round).map((u) => ({ ...u, reporter: byUnit.get(u.unit)?.reporter ?? '', phone: byUnit.get(u.unit)?.phone ?? '', file: files.get(u.unit) ?? '' }));
  return { list, notice: urgeNotice(receipts, round, today, until) };
}

/** One unit's submissions in a round, newest last, with the errors of each; and the workbook issued to it. */
export function unitHistory(ledger: Ledger, roundId: string, unit: string): { submissions: (Submission & { problems: Problem[]; superseded: boolean })[]; issued: string | null } {
  return {
    submissions: ledger.history(roundId, unit).map((s) => ({ ...s, problems: ledger.problemsOf(s.id).filter((p) => p.severity === 'error'), superseded: s.supersededBy !== null })),
    issued: ledger.expected(roundId).find((e) => e.unit === unit)?.file ?? null,
  };
}

/** An answer of an earlier round, shown under the clause. */
export interface EarlierAnswer {
  round: string;
  unit: string;
  status: string;
  value: string;
  progress: string;
}

/** Each clause's accepted answers in the earlier rounds of the same plan, newest round first. */
export function clauseHistory(ledger: Ledger, current: Round & { planId: string }): Map<string, EarlierAnswer[]> {
  const history = new Map<string, EarlierAnswer[]>();
  const earlier = ledger.rounds().filter((r) => r.planId === current.planId && r.end < current.start).reverse();
  for (const r of earlier) {
    for (const sub of ledger.currentSubmissions(r.id)) {
      if (sub.outcome !== 'accepted') continue;
      for (const e of ledger.entries(sub.id)) {
        const list = history.get(e.clauseId) ?? [];
        list.push({ round: r.label, unit: sub.unit, status: e.status ?? '', value: e.valueText ?? (e.value === null ? '' : String(e.value)), progress: e.progress ?? '' });
        history.set(e.clauseId, list);
      }
    }
  }
  return history;
}

/** Per unit: its clauses as lead and as cooperating unit, how many it answered, how many are behind or unchanged. */
export function unitTallies(progress: RoundProgress) {
  const units = new Map<string, { unit: string; lead: number; cooperate: number; reported: number; behind: number; stagnant: number }>();
  for (const c of progress.clauses) {
    for (const a of c.answers) {
      const u = units.get(a.unit) ?? { unit: a.unit, lead: 0, cooperate: 0, reported: 0, behind: 0, stagnant: 0 };
      if (a.role === '牵头') u.lead++;
      else u.cooperate++;
      if (a.reported) u.reported++;
      if (a.status === '滞后') u.behind++;
      if (a.stagnant) u.stagnant++;
      units.set(a.unit, u);
    }
  }
  return [...units.values()];
}

/** A round's consolidated progress, chapter by chapter with each clause's earlier answers, and per unit. */
export function progressView(ledger: Ledger, roundId: string, today: string, thresholds: Thresholds) {
  const { progress, plan } = loadRoundProgress(ledger, roundId, today, thresholds);
  const history = clauseHistory(ledger, ledger.requireRound(roundId));
  const chapters = progress.chapters.map((c) => ({
    ...c,
    clauseList: progress.clauses.filter((x) => x.chapterId === c.chapterId).map((x): ClauseProgress & { history: EarlierAnswer[] } => ({ ...x, history: history.get(x.clauseId) ?? [] })),
  }));
  return { progress, plan: plan as Plan, chapters, units: unitTallies(progress) };
}

/** The workbook issued to a unit in a round, where `sheets generate` put it; null when it is not there (moved, or -o). */
export function issuedWorkbook(issuedFolder: string, file: string | null): string | null {
  return file && existsSync(join(issuedFolder, file)) ? join(issuedFolder, file) : null;
}

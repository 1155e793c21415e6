// The coordinator's view of a round's receipts, and the 催报 text ready to paste into a notice.
import type { Receipt, RoundProgress } from '../model/progress.ts';
import type { Round } from '../model/round.ts';
import type { Intake } from '../model/submission.ts';
import { printable } from '../util/printable.ts';
import { cnDate, displayTime } from '../util/time.ts';
import { needsUrging, receiptWords } from './index.ts';

export function urgeList(receipts: Receipt[], round: Round): { unit: string; reason: string }[] {
  return receipts
    .filter(needsUrging)
    .map((r) => ({ unit: r.unit, reason: r.state === '退回' ? `报送的调度表有 ${r.problems} 处问题，须修改后重新报送` : r.state === '逾期' ? `已超过截止时间（${round.deadline}）仍未报送` : '尚未报送' }));
}

/**
 * The 催报 notice. It never names a date already past: before the deadline it repeats the deadline; after it,
 * it asks for the report at once, or gives the new date the coordinator set (`until`).
 */
export function urgeNotice(receipts: Receipt[], round: Round, today: string, until?: string): string {
  const list = receipts.filter(needsUrging);
  if (list.length === 0) return '';
  const missing = list.filter((x) => x.state !== '退回').map((x) => x.unit);
  const returned = list.filter((x) => x.state === '退回').map((x) => x.unit);
  const parts: string[] = [];
  if (missing.length) parts.push(`截至目前，${missing.join('、')}尚未报送${round.label}重点工作调度表`);
  if (returned.length) parts.push(`${returned.join('、')}报送的调度表经审核存在问题，已退回`);
  const by = until && until >= today ? `于${cnDate(until)}前` : today <= round.deadline ? `于${cnDate(round.deadline)}前` : '立即';
  return `${parts.join('；')}。请上述单位${by}按要求报送${returned.length ? '（退回的请按回执修改后重新报送）' : ''}。`;
}

export function renderStatus(progress: Pick<RoundProgress, 'round' | 'receipts'>, refused: Pick<Intake, 'originalPath' | 'outcome' | 'message'>[], today: string, until?: string): string {
  const r = progress.receipts;
  const count = (s: string) => r.filter((x) => x.state === s).length;
  const again = r.filter((x) => x.resubmissionReturned).length;
  const lines = [
    `${progress.round.label}报送情况（截止 ${progress.round.deadline}）：应报 ${r.length}，已报送 ${count('已报送')}，逾期报送 ${count('逾期报送')}，退回 ${count('退回')}，未报送 ${count('未报送')}，逾期未报 ${count('逾期')}${again ? `；另有 ${again} 个单位的重报被退回，仍以此前收取的报送为准` : ''}`,
    '',
  ];
  const width = Math.max(4, ...r.map((x) => x.unit.length));
  const stateWidth = Math.max(4, ...r.map((x) => receiptWords(x).length));
  lines.push(`  ${'单位'.padEnd(width, '　')}  ${'状态'.padEnd(stateWidth, '　')}  收到时间`);
  for (const x of r) {
    const when = x.receivedAt ? displayTime(x.receivedAt) : '—';
    lines.push(`  ${x.unit.padEnd(width, '　')}  ${receiptWords(x).padEnd(stateWidth, '　')}  ${when.padEnd(16)}  条目 ${x.rows}${x.problems ? `  问题 ${x.problems}` : ''}${x.submissions > 1 ? `  报送 ${x.submissions} 次` : ''}`);
  }
  if (refused.length) {
    lines.push('', `未能收取的文件 ${refused.length} 个：`);
    // File names and reasons come from outside: shown printable, as collect shows them.
    for (const f of refused) lines.push(`  ${printable(f.originalPath)}：${printable(f.message ?? '')}`);
  }
  const notice = urgeNotice(r, progress.round, today, until);
  lines.push('', notice ? `催报通知（可直接复制）：\n${notice}` : '全部单位均已报送。');
  return lines.join('\n');
}

// A worker thread that builds and writes a share of a round's workbooks; see generate.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import type { Plan } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import { assignUnits } from './assign.ts';
import { buildWorkbook, type InputValues, type SheetProtection } from './workbook.ts';

export interface WorkerJob {
  plan: Plan;
  planHash: string;
  round: Round;
  protection: SheetProtection;
  contact?: string;
  outDir: string;
  files: { unit: string; name: string; values?: [string, InputValues][] }[];
}

const job = workerData as WorkerJob;
const units = new Map(assignUnits(job.plan).assignments.map((a) => [a.unit, a]));
for (const f of job.files) {
  const unit = units.get(f.unit)!;
  const wb = buildWorkbook({ plan: job.plan, planHash: job.planHash, round: job.round, unit, protection: job.protection, contact: job.contact, values: f.values ? new Map(f.values) : undefined });
  await wb.xlsx.writeFile(join(job.outDir, f.name));
}
parentPort!.postMessage('done');

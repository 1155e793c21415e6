// A worker thread that builds and writes a share of a round's workbooks; see generate.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import type { Plan } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import { assignUnits } from './assign.ts';
import { writeFile } from 'node:fs/promises';
import { WorkbookStamper } from './stamp.ts';
import type { InputValues, SheetProtection } from './workbook.ts';

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
const stamper = await WorkbookStamper.create(job);
for (const f of job.files) {
  await writeFile(join(job.outDir, f.name), stamper.render(units.get(f.unit)!, f.values ? new Map(f.values) : undefined));
}
parentPort!.postMessage('done');

// A reader thread (pool.ts): given the run's facts first, then reads and judges each returned file it is given and
// answers with the judgement.
import { parentPort } from 'node:worker_threads';
import type { RunFacts } from './judge.ts';
import { claimForThread, packJudgement, readAndJudge, threadFacts, type WorkerReply, type WorkerRequest } from './pool.ts';

let facts: RunFacts | null = null;
let claims: Int32Array | null = null;
parentPort!.on('message', (m: WorkerRequest) => {
  if ('facts' in m) {
    facts = threadFacts(m.facts);
    claims = new Int32Array(m.claims);
    parentPort!.postMessage({ ready: true } satisfies WorkerReply);
    return;
  }
  // The main thread got to it first (pool.ts, `readOrHelp`).
  if (!claimForThread(claims!, m.id)) {
    parentPort!.postMessage({ id: m.id, taken: true } satisfies WorkerReply);
    return;
  }
  readAndJudge(m.bytes, m.name, m.display, facts!).then(
    (judgement) => parentPort!.postMessage({ id: m.id, packed: packJudgement(judgement) } satisfies WorkerReply),
    (e: Error) => parentPort!.postMessage({ id: m.id, bug: e.stack ?? String(e) } satisfies WorkerReply),
  );
});

// A reader thread (pool.ts): given the run's facts first, then reads and judges each returned file it is given, in
// order, and answers with the judgement.
import { parentPort } from 'node:worker_threads';
import type { RunFacts } from './judge.ts';
import { readOnThread, threadFacts, type ThreadFacts, type WorkerReply, type WorkerRequest } from './pool.ts';

let sent: ThreadFacts | null = null;
let facts: RunFacts | null = null;
parentPort!.on('message', (m: WorkerRequest) => {
  if ('facts' in m) {
    sent = m.facts;
    facts = threadFacts(m.facts);
    return;
  }
  readOnThread(m, sent!, facts!).then(
    (reply) => parentPort!.postMessage(reply),
    (e: Error) => parentPort!.postMessage({ id: m.id, bug: e.stack ?? String(e) } satisfies WorkerReply),
  );
});

// A reader thread (pool.ts): reads each returned file it is given and answers with the outcome.
import { parentPort } from 'node:worker_threads';
import { readReturned, type WorkerReply } from './pool.ts';

parentPort!.on('message', (m: { id: number; bytes: Uint8Array; name: string }) => {
  readReturned(m.bytes, m.name).then(
    (outcome) => parentPort!.postMessage({ id: m.id, outcome } satisfies WorkerReply),
    (e: Error) => parentPort!.postMessage({ id: m.id, bug: e.stack ?? String(e) } satisfies WorkerReply),
  );
});

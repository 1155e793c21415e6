// Reading and judging returned workbooks, on a reader thread beside the main one where there are two processors.
// Reading (unzip, CRC, XML) and judging (identity, validation) are most of a collect's work and need nothing but the
// file's bytes and the run's facts, while the ledger, the archive and the 退回重报 workbooks need the main thread: with
// a reader thread, a province's returns are read while the ones before them are recorded. The thread takes the files
// in the order they were found and answers in that order; every file is read and judged by the same code either way
// (`readReturned`, `judge`), so the ledger ends up exactly as a run on the main thread alone leaves it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../model/plan.ts';
import { judge, planVersion, type Judgement, type RunFacts } from './judge.ts';
import { readReturned, type ReadOutcome } from './read.ts';

/** Reads and judges a file where it is called. */
export async function readAndJudge(bytes: Uint8Array, name: string, display: string, facts: RunFacts): Promise<Judgement> {
  return judge(await readReturned(bytes, name), display, facts);
}

/** A file handed to a reader: its judgement is asked for in turn, when the file is to be recorded. */
export interface Ticket {
  judgement(): Promise<Judgement>;
}

export interface Reader {
  /** Whether files are read on a thread (and so are worth loading ahead of their turn). */
  readonly threaded: boolean;
  add(bytes: Uint8Array, name: string, display: string): Ticket;
  close(): Promise<void>;
}

/**
 * Whether a collect reads on a thread: where there are two processors or more, unless `TAIZHANG_READ_THREADS=0`. Any
 * other number means one thread: the reader is one worker taking the files in order (on the two processors the goal
 * is measured on, the most there could be beside the main thread anyway).
 */
export function readThreads(): number {
  const set = process.env.TAIZHANG_READ_THREADS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set) > 0 ? 1 : 0;
  return availableParallelism() > 1 ? 1 : 0;
}

/**
 * The files a collect reads on the main thread before it starts its thread: starting a thread costs more than a few
 * dozen files take to read, and an office's usual round is that small. Asked for by name (`TAIZHANG_READ_THREADS`),
 * the thread starts with the second file.
 */
const THREAD_AFTER = 64;

/** The compiled reader thread, beside this module; none when running from the TypeScript sources (tests). */
function readerScript(): URL | null {
  return import.meta.url.endsWith('.js') ? new URL('./read-worker.js', import.meta.url) : null;
}

/** The old generation of a reader thread, in MB: what reading a large workbook within the reader's limits needs. */
const THREAD_OLD_MB = 64;

/** The facts a reader thread judges by, as they cross to it: the round, its units, and the round's own plan version. */
export interface ThreadFacts {
  roundId: string;
  planId: string;
  expected: string[];
  plan: Plan;
  hash: string;
}

/** What the main thread sends a reader thread: its facts once, then each file. */
export type WorkerRequest = { facts: ThreadFacts } | { id: number; bytes: Uint8Array; name: string; display: string };

/**
 * What a reader thread answers for a file: its judgement; or, for a file of a plan version other than the round's
 * own (the only one the thread holds), the file as read, to be judged on the main thread, which has the ledger; or a
 * bug of ours met while reading (thrown again on the main thread).
 */
export type WorkerReply = { id: number; judgement: Judgement } | { id: number; read: ReadOutcome } | { id: number; bug: string };

/**
 * On a reader thread: reads a file and judges it when it is of the round's own plan version, else gives it back as
 * read. `facts` knows that version alone.
 */
export async function readOnThread(m: Extract<WorkerRequest, { id: number }>, facts: ThreadFacts, own: RunFacts): Promise<WorkerReply> {
  const read = await readReturned(m.bytes, m.name);
  if ('read' in read && read.read.meta?.plan_hash !== facts.hash) return { id: m.id, read };
  return { id: m.id, judgement: judge(read, m.display, own) };
}

/** The facts on a reader thread: the round's own plan version, and no other. */
export function threadFacts(f: ThreadFacts): RunFacts {
  const own = planVersion(f.plan, f.hash);
  return { roundId: f.roundId, planId: f.planId, expected: new Set(f.expected), version: (hash) => (hash === f.hash ? own : null) };
}

/**
 * A judgement made on the main thread, with its texts its own. A text read from a part is a slice of the part's whole
 * text, and V8 keeps the whole text alive as long as any slice of it is: the unit's name, a problem's message or a
 * refusal's reason, kept in the run's outcomes until the run ends, would hold the file's whole sheet (a hundred KB
 * and more), and memory would grow with the number of files. Those are copied (a structured clone copies every text
 * on its own, as a judgement coming from the thread is copied); the answers are not, as they are gone once their
 * batch is recorded, a few files later.
 */
function ownTexts(j: Judgement): Judgement {
  if (!('judged' in j)) return structuredClone(j);
  const { judged } = j;
  const { unit, contact, problems } = judged;
  return { judged: { ...judged, ...structuredClone({ unit, contact }), problems: problems.length ? structuredClone(problems) : [] } };
}

/** Reads and judges on the main thread, at the file's turn. */
const here = (facts: RunFacts) => (bytes: Uint8Array, name: string, display: string): Ticket => ({
  judgement: async () => ownTexts(await readAndJudge(bytes, name, display, facts)),
});

/**
 * A reader thread. Every file goes to it as soon as it is added, and it reads them one after another in that order;
 * the main thread waits for each judgement at the file's turn. The thread's heap is kept small, so that it stays
 * within a province's memory budget beside the main thread; a file that needs more (a crafted one at the reader's
 * limits) stops the thread, and that file and every later one of the run are read on the main thread instead: no
 * file is lost or judged by where it was read.
 */
class ReaderThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (j: Judgement) => void; reject: (e: Error) => void; bytes: Uint8Array; name: string; display: string }>();
  private next = 0;
  private broken = false;

  constructor(
    script: URL,
    private readonly facts: RunFacts,
    sent: ThreadFacts,
  ) {
    // A small young generation: a thread reading one small file at a time needs little (8 MB was also the fastest of
    // 4 to 48 MB in alternating runs).
    this.worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: THREAD_OLD_MB } });
    this.worker.postMessage({ facts: sent } satisfies WorkerRequest);
    this.worker.on('message', (reply: WorkerReply) => {
      const file = this.waiting.get(reply.id);
      if (!file) return;
      this.waiting.delete(reply.id);
      if ('bug' in reply) file.reject(new Error(reply.bug));
      // Made from another plan version: judged here, where every version the ledger has is known.
      else if ('read' in reply) file.resolve(judge(reply.read, file.display, this.facts));
      else file.resolve(reply.judgement);
    });
    const died = () => {
      if (this.broken) return;
      this.broken = true;
      for (const file of this.waiting.values()) readAndJudge(file.bytes, file.name, file.display, this.facts).then((j) => file.resolve(ownTexts(j)), file.reject);
      this.waiting.clear();
    };
    this.worker.on('error', died);
    this.worker.on('exit', died);
  }

  add(bytes: Uint8Array, name: string, display: string): Ticket {
    if (this.broken) return here(this.facts)(bytes, name, display);
    const id = this.next++;
    const judgement = new Promise<Judgement>((resolve, reject) => this.waiting.set(id, { resolve, reject, bytes, name, display }));
    judgement.catch(() => undefined); // a bug met while reading is thrown when the file's turn comes
    // A copy goes to the thread: the main thread keeps the bytes to hash and archive.
    this.worker.postMessage({ id, bytes, name, display } satisfies WorkerRequest);
    return { judgement: () => judgement };
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.worker.terminate();
  }
}

/**
 * A reader for a run, judging by `facts`; `ownHash` is the plan version the round was issued with, which nearly every
 * file is made from and which the thread is given. The first files are read on the main thread; the thread starts
 * once more come (THREAD_AFTER), and reads every later file.
 */
export function runReader(facts: RunFacts, ownHash: string, threads = readThreads()): Reader {
  const script = readerScript();
  const onMain = here(facts);
  const own = script && threads > 0 ? facts.version(ownHash) : null;
  if (!script || !own) return { threaded: false, add: onMain, close: async () => undefined };
  const after = process.env.TAIZHANG_READ_THREADS === undefined ? THREAD_AFTER : 1;
  let thread: ReaderThread | null = null;
  let added = 0;
  return {
    threaded: true,
    add(bytes, name, display) {
      if (++added <= after) return onMain(bytes, name, display);
      thread ??= new ReaderThread(script, facts, { roundId: facts.roundId, planId: facts.planId, expected: [...facts.expected], plan: own.plan, hash: own.hash });
      return thread.add(bytes, name, display);
    },
    close: async () => thread?.close(),
  };
}

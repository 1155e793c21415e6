// Reading returned workbooks off the main thread, when asked for (TAIZHANG_READ_THREADS). Reading (unzip, CRC, XML)
// is most of a collect's work and needs nothing but the file's bytes, while the ledger, the archive and the 退回重报
// workbooks need the main thread: with a reader thread beside it, a province's returns are read while the ones
// before them are recorded. Every file
// is read by the same code either way (`readReturned`), only elsewhere; files are still recorded one at a time,
// in the order they were found, so the ledger ends up exactly as a single-threaded run leaves it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readWorkbook, type ReadWorkbook } from './read.ts';
import { checkUsable, UnusableFile } from './sources.ts';
import { OverLimit, ZipProblem } from './zip.ts';

/** Why a file cannot become a submission, in the words shown to the coordinator and the unit. */
export interface Refusal {
  outcome: 'refused' | 'unusable';
  reason: string;
  rule: string;
}

export type ReadOutcome = { read: ReadWorkbook } | { refusal: Refusal };

/**
 * A returned file read into plain data, or why it cannot be read: every problem of the file itself (not a
 * workbook, damaged, over a limit) becomes a refusal in the file's own words. Only a bug of ours throws.
 */
export async function readReturned(bytes: Uint8Array, name: string): Promise<ReadOutcome> {
  const unusable = (reason: string, rule: string): ReadOutcome => ({ refusal: { outcome: 'unusable', reason, rule } });
  try {
    await checkUsable(bytes, name);
  } catch (e) {
    if (!(e instanceof UnusableFile)) throw e;
    return unusable(e.message, e.rule);
  }
  try {
    return { read: await readWorkbook(bytes) };
  } catch (e) {
    // A file over a limit or with a damaged structure says so in its own words; anything else the reader met is
    // still the file's problem, reported with the reader's message.
    if (e instanceof OverLimit || e instanceof ZipProblem) {
      const advice = e instanceof ZipProblem ? '。请用 Excel 或 WPS 打开后重新保存再报送' : '';
      return unusable(`${e.message}${advice}`, e.rule);
    }
    return unusable(`工作簿内容损坏，无法读取（${(e as Error).message.slice(0, 120)}）。请用 Excel 或 WPS 打开后重新保存再报送`, 'reader-crash');
  }
}

/** What a reader thread answers: the outcome, or a bug of ours met while reading (re-thrown on the main thread). */
export type WorkerReply = { id: number; outcome: ReadOutcome } | { id: number; bug: string };

export interface Reader {
  read(bytes: Uint8Array, name: string): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** Reads on the calling thread: for a single file, and where no thread can be started (tests run the sources). */
const inProcess: Reader = { read: readReturned, close: async () => undefined };

/**
 * How many reader threads a collect uses: `TAIZHANG_READ_THREADS` (at most one fewer than the processors: the main
 * thread is busy recording, and more threads than processors only take turns). None unless asked for: a thread
 * saves about a tenth of a large collect's time on two processors, and costs some 70 MB (its own heap, and the
 * main heap grows further between full collections), which would take a province's collect past its memory budget.
 */
export function readThreads(): number {
  const set = process.env.TAIZHANG_READ_THREADS;
  if (set === undefined || !/^\d+$/.test(set)) return 0;
  return Math.min(Number(set), Math.max(1, availableParallelism() - 1), 8);
}

/** The old generation of a reader thread, in MB: what reading a large workbook within the reader's limits needs. */
const THREAD_OLD_MB = 64;

/** The compiled reader thread, beside this module; none when running from the TypeScript sources. */
function workerScript(): URL | null {
  return import.meta.url.endsWith('.js') ? new URL('./read-worker.js', import.meta.url) : null;
}

/**
 * A pool of reader threads, each given the next file when it has the fewest waiting. Each thread's heap is kept
 * small, so that the threads beside the main one stay within a province's memory budget; a file that needs more
 * (a crafted one at the reader's limits) stops its thread, and is read again on the main thread, with the main
 * thread's heap, as every later file of the run is: no file is lost or judged by where it was read.
 */
class ReaderPool implements Reader {
  private readonly workers: { worker: Worker; pending: Set<number> }[] = [];
  private readonly waiting = new Map<number, { bytes: Uint8Array; name: string; resolve: (o: ReadOutcome) => void; reject: (e: Error) => void }>();
  private next = 0;
  private broken = false;

  constructor(script: URL, threads: number) {
    for (let i = 0; i < threads; i++) {
      // A small young generation: a thread reading one small file at a time needs little, and a province's
      // collect must stay within its memory budget with the thread beside the main one.
      const slot = { worker: new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: THREAD_OLD_MB } }), pending: new Set<number>() };
      slot.worker.on('message', (reply: WorkerReply) => {
        slot.pending.delete(reply.id);
        const w = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ('bug' in reply) w?.reject(new Error(reply.bug));
        else w?.resolve(reply.outcome);
      });
      const died = () => {
        this.broken = true;
        for (const id of slot.pending) {
          const w = this.waiting.get(id)!;
          this.waiting.delete(id);
          readReturned(w.bytes, w.name).then(w.resolve, w.reject);
        }
        slot.pending.clear();
      };
      slot.worker.on('error', died);
      slot.worker.on('exit', died);
      this.workers.push(slot);
    }
  }

  read(bytes: Uint8Array, name: string): Promise<ReadOutcome> {
    if (this.broken) return readReturned(bytes, name);
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.next++;
    slot.pending.add(id);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { bytes, name, resolve, reject });
      // A copy goes to the thread: the main thread keeps the bytes to hash and archive.
      slot.worker.postMessage({ id, bytes, name });
    });
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * A reader for a run: starts its threads only once a second file is to be read, since starting a thread costs more
 * than reading one file.
 */
export function runReader(threads = readThreads()): Reader {
  const script = workerScript();
  if (!script || threads === 0) return inProcess;
  let pool: ReaderPool | null = null;
  let reads = 0;
  return {
    read(bytes, name) {
      if (++reads === 1) return readReturned(bytes, name);
      pool ??= new ReaderPool(script, threads);
      return pool.read(bytes, name);
    },
    close: async () => pool?.close(),
  };
}

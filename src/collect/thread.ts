// When and how a collect starts its reader thread (pool.ts reads with it). Kept apart from the reader itself, with
// nothing to load but Node's own modules, so that the CLI can start the thread before it loads the collect stage:
// a thread's start-up is about 0.15 s of Node's own work, done on the other processor while this one loads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * How many reader threads a collect uses, and after how many files it starts them: one where there are two
 * processors or more, or `TAIZHANG_READ_THREADS` (0: the main thread alone; at most one fewer than the processors,
 * as the main thread is busy recording, and more threads than processors only take turns). On the two processors
 * measured, one thread takes about a sixth off a large collect's time (reading and judging on one, archiving,
 * recording and 退回重报 workbooks on the other) for about 50 MB (its own heap and start-up). `inSight` is about how
 * many files the run has (countInputs): a run of many starts its thread at once, so that the thread's start-up
 * overlaps the first files rather than follows them.
 */
export function readThreads(inSight = 0): { threads: number; after: number } {
  const processors = availableParallelism();
  const set = process.env.TAIZHANG_READ_THREADS;
  if (set === undefined || !/^\d+$/.test(set)) return { threads: processors > 1 ? 1 : 0, after: inSight >= THREAD_AT_ONCE ? 1 : THREAD_AFTER };
  // Asked for by name: started as soon as a second file waits.
  return { threads: Math.min(Number(set), Math.max(1, processors - 1), 8), after: 1 };
}

/**
 * The files a collect reads on the main thread before it starts its reader thread by default: starting a thread
 * costs more than a few dozen files take to read (50 files took 0.71 s with a thread from the second file, 0.55 s
 * without, in alternating runs), and an office's usual round is that small.
 */
const THREAD_AFTER = 64;

/** A run of this many files or more starts its thread with the first (1000 files: 2.06 s → 1.99 s). */
const THREAD_AT_ONCE = 256;

/** The old generation of a reader thread, in MB: what reading a large workbook within the reader's limits needs. */
const THREAD_OLD_MB = 64;

/** The compiled reader thread, beside this module; none when running from the TypeScript sources. */
export function readerScript(): URL | null {
  return import.meta.url.endsWith('.js') ? new URL('./read-worker.js', import.meta.url) : null;
}

/** A reader thread, started. */
export function startReaderThread(script: URL): Worker {
  // A small young generation: a thread reading one small file at a time needs little (8 MB was also the fastest of
  // 4 to 48 MB in alternating runs), and a province's collect must stay within its memory budget with the thread
  // beside the main one.
  return new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: THREAD_OLD_MB } });
}

let early: Worker | null = null;

/**
 * Starts the reader thread a collect of `inSight` files will use, before the collect stage is loaded; the reader
 * takes it when it starts its threads (`takeEarlyThread`). Until then it does not keep the process alive: a run that
 * stops before reading (a wrong round, a locked ledger) ends as it would without it.
 */
export function startEarly(inSight: number): void {
  const script = readerScript();
  const { threads, after } = readThreads(inSight);
  if (!script || early || threads === 0 || after > 1) return;
  early = startReaderThread(script);
  early.unref();
}

/** The thread started early, if any, now the reader's to keep (and to end). */
export function takeEarlyThread(): Worker | null {
  const worker = early;
  early = null;
  worker?.ref();
  return worker;
}

// Reading and judging returned workbooks off the main thread. Reading (unzip, CRC, XML) and judging (identity,
// validation) are most of a collect's work and need nothing but the file's bytes and the run's facts, while the
// ledger, the archive and the 退回重报 workbooks need the main thread: with a reader thread beside it, a province's
// returns are read while the ones before them are recorded. Every file is read and judged by the same code either
// way (`readReturned`, `judge`), only elsewhere; files are still recorded in the order they were found, so the
// ledger ends up exactly as a single-threaded run leaves it.
import type { Worker } from 'node:worker_threads';
import type { Plan } from '../model/plan.ts';
import { judge, planVersion, type Judgement, type PlanVersion, type RunFacts } from './judge.ts';
import { readReturned } from './read.ts';
import { readerScript, readThreads, startReaderThread, takeEarlyThread } from './thread.ts';

/** The facts a reader thread judges by, as they cross to it: the round, its units, and the round's own plan version. */
export interface ThreadFacts {
  roundId: string;
  planId: string;
  expected: string[];
  plan: Plan;
  hash: string;
}

/**
 * The facts on a reader thread. It knows the plan version the round was issued with, which nearly every file is
 * made from; a file of another version is left unjudged, for the main thread, which asks the ledger.
 */
export function threadFacts(f: ThreadFacts): RunFacts {
  const own = planVersion(f.plan, f.hash);
  return { roundId: f.roundId, planId: f.planId, expected: new Set(f.expected), version: (hash) => (hash === f.hash ? own : undefined) };
}

/** What the main thread sends a reader thread: its facts and the files' claims once, then each file. */
export type WorkerRequest = { facts: ThreadFacts; claims: SharedArrayBuffer } | { id: number; bytes: Uint8Array; name: string; display: string };

/**
 * What a reader thread answers: that it is ready (its facts taken), a judgement (packed, see `packJudgement`), or a
 * bug of ours met while reading (re-thrown on the main thread).
 */
export type WorkerReply = { ready: true } | { id: number; packed: string } | { id: number; bug: string } | { id: number; taken: true };

/**
 * Who reads a file given to a thread is settled by a claim in memory both threads share, so that the main thread
 * can read a file the thread has not begun while it would otherwise wait: the thread claims a file as it begins it
 * and skips it (answering `taken`) if the main thread claimed it first. A claim is a slot of CLAIM_SLOTS, by file id;
 * a slot is cleared when the thread has answered for its file, and a thread holds at most IN_FLIGHT files at once
 * (far fewer than CLAIM_SLOTS for all threads together), so no two files held at the same time share one.
 */
const CLAIM_SLOTS = 1024;
const UNCLAIMED = 0;
const CLAIMED_BY_THREAD = 1;
const CLAIMED_HERE = 2;

/** On a reader thread: whether the file `id` is its to read (the main thread has not claimed it). */
export function claimForThread(claims: Int32Array, id: number): boolean {
  return Atomics.compareExchange(claims, id % CLAIM_SLOTS, UNCLAIMED, CLAIMED_BY_THREAD) === UNCLAIMED;
}

/**
 * A judgement crosses from a reader thread packed in one text, and is unpacked on the main thread only at its turn.
 * Sent as objects, the up to 64 judgements waiting for their turn were tens of thousands of small objects on the
 * main thread's young heap, copied at every scavenge; packed, each is one string (1000 files: scavenges on the main
 * thread 157 ms → 111 ms, the whole collect about 4% faster). JSON carries a judgement whole: it holds only texts,
 * finite numbers (a cell's number is read as a finite one or none), booleans, null, plain objects and arrays; an
 * absent optional field (`numFmt`) stays absent. V8's own serializer (`node:v8`) was tried too, and was slower than
 * sending the objects.
 */
export function packJudgement(judgement: Judgement): string {
  return JSON.stringify(judgement);
}

export function unpackJudgement(packed: string): Judgement {
  return JSON.parse(packed) as Judgement;
}

/** Reads and judges a file where it is called. */
export async function readAndJudge(bytes: Uint8Array, name: string, display: string, facts: RunFacts): Promise<Judgement> {
  return judge(await readReturned(bytes, name), display, facts);
}

/** A file handed to a reader: its judgement is asked for in turn, when the file is to be recorded. */
export interface Ticket {
  judgement(): Promise<Judgement>;
}

export interface Reader {
  /** Reader threads beside the main thread (0: files are read at their turn on the main thread). */
  readonly threads: number;
  add(bytes: Uint8Array, name: string, display: string): Ticket;
  close(): Promise<void>;
}

/**
 * The files waiting to be read are shared between the main thread and the reader threads: the main thread records
 * them in order and, when the one it needs next has not gone to a thread, reads it itself (at the start, while the
 * threads load); the threads take them in the same order, from the front, so that the file the main thread needs
 * next is the one a thread has read first. A thread taking from the back left the front to the main thread, which
 * then read most files itself while the thread waited for more: the two took turns rather than working at once.
 */
class QueuedTicket implements Ticket {
  /** Set once the file is being read, here or on a thread (where the judgement comes packed). */
  promise: Promise<Judgement | string> | null = null;
  resolve!: (j: Judgement | string) => void;
  reject!: (e: Error) => void;
  /** Set when the file is given to a thread: its id there. */
  id: number | null = null;
  /** The thread's answer came (a judgement or a bug). */
  answered = false;
  /** Read on the main thread, after all: a thread's answer for it is not awaited. */
  here = false;

  constructor(
    readonly pool: ReaderPool,
    readonly bytes: Uint8Array,
    readonly name: string,
    readonly display: string,
  ) {}

  async judgement(): Promise<Judgement> {
    if (!this.promise) this.pool.readHere(this);
    else if (!this.answered && !this.here) this.pool.readOrHelp(this);
    const j = await this.promise!;
    return typeof j === 'string' ? unpackJudgement(j) : j;
  }
}

/**
 * Reader threads, each with at most IN_FLIGHT files given to it at once (one read, the others waiting, so that it
 * never waits for the main thread to send the next). Each thread's heap is kept small, so that the threads beside the main one
 * stay within a province's memory budget; a file that needs more (a crafted one at the reader's limits) stops its
 * thread, and is read again on the main thread, as every later file of the run is: no file is lost or judged by
 * where it was read.
 */
class ReaderPool {
  private readonly workers: { worker: Worker; given: Map<number, QueuedTicket>; ready: boolean }[] = [];
  private readonly claims = new Int32Array(new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  /** Files not yet being read, in the order they were found. */
  private readonly queue: QueuedTicket[] = [];
  private next = 0;
  private broken = false;

  constructor(script: URL, threads: number, private readonly facts: RunFacts, sent: ThreadFacts) {
    for (let i = 0; i < threads; i++) {
      // The first may have been started early, by the CLI (thread.ts).
      const slot = { worker: (i === 0 ? takeEarlyThread() : null) ?? startReaderThread(script), given: new Map<number, QueuedTicket>(), ready: false };
      slot.worker.postMessage({ facts: sent, claims: this.claims.buffer as SharedArrayBuffer } satisfies WorkerRequest);
      slot.worker.on('message', (reply: WorkerReply) => {
        // Files go to a thread once it has started: until then the main thread reads them itself.
        if ('ready' in reply) {
          slot.ready = true;
          this.pump();
          return;
        }
        const ticket = slot.given.get(reply.id);
        slot.given.delete(reply.id);
        Atomics.store(this.claims, reply.id % CLAIM_SLOTS, UNCLAIMED);
        // A file the main thread claimed first is answered `taken`: its judgement is the main thread's own.
        if (ticket && !('taken' in reply)) {
          ticket.answered = true;
          if ('bug' in reply) ticket.reject(new Error(reply.bug));
          else ticket.resolve(reply.packed);
        }
        this.pump();
      });
      const died = () => {
        this.broken = true;
        for (const ticket of slot.given.values()) if (!ticket.here) readAndJudge(ticket.bytes, ticket.name, ticket.display, this.facts).then(ticket.resolve, ticket.reject);
        slot.given.clear();
      };
      slot.worker.on('error', died);
      slot.worker.on('exit', died);
      this.workers.push(slot);
    }
  }

  add(bytes: Uint8Array, name: string, display: string): Ticket {
    const ticket = new QueuedTicket(this, bytes, name, display);
    this.queue.push(ticket);
    this.pump();
    return ticket;
  }

  /** The main thread reads a file no thread has taken, at its turn. */
  readHere(ticket: QueuedTicket): void {
    const at = this.queue.indexOf(ticket);
    if (at >= 0) this.queue.splice(at, 1);
    ticket.promise = readAndJudge(ticket.bytes, ticket.name, ticket.display, this.facts);
  }

  /**
   * The main thread's turn has come for a file given to a thread that has not answered yet. If the thread has not
   * begun it, the main thread reads it itself; if the thread is reading it, the main thread reads the next file the
   * thread has not begun while it waits, rather than sit idle. So the two share the reading by how fast each goes:
   * a thread slower than the recording leaves files to the main thread, and never the reverse.
   */
  readOrHelp(ticket: QueuedTicket): void {
    if (this.claimHere(ticket)) return;
    for (const slot of this.workers) {
      for (const [id, other] of slot.given) {
        if (id > ticket.id! && !other.here && this.claimHere(other)) return;
      }
    }
  }

  /** Claims a file given to a thread for the main thread, and reads it here, if the thread has not begun it. */
  private claimHere(ticket: QueuedTicket): boolean {
    if (this.broken || Atomics.compareExchange(this.claims, ticket.id! % CLAIM_SLOTS, UNCLAIMED, CLAIMED_HERE) !== UNCLAIMED) return false;
    ticket.here = true;
    ticket.promise = readAndJudge(ticket.bytes, ticket.name, ticket.display, this.facts);
    ticket.promise.catch(() => undefined); // thrown when the file's turn comes
    return true;
  }

  /** Gives threads the files at the front of the queue, up to IN_FLIGHT each. */
  private pump(): void {
    if (this.broken) return;
    for (const slot of this.workers) {
      while (slot.ready && slot.given.size < IN_FLIGHT && this.queue.length) {
        const ticket = this.queue.shift()!;
        const id = this.next++;
        ticket.promise = new Promise<Judgement | string>((resolve, reject) => {
          ticket.resolve = resolve;
          ticket.reject = reject;
        });
        ticket.promise.catch(() => undefined); // a bug met while reading is thrown when the file's turn comes
        ticket.id = id;
        slot.given.set(id, ticket);
        // A copy goes to the thread: the main thread keeps the bytes to hash and archive.
        slot.worker.postMessage({ id, bytes: ticket.bytes, name: ticket.name, display: ticket.display } satisfies WorkerRequest);
      }
    }
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * Files given to a reader thread at once: enough that it never waits for the next while the main thread is in a
 * long synchronous step (a batch's transaction, a 退回重报 workbook), when no answer of the thread is taken in and
 * no file is given to it. With three, the thread sat idle a quarter of the time.
 */
const IN_FLIGHT = 16;

/**
 * A reader for a run, judging by `facts` (the round's own plan version is sent to the threads). It starts its
 * threads only once more than `after` files have come, since starting a thread costs more than reading a file.
 */
export function runReader(facts: RunFacts, ownVersion: () => PlanVersion | null, { threads, after } = readThreads()): Reader {
  const script = readerScript();
  // On the main thread alone, a file is read at its turn.
  const here: Reader = {
    threads: 0,
    add: (bytes, name, display) => ({ judgement: () => readAndJudge(bytes, name, display, facts) }),
    close: async () => undefined,
  };
  const own = script && threads > 0 ? ownVersion() : null;
  if (!script || !own) return here;
  let pool: ReaderPool | null = null;
  let added = 0;
  return {
    threads,
    add(bytes, name, display) {
      if (++added <= after) return here.add(bytes, name, display);
      pool ??= new ReaderPool(script, threads, facts, { roundId: facts.roundId, planId: facts.planId, expected: [...facts.expected], plan: own.plan, hash: own.hash });
      return pool.add(bytes, name, display);
    },
    close: async () => pool?.close(),
  };
}

// Long work (generating a round's workbooks, collecting an upload, rendering reports) runs as a job that outlives the
// request which started it: the page that started it may be reloaded or closed, and the work goes on. Each job
// keeps the lines it has sent, so a page can follow it again from the start (`GET /api/jobs/:id`) and show the same
// outcomes. Jobs live as long as the server; what they did is in the ledger and on disk in any case.
import { randomBytes } from 'node:crypto';
import { internalErrorMessage, UserError } from '../util/errors.ts';

type Line = Record<string, unknown>;

interface Job {
  id: string;
  lines: Line[];
  done: boolean;
  listeners: Set<(line: Line | null) => void>;
}

/** Finished jobs kept for following again; the oldest go first. */
const KEEP_FINISHED = 50;

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  /**
   * Starts `work`, which sends lines as it goes. A failure becomes the last line: a user's mistake with its hint,
   * anything else as an internal bug.
   */
  start(work: (send: (line: Line) => void) => Promise<void>): string {
    const job: Job = { id: randomBytes(9).toString('base64url'), lines: [], done: false, listeners: new Set() };
    this.jobs.set(job.id, job);
    const send = (line: Line) => {
      job.lines.push(line);
      for (const l of job.listeners) l(line);
    };
    void (async () => {
      try {
        await work(send);
      } catch (e) {
        const user = e instanceof UserError;
        send({ error: user ? e.message : internalErrorMessage(e), hint: user ? e.hint : undefined, internal: !user });
      }
      job.done = true;
      for (const l of job.listeners) l(null);
      job.listeners.clear();
      this.forgetOld();
    })();
    return job.id;
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  /**
   * Every line of the job so far, then each new one as it comes, then null at its end; returns a function that
   * stops following. Null when there is no such job.
   */
  follow(id: string, onLine: (line: Line | null) => void): (() => void) | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    for (const line of job.lines) onLine(line);
    if (job.done) {
      onLine(null);
      return () => undefined;
    }
    job.listeners.add(onLine);
    return () => job.listeners.delete(onLine);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.done);
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}

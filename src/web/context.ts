// What every page's routes are given: the workspace services, the views, the downloads offered by id, the jobs,
// and the few helpers every page uses (render a page, find the round it is about, stream a job).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Round } from '../model/round.ts';
import { UserError } from '../util/errors.ts';
import { Workspace } from '../workspace/workspace.ts';
import { Downloads } from './downloads.ts';
import { followJob, MB } from './http.ts';
import { Jobs } from './jobs.ts';
import { MailSession } from './mail-session.ts';
import type { Access } from './security.ts';
import { Views, type NavItem } from './views.ts';

export interface WorkbenchOptions {
  workspace: string;
  access: Access;
  /** The date deadlines are judged against (fixed in tests, as the CLI's --today). */
  today?: () => string;
  /** The moment of collection (fixed in tests, as TAIZHANG_NOW). */
  now?: () => Date;
  /** Per uploaded file; the collect checks apply to each file whatever its size below this. */
  maxFileBytes?: number;
}

/** A round as the round picker lists it. */
export type PickedRound = Round & { planId: string; selected: boolean };

export interface WebContext {
  options: WorkbenchOptions;
  ws: Workspace;
  views: Views;
  downloads: Downloads;
  jobs: Jobs;
  /** The mailbox password typed in a page, for this run only. */
  mail: MailSession;
  /** The size limit of one uploaded file. */
  maxFileBytes: number;
  /** Sends a whole page: `view` in the layout, the navigation marking `current`. */
  page(reply: FastifyReply, view: string, title: string, data: Record<string, unknown>, current: string): FastifyReply;
  /** The rounds for the picker, and the round a page is about: the one asked for (`?round=`), else the latest. */
  roundsAndCurrent(req: FastifyRequest): Promise<{ rounds: PickedRound[]; current: (Round & { planId: string; planHash: string }) | null }>;
  /** Starts `work` as a job and streams its lines to the page (http.ts's followJob). */
  streamed(reply: FastifyReply, work: (send: (line: Record<string, unknown>) => void) => Promise<void>): FastifyReply;
}

export function createContext(o: WorkbenchOptions, nav: readonly NavItem[]): WebContext {
  const ws = new Workspace(o.workspace, { today: o.today });
  const views = new Views(nav);
  const jobs = new Jobs();
  return {
    options: o,
    ws,
    views,
    downloads: new Downloads(),
    jobs,
    mail: new MailSession(),
    maxFileBytes: o.maxFileBytes ?? 50 * MB,
    page: (reply, view, title, data, current) => reply.type('text/html; charset=utf-8').send(views.render(view, title, { workspace: ws.path, ...data }, current)),
    roundsAndCurrent: async (req) => {
      const wanted = (req.query as { round?: string }).round;
      const found = await ws.withLedger(false, (ledger) => {
        const rounds = ledger.rounds();
        if (wanted && !rounds.some((r) => r.id === wanted)) throw new UserError(`台账中没有轮次“${wanted}”。`, '请从“轮次”页面选择已建立的轮次。');
        const picked = rounds.find((r) => r.id === wanted) ?? rounds.at(-1);
        return { rounds: rounds.map((r) => ({ ...r, selected: r.id === picked?.id })), current: picked ? ledger.requireRound(picked.id) : null };
      });
      return found ?? { rounds: [], current: null };
    },
    streamed: (reply, work) => followJob(reply, jobs, jobs.start(work)),
  };
}

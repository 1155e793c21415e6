// The plans kept in a workspace (`plans/<id>.json`, and a `plan.json` beside the ledger): listed, found by id, and
// saved with every earlier version kept beside as `.<id>.<time>.json`, never overwritten.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { displayTitle, type Plan } from '../model/plan.ts';
import { safeFileName } from '../workbook/file-name.ts';
import { UserError } from '../util/errors.ts';
import { sizeOf } from '../report/counting.ts';

/** One line of the list of plans. */
export interface PlanListing {
  id: string;
  title: string;
  file: string;
  tasks: number;
  clauses: number;
}

export class PlanStore {
  readonly dir: string;

  constructor(private readonly workspace: string) {
    this.dir = join(workspace, 'plans');
  }

  /** Every readable plan of the workspace; a file that is not one is left out of the list. */
  list(): PlanListing[] {
    const files = [
      ...(existsSync(this.dir) ? readdirSync(this.dir).filter((f) => /^[^.]+\.json$/.test(f)).map((f) => join(this.dir, f)) : []),
      ...(existsSync(join(this.workspace, 'plan.json')) ? [join(this.workspace, 'plan.json')] : []),
    ];
    return files.flatMap((file) => {
      try {
        const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
        return [{ id: plan.id, title: displayTitle(plan), file: basename(file), ...sizeOf(plan) }];
      } catch {
        return [];
      }
    });
  }

  /** The plan of this id, checked by the plan schema, and the file it is in. */
  async get(id: string): Promise<{ plan: Plan; file: string }> {
    const { loadPlanJson } = await import('../plan/index.ts');
    for (const file of [join(this.dir, `${safeFileName(id)}.json`), join(this.workspace, 'plan.json')]) {
      if (!existsSync(file)) continue;
      const plan = await loadPlanJson(file);
      if (plan.id === id) return { plan, file };
    }
    throw new UserError(`工作目录中没有编号为“${id}”的任务清单。`, '请在“计划”页面上传工作要点。');
  }

  /** Saves a plan under its id; the version it replaces is kept beside it. Returns the file written. */
  async save(plan: Plan): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${safeFileName(plan.id)}.json`);
    if (existsSync(file)) await rename(file, join(this.dir, `.${safeFileName(plan.id)}.${new Date().toISOString().replace(/[:.]/g, '')}.json`));
    await writeFile(file, `${JSON.stringify(plan, null, 2)}\n`);
    return file;
  }

  /**
   * Keeps a plan the command line issued a round from (read from anywhere on disk) in the store, so that the 工作台
   * lists it beside the rounds it issued; saved only when the store lacks it or holds another version of it.
   */
  async adopt(plan: Plan): Promise<string | null> {
    const file = join(this.dir, `${safeFileName(plan.id)}.json`);
    const text = `${JSON.stringify(plan, null, 2)}\n`;
    if (existsSync(file) && readFileSync(file, 'utf8') === text) return null;
    if (existsSync(join(this.workspace, 'plan.json')) && !existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(join(this.workspace, 'plan.json'), 'utf8')) as Plan).id === plan.id) return null;
      } catch {
        // Not a plan: the store keeps its own copy.
      }
    }
    return this.save(plan);
  }

  /** How many earlier versions of the plan are kept. */
  earlierVersions(id: string): number {
    return existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.startsWith(`.${safeFileName(id)}.`)).length : 0;
  }
}

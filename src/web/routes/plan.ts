// 计划: upload a plan document, see its 任务分解表 as an editable grid, save edits or take back a 任务分解表 reviewed
// in a spreadsheet; every save keeps the earlier version (workspace/plans.ts).
import type { FastifyPluginAsync } from 'fastify';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { displayIssuer, displayTitle } from '../../model/plan.ts';
import { safeFileName } from '../../workbook/file-name.ts';
import { UserError } from '../../util/errors.ts';
import { attachment, contentType, MB } from '../http.ts';
import { receiveOne } from '../upload.ts';
import type { WebContext } from '../context.ts';

/** The formats the plan readers take (plan/index.ts), offered by the file picker. */
const PLAN_EXTENSIONS = ['.docx', '.txt', '.xlsx', '.pdf', '.doc', '.wps', '.rtf', '.json'];

export const planRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws } = ctx;
  /** What the last save or import changed, shown once on the plan page it leads to. */
  const lastChanges = new Map<string, string[]>();

  app.get('/plans', async (_req, reply) => ctx.page(reply, 'plans', '计划', { plans: ws.plans.list(), extensions: PLAN_EXTENSIONS.join(',') }, '/plans'));

  app.post('/plans', async (req, reply) => {
    const { path, fields, cleanup } = await receiveOne(req, ws.path, ctx.maxFileBytes, PLAN_EXTENSIONS, '工作要点');
    const { readPlan } = await import('../../plan/index.ts');
    // The plan keeps the source's name and digest; the uploaded copy is not kept.
    const plan = await readPlan(path, { title: fields.title || undefined, issuer: fields.issuer || undefined }).finally(cleanup);
    await ws.plans.save(plan);
    return reply.redirect(`/plans/${encodeURIComponent(plan.id)}`, 303);
  });

  app.get('/plans/:id', async (req, reply) => {
    const { plan, file } = await ws.plans.get((req.params as { id: string }).id);
    const [{ summarizePlan }, { reviewGrids }] = await Promise.all([import('../../plan/summary.ts'), import('../../workspace/review-grid.ts')]);
    const { grids, unassigned } = await reviewGrids(plan);
    const changes = lastChanges.get(plan.id);
    lastChanges.delete(plan.id);
    const data = { plan, title: displayTitle(plan), issuer: displayIssuer(plan), file: basename(file), summary: summarizePlan(plan), grids, unassigned, earlier: ws.plans.earlierVersions(plan.id), changes };
    return ctx.page(reply, 'plan', displayTitle(plan), data, '/plans');
  });

  app.post('/api/plans/:id/review', { bodyLimit: 16 * MB }, async (req, reply) => {
    const { plan } = await ws.plans.get((req.params as { id: string }).id);
    const { applyReview, ReviewProblems, REVIEW_SHEETS } = await import('../../plan/review.ts');
    const sent = ((req.body ?? {}) as { sheets?: Record<string, unknown> }).sheets ?? {};
    const sheets: Record<string, string[][]> = {};
    for (const name of Object.values(REVIEW_SHEETS)) {
      const rows = sent[name];
      if (rows === undefined) continue;
      if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'))) throw new UserError(`提交的“${name}”表格式不正确。`, '请刷新页面后重新修改。');
      sheets[name] = rows as string[][];
    }
    try {
      const { plan: changed, changes } = applyReview(plan, sheets, '任务分解表');
      if (!changes.length) return reply.send({ changes: [], saved: false });
      await ws.plans.save(changed);
      lastChanges.set(changed.id, changes);
      return reply.send({ changes, saved: true, warnings: changed.warnings.length });
    } catch (e) {
      if (e instanceof ReviewProblems) return reply.code(400).send({ error: `有 ${e.problems.length} 处问题，未保存。`, hint: '请按标红单元格的提示修改后再保存。', problems: e.problems });
      throw e;
    }
  });

  // A 任务分解表 reviewed in Excel or WPS and uploaded back: the same `plan import`.
  app.post('/plans/review', async (req, reply) => {
    const saved = await receiveOne(req, ws.path, ctx.maxFileBytes, ['.xlsx'], '任务分解表');
    const { importReview } = await import('../../plan/review.ts');
    const { plan, changes } = await importReview(saved.path).finally(saved.cleanup);
    await ws.plans.save(plan);
    lastChanges.set(plan.id, changes.length ? changes : ['任务分解表与当前任务清单一致，没有修改。']);
    return reply.redirect(`/plans/${encodeURIComponent(plan.id)}`, 303);
  });

  // The 任务分解表 is written when asked for, not at every view of the plan.
  app.get('/plans/:id/review.xlsx', async (req, reply) => {
    const { plan } = await ws.plans.get((req.params as { id: string }).id);
    const { exportReview } = await import('../../plan/review.ts');
    const dir = await mkdtemp(join(tmpdir(), 'taizhang-review-'));
    const file = join(dir, '任务分解表.xlsx');
    await exportReview(plan, file);
    // Written for this download only, and removed once it is sent (or the download is abandoned).
    reply.raw.once('close', () => void rm(dir, { recursive: true, force: true }));
    reply.header('Content-Disposition', attachment(`任务分解表_${safeFileName(plan.title || plan.id)}.xlsx`));
    return reply.type(contentType(file)).send(createReadStream(file));
  });
};

// 报告: the round's documents rendered by the same stage as `taizhang report`, with the 公文设置 shown and saved
// (workspace/settings.ts) and the figures the ledger does not hold typed in as 补充数据.
import type { FastifyPluginAsync } from 'fastify';
import { basename } from 'node:path';
import { DEFAULT_THRESHOLDS, readThresholds } from '../../model/thresholds.ts';
import { UserError } from '../../util/errors.ts';
import { parseMetrics, type Metrics } from '../../model/metrics.ts';
import type { WebContext } from '../context.ts';

interface ReportForm {
  templates?: string[];
  date?: string;
  yellow?: string;
  red?: string;
  metrics?: string;
  settings?: Record<string, string>;
  force?: boolean;
}

export const reportRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws, downloads } = ctx;

  app.get('/reports', async (req, reply) => {
    const { rounds, current } = await ctx.roundsAndCurrent(req);
    const [{ settingsForForm }, { DOCUMENTS, defaultTemplates }] = await Promise.all([import('../../workspace/settings.ts'), import('../../report/index.ts')]);
    const chosen = current ? defaultTemplates(current) : [];
    const documents = Object.entries(DOCUMENTS).map(([template, name]) => ({ template, name, checked: chosen.includes(template) }));
    // Fields left unset show what the documents will use: the issuer named by the round's plan.
    const plan = current ? await ws.withLedger(false, (ledger) => ledger.planByHash(current.planHash)) : null;
    const { values, defaulted } = settingsForForm(ws.path, plan);
    const data = { rounds, round: current, roundId: current?.id, documents, settings: values, defaulted: Object.fromEntries(defaulted.map((k) => [k, true])), today: ws.today(), thresholds: DEFAULT_THRESHOLDS };
    return ctx.page(reply, 'reports', '报告', data, '/reports');
  });

  app.post('/api/rounds/:id/reports', async (req) => {
    const id = (req.params as { id: string }).id;
    const body = (req.body ?? {}) as ReportForm;
    const thresholds = readThresholds({ yellow: body.yellow, red: body.red });
    const metrics = readMetrics(body.metrics ?? '');
    const [{ renderRoundReports }, { saveFormSettings }, { isReported }] = await Promise.all([import('../../workspace/reports.ts'), import('../../workspace/settings.ts'), import('../../consolidate/index.ts')]);
    const result = await ws.withLedger(false, (ledger) =>
      renderRoundReports(ws, ledger, {
        roundId: id,
        thresholds,
        templates: body.templates?.length ? body.templates : undefined,
        date: body.date || undefined,
        metrics,
        force: body.force,
        beforeRender: async (plan, progress) => {
          // The stage's own refusal names a command-line option; the page names its own checkbox.
          if (!body.force && !progress.receipts.some(isReported)) {
            throw new UserError(`${progress.round.label}还没有收取任何单位的报送，生成的报告将没有任何进展数据。`, '请先在“收集”页收取报送；确需生成（如说明无报送的情况），请勾选“本轮尚无收取的报送时仍然生成”。');
          }
          if (body.settings) await saveFormSettings(ws.path, body.settings, plan);
        },
      }),
    );
    if (!result) throw new UserError('工作目录中还没有台账。');
    const missing = result.missing.map((m) => ({ ...m, figures: m.figures.map(gapOnPage) }));
    return { files: result.files.map((f) => ({ name: basename(f), id: downloads.register(f) })), missing, truncated: result.truncated.length, warnings: [...result.warnings, ...result.indicators.notes] };
  });
};

/**
 * The 补充数据 as a clerk types them, one figure a line (`行政处罚案件数：216`, `=` or `:` also do); a number stays a
 * number, anything else is text. An indicator may carry its unit, target and basis after its value, separated by
 * `；` (`PM2.5平均浓度：38微克/立方米；目标≤42；依据省考核要求`), as `report --metrics` takes them from a JSON file;
 * a JSON object is taken too. Both end in parseMetrics, the one check of a figure's form.
 */
export function readMetrics(text: string): Metrics {
  if (!text.trim()) return {};
  if (text.trim().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UserError(`补充数据不是有效的 JSON（${(e as Error).message}）。`, '可改为每行写一项，如“行政处罚案件数：216”。');
    }
    return parseMetrics(json, '补充数据');
  }
  const metrics: Record<string, unknown> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*([^:：=]+?)\s*[:：=]\s*(.*?)\s*$/.exec(line);
    if (!m || !m[2]) throw new UserError(`补充数据第 ${i + 1} 行“${line.trim()}”没有写明名称和数值。`, '每行写一项，名称和数值之间用冒号隔开，如“行政处罚案件数：216”。');
    metrics[m[1]!] = metricFromLine(m[2]);
  });
  return parseMetrics(metrics, '补充数据');
}

/** `38微克/立方米；目标≤42；依据省考核要求` → {值, 单位, 目标, 依据}; a bare `216` stays a number, other text stays text. */
function metricFromLine(text: string): unknown {
  const [head, ...rest] = text.split(/[;；]/).map((p) => p.trim());
  const value = /^(-?[\d,]+(?:\.\d+)?)\s*(.*)$/.exec(head!);
  const number = value ? Number(value[1]!.replace(/,/g, '')) : NaN;
  if (!rest.length) return Number.isFinite(number) && !value![2] ? number : head;
  const spec: Record<string, unknown> = { 值: Number.isFinite(number) ? number : head };
  if (Number.isFinite(number) && value![2]) spec.单位 = value![2];
  for (const part of rest) {
    const kv = /^(目标|依据)\s*[:：]?\s*(.+)$/.exec(part);
    if (!kv) throw new UserError(`补充数据“${text}”中的“${part}”不能识别。`, '数值后可用分号写明目标和依据，如“38微克/立方米；目标≤42；依据省考核要求”。');
    spec[kv[1]!] = kv[2];
  }
  return spec;
}

/**
 * A gap's hint (report/index.ts writes them for the command line) as the page can act on it: a setting is filled in
 * this page's 公文设置, not by `config set`; what only a command-line option gives is written into the document.
 */
export function gapOnPage(figure: string): string {
  return figure.replace(/（npx taizhang config set [^）]*）/, '（请在本页“公文设置”中填写）').replace(/（--[a-z-]+[^）]*）/, '（请在生成的文档中补写）');
}

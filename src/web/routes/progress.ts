// 进度: a round's consolidated progress (the figures every document is built from) with the chart, each clause
// opened to every unit's answers and their answers in earlier rounds, and a tally per unit.
import type { FastifyPluginAsync } from 'fastify';
import { readThresholds } from '../../model/thresholds.ts';
import type { WebContext } from '../context.ts';

export const progressRoutes: FastifyPluginAsync<{ ctx: WebContext }> = async (app, { ctx }) => {
  const { ws } = ctx;
  app.get('/progress', async (req, reply) => {
    const { rounds, current } = await ctx.roundsAndCurrent(req);
    if (!current) return ctx.page(reply, 'progress', '进度', { rounds }, '/progress');
    const { yellow, red } = req.query as { yellow?: string; red?: string };
    const thresholds = readThresholds({ yellow, red });
    const [{ progressView }, { chapterChartSvg }] = await Promise.all([import('../../workspace/views.ts'), import('../../report/chart.ts')]);
    const view = (await ws.withLedger(false, (ledger) => progressView(ledger, current.id, ws.today(), thresholds)))!;
    // The height grows with the chapters (chart.ts), so that two-line chapter names keep apart.
    const chart = withoutInlineStyles(chapterChartSvg(view.progress, 900));
    return ctx.page(reply, 'progress', '进度', { rounds, round: current, roundId: current.id, chapters: view.chapters, units: view.units, chart, thresholds: view.progress.thresholds }, '/progress');
  });
};

/**
 * The chart's SVG as the page's CSP (style-src 'self', guard.ts) lets it show: ECharts writes fonts as inline
 * `style` attributes, each refused with a console error. They become SVG presentation attributes (font-size,
 * font-family, fill, …), which are not styles; a `<style>` element (hover effects only) is left out.
 */
export function withoutInlineStyles(svg: string): string {
  return svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/ style="([^"]*)"/g, (_, css: string) =>
    css
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const at = d.indexOf(':');
        return ` ${d.slice(0, at).trim()}="${d.slice(at + 1).trim()}"`;
      })
      .join(''),
  );
}

// The progress-by-chapter chart embedded in reports: drawn by ECharts on the server as SVG, rasterised to PNG by
// resvg with the system's CJK fonts (fonts-noto-cjk), so Chinese labels render without a browser.
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import type { RoundProgress } from '../model/progress.ts';

const FONT = 'WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif';

/** Where a chapter's name may wrap: after a 顿号 or comma, or before a conjunction. */
const BREAK_AFTER = /[、，,；和与及]/;

/**
 * A chapter's name as a category label: whole on one line when it fits, else wrapped onto `lines` lines of at
 * most `perLine` characters (at a 顿号 where there is one near the end), and only then cut, with an ellipsis.
 */
export function chartLabel(title: string, perLine = 10, lines = 2): string {
  let rest = [...title.replace(/^\s*([一二三四五六七八九十]+、|第.+?章)\s*/, '').trim()];
  if (rest.length <= perLine) return rest.join('');
  // Lines of about equal length: `更高标准打好` / `蓝天保卫战`, never a character left alone.
  const width = Math.min(perLine, Math.ceil(rest.length / Math.min(lines, Math.ceil(rest.length / perLine))));
  const out: string[] = [];
  while (rest.length && out.length < lines) {
    let cut = Math.min(width, rest.length);
    if (rest.length > width) {
      for (let k = Math.min(perLine, width + 2); k > width - 3; k--) if (BREAK_AFTER.test(rest[k - 1]!)) { cut = k; break; }
    }
    out.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  if (rest.length) out[out.length - 1] = `${[...out.at(-1)!].slice(0, perLine - 1).join('')}…`;
  return out.join('\n');
}

/**
 * The chart carries no title of its own: the document's caption (图1　…) is its title, so the two never differ.
 * Its height grows with the chapters, so that two-line labels keep apart.
 */
export function chapterChartSvg(progress: RoundProgress, width = 900, height = Math.max(480, 70 + 40 * progress.chapters.length)): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const names = progress.chapters.map((c) => chartLabel(c.title));
  const series = (name: string, color: string, pick: (id: string) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'all',
    itemStyle: { color },
    label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
    data: progress.chapters.map((c) => pick(c.chapterId)),
  });
  const count = (chapterId: string, test: (s: string, sched: string) => boolean) =>
    progress.clauses.filter((x) => x.chapterId === chapterId && test(x.status, x.schedule)).length;
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 14 },
    legend: { top: 8, textStyle: { fontFamily: FONT } },
    grid: { left: 170, right: 80, top: 48, bottom: 30 },
    xAxis: { type: 'value', name: '条目数', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontFamily: FONT, lineHeight: 17 } },
    series: [
      series('已完成', '#5B9B45', (id) => count(id, (s) => s === '已完成')),
      series('序时推进', '#4F81BD', (id) => count(id, (s, sch) => s !== '已完成' && s !== '未报送' && sch === 'green')),
      series('滞后预警', '#C0504D', (id) => count(id, (s, sch) => s !== '已完成' && (sch === 'red' || sch === 'yellow'))),
      series('未报送', '#A6A6A6', (id) => count(id, (s) => s === '未报送')),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * CJK fonts from Debian, in order of preference: WenQuanYi Micro Hei (fonts-wqy-microhei, 5 MB) parses in a
 * third of the time of Noto Sans CJK (fonts-noto-cjk, 20 MB); loading one file beats scanning every system font.
 */
const CJK_FONTS: [string, string][] = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYi Micro Hei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'],
];

export function svgToPng(svg: string, width: number): { data: Buffer; width: number; height: number } {
  const found = CJK_FONTS.find(([file]) => existsSync(file));
  const font = found ? { fontFiles: [found[0]], loadSystemFonts: false, defaultFontFamily: found[1] } : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font, background: '#ffffff' });
  const image = resvg.render();
  return { data: image.asPng(), width: image.width, height: image.height };
}

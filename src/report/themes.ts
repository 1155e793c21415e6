// The report's sections: by default one per chapter; the office may group chapters into fewer themes and name them
// once (setting 报告主题), as the seed report gathers fourteen chapters under five headings.
import type { Chapter } from '../model/plan.ts';
import { UserError } from '../util/errors.ts';

export interface ThemeSpec {
  title: string;
  /** Chapter ids, in the order the office gave them. */
  chapters: string[];
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `十四` → 14, `二十` → 20; NaN for anything else. */
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || !s) return NaN;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]]! : NaN;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/** The chapter a clerk means: its number (`四`, `第四章`, `4`) or its title. */
function findChapter(ref: string, chapters: Chapter[]): Chapter | undefined {
  const r = ref.trim().replace(/^第|[章、.．]$/g, '');
  const n = cnNumber(r);
  return chapters.find((c) => c.title === ref.trim() || c.id === r || (!Number.isNaN(n) && cnNumber(c.number.replace(/^第|[章、.．\s]+$/g, '')) === n));
}

/**
 * Reads the 报告主题 setting: `污染防治攻坚扎实深入=四,五,六；全面从严治党纵深推进=十四` (themes apart by ；
 * or a new line, chapters by ， , 、), or the same as JSON `[{"标题": "…", "章节": ["四", "五"]}]`. A chapter
 * no theme names keeps a section of its own, after the themes; one named twice, or not found, is an error.
 */
export function parseThemes(setting: string, chapters: Chapter[]): ThemeSpec[] {
  const text = setting.trim();
  if (!text) return [];
  let raw: { title: string; refs: string[] }[];
  if (text.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UserError(`设置“报告主题”不是有效的 JSON（${(e as Error).message}）。`, '请按 [{"标题": "…", "章节": ["四", "五"]}] 的格式重新设置，或用简单格式：标题=四,五；标题=十四。');
    }
    if (!Array.isArray(json) || !json.every((x) => x && typeof x.标题 === 'string' && Array.isArray(x.章节))) {
      throw new UserError('设置“报告主题”的每一项须有“标题”和“章节”。', '例如：[{"标题": "污染防治攻坚扎实深入", "章节": ["四", "五", "六"]}]');
    }
    raw = (json as { 标题: string; 章节: unknown[] }[]).map((x) => ({ title: x.标题, refs: x.章节.map(String) }));
  } else {
    raw = text
      .split(/[；;\n]+/)
      .filter((p) => p.trim())
      .map((part) => {
        const [title, refs] = part.split(/[=＝]/);
        if (!title?.trim() || refs === undefined) throw new UserError(`设置“报告主题”的“${part.trim()}”缺少“=”。`, '格式：标题=章节序号,章节序号；如“污染防治攻坚扎实深入=四,五,六”。');
        return { title: title.trim(), refs: refs.split(/[,，、\s]+/).filter(Boolean) };
      });
  }
  const seen = new Set<string>();
  return raw.map(({ title, refs }) => ({
    title,
    chapters: refs.map((ref) => {
      const c = findChapter(ref, chapters);
      if (!c) throw new UserError(`设置“报告主题”中“${title}”所列的章节“${ref}”在工作要点中找不到。`, `可用章节序号：${chapters.map((x) => x.number.replace(/[、\s]+$/, '')).join('、')}。`);
      if (seen.has(c.id)) throw new UserError(`设置“报告主题”中章节“${ref}”被列入了两个主题。`, '每个章节只能归入一个主题，请改正后重新设置。');
      seen.add(c.id);
      return c.id;
    }),
  }));
}

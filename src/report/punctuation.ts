// Chinese text takes full-width punctuation. Plans pasted from other files mix in half-width 「,」「;」「()」; every
// document is normalised here, once, on the rendered markup (render.ts), so no builder keeps a copy of the rule.

/** Half-width marks and their full-width forms in Chinese text. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]/;

/**
 * Half-width marks beside a Chinese character (before or after) become full-width; marks between Latin letters or
 * digits (`1,000`, `PM2.5`, `a:b`) stay. A bracket pair follows its opening mark, so `(VOCs)` after Chinese becomes
 * `（VOCs）`.
 */
export function cnPunctuation(text: string): string {
  const chars = [...text];
  let open = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!(c in FULL_WIDTH)) continue;
    const near = CJK.test(chars[i - 1] ?? '') || CJK.test(chars[i + 1] ?? '');
    if (c === '(' && near) {
      chars[i] = '（';
      open++;
    } else if (c === ')' && (open > 0 || near)) {
      chars[i] = '）';
      open = Math.max(0, open - 1);
    } else if (c !== '(' && c !== ')' && near) {
      chars[i] = FULL_WIDTH[c]!;
      // A full-width mark carries its own space: `家, PM` → `家，PM`.
      if (chars[i + 1] === ' ') chars[i + 1] = '';
    }
  }
  return chars.join('');
}

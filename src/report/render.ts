// Renders a report template: Handlebars lays the prepared context out as markup, which is validated into a
// document tree. Helpers only format; a figure with no data becomes a visible 【待填：名称】 and a warning.
import Handlebars from 'handlebars';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../util/errors.ts';
import type { ReportContext } from './context.ts';
import { parseMarkup, TemplateError, type DocumentTree } from './markup.ts';
import { cnPunctuation } from './punctuation.ts';

export const TEMPLATE_DIR = join(import.meta.dirname, '..', '..', 'templates');
import { BUILT_IN } from './templates.ts';

export { BUILT_IN };

export async function loadTemplate(nameOrPath: string): Promise<{ name: string; source: string }> {
  const path = existsSync(nameOrPath) ? nameOrPath : join(TEMPLATE_DIR, `${nameOrPath}.hbs`);
  if (!existsSync(path)) {
    throw new UserError(`找不到模板“${nameOrPath}”。`, `内置模板有：${BUILT_IN.join('、')}；也可以用 --template 指定自己的 .hbs 文件路径。`);
  }
  return { name: basename(path), source: await readFile(path, 'utf8') };
}

export function renderTemplate(template: { name: string; source: string }, context: ReportContext): { tree: DocumentTree; missing: string[] } {
  const hb = Handlebars.create();
  const missing: string[] = [];
  hb.registerHelper('数值', (name: unknown) => {
    const key = String(name);
    const value = context.数据[key];
    if (value === undefined || value === null || value === '') {
      if (!missing.includes(key)) missing.push(key);
      return `【待填：${key}】`;
    }
    return typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  });
  hb.registerHelper('顿号', (list: unknown) => (Array.isArray(list) ? list.join('、') : ''));
  let markup: string;
  try {
    markup = hb.compile(template.source, { strict: false, noEscape: false })(context);
  } catch (e) {
    const m = /line (\d+)/.exec((e as Error).message);
    throw new TemplateError(
      `模板“${template.name}”${m ? `第 ${m[1]} 行` : ''}有语法错误：${(e as Error).message.split('\n')[0]}`,
      '请检查 {{ }} 是否成对、{{#each}} 与 {{/each}} 是否对应。',
    );
  }
  // Every document's Chinese text takes full-width punctuation: one rule, applied here to all of them.
  return { tree: parseMarkup(cnPunctuation(markup), template.name, template.source), missing };
}

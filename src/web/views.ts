// The pages are Handlebars templates in web/views, each set inside one layout; Handlebars escapes every value, so
// unit names, file names and reasons from outside are shown as text, never as markup.
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_DIR = join(import.meta.dirname, '..', '..', 'web');

/** A page in the navigation bar. */
export interface NavItem {
  path: string;
  name: string;
}

export class Views {
  private readonly hbs = Handlebars.create();
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;

  constructor(
    private readonly nav: readonly NavItem[],
    dir = join(WEB_DIR, 'views'),
  ) {
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.hbs.registerHelper('percent', (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '—'));
    this.hbs.registerHelper('json', (x: unknown) => JSON.stringify(x));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      const template = this.hbs.compile(readFileSync(join(dir, file), 'utf8'), { strict: false });
      if (file.startsWith('_')) this.hbs.registerPartial(file.slice(1, -4), template);
      else this.pages.set(file.slice(0, -4), template);
    }
    this.layout = this.pages.get('layout')!;
  }

  /** A whole page: `view` inside the layout, with the navigation marking `current`. */
  render(view: string, title: string, data: Record<string, unknown>, current = ''): string {
    const page = this.pages.get(view);
    if (!page) throw new Error(`no view ${view}`);
    const nav = this.nav.map((p) => ({ ...p, href: p.path === '/' || !data.roundId ? p.path : `${p.path}?round=${encodeURIComponent(String(data.roundId))}`, current: p.path === current }));
    return this.layout({ title, nav, body: new Handlebars.SafeString(page(data)), workspace: data.workspace });
  }
}

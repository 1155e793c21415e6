// Builds dist/ from src/ (`npm run build`, run by `npm install` through `prepare`): the CLI and the reader thread as
// ES modules bundled by esbuild, one chunk per group of modules that load together, so that each command still
// loads only its own stages. Node resolves and reads every module file separately: zod alone is 95 files, and the
// CLI's own modules some 40 more; bundled, a command starts about 0.2 s sooner. Type checking stays with tsc
// (`npm run typecheck`).
//
// Bundled: our own code and the small pure-JavaScript libraries the quick commands load at start (zod, commander,
// the zip and XML readers). Left to node_modules: native modules (better-sqlite3, resvg) and the large libraries
// that only some commands load, several of which read their own files at run time (exceljs, docx, echarts, …).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BUNDLED = new Set(['zod', 'commander', 'yauzl', 'saxes', 'fflate']);
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/**
 * zod exports all of its 60-odd message locales as a namespace, which keeps every one in the bundle (half of zod's
 * size, parsed at every start). taizhang words its own messages and uses none of them; zod itself needs only
 * English, its default: the locales index is replaced by one that exports English alone.
 */
const englishZod = {
  name: 'english-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: join(args.resolveDir, '..', 'locales', 'en.js') } : undefined,
    );
  },
};

// Every output file sits in dist/cli/, one folder below dist/ as each source file is one below src/: the paths the
// code builds from its own location (`import.meta.dirname/../../templates`) are the same from src/ and from dist/.
const OUT = join(ROOT, 'dist');
rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { index: 'src/cli/index.ts', 'read-worker': 'src/collect/read-worker.ts' },
  outdir: join(OUT, 'cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  plugins: [englishZod],
  logLevel: 'warning',
  // commander and yauzl are CommonJS and require Node's modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __taizhangRequire } from 'node:module'; const require = __taizhangRequire(import.meta.url);" },
});

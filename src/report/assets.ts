// The two scripts the report inlines: Chart.js's UMD build (copied into dist/ by the build,
// read from node_modules when running from source), and the page script that builds the charts (page.ts and the builders in charts/).
//
// The page script comes from, in order:
//   1. `report-page.js` beside the running bundle, when the build made it (esbuild entry
//      src/report/page.ts → dist/report-page.js, iife, browser);
//   2. otherwise src/report/page.ts bundled here and now with esbuild's JS API (~50 ms).
// (2) keeps one source of truth with no build step for tests (tsx) and for a CLI bundle
// built before the entry existed: esbuild is a devDependency, and the CLI runs from the
// repository where node_modules sits beside dist/. (1) is what a packaged build relies on.
//
// Where "here" is: `__filename`, which both esbuild's CJS bundle and tsx (this package is
// CommonJS) define. `import.meta.url` is avoided on purpose: esbuild warns on every CJS
// build that it is empty. Without `__filename` (an ESM host) the working directory is used.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PAGE_BUNDLE = 'report-page.js';

let chartJs: string | undefined;
let page: string | undefined;

/** The file of this module (or of the bundle it is in), when the host says. */
export function moduleFile(): string | undefined {
  return typeof __filename === 'string' && __filename !== '' ? __filename : undefined;
}

function moduleDir(): string {
  const file = moduleFile();
  return file === undefined ? process.cwd() : dirname(file);
}

function localRequire(): NodeRequire {
  return createRequire(moduleFile() ?? join(process.cwd(), 'package.json'));
}

export const CHART_JS_BUNDLE = 'chart.umd.js';

/**
 * Chart.js's UMD build, which defines the global `Chart`: the copy the build puts beside the
 * bundle (scripts/copy-chartjs.mjs; an installed CLI has no node_modules/chart.js), else the
 * one in node_modules (tests running from source).
 */
export function chartJsSource(): string {
  if (chartJs === undefined) {
    const prebuilt = join(moduleDir(), CHART_JS_BUNDLE);
    if (existsSync(prebuilt)) {
      chartJs = stripSourceMap(readFileSync(prebuilt, 'utf8'));
    } else {
      // chart.js's `exports` map does not list dist/chart.umd.js; its CJS entry sits beside it.
      const main = localRequire().resolve('chart.js');
      chartJs = stripSourceMap(readFileSync(join(dirname(main), 'chart.umd.js'), 'utf8'));
    }
  }
  return chartJs;
}

/** The page script: prebuilt beside the bundle, or bundled from source. */
export function pageScriptSource(): string {
  if (page === undefined) {
    const dir = moduleDir();
    const prebuilt = join(dir, PAGE_BUNDLE);
    page = existsSync(prebuilt) ? stripSourceMap(readFileSync(prebuilt, 'utf8')) : bundlePage(findPageSource(dir));
  }
  return page;
}

function findPageSource(dir: string): string {
  const candidates = [
    join(dir, 'page.ts'), // running from source (tsx): this file is src/report/assets.ts
    join(dir, '..', 'src', 'report', 'page.ts'), // running from a bundle in dist/
    join(process.cwd(), 'src', 'report', 'page.ts'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`the report's page script is missing: neither ${join(dir, PAGE_BUNDLE)} nor src/report/page.ts was found (looked in ${candidates.join(', ')})`);
  }
  return found;
}

export function bundlePage(entry: string): string {
  // Required at run time, not imported: esbuild must stay out of the CLI bundle (it runs a native binary).
  const esbuild = localRequire()('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}

function stripSourceMap(js: string): string {
  return js.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/**
 * JavaScript made safe inside a `<script>` element: `</script` cannot end it early.
 * `<\/` means the same as `</` in a string, a template or a regular expression.
 */
export function inlineScript(js: string): string {
  if (js.includes('<!--')) throw new Error('a script to inline contains "<!--", which HTML parses specially inside <script>');
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

// Bundles each entry point into dist/. Entries that do not exist yet are skipped,
// so the build keeps working while the product grows.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';
import { assertNoNodeModules, webPlugins } from './scripts/web-build.mjs';

const watch = process.argv.includes('--watch');
// Production (npm run package, npm pack): minified, without source maps, which are not shipped.
const production = process.argv.includes('--production') || process.env.REGLAB_PRODUCTION === '1';

// 'module' first: jsonc-parser's UMD build (its 'main') uses dynamic requires esbuild cannot bundle.
const node = { platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'] };
const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js', ...node },
  { in: 'src/worker/worker.ts', out: 'dist/worker.js', ...node },
  { in: 'src/cli.ts', out: 'dist/cli.js', ...node, banner: { js: '#!/usr/bin/env node' } },
  {
    in: 'bench/bench.ts', out: 'dist/bench.js', ...node,
    // The peers stay in node_modules: tfjs-backend-wasm locates its .wasm files beside itself.
    external: ['vscode', '@tensorflow/*'],
  },
  { in: 'src/webview/main.ts', out: 'dist/webview.js', platform: 'browser', target: 'es2022', format: 'iife' },
  // The web extension (vscode.dev, github.dev) and its training worker: see scripts/web-build.mjs.
  { in: 'src/extension/extension.ts', out: 'dist/web/extension.js', platform: 'browser', target: 'es2022', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'], plugins: webPlugins(), metafile: true },
  { in: 'src/worker/webWorker.ts', out: 'dist/web/worker.js', platform: 'browser', target: 'es2022', format: 'iife', plugins: webPlugins(), metafile: true },
  // The CLI's HTML report inlines this page script (src/report/render.ts falls back to bundling it at run time).
  { in: 'src/report/page.ts', out: 'dist/report-page.js', platform: 'browser', target: 'es2022', format: 'iife' },
];

const jobs = entries
  .filter((e) => existsSync(e.in))
  .map(({ in: entry, out, ...options }) => ({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    ...options,
  }));

if (watch) {
  for (const job of jobs) await (await context(job)).watch();
} else {
  const results = await Promise.all(jobs.map((job) => build(job)));
  // A Node module in a web bundle would fail only in the browser: fail the build instead.
  jobs.forEach((job, i) => {
    if (job.plugins !== undefined) assertNoNodeModules(job.outfile, results[i].metafile);
  });
}

// Bundles each entry point into dist/. Entries that do not exist yet are skipped,
// so the build keeps working while the product grows.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';

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
  await Promise.all(jobs.map((job) => build(job)));
}

// Headless Chromium (Debian's, as the e2e tests use it) on a page served from 127.0.0.1
// with the web build's training pool (page.ts), its Web Worker (src/worker/webWorker.ts,
// bundled as dist/web/worker.js is) and a bench worker: for the browser-vs-Node tests
// (test/unit/web/browser.test.ts) and the browser bench (bench/web.ts). The bundles are
// built in memory with esbuild, so nothing needs `npm run build` first.
// With `crossOriginIsolated`, the page is served with COOP/COEP headers and shares memory
// with its workers (a shared cancel flag); without, it is like VS Code's web extension host.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs build script, without types
import { webPlugins } from '../../scripts/web-build.mjs';

const root = resolve(import.meta.dirname, '../..');

/** The Chromium to use, or undefined when this machine has none. */
export function chromiumPath(): string | undefined {
  const path = process.env.REGLAB_E2E_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, entry)], bundle: true, write: false, platform: 'browser', target: 'es2022', format: 'iife',
    plugins: webPlugins(), logLevel: 'silent', minify: true,
  });
  return result.outputFiles[0]!.text;
}

export interface BrowserPage {
  page: Page;
  close(): Promise<void>;
}

export async function openBrowserPage(options: { crossOriginIsolated: boolean }): Promise<BrowserPage> {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('no Chromium (set REGLAB_E2E_CHROMIUM, or npm run e2e:setup)');
  const [page, worker, benchWorker] = await Promise.all([bundle('bench/browser/page.ts'), bundle('src/worker/webWorker.ts'), bundle('bench/browser/bench-worker.ts')]);
  const files: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>Reglab in a browser</title><script src="/page.js"></script>'],
    '/page.js': ['text/javascript', page],
    '/worker.js': ['text/javascript', worker],
    '/bench-worker.js': ['text/javascript', benchWorker],
  };
  const server: Server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    const isolation = options.crossOriginIsolated ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
    res.writeHead(200, { 'Content-Type': file[0], ...isolation }).end(file[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await tab.waitForFunction(() => 'reglab' in globalThis);
    const opened = browser;
    return {
      page: tab,
      close: async () => {
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}

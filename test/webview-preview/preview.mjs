// Renders the Reglab panel's page outside VS Code and screenshots it: every tab of every
// results file, in the dark, light and high-contrast themes, as loaded results and (with
// --stream) as a replayed training session. The page gets the real HTML (panelHtml, with its
// CSP), the real bundle and stylesheet; harness.js stands in for VS Code.
//
//   npm run build            # dist/cli.js makes the results (once; they are cached in --out)
//   node --import tsx test/webview-preview/preview.mjs [options] [results.json ...]
//
// Options:
//   --out DIR        screenshots and cached results (default /tmp/reglab-preview)
//   --themes LIST    dark,light,high-contrast (default dark,light)
//   --views LIST     fit,loss,sweep,weights (default all)
//   --width N        viewport width (default 1200; ~700 is the panel beside an editor in a 1400 px window)
//   --height N       viewport height (default 900; ~760 in a 850 px window)
//   --full           screenshot the whole page, not only what is on screen
//   --stream         also replay each results file as a live session and report timings
//   --serve          only serve the pages and print their URLs (open them in a browser)
// Without results files it trains examples 01 and 06 and fixtures/moons.reglab.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { newNonce, panelHtml } from '../../src/webview/html.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const out = resolve(option('--out', '/tmp/reglab-preview'));
const themes = option('--themes', 'dark,light').split(',');
const views = option('--views', 'fit,loss,sweep,weights').split(',');
const width = Number(option('--width', '1200'));
const height = Number(option('--height', '900'));
const fullPage = flag('--full');
const streamToo = flag('--stream');
const serveOnly = flag('--serve');
mkdirSync(out, { recursive: true });

// ---- results ------------------------------------------------------------------------
const DEFAULT_FILES = ['examples/01-tiny-regression-weight-decay.reglab.json', 'examples/06-lambda-sweep-u-shape.reglab.json', 'test/webview-preview/fixtures/moons.reglab.json'];

function resultsFor(file) {
  const name = basename(file).replace(/\.reglab\.json$/, '');
  const dir = join(out, 'results', name);
  const latest = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().pop() : undefined);
  if (latest() === undefined) {
    const cli = join(root, 'dist/cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first, or pass results files');
    console.log(`training ${file} …`);
    spawnSync(process.execPath, [cli, 'run', join(root, file), '--out', join(out, 'results'), '--no-report', '--workers', '1'], { stdio: 'ignore' });
  }
  const json = latest();
  if (json === undefined) throw new Error(`no results for ${file}`);
  return join(dir, json);
}

const resultFiles = args.length > 0 ? args.map((f) => resolve(f)) : DEFAULT_FILES.map(resultsFor);
const cases = resultFiles.map((path) => ({ name: basename(dirname(path)) === 'results' ? basename(path, '.json') : basename(dirname(path)), results: JSON.parse(readFileSync(path, 'utf8')) }));

/** Playground knobs like the host's: the page only draws what it gets. */
function knobsFor(results) {
  const variants = [...new Set(results.runs.map((r) => r.variant))];
  return [
    { id: 'lambda', label: 'λ (weight decay)', path: 'regularization.weightDecay', value: 0.01, min: 0, max: 10, scale: 'log', variants },
    { id: 'dropout', label: 'dropout p', path: 'regularization.dropout', value: 0, min: 0, max: 0.9, scale: 'linear', variants },
    { id: 'lr', label: 'learning rate', path: 'training.optimizer.lr', value: 0.01, min: 1e-5, max: 1, scale: 'log', variants },
    { id: 'noise', label: 'noise', path: 'data.trainNoise', value: 0.5, min: 0, max: 2, scale: 'linear', variants },
    { id: 'trainSize', label: 'train size', path: 'data.train', value: 10, min: 5, max: 500, scale: 'integer', variants },
    { id: 'seed', label: 'seed', path: 'seed', value: 1, min: 0, max: 100, scale: 'integer', variants },
  ];
}

// ---- the page's files -----------------------------------------------------------------
const bundle = await build({ entryPoints: [join(root, 'src/webview/main.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'warning' });
const files = {
  '/webview.js': ['text/javascript', bundle.outputFiles[0].contents],
  '/harness.js': ['text/javascript', readFileSync(join(here, 'harness.js'))],
  '/panel.css': ['text/css', readFileSync(join(root, 'media/panel.css'))],
  '/codicons/codicon.css': ['text/css', readFileSync(join(root, 'node_modules/@vscode/codicons/dist/codicon.css'))],
  '/codicons/codicon.ttf': ['font/ttf', readFileSync(join(root, 'node_modules/@vscode/codicons/dist/codicon.ttf'))],
};
for (const theme of ['dark', 'light', 'high-contrast']) files[`/themes/${theme}.css`] = ['text/css', readFileSync(join(here, 'themes', `${theme}.css`))];

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/page') return page(url, res);
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
  if (url.pathname === '/data.js') {
    const c = cases.find((x) => x.name === url.searchParams.get('case'));
    const data = {
      results: c?.results ?? null,
      knobs: c === undefined ? [] : knobsFor(c.results),
      theme: url.searchParams.get('theme') ?? 'dark',
      mode: url.searchParams.get('mode') ?? 'load',
      view: url.searchParams.get('view') ?? 'fit',
      tickMs: Number(url.searchParams.get('tick') ?? 100),
    };
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(`window.__PREVIEW_DATA__ = ${JSON.stringify(data)};`);
  }
  const file = files[url.pathname];
  if (file === undefined) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': file[0] });
  res.end(file[1]);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

function page(url, res) {
  const nonce = newNonce();
  let html = panelHtml({ cspSource: origin, nonce, scriptUri: `${origin}/webview.js`, styleUri: `${origin}/panel.css`, codiconsUri: `${origin}/codicons/codicon.css` });
  // The theme's variables, as VS Code would set them; the harness before the page's script.
  html = html.replace('</head>', `<link rel="stylesheet" id="preview-theme" href="${origin}/themes/${url.searchParams.get('theme') ?? 'dark'}.css">\n</head>`);
  html = html.replace(`<script nonce="${nonce}" src=`, `<script nonce="${nonce}" src="${origin}/data.js${url.search}"></script>\n<script nonce="${nonce}" src="${origin}/harness.js"></script>\n<script nonce="${nonce}" src=`);
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(html);
}

const pageUrl = (params) => `${origin}/page?${new URLSearchParams(params)}`;

if (serveOnly) {
  for (const c of cases) for (const theme of themes) console.log(`${c.name} ${theme}: ${pageUrl({ case: c.name, theme })}  (stream: &mode=stream)`);
  console.log('serving; Ctrl+C to stop');
} else {
  await shoot();
  server.close();
}

// ---- screenshots ----------------------------------------------------------------------
async function shoot() {
  const browser = await chromium.launch({ executablePath: process.env.REGLAB_E2E_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const problems = [];
  try {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const watch = (p, label) => {
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${label}: console ${m.type()}: ${m.text()}`);
      });
      p.on('pageerror', (e) => problems.push(`${label}: ${e.message}`));
    };
    for (const theme of themes) {
      const p = await context.newPage();
      watch(p, `empty ${theme}`);
      await p.goto(pageUrl({ case: '', theme, mode: 'empty' }));
      await p.waitForFunction(() => window.__preview?.readyAt !== null && document.body.dataset.state === 'empty');
      await p.screenshot({ path: join(out, `empty-${theme}.png`) });
      await p.close();
    }
    for (const c of cases) {
      for (const theme of themes) {
        const p = await context.newPage();
        watch(p, `${c.name} ${theme}`);
        await p.goto(pageUrl({ case: c.name, theme, mode: 'load' }));
        await p.waitForFunction(() => document.body.dataset.state === 'idle');
        for (const view of views) {
          const before = await p.$eval(`section[data-view="${view}"]`, (s) => Number(s.dataset.renders ?? 0));
          await p.click(`button[role="tab"][data-view="${view}"]`);
          await p.waitForFunction(
            ([v, n]) => Number(document.querySelector(`section[data-view="${v}"]`).dataset.renders ?? 0) > n && [...document.querySelectorAll(`canvas[data-view="${v}"]`)].every((cv) => Number(cv.dataset.draws) > 0),
            [view, before],
          );
          await p.waitForTimeout(150);
          const path = join(out, `${c.name}-${theme}-${view}.png`);
          await p.screenshot({ path, fullPage });
          const counts = await p.$$eval(`canvas[data-view="${view}"]`, (cs) => cs.map((cv) => `${cv.dataset.chart}:${cv.dataset.points}`));
          console.log(`${basename(path)}  ${counts.join(' ')}`);
        }
        // The PNG export, as the host would ask for it.
        await p.click('[data-testid="export-chart"]');
        const image = await p.waitForFunction(() => window.__preview.posted.find((m) => m.type === 'chartImage')?.dataUrl);
        const dataUrl = await image.jsonValue();
        writeFileSync(join(out, `${c.name}-${theme}-export.png`), Buffer.from(dataUrl.split(',')[1], 'base64'));
        const report = await p.evaluate(() => ({ violations: window.__preview.violations, errors: window.__preview.errors }));
        for (const v of report.violations) problems.push(`${c.name} ${theme}: CSP violation ${v}`);
        for (const e of report.errors) problems.push(`${c.name} ${theme}: ${e}`);
        await p.close();
      }
      if (streamToo) await stream(context, c, problems);
    }
    await interactions(context, cases[0], problems);
  } finally {
    await browser.close();
  }
  console.log(problems.length === 0 ? 'no console errors, page errors or CSP violations' : problems.join('\n'));
  console.log(`screenshots in ${out}`);
}

/**
 * What a user does: hover a chart (the read-out), switch the theme while the panel is open,
 * move a slider and save a variant, and reopen the panel (restored from setState, no load).
 */
async function interactions(context, c, problems) {
  const p = await context.newPage();
  p.on('pageerror', (e) => problems.push(`${c.name} interactions: ${e.message}`));
  await p.goto(pageUrl({ case: c.name, theme: themes[0], mode: 'load', view: 'loss' }));
  await p.waitForFunction(() => document.body.dataset.state === 'idle' && document.querySelector('canvas[data-view="loss"]')?.dataset.draws > 0);
  const box = await (await p.$('canvas[data-view="loss"]')).boundingBox();
  await p.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.35);
  await p.waitForTimeout(300);
  await p.screenshot({ path: join(out, `${c.name}-hover-loss.png`) });
  console.log(`${c.name}-hover-loss.png  (tooltip)`);

  await p.mouse.move(0, 0);
  await p.click('[data-testid="log-scale"]');
  await p.waitForFunction(() => document.querySelector('canvas[data-view="loss"]').dataset.draws > 1);
  await p.screenshot({ path: join(out, `${c.name}-loss-linear.png`) });
  console.log(`${c.name}-loss-linear.png  (Log toggle off)`);
  await p.click('[data-testid="log-scale"]');

  const variants = await p.$$('li.variant button[aria-pressed]');
  if (variants.length > 1) {
    await variants[0].click();
    await p.waitForTimeout(200);
    await p.screenshot({ path: join(out, `${c.name}-variant-hidden.png`) });
    console.log(`${c.name}-variant-hidden.png  (first variant hidden from the legend)`);
    await (await p.$('li.variant button[aria-pressed="false"]')).click();
  }

  const draws = await p.$eval('canvas[data-view="loss"]', (cv) => Number(cv.dataset.draws));
  const other = themes.find((t) => t !== themes[0]) ?? 'light';
  await p.evaluate((t) => window.__preview.setTheme(t), other);
  await p.waitForFunction((n) => Number(document.querySelector('canvas[data-view="loss"]').dataset.draws) > n, draws);
  await p.waitForTimeout(150);
  await p.screenshot({ path: join(out, `${c.name}-theme-switched-to-${other}.png`) });
  console.log(`${c.name}-theme-switched-to-${other}.png  (redrawn on the body class change)`);

  // The playground starts closed in a narrow panel: open it as a user would.
  if (!(await p.$eval('[data-testid="playground"]', (d) => d.open))) await p.click('[data-testid="playground"] > summary');
  const slider = await p.$('input[data-knob="lambda"]');
  await slider.focus();
  for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowRight');
  await p.waitForTimeout(400);
  await p.fill('[data-testid="variant-name"]', 'more decay');
  await p.click('[data-testid="save-variant"]');
  const posted = await p.evaluate(() => window.__preview.posted.filter((m) => m.type === 'playground' || m.type === 'saveVariant'));
  console.log(`playground messages: ${JSON.stringify(posted)}`);
  if (posted.filter((m) => m.type === 'playground').length !== 1) problems.push(`expected one debounced playground message, got ${JSON.stringify(posted)}`);

  // Reopened: the harness sends nothing (mode=none); the page draws from getState.
  await p.goto(pageUrl({ case: c.name, theme: themes[0], mode: 'none' }));
  await p.waitForFunction(() => document.body.dataset.state === 'idle' && document.querySelector('canvas[data-view="loss"]')?.dataset.draws > 0, null, { timeout: 5000 }).catch(() => problems.push('the page did not restore from getState'));
  const restored = await p.evaluate(() => ({ view: document.querySelector('[role="tab"][aria-selected="true"]')?.dataset.view, lambda: document.querySelector('input[data-knob="lambda"] + output')?.textContent }));
  console.log(`restored from getState: view ${restored.view}, λ ${restored.lambda}`);
  await p.close();
}

/** Replays a session and reports when the first points were drawn and how often charts drew. */
async function stream(context, c, problems) {
  const p = await context.newPage();
  p.on('pageerror', (e) => problems.push(`${c.name} stream: ${e.message}`));
  await p.goto(pageUrl({ case: c.name, theme: themes[0], mode: 'stream', view: 'loss' }));
  await p.waitForFunction(() => document.body.dataset.state === 'training');
  const first = await p.waitForFunction(() => {
    const drawn = [...document.querySelectorAll('canvas')].some((cv) => Number(cv.dataset.points) > 0);
    return drawn ? performance.now() - window.__preview.sessionAt : false;
  }, null, { polling: 10 });
  const firstMs = await first.jsonValue();
  const drawTimes = [];
  const sample = setInterval(() => p.evaluate(() => document.body.dataset.drawMs).then((ms) => drawTimes.push(Number(ms))).catch(() => {}), 100);
  await p.waitForTimeout(600);
  await p.screenshot({ path: join(out, `${c.name}-stream-loss.png`), fullPage: true });
  // Switching tabs while training: the Fit view follows the newest snapshot.
  await p.click('button[role="tab"][data-view="fit"]');
  await p.waitForTimeout(700);
  await p.screenshot({ path: join(out, `${c.name}-stream-fit.png`), fullPage: true });
  await p.waitForFunction(() => document.body.dataset.state === 'idle', null, { timeout: 120_000 });
  clearInterval(sample);
  const stats = await p.evaluate(() => ({
    messages: window.__preview.posted.length,
    saves: window.__preview.stateSaves,
    draws: [...document.querySelectorAll('canvas')].map((cv) => `${cv.dataset.chart}:${cv.dataset.draws}`),
  }));
  console.log(`${c.name} stream: first points drawn ${Math.round(firstMs)} ms after sessionStarted; draws ${stats.draws.join(' ')}; setState ${stats.saves}×; draw times sampled (ms) max ${Math.max(...drawTimes)}, median ${drawTimes.sort((a, b) => a - b)[drawTimes.length >> 1]}`);
  await p.close();
}

// The end-to-end harness: a real VS Code (code-server under Node 24) driven by Playwright in
// Debian's Chromium, following ../shared/docs/e2e.md. It packages the extension as a .vsix,
// starts servers in throw-away directories, and gives each scenario a fresh workspace, a
// fresh browser page and helpers that wait the way the workbench needs.
//
// Every server and browser started here leads its own process group and is killed, group
// and all, on teardown, on a deadline, on a signal and at exit.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE24 = join(ROOT, `e2e/node24/node_modules/node/node_modules/node-linux-${process.arch}/bin/node`);
export const CODE_SERVER = join(ROOT, 'e2e/server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.REGLAB_E2E_CHROMIUM || '/usr/bin/chromium';
export const OUTPUT = join(ROOT, 'test-output/e2e');
export const FIXTURES = join(ROOT, 'test/e2e/fixtures');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** `<publisher>.<name>`, the folder of the extension's logs. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** User settings of every server: no welcome page, chat, tips, telemetry or update checks. */
export const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'remote.autoForwardPorts': false,
  'window.restoreWindows': 'none',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** What is missing for the e2e tests on this machine (empty when they can run). */
export function missingPieces() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (!existsSync(NODE24)) missing.push('Node 24 for code-server (e2e/node24)');
  if (!existsSync(CODE_SERVER)) missing.push('code-server (e2e/server)');
  return missing;
}

// --- process groups --------------------------------------------------------------------------

const groups = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills every process group still registered: the last resort on exit and on signals. */
export function killAllSync() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}

// --- temporary directories -------------------------------------------------------------------

const tempDirs = new Set();

/** A fresh directory under the system's temp folder, removed at exit whatever happens. */
export function makeTempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Removes a temporary directory now (kept, with its path printed, when REGLAB_E2E_KEEP=1). */
export function removeTempDir(dir) {
  tempDirs.delete(dir);
  if (process.env.REGLAB_E2E_KEEP === '1') console.log(`e2e: kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

process.on('exit', () => {
  killAllSync();
  for (const dir of [...tempDirs]) {
    try {
      removeTempDir(dir);
    } catch {
      // a process that was just killed may still hold it; it is in the temp folder anyway
    }
  }
});

/**
 * Runs `promise` with a deadline: rejects with a clear message when `ms` pass first.
 * The work itself goes on until its resources are closed, which the caller does next.
 */
export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Runs a command to completion with a time limit; throws with its output when it fails. */
function run(cmd, args, { timeoutMs, env, cwd = ROOT }) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit code ${r.status}`;
    throw new Error(`${basename(cmd)} ${args.join(' ')} failed (${why}) after ${since(t0)}:\n${output.slice(-4000)}`);
  }
  return output;
}

// --- the extension under test ------------------------------------------------------------------

/**
 * Builds (`npm run build`) and packages the bundles as a .vsix in `dir`, as a user would
 * install them.
 * With REGLAB_E2E_NO_BUILD=1 the existing dist/ is packaged as it is.
 */
export function buildAndPackage(dir, { webOnly = false, build = true } = {}) {
  // The production bundles, minified as `npm run package` ships them: the panel's page parses
  // a 254 KB script instead of 544 KB, and its start-up is part of what the tests measure.
  if (build && process.env.REGLAB_E2E_NO_BUILD !== '1') {
    run('npm', ['run', '--silent', 'build'], { timeoutMs: 300_000, env: { ...process.env, REGLAB_PRODUCTION: '1' } });
  }
  if (webOnly) dir = join(dir, 'web-only');
  const vsix = join(dir, 'reglab.vsix');
  const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
  // As npm run package: the user's README (MARKETPLACE.md), its images shipped, not rewritten to remote links.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--readme-path', 'MARKETPLACE.md', '--no-rewrite-relative-links', '-o', vsix], { timeoutMs: 180_000, cwd: stage(dir, webOnly) });
  return vsix;
}

/**
 * Copies what the .vsix can ship into `<dir>/stage` and returns that folder. vsce walks
 * every file under its folder before applying .vscodeignore, and e2e/server/node_modules
 * alone makes that ~25 s at the root instead of ~3 s here. What is copied: package.json,
 * .vscodeignore, and the top-level entries its "!" lines name, so the package is the same.
 * The staged manifest drops `vscode:prepublish`: the build above already ran. With `webOnly`
 * it also drops `main`, so VS Code can run the extension only from its `browser` entry: in
 * the browser's extension host (a Web Worker), as vscode.dev and github.dev run it.
 */
function stage(dir, webOnly = false) {
  const stageDir = join(dir, 'stage');
  mkdirSync(stageDir, { recursive: true });
  const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).replace(/^\//, '').split('/')[0]);
  for (const entry of new Set(['.vscodeignore', 'MARKETPLACE.md', ...shipped])) {
    if (/[*?[\]{}!()]/.test(entry)) throw new Error(`.vscodeignore: cannot stage the pattern "${entry}"`);
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(stageDir, entry), { recursive: true });
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (pkg.scripts) delete pkg.scripts['vscode:prepublish'];
  if (webOnly) delete pkg.main;
  writeFileSync(join(stageDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return stageDir;
}

// --- code-server ---------------------------------------------------------------------------

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** The environment of a server: its own HOME and XDG folders, nothing of an outer VS Code. */
function serverEnv(dir) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI and friends would make code-server talk to the VS Code around us.
    if (!k.startsWith('VSCODE_') && !k.startsWith('ELECTRON_')) env[k] = v;
  }
  return {
    ...env,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'xdg/config'),
    XDG_DATA_HOME: join(dir, 'xdg/data'),
    XDG_CACHE_HOME: join(dir, 'xdg/cache'),
  };
}

/**
 * Starts one code-server in a fresh temporary directory and waits until it is healthy.
 * `trust: true` keeps workspace trust on (Restricted Mode for an untrusted folder); `settings`
 * are added to the user settings and `args` to code-server's command line.
 */
export async function startServer({ trust = false, settings = {}, args = [], healthTimeoutMs = 30_000 } = {}) {
  const dir = makeTempDir('reglab-e2e-server-');
  for (const d of ['home', 'xdg/config', 'xdg/data', 'xdg/cache', 'user-data/User', 'extensions', 'workspaces']) {
    mkdirSync(join(dir, d), { recursive: true });
  }
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(
    join(dir, 'user-data/User/settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, 'security.workspace.trust.enabled': trust, ...settings }, null, 2),
  );
  const port = await freePort();
  const flags = [
    '--config', join(dir, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(trust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', join(dir, 'user-data'), '--extensions-dir', join(dir, 'extensions'), ...args,
  ];
  const env = serverEnv(dir);
  const logFile = join(dir, 'code-server.log');
  const fd = openSync(logFile, 'a');
  const t0 = Date.now();
  // detached: the server leads a new process group (setsid), so its extension hosts die with it.
  const child = spawn(NODE24, [CODE_SERVER, ...flags], { env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  groups.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit code ${code}`;
  });
  const server = { dir, port, url: `http://127.0.0.1:${port}`, pid: child.pid, child, flags, env, logFile, trust };

  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exited) {
      killGroup(child.pid, 'SIGKILL'); // whatever it started
      groups.delete(child.pid);
      throw new Error(`code-server ended (${exited}) before it was healthy:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      await stopServer(server);
      throw new Error(`code-server was not healthy within ${healthTimeoutMs / 1000} s:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  server.startSeconds = (Date.now() - t0) / 1000;
  return server;
}

/** Installs a .vsix into the server's extensions directory (the server's own CLI). */
export function installExtension(server, vsix) {
  const out = run(NODE24, [CODE_SERVER, ...server.flags, '--install-extension', vsix], {
    timeoutMs: 120_000, env: server.env,
  });
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${vsix} said:\n${out}`);
  return out.trim();
}

/** Stops a server: SIGTERM to its process group, SIGKILL to whatever is left after 3 s. */
export async function stopServer(server) {
  if (!groups.has(server.pid)) return;
  killGroup(server.pid, 'SIGTERM');
  const gone = new Promise((r) => (server.child.exitCode !== null || server.child.signalCode ? r() : server.child.once('exit', r)));
  await Promise.race([gone, sleep(3000)]);
  killGroup(server.pid, 'SIGKILL'); // extension hosts and anything else left in the group
  groups.delete(server.pid);
}

/** Copies the server's log and its VS Code logs (exthost, remoteagent, channels) to `dest`. */
export function copyServerLogs(server, dest) {
  mkdirSync(dest, { recursive: true });
  if (existsSync(server.logFile)) cpSync(server.logFile, join(dest, 'code-server.log'));
  const logs = join(server.dir, 'user-data/logs');
  if (existsSync(logs)) cpSync(logs, join(dest, 'vscode-logs'), { recursive: true });
}

/** Every file under the server's VS Code logs folder (<user-data>/logs/<time>/...). */
function listLogs(server) {
  const logs = join(server.dir, 'user-data/logs');
  return existsSync(logs) ? readdirSync(logs, { recursive: true }).map((f) => join(logs, f)) : [];
}

/** Deletes a stopped server's directory. */
export function removeServerDir(server) {
  removeTempDir(server.dir);
}

function tail(file, chars = 3000) {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '(no log)';
  }
}

// --- the browser ---------------------------------------------------------------------------------

/**
 * Launches Debian's Chromium with the doc's flags, a fresh profile and its own HOME and XDG
 * folders (crash reports and caches stay out of the real home). Closed by `browser.close()`.
 */
export async function launchBrowser() {
  const home = makeTempDir('reglab-e2e-browser-');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    env: {
      ...process.env,
      HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data'),
    },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // The workbench's page is rewritten on its way in (serveWebviewsCrossSite): without an
      // address of its own the browser would count it as public and block its connections here.
      '--disable-features=LocalNetworkAccessChecks'],
    timeout: 60_000,
    // The runner handles signals itself (it also has servers to kill); Playwright still
    // kills the browser's process group at exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  }).catch((e) => {
    removeTempDir(home);
    throw e;
  });
  browser.on('disconnected', () => removeTempDir(home));
  return browser;
}

// --- one scenario ---------------------------------------------------------------------------

/**
 * What a scenario's `run(t)` receives: the page showing VS Code on a fresh copy of its
 * fixture, and helpers. Created by `openScenario`, closed by `closeScenario`.
 */
export class ScenarioContext {
  constructor({ name, page, context, server, workspace, outDir }) {
    this.name = name;
    this.page = page;
    this.context = context;
    this.server = server;
    this.workspace = workspace;
    this.outDir = outDir;
    this.t0 = Date.now();
    /** Every console line of the page, the extension host's and the webviews' included. */
    this.consoleLines = [];
    this.waiters = [];
    this.shots = 0;
    this.steps = [];
    this.logsBefore = new Set(listLogs(server)); // other scenarios' logs on a shared server
    page.on('console', (m) => this.addLine(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => this.addLine(`[pageerror] ${e.message}`));
  }

  addLine(text) {
    this.consoleLines.push(`+${since(this.t0).padStart(7)} ${text}`);
    for (const w of [...this.waiters]) if (text.includes(w.text)) w.resolve(text);
  }

  /** Notes a step with its time since the scenario began (printed by the runner). */
  step(what) {
    this.steps.push(`+${since(this.t0)} ${what}`);
  }

  /** Waits for a console line containing `text` (also one that arrived before the call). */
  waitForConsole(text, { timeout = 90_000 } = {}) {
    const seen = this.consoleLines.find((l) => l.includes(text));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { text };
      const done = () => this.waiters.splice(this.waiters.indexOf(waiter), 1);
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no console line containing ${JSON.stringify(text)} within ${timeout / 1000} s`));
      }, timeout);
      waiter.resolve = (line) => {
        clearTimeout(timer);
        done();
        resolve(line);
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits until the workbench is on screen. */
  async waitForWorkbench({ timeout = 60_000 } = {}) {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
    // An empty workspace (a newcomer's) shows the folder with no rows in it.
    const rows = readdirSync(this.workspace).length > 0 ? ' .monaco-list-row' : '';
    await this.page.locator(`.explorer-folders-view${rows}`).first().waitFor({ state: 'visible', timeout });
  }

  /** The quick input (palette, Quick Open) and its rows. */
  quickInput() {
    const widget = this.page.locator('.quick-input-widget');
    return { widget, input: widget.locator('input').first(), rows: widget.locator('.quick-input-list .monaco-list-row') };
  }

  /**
   * Runs a command by its palette title ("Reglab: Show Log"): F1, the title, then the row
   * whose label is exactly that title. When the row does not come (a palette opened before
   * the command was registered does not refresh), Escape and try again. `ran` waits for what
   * the command does (default: the palette closes; a command that opens a quick pick of its
   * own waits for that pick instead).
   */
  async runCommand(title, { attempts = 4, rowTimeout = 5000, ran = () => this.quickInput().widget.waitFor({ state: 'hidden', timeout: 5000 }) } = {}) {
    const { input, rows } = this.quickInput();
    const exactly = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    let lastError;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 5000 });
        await input.fill(`>${title}`, { timeout: 5000 });
        const row = rows.filter({ has: this.page.locator('.label-name', { hasText: exactly }) }).first();
        await row.waitFor({ state: 'visible', timeout: rowTimeout });
        const first = (await rows.first().locator('.label-name').first().innerText()).trim();
        // Enter runs the first row and leaves the mouse where it was (no hover in screenshots).
        if (first === title) await this.page.keyboard.press('Enter');
        else await row.click({ timeout: 5000 });
        await ran();
        this.step(`ran "${title}"${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
        return;
      } catch (e) {
        lastError = e;
        await this.page.keyboard.press('Escape').catch(() => {});
        await sleep(1000);
      }
    }
    throw new Error(`could not run "${title}" from the palette in ${attempts} attempts: ${lastError?.message}`);
  }

  /** Opens a workspace file by name with Quick Open and waits for its tab. */
  async openFile(name, { timeout = 15_000 } = {}) {
    const { widget, input, rows } = this.quickInput();
    await this.page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(name);
    await rows.filter({ hasText: name }).first().waitFor({ state: 'visible', timeout });
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout });
    await this.page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ state: 'visible', timeout });
    this.step(`opened ${name}`);
  }

  /** Clicks the CodeLens with this title in the visible editor. */
  async clickCodeLens(title, { timeout = 30_000 } = {}) {
    const lens = this.page.locator('.monaco-editor .codelens-decoration a', { hasText: title }).first();
    await lens.waitFor({ state: 'visible', timeout });
    await lens.click({ timeout });
    this.step(`clicked CodeLens "${title}"`);
  }

  /** The channel the Output panel's picker has selected; undefined while the panel is closed. */
  async shownOutputChannel() {
    // The panel's toolbar and the (hidden) view header each have a channel picker.
    const picker = this.page.locator('.part.panel select[aria-label="Switch Output"]:visible').first();
    if ((await picker.count()) === 0) return undefined;
    return picker.evaluate((s) => s.selectedOptions[0]?.text, undefined, { timeout: 1000 }).catch(() => undefined);
  }

  /** Waits until the Output panel shows `channel`, whatever its text. */
  async waitForOutputChannel(channel, { timeout = 15_000 } = {}) {
    const deadline = Date.now() + timeout;
    let shown;
    while ((shown = await this.shownOutputChannel()) !== channel) {
      if (Date.now() > deadline) {
        throw new Error(`the Output panel shows ${shown === undefined ? 'no channel' : `the channel "${shown}"`}, not "${channel}", after ${timeout / 1000} s`);
      }
      await sleep(250);
    }
  }

  /**
   * Waits until the Output panel shows `channel` with a line containing `text`; returns the
   * panel's visible text. On timeout the error says what the panel shows instead.
   */
  async waitForOutput(channel, text, { timeout = 15_000 } = {}) {
    await this.waitForOutputChannel(channel, { timeout });
    const view = this.page.locator('.part.panel .monaco-editor .view-lines');
    const lines = view.filter({ hasText: text }).first();
    try {
      await lines.waitFor({ state: 'visible', timeout });
    } catch {
      const shown = await view.first().innerText({ timeout: 1000 }).catch(() => '(no editor)');
      throw new Error(`the Output panel shows "${channel}" but not "${text}" after ${timeout / 1000} s; its text: ${JSON.stringify(shown.slice(0, 400))}`);
    }
    this.step(`Output panel shows "${channel}" with "${text}"`);
    return lines.innerText();
  }

  /** This scenario's log files (created since it began) ending in `suffix`, joined. */
  scenarioLog(suffix) {
    return listLogs(this.server)
      .filter((f) => f.endsWith(`/${suffix}`) && !this.logsBefore.has(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  }

  /** This scenario's exthostN/remoteexthost.log: activation events, extension host errors. */
  exthostLog() {
    return this.scenarioLog('remoteexthost.log');
  }

  /** This scenario's log of a `createOutputChannel(channel, { log: true })` channel. */
  channelLog(channel) {
    return this.scenarioLog(`${EXTENSION_ID}/${channel}.log`);
  }

  /** The document inside the active webview (a FrameLocator). */
  webviewFrame() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** Saves a screenshot as test-output/e2e/<scenario>/NN-name.png. */
  async screenshot(name) {
    this.shots += 1;
    const path = join(this.outDir, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path, timeout: 15_000 });
    return path;
  }
}

/**
 * Opens a scenario: a fresh copy of the fixture folder, a fresh browser context showing
 * VS Code on it, and an empty output folder test-output/e2e/<name>/.
 */
export async function openScenario({ name, fixture, server, browser }) {
  const outDir = join(OUTPUT, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const workspace = join(server.dir, 'workspaces', name, basename(fixture));
  cpSync(resolve(FIXTURES, fixture), workspace, { recursive: true }); // a name in fixtures/ or a path
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  if (process.env.REGLAB_E2E_SAME_SITE_WEBVIEWS !== '1') await serveWebviewsCrossSite(context, server);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const t = new ScenarioContext({ name, page, context, server, workspace, outDir });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 30_000 });
  return t;
}

/**
 * Serves webviews from their own site, as VS Code does everywhere but in code-server: on
 * desktop a webview's page is `vscode-webview://<id>`, on vscode.dev `<id>.vscode-cdn.net`, and
 * Chromium's site isolation gives such a page its own renderer process and thread. code-server
 * serves them from the workbench's own origin, which puts the panel's drawing on the editor's
 * thread, a cost no user of VS Code pays. The workbench's page names the webviews' endpoint in
 * its configuration and allows their frames in its Content-Security-Policy; both are rewritten
 * for `<id>.localhost` on the same server (Chromium resolves `*.localhost` to this machine and
 * treats it as a secure context), and VS Code puts each webview's id in place of `{{uuid}}`,
 * as with vscode.dev's template. (A rewritten page has no network address of its own, so the
 * browser is started with Local Network Access checks off: see launchBrowser.)
 * REGLAB_E2E_SAME_SITE_WEBVIEWS=1 keeps code-server's own behaviour.
 */
async function serveWebviewsCrossSite(context, server) {
  const { origin, port } = new URL(server.url);
  const webviewSite = `http://*.localhost:${port}`;
  await context.route((url) => url.origin === origin && url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    const csp = headers['content-security-policy'];
    if (csp === undefined || !/frame-src /.test(csp)) throw new Error(`the workbench's page has no frame-src to extend: ${csp}`);
    headers['content-security-policy'] = csp.replace('frame-src ', `frame-src ${webviewSite} `);
    let rewritten = 0;
    const body = (await response.text()).replace(/(&quot;webviewEndpoint&quot;:&quot;)(.*?)(&quot;)/, (_, open, endpoint, close) => {
      rewritten += 1;
      return `${open}http://{{uuid}}.localhost:${port}${new URL(endpoint, server.url).pathname}${close}`;
    });
    if (rewritten !== 1) throw new Error('the workbench\'s page has no webviewEndpoint to rewrite');
    await route.fulfill({ response, headers, body });
  });
}

/**
 * Closes a scenario: a "failure" screenshot when it failed, then its console lines and steps
 * into its output folder, the browser context closed (with a time limit), the logs copied.
 */
export async function closeScenario(t, { failed }) {
  if (failed) await t.screenshot('failure').catch(() => {});
  writeFileSync(join(t.outDir, 'console.log'), `${t.consoleLines.join('\n')}\n`);
  writeFileSync(join(t.outDir, 'steps.log'), `${t.steps.join('\n')}\n`);
  await withDeadline(t.context.close(), 15_000, 'closing the browser context').catch(() => {});
  copyServerLogs(t.server, join(t.outDir, 'logs'));
}

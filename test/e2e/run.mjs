// Runs the end-to-end scenarios in test/e2e/scenarios/ in a real VS Code (code-server) driven
// by Playwright in Debian's Chromium. Usage:
//
//   node test/e2e/run.mjs [scenario-name ...]
//
// Without names it runs every scenario but the optional ones (harness-selftest).
// Scenarios that need the same server settings share one server, and all share one browser;
// each gets its own browser context and a fresh copy of its fixture folder. Screenshots,
// console lines and logs land in test-output/e2e/<scenario>/.
//
// When chromium or the code-server install (scripts/e2e-setup.sh) is missing, the run is
// skipped with exit code 0, unless REGLAB_E2E_REQUIRED is set: then it fails.
// It builds the production bundles first (minified, as the .vsix ships them);
// REGLAB_E2E_NO_BUILD=1 packages the existing dist/ without building; REGLAB_E2E_KEEP=1
// keeps the servers' temporary directories.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  OUTPUT, ROOT, buildAndPackage, closeScenario, copyServerLogs, installExtension, killAllSync, launchBrowser,
  makeTempDir, missingPieces, openScenario, removeServerDir, removeTempDir, startServer, stopServer, withDeadline,
} from './harness.mjs';

const DEFAULT_SCENARIO_TIMEOUT_MS = 180_000;
const SETUP_ALLOWANCE_MS = 5 * 60_000; // build, package, browser and server starts

const t0 = Date.now();
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`e2e: ${line}`);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`e2e: ${signal}: killing the servers and the browser`);
    // The exit handlers kill the servers' process groups and remove the temporary
    // directories; Playwright's kill the browser's.
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

const missing = missingPieces();
if (missing.length > 0) {
  const why = `the e2e tests need ${missing.join(', ')}; install them with scripts/e2e-setup.sh`;
  if (process.env.REGLAB_E2E_REQUIRED) {
    console.error(`FAILED: ${why} (REGLAB_E2E_REQUIRED is set)`);
    process.exit(1);
  }
  console.log(`SKIPPED: ${why}`);
  process.exit(0);
}

const scenarioDir = join(ROOT, 'test/e2e/scenarios');
const only = process.argv.slice(2);
const scenarios = [];
for (const file of readdirSync(scenarioDir).filter((f) => f.endsWith('.mjs')).sort()) {
  const scenario = (await import(pathToFileURL(join(scenarioDir, file)).href)).default;
  // Optional scenarios (the harness self-test) run only when named.
  if (only.length === 0 ? !scenario.optional : only.includes(scenario.name)) scenarios.push(scenario);
}
const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length > 0 || scenarios.length === 0) {
  console.error(`e2e: no scenario named ${unknown.join(', ') || '(none found)'} in ${scenarioDir}`);
  process.exit(1);
}

// Nothing may hang: past this, everything is killed and the run fails.
const overallMs = SETUP_ALLOWANCE_MS + scenarios.reduce((sum, s) => sum + (s.timeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS), 0);
setTimeout(() => {
  console.error(`e2e: FAILED: the whole run passed its deadline of ${overallMs / 1000} s; killing everything`);
  killAllSync();
  process.exit(1);
}, overallMs).unref();

// Scenarios that need the same server share one, in the order they were first named.
const groups = new Map();
for (const s of scenarios) {
  const key = JSON.stringify(s.server ?? {});
  if (!groups.has(key)) groups.set(key, { options: s.server ?? {}, scenarios: [] });
  groups.get(key).scenarios.push(s);
}

const results = [];
const fail = (scenario, error) => results.push({ name: scenario.name, ok: false, error });

let browser;
const packageDir = makeTempDir('reglab-e2e-vsix-');
try {
  let t = Date.now();
  const vsix = buildAndPackage(packageDir);
  let webOnlyVsix;
  say(`built and packaged the .vsix in ${secs(t)}`);
  t = Date.now();
  browser = await launchBrowser();
  say(`chromium ${browser.version()} up in ${secs(t)}`);

  for (const group of groups.values()) {
    let server;
    try {
      server = await startServer(group.options);
      say(`code-server on ${server.url} (${JSON.stringify(group.options)}) healthy in ${server.startSeconds.toFixed(1)} s`);
      t = Date.now();
      // `server.webOnly`: the package without `main`, which VS Code runs in the browser's extension host.
      installExtension(server, group.options.webOnly ? (webOnlyVsix ??= buildAndPackage(packageDir, { webOnly: true, build: false })) : vsix);
      say(`installed the .vsix in ${secs(t)}`);
    } catch (error) {
      for (const s of group.scenarios) fail(s, error);
      if (server) {
        copyServerLogs(server, join(OUTPUT, group.scenarios[0].name, 'logs'));
        await stopServer(server);
        removeServerDir(server);
      }
      continue;
    }
    try {
      for (const scenario of group.scenarios) results.push(await runScenario(scenario, server, browser));
    } finally {
      await stopServer(server);
      removeServerDir(server);
    }
  }
} catch (error) {
  // Building, packaging or launching the browser failed: report it once.
  console.log(`e2e: FAILED before the scenarios could run: ${error instanceof Error ? error.message : error}`);
  const notRun = new Error('not run: the setup above failed');
  for (const s of scenarios) if (!results.some((r) => r.name === s.name)) fail(s, notRun);
} finally {
  if (browser) await withDeadline(browser.close(), 15_000, 'closing the browser').catch(() => {});
  killAllSync();
  removeTempDir(packageDir);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
for (const r of results.filter((x) => !x.ok && !x.reported)) {
  console.log(`FAIL ${r.name}: ${r.error instanceof Error ? r.error.message : r.error}`);
}
say(`${passed} passed, ${failed} failed in ${secs(t0)}; screenshots and logs in ${OUTPUT}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

async function runScenario(scenario, server, browser) {
  const started = Date.now();
  const timeoutMs = scenario.timeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS;
  let t;
  let error;
  try {
    await withDeadline((async () => {
      t = await openScenario({ name: scenario.name, fixture: scenario.fixture, server, browser });
      await t.waitForWorkbench();
      t.step('workbench shown');
      await scenario.run(t);
    })(), timeoutMs, `scenario "${scenario.name}"`);
  } catch (e) {
    error = e;
  }
  if (t) await closeScenario(t, { failed: Boolean(error) });
  const steps = t ? t.steps.map((s) => `      ${s}`).join('\n') : '';
  if (error) {
    console.log(`FAIL ${scenario.name} (${secs(started)}): ${error.message}\n${steps}`);
    return { name: scenario.name, ok: false, error, reported: true };
  }
  console.log(`PASS ${scenario.name} (${secs(started)})\n${steps}`);
  return { name: scenario.name, ok: true };
}

// With workspace trust on, an untrusted folder opens in Restricted Mode. The manifest
// declares `capabilities.untrustedWorkspaces: limited`, so Reglab activates there with its
// CodeLenses and its own diagnostics, and opens saved results; but it does not train: Run
// says why, with a button that opens the trust editor, and no run starts. (Without that
// declaration VS Code keeps the extension disabled in Restricted Mode.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../harness.mjs';
import { clickLens, lenses, mark, panel, traceAfter, waitForChart } from '../panel.mjs';

export default {
  name: 'restricted-mode',
  fixture: 'demo',
  server: { trust: true },
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    // Saved results, as a trusted session or the CLI would have left them.
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'run', 'demo.reglab.json', '--out', '.reglab/runs', '--no-report'], { cwd: t.workspace, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    t.step('the CLI saved results into .reglab/runs');

    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
    t.step('the folder is in Restricted Mode');
    await t.waitForConsole('[reglab] activated', { timeout: 90_000 });
    t.step('extension activated in Restricted Mode');

    let since = mark(t);
    await t.openFile('demo.reglab.json');
    await traceAfter(t, since, 'diagnostics: demo.reglab.json 0', { timeout: 30_000 });
    await lenses(t, 'Run all variants').first().waitFor({ timeout: 60_000 });
    await t.screenshot('restricted-lenses');

    // Run: refused, with the reason and a way to trust the folder.
    since = mark(t);
    await clickLens(t, 'Run all variants');
    await traceAfter(t, since, 'restricted: train refused', { timeout: 15_000 });
    const warning = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Restricted Mode' }).first();
    await warning.waitFor({ timeout: 15_000 });
    assert.match(await warning.innerText(), /does not train in Restricted Mode/);
    await page.waitForTimeout(1500); // the toast fades in; and a run, if one started, would show by now
    await t.screenshot('restricted-run-refused');
    assert.ok(!t.consoleLines.slice(since).some((l) => l.includes('[reglab] session started')), 'nothing trains');
    t.step('Run was refused with a message; no session started');

    // Saved results open.
    since = mark(t);
    await clickLens(t, 'Open results');
    await traceAfter(t, since, 'opened saved results: "Weight decay on a tiny noisy regression"', { timeout: 30_000 });
    await waitForChart(t, 'fit', { min: 10 });
    await panel(t).locator('h1.title', { hasText: 'Weight decay on a tiny noisy regression' }).waitFor();
    t.step('saved results open in the panel');
    await t.screenshot('restricted-saved-results');

    // The notification's button opens the trust editor.
    await warning.hover();
    await warning.getByRole('button', { name: 'Manage Workspace Trust' }).click();
    await page.getByText('You are in Restricted Mode').first().waitFor({ timeout: 15_000 });
    t.step('"Manage Workspace Trust" opened the trust editor');
    await t.screenshot('restricted-trust-editor');
    await page.keyboard.press('Escape');

    await t.runCommand('Reglab: Show Log');
    await t.waitForOutput('Reglab', 'Restricted Mode');
  },
};

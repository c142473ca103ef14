// The extension activates in a workspace with an experiment file, and its log is one
// command away: "Reglab: Show Log" shows the Reglab output channel with its first line.
import assert from 'node:assert/strict';

export default {
  name: 'activation',
  fixture: 'demo',
  server: { trust: false },
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.reglab.json' }).waitFor();
    await t.screenshot('workbench');

    await t.waitForConsole('[reglab] activated', { timeout: 90_000 });
    t.step('extension activated');

    await t.runCommand('Reglab: Show Log');
    await t.waitForOutput('Reglab', 'Reglab activated');
    await t.screenshot('show-log');

    // The same line reached the channel's log file, where a failing test's reader looks.
    const log = t.channelLog('Reglab');
    assert.match(log, /\[info\] Reglab activated/, 'Reglab.log has the activation line');
    t.step('Reglab.log has "Reglab activated"');
  },
};

// In a folder without any *.reglab.json, nothing activates Reglab at startup, yet its
// command is in the palette (from the manifest) and running it activates the extension:
// VS Code (1.74 and later) adds `onCommand:` for every contributed command, so the manifest
// needs no activation event of its own for it.
import assert from 'node:assert/strict';

export default {
  name: 'command-activation',
  fixture: 'plain',
  server: { trust: false },
  timeoutMs: 180_000,

  async run(t) {
    await t.runCommand('Reglab: Show Log', { attempts: 6 });
    await t.waitForConsole('[reglab] activated', { timeout: 30_000 });
    t.step('extension activated by its command');
    // The command that activates Reglab also shows its brand-new channel: VS Code can drop
    // that first reveal (src/extension/log.ts reveals again); the panel must open all the same.
    await t.waitForOutput('Reglab', 'Reglab activated');
    await t.screenshot('activated-by-command');

    const log = t.exthostLog();
    assert.match(log, /_doActivateExtension reglab\.reglab, startup: false, activationEvent: 'onCommand:reglab\.showLog'/,
      'remoteexthost.log says the command activated Reglab');
    t.step("remoteexthost.log: activated by 'onCommand:reglab.showLog'");
  },
};

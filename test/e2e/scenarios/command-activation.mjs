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
    // The channel's text is not awaited here: when the command creates the channel and shows it
    // in the same tick, VS Code's view can load the log file before the first line is flushed
    // and, rarely, not refresh until the next line (CI saw it once). `activation` checks the
    // rendered line; this scenario checks what the command did: activate Reglab, show its channel.
    await t.waitForOutputChannel('Reglab');
    t.step('Output panel shows "Reglab"');
    await t.screenshot('activated-by-command');
    await t.waitForChannelLog('Reglab', /\[info\] Reglab activated/);
    t.step('Reglab.log has "Reglab activated"');

    const log = t.exthostLog();
    assert.match(log, /_doActivateExtension reglab\.reglab, startup: false, activationEvent: 'onCommand:reglab\.showLog'/,
      'remoteexthost.log says the command activated Reglab');
    t.step("remoteexthost.log: activated by 'onCommand:reglab.showLog'");
  },
};

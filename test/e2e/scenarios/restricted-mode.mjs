// With workspace trust on, an untrusted folder opens in Restricted Mode. The manifest
// declares `capabilities.untrustedWorkspaces: limited`, so Reglab still activates there and
// its commands work (it will show files and results but not train). Without that
// declaration VS Code keeps the extension disabled in Restricted Mode: no activation line,
// no command in the palette.

export default {
  name: 'restricted-mode',
  fixture: 'demo',
  server: { trust: true },
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
    t.step('the folder is in Restricted Mode');

    await t.waitForConsole('[reglab] activated', { timeout: 90_000 });
    t.step('extension activated in Restricted Mode');
    await t.screenshot('restricted-activated');

    await t.runCommand('Reglab: Show Log');
    await t.waitForOutput('Reglab', 'Reglab activated');
    await t.screenshot('restricted-show-log');
  },
};

// Checks the harness's helpers against VS Code's own features, so that when a Reglab
// scenario fails after a code-server upgrade it is clear whether the harness broke: Quick
// Open, a CodeLens (TypeScript's references), the palette and a webview (the Markdown
// preview). Optional: run it by name, `node test/e2e/run.mjs harness-selftest`.
import assert from 'node:assert/strict';

export default {
  name: 'harness-selftest',
  fixture: 'selftest',
  server: { settings: { 'typescript.referencesCodeLens.enabled': true } },
  optional: true,
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    await t.openFile('sample.ts');
    await t.clickCodeLens('1 reference', { timeout: 60_000 }); // tsserver takes a while to start
    const peek = page.locator('.peekview-widget');
    await peek.waitFor({ timeout: 15_000 });
    await peek.locator('.monaco-list-row', { hasText: 'const four = twice(2);' }).waitFor({ timeout: 15_000 });
    await t.screenshot('codelens-peek');
    await page.keyboard.press('Escape');

    await t.openFile('notes.md');
    await t.runCommand('Markdown: Open Preview to the Side');
    const body = t.webviewFrame().locator('body');
    await body.locator('h1', { hasText: 'Self-test' }).waitFor({ timeout: 30_000 });
    assert.match(await body.innerText(), /Hello from the markdown preview\./);
    t.step('the Markdown preview webview shows the file');
    await t.screenshot('markdown-webview');
  },
};

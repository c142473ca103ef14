// "Export to PyTorch" above an experiment: pick "Script", and the equivalent PyTorch
// script is written beside the file and opened in the editor.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default {
  name: 'export-pytorch',
  fixture: 'demo',
  server: { trust: false },
  timeoutMs: 120_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    await t.openFile('demo.reglab.json');
    await t.clickCodeLens('Export to PyTorch');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Script' }).first();
    await pick.waitFor({ timeout: 30_000 });
    await t.screenshot('choose-export');
    await pick.click();
    await page.locator('.tabs-container .tab', { hasText: 'demo.py' }).waitFor({ timeout: 30_000 });
    await t.screenshot('script-open');
    const script = join(t.workspace, 'demo.py');
    assert.ok(existsSync(script), 'demo.py was written beside the experiment');
    const text = readFileSync(script, 'utf8');
    assert.match(text, /^import torch$/m);
    assert.match(text, /nn\.Sequential|class .*nn\.Module/);
    assert.ok(!existsSync(join(t.workspace, 'demo.exact.json')), 'no exact data unless asked for');
    t.step('demo.py written and opened');
  },
};

// The playground, in the light theme: moving the λ slider retrains the variant it affects
// (the Fit chart changes, the file does not), then "Save as variant" writes the values into
// the file as a new variant through a WorkspaceEdit, and Undo in the editor takes it back.
import assert from 'node:assert/strict';
import { canvasPixels, clickLens, mark, panel, readWorkspaceFile, traceAfter, waitForChart, waitForPageState } from '../panel.mjs';

export const LIGHT = { 'workbench.colorTheme': 'Default Light Modern' };

export default {
  name: 'playground',
  fixture: 'demo',
  server: { trust: false, settings: LIGHT },
  timeoutMs: 240_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    await t.openFile('demo.reglab.json');
    const original = readWorkspaceFile(t, 'demo.reglab.json');
    let since = mark(t);
    await clickLens(t, 'Run all variants');
    await traceAfter(t, since, 'session finished: experiment', { timeout: 120_000 });
    await waitForPageState(t, 'idle');
    await waitForChart(t, 'fit', { min: 10 });
    const before = await canvasPixels(t, 'fit');
    await t.screenshot('before');

    // The playground starts closed beside an editor (the charts come first): open it.
    const playground = panel(t).locator('[data-testid="playground"]');
    assert.equal(await playground.evaluate((d) => d.open), false, 'closed by default in a narrow panel');
    await playground.locator('summary').click();
    // λ (weight decay) from 0.01 to its far end: the "weight decay" variant flattens.
    const lambda = panel(t).locator('input[type="range"][data-knob="lambda"]');
    await lambda.waitFor();
    since = mark(t);
    const max = await lambda.getAttribute('max');
    await lambda.fill(String(Number(max) - 60));
    const retrain = await traceAfter(t, since, 'playground: retraining', { timeout: 30_000 });
    assert.match(retrain, /retraining weight decay with \{"lambda":/, 'only the variant λ affects is retrained');
    await traceAfter(t, since, 'session finished: playground', { timeout: 120_000 });
    await waitForPageState(t, 'idle');
    await page.waitForFunction(() => true); // let the page's throttled draw land
    await waitForChart(t, 'fit', { min: 10 });
    let after = await canvasPixels(t, 'fit');
    for (let i = 0; i < 20 && after[0]?.hash === before[0]?.hash; i++) {
      await page.waitForTimeout(250);
      after = await canvasPixels(t, 'fit');
    }
    assert.notEqual(after[0]?.hash, before[0]?.hash, 'the Fit chart changed');
    assert.equal(readWorkspaceFile(t, 'demo.reglab.json'), original, 'the playground does not touch the file');
    t.step('the fit changed; the file did not');
    // The retrained curve says it was trained with a playground value, in the legend too.
    const played = panel(t).locator('li.variant[data-variant="weight decay"] .name');
    assert.match(await played.innerText(), /^weight decay · λ = [\d.e−-]+ \(playground\)$/);
    await t.screenshot('after-lambda');

    // Save as variant: the file gets the new variant, the editor shows it.
    since = mark(t);
    await panel(t).locator('[data-testid="variant-name"]').fill('strong decay');
    await panel(t).locator('[data-testid="save-variant"]').click();
    await traceAfter(t, since, 'variant saved: "strong decay"', { timeout: 30_000 });
    const saved = readWorkspaceFile(t, 'demo.reglab.json');
    assert.match(saved, /"name": "strong decay"/);
    assert.match(saved, /"weightDecay": 0\.[0-9]+/);
    assert.ok(saved.includes('// The experiment of the design notes'), 'the comments are kept');
    const editor = page.locator('.editor-group-container .monaco-editor .view-lines', { hasText: 'strong decay' }).first();
    await editor.waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run this variant' }).nth(2).waitFor({ timeout: 30_000 });
    t.step('the file and the editor have the new variant, with its own Run lens');
    // The curve trained with those values now carries the new variant's name.
    await panel(t).locator('li.variant[data-variant="strong decay"]').waitFor({ timeout: 15_000 });
    assert.equal(await panel(t).locator('li.variant', { hasText: '(playground)' }).count(), 0);
    t.step('the playground curve took the new variant’s name');
    await t.screenshot('saved-variant');

    // Undo in the editor takes it back.
    await editor.click();
    await page.keyboard.press('Control+Z');
    await page.locator('.editor-group-container .monaco-editor .view-lines', { hasText: 'strong decay' }).waitFor({ state: 'detached', timeout: 15_000 });
    t.step('Undo removed the variant from the editor');
    await t.screenshot('undone');
  },
};

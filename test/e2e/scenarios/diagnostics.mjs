// A broken experiment: a CSV column that does not exist and a sweep over a field that does
// not exist are Reglab's own diagnostics, underlined where they are written and listed in
// the Problems view; fixing the column as one types clears its diagnostic. The schema's
// hover docs work in the same file (contributes.jsonValidation).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../harness.mjs';
import { lenses, mark, traceAfter } from '../panel.mjs';

/** 1-based "line:column" of the first `needle` in the fixture's experiment file. */
function lineColumn(needle) {
  const text = readFileSync(join(FIXTURES, 'broken/broken.reglab.json'), 'utf8');
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return [before.length, before.at(-1).length + 1];
}
const COLUMN = lineColumn('"floors"');
const SWEEP = lineColumn('"regularization.weightDecy"');
import { LIGHT } from './playground.mjs';

async function problems(t) {
  const rows = t.page.locator('.markers-panel .monaco-list-row');
  return rows.evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
}

export default {
  name: 'diagnostics',
  fixture: 'broken',
  server: { trust: false, settings: LIGHT },
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    let since = mark(t);
    await t.openFile('broken.reglab.json');
    const first = await traceAfter(t, since, 'diagnostics: broken.reglab.json 2', { timeout: 30_000 });
    t.step(`diagnostics at ${first.slice(first.indexOf('(') + 1, first.indexOf(')'))}`);
    assert.ok(first.includes(`(${COLUMN.join(':')} ${SWEEP.join(':')})`), `the column "floors" at ${COLUMN} and the sweep field at ${SWEEP}: ${first}`);
    await page.locator('.editor-group-container.active .squiggly-error').nth(1).waitFor({ timeout: 15_000 });
    await lenses(t, 'Fix the problems to run').first().waitFor({ timeout: 30_000 });
    t.step('squiggles and the "Fix … to run" lens are shown');

    await t.runCommand('View: Toggle Problems');
    const panel = page.locator('.markers-panel');
    await panel.locator('.monaco-list-row', { hasText: 'floors' }).waitFor({ timeout: 15_000 });
    const rows = await problems(t);
    t.step(`Problems: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => /floors/.test(r) && /reglab/.test(r) && r.includes(`[Ln ${COLUMN[0]}, Col ${COLUMN[1]}]`)), rows.join('\n'));
    assert.ok(rows.some((r) => /weightDecy/.test(r) && r.includes(`[Ln ${SWEEP[0]}, Col ${SWEEP[1]}]`)), rows.join('\n'));
    await t.screenshot('problems');

    // The schema's hover docs.
    const key = page.locator('.editor-group-container.active .view-line span', { hasText: '"generator"' }).first();
    await key.hover();
    const hover = page.locator('.monaco-hover', { hasText: /CSV|data set|generator/i }).first();
    await hover.waitFor({ timeout: 15_000 });
    t.step(`hover: ${(await hover.innerText()).slice(0, 80).replace(/\s+/g, ' ')}…`);
    await t.screenshot('hover');
    await page.keyboard.press('Escape');

    // Fix the column as one types: the diagnostic goes, the other stays.
    since = mark(t);
    await page.locator('.editor-group-container.active .tabs-container .tab.active').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('floors');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.type('rooms');
    await traceAfter(t, since, `diagnostics: broken.reglab.json 1 (${SWEEP.join(':')})`, { timeout: 15_000 });
    await panel.locator('.monaco-list-row', { hasText: 'floors' }).waitFor({ state: 'detached', timeout: 15_000 });
    const after = await problems(t);
    assert.ok(after.some((r) => /weightDecy/.test(r)), after.join('\n'));
    t.step('typing "rooms" cleared the column diagnostic');
    await t.screenshot('fixed-column');
  },
};

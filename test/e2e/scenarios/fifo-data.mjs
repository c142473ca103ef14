// An experiment whose CSV is a named pipe (issue 12, #1): the data check must not read it
// (a synchronous read would block the extension host forever). The file gets a diagnostic
// at the path saying what the file is, and the editor and the extension host stay
// responsive: a keystroke shows, the diagnostics follow the edit, a command runs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../harness.mjs';
import { mark, traceAfter } from '../panel.mjs';

const FILE = 'pipe.reglab.json';
const text = readFileSync(join(FIXTURES, 'fifo', FILE), 'utf8');
const before = text.slice(0, text.indexOf('"data/pipe.csv"')).split('\n');
const PATH_AT = `${before.length}:${before.at(-1).length + 1}`;

export default {
  name: 'fifo-data',
  fixture: 'fifo',
  timeoutMs: 120_000,

  async run(t) {
    const { page } = t;
    execFileSync('mkfifo', [join(t.workspace, 'data', 'pipe.csv')]);
    await t.waitForConsole('[reglab] activated');
    let since = mark(t);
    await t.openFile(FILE);
    const first = await traceAfter(t, since, `diagnostics: ${FILE} 1 (${PATH_AT})`, { timeout: 30_000 });
    t.step(`the named pipe is a diagnostic at ${PATH_AT}: ${first.slice(first.indexOf('[reglab]'))}`);
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ timeout: 15_000 });
    await t.runCommand('View: Toggle Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'named pipe' });
    await row.waitFor({ timeout: 15_000 });
    const problem = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(problem, /"data\/pipe\.csv" is not a regular file \(it is a named pipe\)/);
    t.step(`Problems: ${problem}`);
    await t.screenshot('pipe-diagnostic');

    // The editor takes keystrokes, and the extension host answers the edit with new diagnostics.
    since = mark(t);
    await page.locator('.editor-group-container.active .tabs-container .tab.active').click();
    // At the end of the comment line, where the text stays valid.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const t0 = Date.now();
    await page.keyboard.type(' x');
    const line = page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'named pipe' }).first();
    while (!(await line.innerText()).replace(/\u00a0/g, ' ').trimEnd().endsWith(' x')) {
      if (Date.now() - t0 > 5000) throw new Error('a keystroke did not show in the editor within 5 s');
      await page.waitForTimeout(20);
    }
    t.step(`the keystroke showed after ${Date.now() - t0} ms`);
    await traceAfter(t, since, `diagnostics: ${FILE} 1 (${PATH_AT})`, { timeout: 15_000 });
    t.step(`the extension host rechecked the file ${Date.now() - t0} ms after the edit`);

    // A command of the extension runs.
    await t.runCommand('Reglab: Show Log');
    await t.waitForOutputChannel('Reglab');
    t.step('Reglab: Show Log ran');
    await t.screenshot('still-responsive');
    await page.keyboard.press('Control+Z');
  },
};

// A newcomer with an empty workspace: the walkthrough "Learn regularization with Reglab",
// step by step. Its "Open a Lesson" button lists the lessons with their one-line lesson and
// copies lesson 3 into the workspace; then Run, the fit, a slider, Save as variant, a sweep
// and the export to PyTorch, each ticking its step on the real event.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickLens, mark, openInFirstGroup, panel, readWorkspaceFile, runCommandWithPick, traceAfter, waitForPageState } from '../panel.mjs';

const LESSON = '03-d2l-high-dimensional.reglab.json';
const STEPS = ['openLesson', 'run', 'readFit', 'slider', 'saveVariant', 'sweep', 'export'];

/** The walkthrough's steps that show as done (VS Code gives a done step's checkbox icon the class "complete"). */
async function completed(t) {
  return t.page.locator('[data-step-id]').evaluateAll((steps) =>
    steps.filter((s) => s.querySelector('.codicon.complete') !== null).map((s) => s.getAttribute('data-step-id') ?? ''),
  );
}

async function showWalkthrough(t) {
  await t.runCommand('Welcome: Open Walkthrough...', {
    ran: () => t.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Learn regularization with Reglab' }).first().waitFor({ timeout: 10_000 }),
  });
  await t.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Learn regularization with Reglab' }).first().click();
  await t.page.locator('[data-step-id]').first().waitFor({ timeout: 15_000 });
}

async function expectDone(t, count) {
  let done = [];
  for (let i = 0; i < 120; i++) {
    done = await completed(t);
    if (done.length >= count) break;
    await t.page.waitForTimeout(250);
  }
  const ids = done.map((id) => id.replace(/^.*#/, ''));
  assert.deepEqual(ids.filter((id) => STEPS.includes(id)).sort(), STEPS.slice(0, count).sort(), `steps done: ${done.join(', ')}`);
  t.step(`walkthrough: ${count} of ${STEPS.length} steps done`);
}

export default {
  name: 'walkthrough',
  // A folder with no files at all (a fixture in git needs one): the newcomer's empty workspace.
  fixture: mkdtempSync(join(tmpdir(), 'reglab-empty-')),
  server: { trust: false },
  timeoutMs: 300_000,

  async run(t) {
    const { page } = t;
    assert.deepEqual(readdirSync(t.workspace), [], 'the workspace starts empty');
    await showWalkthrough(t);
    await t.screenshot('walkthrough');
    assert.deepEqual(await completed(t), [], 'nothing is done yet');

    // Step 1: the step's button runs "Reglab: Open Lesson…", a pick of the lessons.
    await page.locator('[data-step-id]', { hasText: 'Open a lesson' }).first().click();
    await page.getByRole('button', { name: 'Open a Lesson', exact: true }).first().click();
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Lesson 3: weight decay in high dimensions' }).first();
    await row.waitFor({ timeout: 60_000 });
    const rows = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((list) => list.map((r) => r.querySelector('.label-name')?.textContent?.trim() ?? ''));
    assert.ok(rows.length >= 7 && rows.every((r, i) => r.startsWith(`Lesson ${i + 1}: `)), `the lessons, in order, with their lesson: ${rows.join(' | ')}`);
    await t.screenshot('lessons');
    let since = mark(t);
    await row.click();
    await traceAfter(t, since, `lesson opened: ${LESSON}`, { timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: LESSON }).waitFor({ timeout: 15_000 });
    assert.ok(existsSync(join(t.workspace, LESSON)), 'the lesson was copied into the workspace');
    const text = readWorkspaceFile(t, LESSON);
    assert.match(text, /^\/\/ Lesson 3 — /);
    assert.ok(!text.includes('$schema'), 'without the repository-relative $schema');
    t.step('lesson 3 copied into the workspace and opened');
    await t.screenshot('lesson-open');

    // Step 2 and 3: run it, the panel shows the fit.
    since = mark(t);
    await clickLens(t, 'Run all variants');
    await traceAfter(t, since, 'session finished: experiment', { timeout: 120_000 });
    await waitForPageState(t, 'idle');
    // Lesson 3 has 200 inputs: no fit to draw, the panel says so; its story is in the losses.
    await panel(t).getByText('No fit view for this experiment').waitFor({ timeout: 15_000 });
    await t.screenshot('panel');

    // Step 4: a slider retrains.
    const playground = panel(t).locator('[data-testid="playground"]');
    if (!(await playground.evaluate((d) => d.open))) await playground.locator('summary').click();
    const slider = panel(t).locator('input[type="range"]').first();
    await slider.waitFor();
    since = mark(t);
    await slider.fill(String(Number(await slider.getAttribute('max')) - 10));
    await traceAfter(t, since, 'walkthrough: sliderMoved', { timeout: 30_000 });
    await traceAfter(t, since, 'session finished: playground', { timeout: 120_000 });
    await waitForPageState(t, 'idle');

    // Step 5: Save as variant.
    since = mark(t);
    await panel(t).locator('[data-testid="variant-name"]').fill('my variant');
    await panel(t).locator('[data-testid="save-variant"]').click();
    await traceAfter(t, since, 'variant saved: "my variant"', { timeout: 30_000 });
    assert.match(readWorkspaceFile(t, LESSON), /"name": "my variant"/);
    await t.screenshot('saved-variant');

    // Step 6: the sweep, from the palette (the lenses above the file are refreshed after the save).
    await openInFirstGroup(t, LESSON);
    since = mark(t);
    await t.runCommand('Reglab: Run Sweep');
    await traceAfter(t, since, 'walkthrough: sweepRan', { timeout: 30_000 });
    await traceAfter(t, since, 'session finished: experiment', { timeout: 180_000 });

    // Step 7: export to PyTorch.
    await openInFirstGroup(t, LESSON);
    since = mark(t);
    await runCommandWithPick(t, 'Reglab: Export as PyTorch Script', 'What to write beside the experiment file');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Script' }).first();
    await pick.waitFor({ timeout: 30_000 });
    await pick.click();
    await traceAfter(t, since, 'walkthrough: exported', { timeout: 30_000 });
    assert.ok(existsSync(join(t.workspace, LESSON.replace(/\.reglab\.json$/, '.py'))), 'the script was written');

    // Back to the walkthrough's tab: every step is ticked.
    const welcome = page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first();
    for (let attempt = 1; ; attempt++) {
      try {
        await welcome.scrollIntoViewIfNeeded();
        await welcome.click({ timeout: 5000 });
        await page.locator('[data-step-id]').first().waitFor({ timeout: 5000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await expectDone(t, STEPS.length);
    await t.screenshot('walkthrough-done');
  },
};

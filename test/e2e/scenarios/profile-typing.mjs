// Optional, for profiling: what the window's renderer does while the user types with nothing
// training, in an experiment file (Reglab's checks, CodeLenses, the JSON schema) and in a plain
// text file for comparison. A CPU profile of 36 keys in each, self and total time by function.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, ROOT } from '../harness.mjs';
import { LIGHT } from './playground.mjs';

export default {
  name: 'profile-typing',
  fixture: join(ROOT, 'examples'),
  server: { trust: false, settings: LIGHT },
  optional: true,
  timeoutMs: 240_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    writeFileSync(join(t.workspace, 'notes.txt'), 'Lesson notes\n\n'.repeat(20));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    const result = {};
    for (const file of ['06-lambda-sweep-u-shape.reglab.json', 'notes.txt']) {
      await t.openFile(file);
      await page.waitForTimeout(3000);
      await page.locator('.editor-group-container').first().locator('.tabs-container .tab.active').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await cdp.send('Profiler.start');
      const start = Date.now();
      for (let i = 0; i < 36; i++) {
        await page.keyboard.type('abcdefghijklmnopqrstuvwxyz'[i % 26]);
        await page.waitForTimeout(60 + (i % 4) * 20);
      }
      await page.waitForTimeout(1500);
      const { profile } = await cdp.send('Profiler.stop');
      const name = file.endsWith('.txt') ? 'text' : 'experiment';
      writeFileSync(join(OUTPUT, `profile-typing-${name}.cpuprofile`), JSON.stringify(profile));
      result[name] = { ms: Date.now() - start, busyMs: busy(profile) };
      t.step(`${file}: ${JSON.stringify(result[name])}`);
    }
    writeFileSync(join(OUTPUT, 'profile-typing.json'), JSON.stringify(result, null, 2));
  },
};

/** Time the renderer's main thread was not idle, in ms. */
function busy(profile) {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let us = 0;
  profile.samples.forEach((id, i) => { if (!idle.has(id)) us += profile.timeDeltas[i + 1] ?? 0; });
  return Math.round(us / 1000);
}

// Optional, for profiling: what the window's renderer (the workbench's main thread, which
// relays every message between the extension host and the panel) does from the click on Run
// to the panel's first point, lesson 1 with the panel not yet open. A CPU profile, and its
// busy time and heaviest functions by self time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, ROOT } from '../harness.mjs';
import { clickLens, panel } from '../panel.mjs';
import { LIGHT } from './playground.mjs';

export default {
  name: 'profile-first-point',
  fixture: join(ROOT, 'examples'),
  server: { trust: false, settings: LIGHT },
  optional: true,
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    await t.openFile('01-tiny-regression-weight-decay.reglab.json');
    await page.waitForTimeout(5000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const start = Date.now();
    await clickLens(t, 'Run all variants');
    for (;;) {
      const at = await panel(t).locator('body').getAttribute('data-first-point-at', { timeout: 1000 }).catch(() => null);
      if (at !== null) break;
      if (Date.now() - start > 30_000) throw new Error('no first point within 30 s');
      await page.waitForTimeout(20);
    }
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(OUTPUT, 'profile-first-point.cpuprofile'), JSON.stringify(profile));
    const summary = { ms: Date.now() - start, ...selfTimes(profile) };
    writeFileSync(join(OUTPUT, 'profile-first-point.json'), JSON.stringify(summary, null, 2));
    t.step(`click to first point ${summary.ms} ms; renderer busy ${summary.busyMs} ms; top: ${summary.top.slice(0, 8).map((f) => `${f.name} ${f.ms}`).join(', ')}`);
  },
};

/** Busy time and the 25 heaviest functions by self time (ms), named with their script. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (frame.functionName === '(idle)') return;
    busyUs += us;
    const name = `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^.*\//, '')}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + us);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, us]) => ({ name, ms: Math.round(us / 1000) }));
  return { busyMs: Math.round(busyUs / 1000), top };
}

// Optional, for profiling: where the window's renderer spends its time while lesson 6's sweep
// (20 repeats) trains. A CPU profile of the page's renderer for 12 s, self time by script and function.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, ROOT } from '../harness.mjs';
import { clickLens, mark, selectTab, traceAfter, waitForChart } from '../panel.mjs';
import { LIGHT } from './playground.mjs';

export default {
  name: 'profile-sweep',
  fixture: join(ROOT, 'examples'),
  server: { trust: false, settings: LIGHT },
  optional: true,
  timeoutMs: 240_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    const lesson = join(t.workspace, '06-lambda-sweep-u-shape.reglab.json');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(/"repeats": 5\b/, '"repeats": 20'));
    await t.openFile('06-lambda-sweep-u-shape.reglab.json');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    const profile = async (label) => {
      await cdp.send('Profiler.start');
      await page.waitForTimeout(12_000);
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(OUTPUT, `profile-sweep-${label}.cpuprofile`), JSON.stringify(profile));
      return summarize(label, profile);
    };
    const idle = await profile('idle');
    const since = mark(t);
    await clickLens(t, 'Run sweep');
    await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
    await selectTab(t, 'sweep');
    await waitForChart(t, 'sweep', { min: 1, timeout: 120_000 });
    const training = await profile('training');
    writeFileSync(join(OUTPUT, 'profile-sweep.json'), JSON.stringify({ idle, training }, null, 2));
    t.step(`idle: ${JSON.stringify(idle.byScript.slice(0, 6))}`);
    t.step(`training: ${JSON.stringify(training.byScript.slice(0, 6))}`);
    t.step(`training top functions: ${JSON.stringify(training.byFunction.slice(0, 15))}`);
  },
};

function summarize(label, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i + 1] ?? 0)));
  const scripts = new Map(), functions = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const script = f.url ? f.url.replace(/^.*\//, '').replace(/\?.*$/, '') : `(${f.functionName || 'native'})`;
    const fn = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber}`;
    scripts.set(script, (scripts.get(script) ?? 0) + us);
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    total += us;
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, us]) => [k, Math.round(us / 1000)]);
  return { label, totalMs: Math.round(total / 1000), byScript: top(scripts), byFunction: top(functions) };
}

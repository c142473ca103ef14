// How the editor feels while Reglab trains, measured in a real VS Code with default settings
// and written to test-output/e2e/responsiveness.json:
//   - first point: Run on lesson 1, from the click to the first point the panel draws
//     (cold: the panel opens with the run; warm: the panel is open on the Loss tab);
//   - keystrokes: 36 keys typed into lesson 6 while its sweep (20 repeats, 181 runs) trains,
//     each from the key press to the frame that paints it, as the browser's Event Timing API
//     reports it (the measure behind INP: an event's timestamp to the next paint after its
//     handlers ran; Monaco draws the typed character in that frame), and, as a check on it,
//     from the key press to the animation frame after the one in which the editor's line
//     shows the character (one frame late by construction);
//   - Stop: the editor title's Stop button, from the click to the host's log line saying every
//     run has stopped, and to the panel showing the stopped state.
// The times are taken inside the browser (event timestamps and animation frames), so the
// driver's round trips do not count. Only generous bounds are asserted (keystroke p95 < 500 ms
// while training, every run stopped < 1 s after the host has the Stop):
// the numbers are for the closing notes and the docs; the machine's load moves them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { OUTPUT, ROOT } from '../harness.mjs';
import { clickLens, mark, panel, selectTab, traceAfter, waitForChart, waitForPageState } from '../panel.mjs';
import { LIGHT } from './playground.mjs';

const KEYS = 36;
const BOUNDS = { keyP95Ms: 500, stopMs: 1000 };

export default {
  name: 'responsiveness',
  fixture: join(ROOT, 'examples'),
  server: { trust: false, settings: LIGHT },
  timeoutMs: 300_000,

  async run(t) {
    const { page } = t;
    const report = { date: new Date().toISOString(), loadBefore: loadavg().map(round), bounds: BOUNDS };
    await t.waitForConsole('[reglab] activated');
    await recordPointerDowns(page);

    // First point, cold: the panel opens with the run.
    await t.openFile('01-tiny-regression-weight-decay.reglab.json');
    let since = mark(t);
    await clickLens(t, 'Run all variants');
    report.firstPointColdMs = await firstPointAfterClick(t, page);
    t.step(`first point (cold panel, Fit): ${report.firstPointColdMs} ms after the click`);
    await traceAfter(t, since, 'session finished: experiment', { timeout: 60_000 });
    await waitForPageState(t, 'idle');
    report.panelBoot = await panelBoot(t, page);
    // The panel's page on a site of its own (its own renderer process), as VS Code serves
    // webviews; code-server's same-origin page only when asked for (see the e2e README).
    report.panelOrigin = await panel(t).locator('body').evaluate(() => location.origin);
    if (process.env.REGLAB_E2E_SAME_SITE_WEBVIEWS !== '1') assert.match(report.panelOrigin, /^http:\/\/[a-z0-9]+\.localhost:\d+$/, `the panel is served from its own site: ${report.panelOrigin}`);
    t.step(`the panel's page: ${JSON.stringify(report.panelBoot)}`);

    // First point, warm: the panel is open on the Loss tab; Run again.
    await selectTab(t, 'loss');
    await page.locator('.editor-group-container').first().locator('.tabs-container .tab.active').click();
    const lossFrame = await panel(t).locator('body').elementHandle().then((h) => h.ownerFrame());
    const firstLoss = lossFrame.evaluate(() => new Promise((resolve) => {
      // The first draw of a Loss canvas with points after the page switched to training.
      let training = false;
      const observer = new MutationObserver((records) => {
        if (document.body.dataset.state === 'training') training = true;
        const drew = records.some((r) => r.attributeName === 'data-points' && r.target.dataset.view === 'loss' && Number(r.target.dataset.points) > 0);
        if (training && drew) {
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      });
      observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state', 'data-points'] });
    }));
    since = mark(t);
    await clickLens(t, 'Run all variants');
    const warmClickAt = await page.evaluate(() => window.__reglabPointer.at(-1));
    report.firstPointWarmMs = Math.round((await firstLoss) - warmClickAt);
    t.step(`first point (open panel, Loss): ${report.firstPointWarmMs} ms after the click`);
    await traceAfter(t, since, 'session finished: experiment', { timeout: 60_000 });
    await waitForPageState(t, 'idle');

    // The long sweep, with default settings; first the same typing with nothing training, for reference.
    const lesson = join(t.workspace, '06-lambda-sweep-u-shape.reglab.json');
    const text = readFileSync(lesson, 'utf8');
    assert.match(text, /"repeats": 5\b/);
    writeFileSync(lesson, text.replace(/"repeats": 5\b/, '"repeats": 20'));
    await t.openFile('06-lambda-sweep-u-shape.reglab.json');
    report.loadBeforeIdleTyping = loadavg().map(round);
    report.keystrokesIdle = await typeAndMeasure(t, page, KEYS);
    t.step(`keystrokes with nothing training: p50 ${report.keystrokesIdle.p50Ms} ms, p95 ${report.keystrokesIdle.p95Ms} ms, max ${report.keystrokesIdle.maxMs} ms`);
    report.loadBeforeSweep = loadavg().map(round);
    since = mark(t);
    await clickLens(t, 'Run sweep');
    const started = await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
    assert.match(started, /181 runs/);
    await selectTab(t, 'sweep');
    await waitForChart(t, 'sweep', { min: 1, timeout: 120_000 });
    report.workers = Number(/Run "Sweeping weight decay.* on (\d+) workers?$/m.exec(t.channelLog('Reglab'))?.[1] ?? NaN);

    // Keystrokes into the comment on line 1 of the file that trains.
    const panelDraws = () => panel(t).locator('body').evaluate(() => ({
      renders: [...document.querySelectorAll('section[role="tabpanel"]')].reduce((n, s) => n + Number(s.dataset.renders ?? 0), 0),
      lastDrawMs: Number(document.body.dataset.drawMs ?? NaN),
    }));
    const drawsBefore = await panelDraws();
    report.keystrokes = await typeAndMeasure(t, page, KEYS);
    const drawsAfter = await panelDraws();
    report.keystrokes.panelRendersWhileTyping = drawsAfter.renders - drawsBefore.renders;
    report.keystrokes.panelLastDrawMs = drawsAfter.lastDrawMs;
    t.step(`keystrokes while the sweep trains: p50 ${report.keystrokes.p50Ms} ms, p95 ${report.keystrokes.p95Ms} ms, max ${report.keystrokes.maxMs} ms`);
    await t.screenshot('typed-while-training');

    // Stop from the editor title, with the sweep still training (on a slow machine the typing
    // may have outlasted it: then the sweep starts again and is stopped once it has points).
    report.sweepRestartedForStop = t.consoleLines.slice(since).some((l) => l.includes('[reglab] session finished: experiment'));
    if (report.sweepRestartedForStop) {
      await waitForPageState(t, 'idle');
      since = mark(t);
      await clickLens(t, 'Run sweep');
      await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
      await waitForChart(t, 'sweep', { min: 1, timeout: 120_000 });
    }
    const settledBefore = /(\d+) of 181/.exec(await page.locator('.statusbar-item', { hasText: 'Reglab' }).first().innerText().catch(() => ''))?.[1];
    const stopButton = page.locator('.editor-actions .codicon-debug-stop').first();
    await stopButton.waitFor({ timeout: 15_000 });
    const frame = await panel(t).locator('body').elementHandle().then((h) => h.ownerFrame());
    // When the page had the first message that settles a run (capturing, before the page's own
    // listener), and how long the draw after it took: the panel's share of showing the Stop.
    await frame.evaluate(() => {
      window.__reglabStopMessage = undefined;
      window.addEventListener('message', (e) => {
        const settles = e.data?.type === 'sessionFinished' || (e.data?.type === 'events' && e.data.events.some((x) => x.type === 'cancelled'));
        if (settles && window.__reglabStopMessage === undefined) window.__reglabStopMessage = performance.timeOrigin + performance.now();
      }, true);
    });
    const idle = frame.waitForFunction(() => (document.body.dataset.state === 'idle' ? performance.timeOrigin + performance.now() : false), null, { polling: 10, timeout: 30_000 });
    since = mark(t);
    await page.evaluate(() => (window.__reglabPointer = []));
    await stopButton.click();
    const clickAt = await page.evaluate(() => window.__reglabPointer.at(-1));
    const idleAt = await (await idle).jsonValue();
    const shown = await frame.evaluate(() => ({ messageAt: window.__reglabStopMessage, drawMs: Number(document.body.dataset.drawMs) }));
    await traceAfter(t, since, 'session finished: experiment', { timeout: 30_000 });
    const log = t.channelLog('Reglab');
    const done = /^(\S+ \S+) \[info\] Done "Sweeping weight decay[^:]*: (\d+) finished, (\d+) stopped/m.exec(log);
    assert.ok(done, 'the log has the end of the session');
    const stopping = /^(\S+ \S+) \[info\] Stopping "Sweeping weight decay/m.exec(log);
    const allStopped = /^(\S+ \S+) \[info\] Every run of "Sweeping weight decay[^"]*" stopped (\d+) ms after Stop/m.exec(log);
    assert.ok(stopping && allStopped, 'the log says when Stop arrived and when every run had stopped');
    // When the host had the Stop: its own clock, in a console line (the log's time stamps can
    // come tens of ms after the call: "stopped 9 ms after Stop" was stamped 71 ms after "Stopping").
    const received = Number(/stop received at (\d+)/.exec(await t.waitForConsole('[reglab] stop received at'))?.[1]);
    const clickToHostMs = Math.round(received - clickAt);
    report.stop = {
      clickToAllStoppedMs: clickToHostMs + Number(allStopped[2]),
      clickToHostMs,
      hostToAllStoppedMs: Number(allStopped[2]),
      clickToPanelStoppedMs: Math.round(idleAt - clickAt),
      // Of which: the host's Stop to the page having it, and the page's draw after it.
      hostToPageMs: Math.round(shown.messageAt - received),
      pageToStoppedShownMs: Math.round(idleAt - shown.messageAt),
      panelDrawMs: shown.drawMs,
      clickToResultsSavedMs: Math.round(logTime(done[1]) - clickAt),
      runsFinished: Number(done[2]),
      runsStopped: Number(done[3]),
      ...(settledBefore === undefined ? {} : { settledBeforeStop: Number(settledBefore) }),
    };
    t.step(`Stop: every run stopped ${report.stop.clickToAllStoppedMs} ms after the click, the panel showed it after ${report.stop.clickToPanelStoppedMs} ms (${done[2]} finished, ${done[3]} stopped)`);
    await t.screenshot('stopped');
    report.loadAfter = loadavg().map(round);
    writeFileSync(join(OUTPUT, 'responsiveness.json'), `${JSON.stringify(report, null, 2)}\n`);

    // Generous regression bounds, judged on every run. The scenario's own processes keep the
    // load above the cores (3-4 on 2), so a bound judged only on a quiet machine was never
    // judged; 500 ms catches what the issue found (240-858 ms per key, up to 1.8 s loaded)
    // without failing on a slow day (p95 138-448 ms while training, 2026-12-07, with 140-160
    // ms for the same keys with nothing training). The time a click takes to reach the
    // extension host is the window's, so the Stop bound is on the host: from the Stop it got
    // to every run stopped.
    assert.ok(Number(done[3]) > 0, 'the sweep was still training when Stop was clicked');
    assert.ok(report.keystrokes.p95Ms < BOUNDS.keyP95Ms, `keystroke p95 ${report.keystrokes.p95Ms} ms while training (${report.keystrokesIdle.p95Ms} ms with nothing training)`);
    assert.ok(report.stop.hostToAllStoppedMs < BOUNDS.stopMs, `the runs took ${report.stop.hostToAllStoppedMs} ms to stop once the host had the Stop`);
  },
};

/**
 * Types `keys` letters at the end of lesson 6's first line (a comment), then undoes them. Each
 * key's latency is taken in the page: from the keydown event's timestamp to the animation frame
 * after the editor's line shows it (a MutationObserver on the editor's lines).
 */
async function typeAndMeasure(t, page, keys) {
  await page.locator('.editor-group-container').first().locator('.tabs-container .tab.active').click();
  // Keys pressed before the editor has the focus go elsewhere (seen on a loaded machine: End
  // was lost, the letters landed before the comment and the first one nowhere).
  await page.waitForFunction(() => document.activeElement?.closest('.editor-group-container .monaco-editor') != null, null, { timeout: 10_000 });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const text = () => {
      const line = [...document.querySelectorAll('.editor-group-container .view-line')].find((l) => l.textContent.replace(/\u00a0/g, ' ').includes('Lesson 6'));
      return line?.textContent.replace(/\u00a0/g, ' ').trimEnd() ?? '';
    };
    const base = text().length;
    const rec = { downs: [], painted: [], longTasks: [], events: [] };
    // Event Timing: every keyboard and input event that took 16 ms or more to its next paint
    // (the API's floor; a key missing here was painted sooner).
    rec.eventObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.events.push({ name: e.name, start: performance.timeOrigin + e.startTime, duration: e.duration, interactionId: e.interactionId });
    });
    rec.eventObserver.observe({ type: 'event', durationThreshold: 16 });
    // Long animation frames (over 50 ms) and what ran in them: the scripts by their invoker,
    // and the frame's time in style, layout and paint (renderStart to its end).
    rec.frames = [];
    rec.frameObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        rec.frames.push({
          ms: Math.round(e.duration),
          rendering: Math.round(e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0),
          scripts: e.scripts.map((x) => ({ ms: Math.round(x.duration), invoker: x.invoker, source: `${(x.sourceURL ?? '').replace(/^.*\//, '')}:${x.sourceFunctionName ?? ''}` })),
        });
      }
    });
    rec.frameObserver.observe({ type: 'long-animation-frame' });
    // Tasks over 50 ms on this renderer's main thread while typing, and whose they were
    // ("self": the workbench; "same-origin-descendant": a webview's frame).
    rec.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push({ name: e.name, ms: Math.round(e.duration), frame: e.attribution?.[0]?.containerSrc?.replace(/^.*\//, '') ?? '' });
    });
    rec.longTaskObserver.observe({ type: 'longtask' });
    window.__reglabTyping = rec;
    rec.onKey = (e) => {
      if (e.key.length === 1) rec.downs.push(performance.timeOrigin + e.timeStamp);
    };
    document.addEventListener('keydown', rec.onKey, true);
    rec.observer = new MutationObserver(() => {
      const shown = text().length - base;
      if (shown <= rec.painted.length) return;
      const newly = shown - rec.painted.length;
      const slots = rec.painted.length;
      for (let i = 0; i < newly; i++) rec.painted.push(null);
      requestAnimationFrame(() => {
        const at = performance.timeOrigin + performance.now();
        for (let i = slots; i < slots + newly; i++) rec.painted[i] = at;
      });
    });
    rec.observer.observe(document.querySelector('.editor-group-container .view-lines'), { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type('abcdefghijklmnopqrstuvwxyz'[i % 26]);
    await page.waitForTimeout(60 + (i % 4) * 20);
  }
  await page.waitForFunction((n) => window.__reglabTyping.painted.filter((p) => p !== null).length >= n, keys, { timeout: 30_000 });
  const { downs, painted, longTasks, events, frames, typingMs } = await page.evaluate(() => {
    const rec = window.__reglabTyping;
    rec.eventObserver.takeRecords().forEach((e) => rec.events.push({ name: e.name, start: performance.timeOrigin + e.startTime, duration: e.duration, interactionId: e.interactionId }));
    rec.observer.disconnect();
    rec.longTaskObserver.disconnect();
    rec.eventObserver.disconnect();
    rec.frameObserver.disconnect();
    document.removeEventListener('keydown', rec.onKey, true);
    return { downs: rec.downs, painted: rec.painted, longTasks: rec.longTasks, events: rec.events, frames: rec.frames, typingMs: performance.timeOrigin + performance.now() - rec.downs[0] };
  });
  assert.equal(downs.length, keys, 'every key press was seen');
  for (let i = 0; i < keys; i++) await page.keyboard.press('Control+Z');
  const frameAfter = downs.map((down, i) => Math.round(painted[i] - down));
  const latencies = downs.map((down, i) => keyToPaint(down, downs[i + 1] ?? Infinity, events));
  const sorted = [...latencies].sort((a, b) => a - b);
  const frameAfterSorted = [...frameAfter].sort((a, b) => a - b);
  const byCulprit = {};
  for (const task of longTasks) {
    const key = `${task.name}${task.frame ? ` ${task.frame}` : ''}`;
    byCulprit[key] = { count: (byCulprit[key]?.count ?? 0) + 1, ms: (byCulprit[key]?.ms ?? 0) + task.ms };
  }
  return {
    keys, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1), allMs: latencies,
    measure: 'Event Timing: key press to the next paint (keys painted within 16 ms count as 16)',
    frameAfterShown: { p50Ms: percentile(frameAfterSorted, 50), p95Ms: percentile(frameAfterSorted, 95), maxMs: frameAfterSorted.at(-1), allMs: frameAfter },
    longTasks: { typingMs: Math.round(typingMs), count: longTasks.length, ms: longTasks.reduce((n, task) => n + task.ms, 0), byCulprit },
    longFrames: frames,
  };
}

/**
 * One key's latency from Event Timing: the events that put its character in the editor
 * (keydown, keypress, beforeinput, input, from its press up to the next key's; not the key's
 * release) each end at the paint after them; the key's latency runs from its press to the last
 * of those paints. The API lists nothing under
 * 16 ms, so a key with nothing listed counts as 16.
 */
function keyToPaint(down, nextDown, events) {
  const own = events.filter((e) => e.name !== 'keyup' && e.start >= down - 1 && e.start < nextDown - 1);
  if (own.length === 0) return 16;
  return Math.max(16, Math.round(Math.max(...own.map((e) => e.start + e.duration)) - down));
}

/** Every pointerdown's time (epoch ms, the event's own timestamp), into window.__reglabPointer. */
async function recordPointerDowns(page) {
  await page.evaluate(() => {
    window.__reglabPointer = [];
    document.addEventListener('pointerdown', (e) => window.__reglabPointer.push(performance.timeOrigin + e.timeStamp), true);
  });
}

/**
 * From the last pointerdown to the panel's first drawn point (ms): the page stamps the draw
 * (body[data-first-point-at], the page's clock) in the frame that paints it, so the driver's
 * polling does not count; the panel's page does not exist before the click, hence the poll.
 */
async function firstPointAfterClick(t, page, timeoutMs = 30_000) {
  const clickAt = await page.evaluate(() => window.__reglabPointer.at(-1));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = await panel(t).locator('body').getAttribute('data-first-point-at', { timeout: 1000 }).catch(() => null);
    if (at !== null) return Math.round(Number(at) - clickAt);
    if (Date.now() > deadline) throw new Error(`no first point within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(10);
  }
}

/** When the panel's page (the inner frame) started, fetched its script and first drew, from the click (ms). */
async function panelBoot(t, page) {
  const clickAt = await page.evaluate(() => window.__reglabPointer.at(-1));
  const frame = await panel(t).locator('body').elementHandle().then((h) => h.ownerFrame());
  const times = await frame.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.includes('webview.js'));
    const firstPoint = Number(document.body.dataset.firstPointAt) - performance.timeOrigin;
    const styles = performance.getEntriesByType('resource').filter((e) => e.name.includes('.css'));
    const stylesLoaded = styles.length === 0 ? undefined : Math.max(...styles.map((e) => e.responseEnd));
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('reglab:')).map((m) => [m.name.slice(7), m.startTime]));
    return { stylesLoaded, marks, origin: performance.timeOrigin, scriptStart: script?.startTime, scriptEnd: script?.responseEnd, domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd, firstPoint };
  });
  const at = (ms) => (ms === undefined ? undefined : Math.round(times.origin + ms - clickAt));
  return { pageStart: at(0), scriptRequested: at(times.scriptStart), scriptLoaded: at(times.scriptEnd), domContentLoaded: at(times.domContentLoaded), stylesLoaded: at(times.stylesLoaded), marks: Object.fromEntries(Object.entries(times.marks).map(([name, ms]) => [name, at(ms)])), firstPointDrawn: at(times.firstPoint) };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function round(x) {
  return Math.round(x * 100) / 100;
}

/** A log line's local time ("2026-12-06 19:20:01.123") as epoch ms. */
function logTime(stamp) {
  return new Date(stamp.replace(' ', 'T')).getTime();
}

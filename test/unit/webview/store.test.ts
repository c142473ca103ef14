// The page's state: events folded in as they stream, sessions, the playground's partial
// sessions, and what setState keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PanelStore, compactForState, mergeVariants } from '../../../src/webview/store.ts';
import { queued, regression, runEvents, sweepQueued } from './fixtures.ts';
import { firstSentence } from '../../../src/webview/controls/lesson.ts';
import { stopEvents } from '../../../src/results/model.ts';

test('a new store is empty; a session makes it training, its end idle', () => {
  const store = new PanelStore();
  assert.equal(store.status, 'empty');
  store.sessionStarted(queued(), false);
  assert.equal(store.status, 'training');
  store.sessionFinished(regression());
  assert.equal(store.status, 'idle');
  assert.equal(store.results?.runs[0]?.status, 'finished');
});

test('streamed events are folded into the runs and bump the revision', () => {
  const store = new PanelStore();
  store.sessionStarted(queued(), false);
  const before = store.revision;
  const events = runEvents('plain', 20);
  const touched = store.events(events.slice(0, 4));
  assert.deepEqual(touched.map((r) => r.id), ['plain']);
  assert.ok(store.revision > before);
  const run = store.results!.runs[0]!;
  assert.equal(run.status, 'running');
  assert.equal(run.metrics.length, 10);
  assert.equal(run.snapshots.length, 1);
  assert.equal(run.data?.train.x.length, 5);
  store.events(events.slice(4));
  assert.equal(run.status, 'finished');
  assert.equal(run.metrics.length, 20);
  assert.equal(run.snapshots.length, 2);
  assert.equal(store.results!.runs[1]!.status, 'queued');
});

test('events of unknown runs change nothing', () => {
  const store = new PanelStore();
  store.sessionStarted(queued(), false);
  const revision = store.revision;
  assert.deepEqual(store.events(runEvents('nobody')), []);
  assert.equal(store.revision, revision);
  assert.deepEqual(new PanelStore().events(runEvents('plain')), [], 'no results yet: nothing to fold into');
});

test('the sweep statistics grow while the sweep runs finish', () => {
  const store = new PanelStore();
  store.sessionStarted(sweepQueued(), false);
  assert.equal(store.results!.sweep.length, 0);
  store.events(runEvents('s-0-0'));
  assert.deepEqual(store.results!.sweep.map((p) => [p.value, p.repeats]), [[0, 1]]);
  store.events([...runEvents('s-0-1'), ...runEvents('s-0.1-0')]);
  assert.deepEqual(store.results!.sweep.map((p) => [p.value, p.repeats]).sort(), [[0, 2], [0.1, 1]]);
});

test('a playground session replaces only the variants it retrains', () => {
  const store = new PanelStore();
  store.sessionFinished(regression());
  const retrain = queued();
  retrain.runs = retrain.runs.filter((r) => r.variant === 'decay');
  store.sessionStarted(retrain, true);
  const runs = store.results!.runs;
  assert.deepEqual(runs.map((r) => [r.variant, r.status]), [['plain', 'finished'], ['decay', 'queued']]);
  store.events(runEvents('decay'));
  assert.equal(store.results!.runs[1]!.status, 'finished');
  const done = regression();
  done.runs = done.runs.filter((r) => r.variant === 'decay');
  store.sessionFinished(done);
  assert.deepEqual(store.results!.runs.map((r) => r.variant), ['plain', 'decay']);
  assert.equal(store.results!.runs[0]!.metrics.length, 31, 'the untouched variant keeps its curves');
});

test('mergeVariants keeps the order and appends new variants', () => {
  const base = regression();
  const next = queued();
  next.runs = [{ ...next.runs[0]!, variant: 'new one', id: 'n' }, next.runs[1]!];
  const merged = mergeVariants(base, next);
  assert.deepEqual(merged.runs.map((r) => r.id), ['plain', 'decay', 'n']);
  assert.equal(merged.runs[1]!.status, 'queued');
});

test('a full (non-playground) session replaces everything', () => {
  const store = new PanelStore();
  store.sessionFinished(regression());
  const other = queued();
  other.runs = other.runs.slice(0, 1);
  store.sessionStarted(other, false);
  assert.equal(store.results!.runs.length, 1);
});

test('view, log scale and knobs', () => {
  const store = new PanelStore();
  store.load({
    file: 'a.reglab.json',
    results: regression(),
    knobs: [{ id: 'lambda', label: 'λ', path: 'regularization.weightDecay', value: 0.01, min: 0, max: 1, scale: 'log', variants: ['decay'] }],
    view: 'loss',
    logScale: false,
  });
  assert.equal(store.status, 'idle');
  assert.equal(store.setView('loss'), false);
  assert.equal(store.setView('sweep'), true);
  assert.equal(store.setLogScale(true), true);
  assert.equal(store.setKnob('lambda', 0.1), true);
  assert.equal(store.setKnob('lambda', 0.1), false);
  assert.equal(store.setKnob('seed', 3), false, 'a knob the host did not offer');
  assert.deepEqual(store.knobValues(), { lambda: 0.1 });
});

test('a restored state with a bad view falls back to Fit', () => {
  const store = new PanelStore({ file: '', results: null, knobs: [], view: 'nonsense' as 'fit', logScale: true });
  assert.equal(store.state.view, 'fit');
});

test('setState keeps the variant runs whole and drops what no chart of a sweep run draws', () => {
  const results = regression();
  const sweepRun = { ...structuredClone(results.runs[0]!), id: 'sw', sweepValue: 0.1 };
  results.runs.push(sweepRun);
  const compact = compactForState(results);
  assert.equal(compact.runs[0]!.snapshots.length, 4);
  assert.ok(compact.runs[0]!.data);
  assert.equal(compact.runs[2]!.snapshots.length, 0);
  assert.equal(compact.runs[2]!.data, undefined);
  assert.ok(compact.runs[2]!.summary, 'the sweep means need the summary');
  assert.equal(results.runs[2]!.snapshots.length, 4, 'the live results are untouched');
  const store = new PanelStore();
  store.sessionFinished(results);
  assert.equal(JSON.parse(JSON.stringify(store.persisted())).results.runs.length, 3);
});

test('sections: closed beside an editor, the lesson open when wide, then as the user left them (and restored)', () => {
  const store = new PanelStore();
  assert.equal(store.sectionOpen('playground', false), false);
  assert.equal(store.sectionOpen('playground', true), false);
  assert.equal(store.sectionOpen('lesson', false), false);
  assert.equal(store.sectionOpen('lesson', true), true);
  store.setSection('playground', true);
  store.setSection('lesson', false);
  const restored = new PanelStore(store.persisted());
  assert.equal(restored.sectionOpen('playground', false), true);
  assert.equal(restored.sectionOpen('lesson', true), false);
  // A state written by someone else keeps only the sections it knows, as booleans.
  const odd = new PanelStore({ ...store.persisted(), sections: { lesson: 'yes', other: true } as never });
  assert.deepEqual(odd.state.sections, {});
});

test('the lesson preview is the description’s first sentence', () => {
  assert.equal(firstSentence('At λ = 0 the net threads every point. More decay smooths it.'), 'At λ = 0 the net threads every point.');
  assert.equal(firstSentence('No full stop here'), 'No full stop here');
  assert.equal(firstSentence('Adam(lr=1e-4) in batches of 10. Then more.'), 'Adam(lr=1e-4) in batches of 10.');
});

test('Stop: the stop events end the page’s training at once, before the host says the session ended', () => {
  const store = new PanelStore();
  store.sessionStarted(sweepQueued(), false);
  store.events(runEvents('s-0-0'));
  assert.equal(store.status, 'training');
  store.events(stopEvents(store.results!));
  assert.equal(store.status, 'idle', 'no spinner, Stop disabled');
  assert.deepEqual(store.results!.runs.map((r) => r.status), ['finished', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
});

// The host's messages: shapes checked, each applied to the store with the right effects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleHostMessage, isHostMessage, type MessageEffects } from '../../../src/webview/messages.ts';
import { PanelStore } from '../../../src/webview/store.ts';
import { queued, regression, runEvents } from './fixtures.ts';

function recorder() {
  const log: string[] = [];
  const effects: MessageEffects = {
    changed: (kind) => log.push(`changed ${kind}`),
    persist: (now) => log.push(`persist ${now ? 'now' : 'soon'}`),
    chartImage: (id) => log.push(`image ${id}`),
  };
  return { log, effects };
}

test('host messages of a wrong shape are refused', () => {
  assert.equal(isHostMessage(null), false);
  assert.equal(isHostMessage('load'), false);
  assert.equal(isHostMessage({ type: 'nope' }), false);
  assert.equal(isHostMessage({ type: 'load' }), false);
  assert.equal(isHostMessage({ type: 'events', events: 'x' }), false);
  assert.equal(isHostMessage({ type: 'sessionStarted', results: { runs: [] } }), false, 'playground flag missing');
  assert.equal(isHostMessage({ type: 'requestChartImage', requestId: 1.5 }), false);
  assert.equal(isHostMessage({ type: 'requestChartImage', requestId: 3 }), true);
  assert.equal(isHostMessage({ type: 'events', events: [] }), true);
});

test('a session streams in: redraws are asked for, state saves are deferred until the end', () => {
  const store = new PanelStore();
  const { log, effects } = recorder();
  handleHostMessage({ type: 'sessionStarted', results: queued(), playground: false }, store, effects);
  handleHostMessage({ type: 'events', events: runEvents('plain') }, store, effects);
  handleHostMessage({ type: 'events', events: runEvents('ghost') }, store, effects);
  handleHostMessage({ type: 'sessionFinished', results: regression() }, store, effects);
  assert.deepEqual(log, ['changed all', 'persist soon', 'changed data', 'persist soon', 'changed all', 'persist now']);
  assert.equal(store.status, 'idle');
});

test('load replaces the state; requestChartImage is answered', () => {
  const store = new PanelStore();
  const { log, effects } = recorder();
  handleHostMessage({ type: 'load', state: { file: 'f', results: regression(), knobs: [], view: 'weights', logScale: false } }, store, effects);
  handleHostMessage({ type: 'requestChartImage', requestId: 7 }, store, effects);
  assert.deepEqual(log, ['changed all', 'persist now', 'image 7']);
  assert.equal(store.state.view, 'weights');
  assert.equal(store.state.logScale, false);
});

// Messages from the page are validated before the host acts on them (the page is a web
// page); a state handed back by a restored page is checked the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePageMessage } from '../../../src/webview/contract.ts';
import { emptyPanelState, toPanelState } from '../../../src/extension/panelState.ts';

test('well-formed page messages pass', () => {
  for (const message of [
    { type: 'ready' },
    { type: 'stop' },
    { type: 'exportCsv' },
    { type: 'exportChart' },
    { type: 'viewChanged', view: 'loss', logScale: false },
    { type: 'playground', values: { lambda: 0.1, seed: 3 } },
    { type: 'saveVariant', name: 'mine', values: { dropout: 0.2 } },
    { type: 'chartImage', requestId: 4, dataUrl: 'data:image/png;base64,AAAA' },
  ]) {
    assert.deepEqual(parsePageMessage(message), message, message.type);
  }
});

test('malformed page messages are dropped', () => {
  for (const message of [
    null, 42, 'ready', [], {}, { type: 'rm -rf' },
    { type: 'viewChanged', view: 'settings', logScale: true },
    { type: 'viewChanged', view: 'fit' },
    { type: 'playground', values: { lambda: 'big' } },
    { type: 'playground', values: { lambda: Number.NaN } },
    { type: 'playground', values: { __proto__: 1, evil: 2 } },
    { type: 'playground', values: [1, 2] },
    { type: 'saveVariant', name: '   ', values: {} },
    { type: 'saveVariant', name: 'x'.repeat(101), values: {} },
    { type: 'chartImage', requestId: 1.5, dataUrl: 'data:image/png;base64,AAAA' },
    { type: 'chartImage', requestId: 1, dataUrl: 'javascript:alert(1)' },
  ]) {
    assert.equal(parsePageMessage(message), undefined, JSON.stringify(message));
  }
});

test('extra fields are not passed on', () => {
  assert.deepEqual(parsePageMessage({ type: 'stop', path: '/etc/passwd' }), { type: 'stop' });
  assert.deepEqual(parsePageMessage({ type: 'saveVariant', name: '  padded  ', values: {}, file: '/x' }), { type: 'saveVariant', name: 'padded', values: {} });
});

test('a restored state is checked and completed', () => {
  assert.equal(toPanelState(null), undefined);
  assert.equal(toPanelState('state'), undefined);
  assert.equal(toPanelState({ results: { runs: 'no' } }), undefined);
  assert.deepEqual(toPanelState({}), emptyPanelState());
  const results = { version: 1, file: 'a.reglab.json', title: 'A', startedAt: '', runs: [], sweep: [] };
  const knob = { id: 'lr', label: 'learning rate', path: 'training.optimizer.lr', value: 0.1, min: 0.001, max: 1, scale: 'log', variants: ['a'] };
  const state = toPanelState({ file: 'a.reglab.json', results, knobs: [knob, { id: 'evil' }, null], view: 'sweep', logScale: false });
  assert.deepEqual(state, { file: 'a.reglab.json', results, knobs: [knob], view: 'sweep', logScale: false });
  assert.equal(toPanelState({ view: 'nope' })!.view, 'fit');
});

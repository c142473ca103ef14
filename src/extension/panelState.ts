// The panel's state as the host keeps it, and the check of a state that comes back from the
// page (a restored panel's getState): the page is a web page, so nothing it hands back is
// trusted without a look. Free of vscode (unit-tested).
import { VIEWS, type Knob, type PanelState } from '../webview/contract.ts';

export function emptyPanelState(): PanelState {
  return { file: '', results: null, knobs: [], view: 'fit', logScale: true };
}

const KNOB_IDS: readonly string[] = ['lambda', 'dropout', 'inputNoise', 'labelSmoothing', 'lr', 'noise', 'trainSize', 'seed'];
const SCALES: readonly string[] = ['log', 'linear', 'integer'];

/** A well-formed PanelState built from `value`, or undefined when it is not one. */
export function toPanelState(value: unknown): PanelState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  const results = s.results ?? null;
  const resultsOk =
    results === null ||
    (typeof results === 'object' && results !== null && Array.isArray((results as { runs?: unknown }).runs) && typeof (results as { title?: unknown }).title === 'string');
  if (!resultsOk) return undefined;
  const knobs = Array.isArray(s.knobs) ? s.knobs.filter(isKnob) : [];
  return {
    file: typeof s.file === 'string' ? s.file : '',
    results: results as PanelState['results'],
    knobs,
    view: typeof s.view === 'string' && (VIEWS as readonly string[]).includes(s.view) ? (s.view as PanelState['view']) : 'fit',
    logScale: typeof s.logScale === 'boolean' ? s.logScale : true,
  };
}

function isKnob(value: unknown): value is Knob {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  return (
    typeof k.id === 'string' && KNOB_IDS.includes(k.id) && typeof k.label === 'string' && typeof k.path === 'string' &&
    [k.value, k.min, k.max].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    typeof k.scale === 'string' && SCALES.includes(k.scale) && Array.isArray(k.variants) && k.variants.every((v) => typeof v === 'string')
  );
}

// The one message contract between the extension host and the Reglab panel's page.
// Both sides import these types; the host validates every message from the page with
// `parsePageMessage` before acting on it (the page is a web page: treat it as untrusted).
import type { ExperimentResults } from '../results/model.ts';
import type { RunEvent } from '../protocol.ts';

export const PANEL_VIEW_TYPE = 'reglab.panel';

/** The panel's tabs. */
export type View = 'fit' | 'loss' | 'sweep' | 'weights';
export const VIEWS: readonly View[] = ['fit', 'loss', 'sweep', 'weights'];

/** A playground knob: one field of the run config the page can move without editing the file. */
export interface Knob {
  id: 'lambda' | 'dropout' | 'inputNoise' | 'labelSmoothing' | 'lr' | 'noise' | 'trainSize' | 'seed';
  label: string;
  /** Dot path in the run config, e.g. "regularization.weightDecay". */
  path: string;
  value: number;
  min: number;
  max: number;
  scale: 'log' | 'linear' | 'integer';
  /** The variants a change retrains. */
  variants: string[];
}

/** What the page shows; also what it saves with setState so a restart restores it without retraining. */
export interface PanelState {
  /** The experiment file (workspace-relative) the results belong to. */
  file: string;
  results: ExperimentResults | null;
  knobs: Knob[];
  view: View;
  logScale: boolean;
  /** Which collapsible sections the user opened or closed; absent: the default for the panel's width. */
  sections?: Partial<Record<Section, boolean>>;
}

/** The panel's collapsible sections. */
export type Section = 'lesson' | 'playground';

export type HostMessage =
  /** Everything at once: on open, on restore, when a past run is reopened. */
  | { type: 'load'; state: PanelState }
  /**
   * A new training session started (its runs are all queued). With `playground: true` the
   * results may hold only the retrained variants' runs: the page replaces those variants'
   * runs (by variant name) and keeps the others on the charts; likewise at sessionFinished.
   */
  | { type: 'sessionStarted'; results: ExperimentResults; playground: boolean }
  /** Events of the current session, batched by the host (see reglab.chartUpdateRate). */
  | { type: 'events'; events: RunEvent[] }
  /** The session ended: the final, saved results. */
  | { type: 'sessionFinished'; results: ExperimentResults }
  /** Asks the page for a PNG of the visible chart(s); answered by `chartImage`. */
  | { type: 'requestChartImage'; requestId: number };

export type PageMessage =
  | { type: 'ready' }
  | { type: 'viewChanged'; view: View; logScale: boolean }
  /**
   * Playground values moved (debounced by the page, 300 ms): retrain the affected variants.
   * `values` holds the knobs moved since the previous `playground` message only.
   */
  | { type: 'playground'; values: Partial<Record<Knob['id'], number>> }
  /** Write the current playground values into the file as a new variant; `values` holds every knob. */
  | { type: 'saveVariant'; name: string; values: Partial<Record<Knob['id'], number>> }
  | { type: 'stop' }
  | { type: 'exportCsv' }
  | { type: 'exportChart' }
  | { type: 'chartImage'; requestId: number; dataUrl: string };

const KNOB_IDS: readonly string[] = ['lambda', 'dropout', 'inputNoise', 'labelSmoothing', 'lr', 'noise', 'trainSize', 'seed'];

/** Returns the message when it is a well-formed PageMessage, else undefined. */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'stop':
    case 'exportCsv':
    case 'exportChart':
      return { type: m.type };
    case 'viewChanged':
      return typeof m.view === 'string' && (VIEWS as readonly string[]).includes(m.view) && typeof m.logScale === 'boolean'
        ? { type: 'viewChanged', view: m.view as View, logScale: m.logScale }
        : undefined;
    case 'playground': {
      const values = knobValues(m.values);
      return values === undefined ? undefined : { type: 'playground', values };
    }
    case 'saveVariant': {
      const values = knobValues(m.values);
      const name = typeof m.name === 'string' ? m.name.trim() : '';
      return values === undefined || name.length === 0 || name.length > 100 ? undefined : { type: 'saveVariant', name, values };
    }
    case 'chartImage':
      return Number.isInteger(m.requestId) && typeof m.dataUrl === 'string' && m.dataUrl.startsWith('data:image/png;base64,')
        ? { type: 'chartImage', requestId: m.requestId as number, dataUrl: m.dataUrl }
        : undefined;
    default:
      return undefined;
  }
}

function knobValues(value: unknown): Partial<Record<Knob['id'], number>> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Partial<Record<Knob['id'], number>> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!KNOB_IDS.includes(key) || typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    out[key as Knob['id']] = v;
  }
  return out;
}

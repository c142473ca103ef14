// The page's handle on VS Code: typed postMessage and the persisted state. Outside VS Code
// (the preview harness, tests in a browser) `acquireVsCodeApi` is whatever the harness defines.
import type { PageMessage, PanelState } from './contract.ts';
import { BOOT_MESSAGES_ID, INITIAL_STATE_ID } from './html.ts';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: PageMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

export function connect(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => (isPanelState(api.getState()) ? (api.getState() as PanelState) : undefined),
    setState: (state) => api.setState(state),
  };
}

/** The state the host wrote into the HTML (a restored panel), if any. */
export function initialState(doc: Document = document): PanelState | undefined {
  const value = embeddedJson(doc, INITIAL_STATE_ID);
  return isPanelState(value) ? value : undefined;
}

/** The messages the host wrote into the HTML for the page's first draw (unchecked: the caller validates each). */
export function bootMessages(doc: Document = document): unknown[] {
  const value = embeddedJson(doc, BOOT_MESSAGES_ID);
  return Array.isArray(value) ? value : [];
}

function embeddedJson(doc: Document, id: string): unknown {
  const text = doc.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isPanelState(value: unknown): value is PanelState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<PanelState>;
  return typeof s.view === 'string' && Array.isArray(s.knobs) && (s.results === null || (typeof s.results === 'object' && Array.isArray(s.results?.runs)));
}

// The host's messages, typed by the contract, applied to the store. The host is trusted,
// but a message of an unknown shape is dropped rather than half applied.
import type { HostMessage } from './contract.ts';
import type { PanelStore } from './store.ts';

export interface MessageEffects {
  /** The results or the knobs changed: draw when the throttle allows. */
  changed(kind: 'data' | 'all'): void;
  /** Save the state now (a session ended, a load) or soon (while streaming). */
  persist(now: boolean): void;
  /** Answer a `requestChartImage`. */
  chartImage(requestId: number): void;
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown } & Record<string, unknown>;
  switch (m.type) {
    case 'load':
      return typeof m.state === 'object' && m.state !== null;
    case 'sessionStarted':
      return isResults(m.results) && typeof m.playground === 'boolean';
    case 'events':
      return Array.isArray(m.events);
    case 'sessionFinished':
      return isResults(m.results);
    case 'requestChartImage':
      return Number.isInteger(m.requestId);
    default:
      return false;
  }
}

function isResults(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { runs?: unknown }).runs);
}

export function handleHostMessage(message: HostMessage, store: PanelStore, effects: MessageEffects): void {
  switch (message.type) {
    case 'load':
      store.load(message.state);
      effects.changed('all');
      effects.persist(true);
      break;
    case 'sessionStarted':
      store.sessionStarted(message.results, message.playground);
      effects.changed('all');
      effects.persist(false);
      break;
    case 'events':
      if (store.events(message.events).length > 0) {
        effects.changed('data');
        effects.persist(false);
      }
      break;
    case 'sessionFinished':
      store.sessionFinished(message.results);
      effects.changed('all');
      effects.persist(true);
      break;
    case 'requestChartImage':
      effects.chartImage(message.requestId);
      break;
  }
}

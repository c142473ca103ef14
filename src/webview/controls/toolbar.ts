// The toolbar's right side: what is happening, the Log toggle (Loss and Sweep), Stop, and
// the exports. Test hooks: data-testid="stop", "log-scale", "export-chart", "export-csv".
import type { View } from '../contract.ts';
import { h, icon, iconButton } from '../dom.ts';
import type { PageStatus } from '../store.ts';

export interface ToolbarActions {
  logScale(on: boolean): void;
  stop(): void;
  exportChart(): void;
  exportCsv(): void;
}

export interface Toolbar {
  element: HTMLElement;
  update(status: PageStatus, view: View, logScale: boolean, progress: string): void;
}

/**
 * The icon beside the progress while runs train: still, not spinning. The counts beside it
 * move; an endless CSS animation would make the panel (and, in code-server, the whole window)
 * draw a frame 60 times a second for the whole sweep, which without a GPU costs the editor's
 * keystrokes their speed (see TrainingProgress in src/extension/progress.ts).
 */
export const TRAINING_ICON = 'pulse';

/** The views whose y axes the Log toggle switches. */
export const LOG_VIEWS: readonly View[] = ['loss', 'sweep'];

export function createToolbar(actions: ToolbarActions): Toolbar {
  const progress = h('span', { class: 'progress', attrs: { role: 'status', 'aria-live': 'polite' } });
  const training = icon(TRAINING_ICON);
  const log = h('input', { attrs: { type: 'checkbox', id: 'log-scale' }, data: { testid: 'log-scale' } });
  log.addEventListener('change', () => actions.logScale(log.checked));
  const logLabel = h('label', { class: 'toggle', attrs: { for: 'log-scale' }, title: 'Logarithmic y axis for the losses' }, log, h('span', { text: 'Log scale' }));
  const stop = iconButton('debug-stop', 'Stop', { data: { testid: 'stop' }, title: 'Stop training' });
  stop.addEventListener('click', () => actions.stop());
  const png = iconButton('device-camera', 'PNG', { data: { testid: 'export-chart' }, title: 'Export the current view as a PNG image' });
  png.addEventListener('click', () => actions.exportChart());
  const csv = iconButton('table', 'CSV', { data: { testid: 'export-csv' }, title: 'Export the curves as CSV' });
  csv.addEventListener('click', () => actions.exportCsv());
  const element = h('div', { class: 'toolbar-actions' }, h('span', { class: 'activity' }, training, progress), logLabel, stop, png, csv);
  return {
    element,
    update(status, view, logScale, text) {
      training.hidden = status !== 'training';
      progress.textContent = text;
      log.checked = logScale;
      logLabel.hidden = !LOG_VIEWS.includes(view);
      stop.disabled = status !== 'training';
      png.disabled = status === 'empty';
      csv.disabled = status === 'empty';
    },
  };
}

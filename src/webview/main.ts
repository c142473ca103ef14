// The Reglab panel's page: four views of the results (Fit, Loss, Sweep, Weights) drawn with
// Chart.js, a playground, and the exports. Messages in are folded into the store; drawing is
// throttled (animation frames, at least REDRAW_MS apart), never once per message; the state
// is saved with setState so a restarted VS Code shows the last results without retraining.
//
// Test hooks (the e2e tests rely on them; keep them stable):
//   document.body.dataset.state   'empty' | 'training' | 'idle'
//   document.body.dataset.drawMs  how long the last draw took (ms), for performance checks
//   document.body.dataset.firstPointAt  when the session's first point was drawn (epoch ms, the page's clock)
//   performance marks 'reglab:script', 'reglab:ready', 'reglab:first-draw', 'reglab:first-point' and
//                 'reglab:<message type>[#2|#3]' (the first three of each): where the page's start-up time goes
//   <canvas data-view="fit|loss|sweep|weights" data-chart="<id>" data-points="<n>" data-draws="<n>">
//       data-points: the data points drawn last time (gaps not counted); data-draws: draws so far
//   tabs          <button role="tab" data-view="…" aria-selected="true|false">
//   tab panels    <section role="tabpanel" data-view="…" data-renders="<n>"> (n grows with each draw of the tab)
//   sliders       <input type="range" data-knob="lambda|dropout|lr|noise|trainSize|seed">
//   Save as variant   [data-testid="variant-name"] (text input), [data-testid="save-variant"] (button)
//   Stop [data-testid="stop"], Log toggle [data-testid="log-scale"] (checkbox, Loss and Sweep),
//   exports [data-testid="export-chart"] and [data-testid="export-csv"], Fit replay [data-testid="fit-epoch"]
//   <canvas data-legend="<n>">: the entries the chart's legend shows after its last draw
//   sections      <details data-testid="lesson"> (the descriptions), <details data-testid="playground">
//   legend        <li class="variant" data-variant="<name>"> holding <button aria-pressed> (hides/shows the variant);
//                 problems <li class="problem diverged|failed" data-run="<id>">
import type { HostMessage, PageMessage, Section, View } from './contract.ts';
import { ChartBoard } from './charts.ts';
import { createLegend } from './controls/legend.ts';
import { createLesson } from './controls/lesson.ts';
import { createPlayground } from './controls/playground.ts';
import { createScrubber } from './controls/scrubber.ts';
import { createTabs } from './controls/tabs.ts';
import { createToolbar } from './controls/toolbar.ts';
import { h, icon } from './dom.ts';
import { viewImage } from './export.ts';
import { handleHostMessage, isHostMessage } from './messages.ts';
import { PanelStore } from './store.ts';
import { progressText, summarize, variantPalette } from './summary.ts';
import { readTheme, watchTheme } from './theme.ts';
import { browserClock, FrameThrottle } from './throttle.ts';
import { bootMessages, connect, initialState } from './vscode.ts';
import { variantNames } from '../report/charts/palette.ts';
import { hideVariants } from './views/common.ts';
import { snapshotEpochs, VIEW_BUILDERS, type ViewContent } from './views/index.ts';

/** Shortest time between two draws while results stream in (grows when drawing is slow). */
const REDRAW_MS = 150;

// Marks on the page's timeline (performance.getEntriesByType('mark')), read by the e2e
// responsiveness scenario to say where the time to the first point goes.
performance.mark('reglab:script');
const host = connect();
const saved = host.getState();
const store = new PanelStore(saved ?? initialState() ?? null);
let theme = readTheme();
let themeRevision = 0;
let fitEpoch: number | null = null;
/**
 * Until the shown view has drawn a point of the current session, new data is drawn at the
 * next frame rather than after the throttle's interval (150 ms at least, longer after the
 * first draw, which creates the charts): after Run, the first point is what the learner
 * waits for.
 */
let firstPointPending = true;

const post = (message: PageMessage) => host.post(message);

const tabs = createTabs((view) => selectView(view));
const toolbar = createToolbar({
  logScale: (on) => {
    if (store.setLogScale(on)) viewChanged();
  },
  stop: () => post({ type: 'stop' }),
  exportChart: () => post({ type: 'exportChart' }),
  exportCsv: () => post({ type: 'exportCsv' }),
});
/** Variants hidden from the charts by a click in the legend (the page's own, not saved). */
const hidden = new Set<string>();
const legend = createLegend((variant) => {
  if (hidden.has(variant)) hidden.delete(variant);
  else if (store.results !== null && variantNames(store.results).some((v) => v !== variant && !hidden.has(v))) hidden.add(variant);
  throttle.immediate();
});
const playground = createPlayground({
  moved: (id, value) => {
    store.setKnob(id, value);
    persist(false);
  },
  retrain: (values) => post({ type: 'playground', values }),
  saveVariant: (name) => post({ type: 'saveVariant', name, values: store.knobValues() }),
  toggled: (open) => sectionToggled('playground', open),
});
const lesson = createLesson((open) => sectionToggled('lesson', open));
const scrubber = createScrubber((epoch) => {
  fitEpoch = epoch;
  throttle.immediate();
});
const boards = Object.fromEntries(
  (Object.keys(tabs.panels) as View[]).map((view) => [view, new ChartBoard(view, tabs.panels[view])]),
) as Record<View, ChartBoard>;
tabs.panels.fit.prepend(scrubber.element);

const empty = h(
  'div',
  { class: 'empty-state' },
  icon('graph-line'),
  h('h1', { text: 'No results yet' }),
  h('p', { text: 'Open an experiment file (*.reglab.json) and click Run above it. The fitted curves, the losses, the λ sweep and the weights appear here as the models train.' }),
  h('p', { class: 'muted', text: 'New to Reglab? The examples folder has one file per lesson: weight decay, dropout, L1/L2/ElasticNet and a λ sweep.' }),
);
const views = h('main', { class: 'views' }, ...Object.values(tabs.panels));
// Narrow (beside an editor): one column, the summary, lesson and playground above the charts,
// the last two closed by default. Wide (WIDE_PX and more): controls on the left, charts right.
const side = h('aside', { class: 'side' }, legend.element, lesson.element, playground.element);
const layout = h('div', { class: 'layout' }, side, views);
document.body.append(h('header', { class: 'toolbar' }, tabs.element, toolbar.element), empty, layout);

/** From this width the panel has two columns (see panel.css). */
const WIDE_PX = 900;
const isWide = () => window.innerWidth >= WIDE_PX;
let wasWide = isWide();
window.addEventListener('resize', () => {
  // Sections left at their default follow the layout.
  if (isWide() !== wasWide) {
    wasWide = isWide();
    throttle.immediate();
  }
});

function sectionToggled(section: Section, open: boolean): void {
  store.setSection(section, open);
  persist(true);
}

const throttle = new FrameThrottle(draw, browserClock, { interval: REDRAW_MS });

function draw(): void {
  const start = performance.now();
  if (throttle.draws === 0) performance.mark('reglab:first-draw');
  try {
    render();
  } finally {
    document.body.dataset['drawMs'] = String(Math.round(performance.now() - start));
  }
}

function render(): void {
  if (themeChanged) {
    themeChanged = false;
    theme = readTheme();
    themeRevision++;
    for (const board of Object.values(boards)) board.invalidate();
  }
  const status = store.status;
  const { results, view, logScale, knobs, file } = store.state;
  document.body.dataset['state'] = status;
  tabs.select(view);
  toolbar.update(status, view, logScale, progressText(results));
  const training = status === 'training';
  const wide = isWide();
  playground.update(knobs, training, store.sectionOpen('playground', wide));
  empty.hidden = status !== 'empty';
  layout.hidden = results === null;
  if (results === null) return;
  const descriptions = Object.entries(results.variantDescriptions ?? {}).map(([name, description]) => ({ name, description }));
  if (results.initialization !== undefined) descriptions.push({ name: 'Initial weights', description: results.initialization });
  lesson.update(results.description, descriptions, store.sectionOpen('lesson', wide));
  const names = variantNames(results);
  for (const variant of hidden) if (!names.includes(variant)) hidden.delete(variant);
  legend.update(results.title, results.file || file, summarize(results, theme.palette), hidden);
  const colors = variantPalette(results, theme.palette);
  const shown = hideVariants(results, hidden, colors);
  const epochs = snapshotEpochs(shown.results);
  if (training || (fitEpoch !== null && !epochs.includes(fitEpoch))) fitEpoch = null;
  scrubber.update(epochs, fitEpoch, !training);
  const content: ViewContent = VIEW_BUILDERS[view]({
    results: shown.results,
    theme: { ...theme, palette: shown.palette },
    themeRevision,
    logScale,
    training,
    fitEpoch,
    hidden: [...hidden].sort(),
  });
  boards[view].render(content, (variant) => colors.get(variant) ?? theme.palette[0]!);
  if (firstPointPending && boards[view].hasPoints) {
    firstPointPending = false;
    performance.mark('reglab:first-point');
    document.body.dataset['firstPointAt'] = String(Math.round(performance.timeOrigin + performance.now()));
  }
}

function selectView(view: View): void {
  if (store.setView(view)) viewChanged();
  else throttle.immediate();
}

function viewChanged(): void {
  tabs.select(store.state.view);
  post({ type: 'viewChanged', view: store.state.view, logScale: store.state.logScale });
  persist(true);
  throttle.immediate();
}

/**
 * Saves the page's state, which a restarted VS Code shows. Not while runs stream in: the
 * results can be megabytes, and setState serialises them on the window's thread, the
 * editor's (in a sweep that was a tenth of its time). A page hidden and shown again gets
 * everything from the host; the state saved when the session ends is the one a restart needs.
 */
function persist(now: boolean): void {
  if (now || store.status !== 'training') host.setState(store.persisted());
}

const messagesSeen = new Map<string, number>();
/** Marks the first three messages of each type ("reglab:load", "reglab:load#2", …). */
function markFirst(type: string): void {
  const seen = messagesSeen.get(type) ?? 0;
  messagesSeen.set(type, seen + 1);
  if (seen < 3) performance.mark(seen === 0 ? `reglab:${type}` : `reglab:${type}#${seen + 1}`);
}

function receive(message: HostMessage): void {
  markFirst(message.type);
  const statusBefore = store.status;
  if (message.type === 'sessionStarted' || message.type === 'load') firstPointPending = true;
  handleHostMessage(message, store, {
    // A change of state (Stop settled every run, the session ended) and a session's first
    // points show at the next frame; other streamed points wait for the throttle.
    changed: () => (store.status !== statusBefore || firstPointPending ? throttle.immediate() : throttle.request()),
    persist,
    chartImage: (requestId) => {
      draw(); // the image shows the state of now, not of the last frame
      const board = boards[store.state.view];
      const dataUrl = viewImage(board.charts, theme, document.querySelector(`#view-${store.state.view} .view-empty`)?.textContent ?? '');
      post({ type: 'chartImage', requestId, dataUrl });
    },
  });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) receive(event.data);
});

// The variables are read at the next draw, not in the observer: by then VS Code has set
// both the body class and the variables, whichever it changed first.
let themeChanged = false;
watchTheme(() => {
  themeChanged = true;
  throttle.immediate();
});

// A panel opened by Run has the session in its HTML: the page builds its charts while its
// "ready" goes to the host and back, so the first points only update them. Not in a page
// that saved state before (one shown again after being hidden): its HTML is no longer news.
if (saved === undefined) for (const message of bootMessages()) if (isHostMessage(message)) receive(message);
throttle.request();
post({ type: 'ready' });
performance.mark('reglab:ready');

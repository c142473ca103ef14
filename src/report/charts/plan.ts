// Which charts an experiment gets, with their ids, titles and captions. The report's HTML
// places a canvas for each; the page script (or the panel) builds each canvas's chart with
// `buildChart`, from nothing but the kind, the run id and the results.
import type { ExperimentResults, RunRecord } from '../../results/model.ts';
import { hasAccuracy } from './accuracy.ts';
import { hasPenalty } from './loss.ts';
import { variantRuns } from './common.ts';
import { boundaryRuns, curveRuns, lastSnapshot } from './fit.ts';
import { runLabel } from './labels.ts';
import { formatPercent } from './format.ts';
import { histogramRuns, nearZeroNote } from './weights.ts';
import { sweepTitle } from './sweep.ts';
import { sweepGrids, type Grid } from '../../results/grid.ts';
import { heatmapHeight, ROW_BEST_MARK } from './heatmap.ts';
import { fieldLabel } from './labels.ts';
import { pathSpecs } from './path-plan.ts';

export type ChartKind = 'fit' | 'boundary' | 'loss' | 'penalty' | 'accuracy' | 'sweep-loss' | 'sweep-weights' | 'sweep-grid' | 'histogram' | 'weight-norm' | 'path' | 'norm-path';
export type ChartGroup = 'fit' | 'loss' | 'sweep' | 'weights';

export interface ChartSpec {
  /** Unique in the report: `<prefix>-<kind>[-<run index>]`. */
  id: string;
  kind: ChartKind;
  group: ChartGroup;
  /** For charts of one run. */
  runId?: string;
  /** The run's variant, whose colour the chart wears. */
  variant?: string;
  title: string;
  caption?: string;
  /** wide: full width; half: two per row; small: small multiples. */
  size: 'wide' | 'half' | 'small';
  /** Height in CSS pixels when the content sets it (a heat map: its rows), instead of the size's. */
  height?: number;
}

export function planCharts(results: ExperimentResults, prefix: string): ChartSpec[] {
  const runs = variantRuns(results.runs);
  const specs: ChartSpec[] = [];
  const id = (kind: ChartKind, run?: RunRecord) => (run === undefined ? `${prefix}-${kind}` : `${prefix}-${kind}-${results.runs.indexOf(run)}`);
  const perRun = (run: RunRecord) => ({ runId: run.id, variant: run.variant });

  const curves = curveRuns(runs);
  if (curves.length > 0 && sharesData(runs)) {
    specs.push({
      id: id('fit'),
      kind: 'fit',
      group: 'fit',
      title: 'Fit: the data and each variant’s final curve',
      caption: 'Filled dots: training points; hollow dots: test points. Each line is a variant’s prediction at its last snapshot.',
      size: 'wide',
    });
  } else {
    for (const run of curves) {
      specs.push({ id: id('fit', run), kind: 'fit', group: 'fit', ...perRun(run), title: `Fit: ${runLabel(run)}`, size: 'small' });
    }
  }
  for (const run of boundaryRuns(runs)) {
    const snapshot = lastSnapshot(run, 'boundary')!;
    const accuracy = run.summary?.final.testAccuracy;
    specs.push({
      id: id('boundary', run),
      kind: 'boundary',
      group: 'fit',
      ...perRun(run),
      title: `${runLabel(run)}: decision boundary at epoch ${snapshot.epoch}${accuracy === undefined ? '' : ` · test accuracy ${formatPercent(accuracy)}`}`,
      size: 'small',
    });
  }
  if (runs.some((r) => r.metrics.length > 0)) {
    specs.push({
      id: id('loss'),
      kind: 'loss',
      group: 'loss',
      title: 'Loss per epoch: train (data term) and test',
      caption:
        'Solid: test loss, evaluated in eval mode; dashed: the training loss’s data term, “train (batch mean, train mode)”: the mean over the epoch’s batches, each taken in train mode (dropout on) before its step' +
        (runs.some((r) => r.metrics.some((m) => m.trainEvalLoss !== undefined))
          ? '; dotted: “train (eval mode, full set)”, the whole training set after the epoch in eval mode (training.evalTrain), as d2l’s evaluate_loss'
          : '') +
        '. The penalty term has its own chart.',
      size: 'wide',
    });
  }
  if (runs.some(hasPenalty)) {
    specs.push({
      id: id('penalty'),
      kind: 'penalty',
      group: 'loss',
      title: 'Penalty term per epoch',
      caption: 'The penalty added to the data term in the training objective (L1, L2, ElasticNet). Weight decay in the optimizer adds none: it acts on the step, not the loss.',
      size: 'wide',
    });
  }
  if (runs.some(hasAccuracy)) {
    specs.push({
      id: id('accuracy'),
      kind: 'accuracy',
      group: 'loss',
      title: 'Accuracy per epoch: train and test',
      caption: 'Solid: test accuracy; dashed: accuracy on the training set. Both at the end of each epoch, in eval mode (dropout off).',
      size: 'wide',
    });
  }
  const grids = sweepGrids(results.sweep);
  for (const grid of grids) {
    const last = grid === grids[grids.length - 1];
    specs.push({
      id: `${id('sweep-grid')}-${grids.indexOf(grid)}`,
      kind: 'sweep-grid',
      group: 'sweep',
      // The chart of one variant's grid: buildChart takes the variant where other kinds take a run.
      runId: grid.variant,
      variant: grid.variant,
      title: `Mean final ${grid.on} loss: ${fieldLabel(results.sweepOver ?? '')} × ${fieldLabel(results.gridOver ?? '')}${grids.length > 1 ? ` (${grid.variant})` : ''}`,
      // Said once, under the last map: the maps of a grid read the same way, and one caption
      // between them would push the second map out of a panel's height.
      ...(last ? { caption: gridCaption(grid, results, grids.length) } : {}),
      size: 'wide',
      height: heatmapHeight(grid.rows.length),
    });
  }
  if (results.sweep.length > 0 && grids.length === 0) {
    const repeats = Math.max(...results.sweep.map((p) => p.repeats));
    const over = sweepTitle(results);
    specs.push({
      id: id('sweep-loss'),
      kind: 'sweep-loss',
      group: 'sweep',
      title: `Final loss against ${over}`,
      caption: `Mean over up to ${repeats} repeat${repeats === 1 ? '' : 's'} per value (bars: ± one standard deviation). Solid, left axis: test loss, whose range sets the axis; dashed, right axis: the train loss’s data term. A star marks the lowest mean test loss; a ring while it is provisional (runs still training, or stopped).`,
      size: 'half',
    });
    specs.push({
      id: id('sweep-weights'),
      kind: 'sweep-weights',
      group: 'sweep',
      title: `Weight norm and near-zero share against ${over}`,
      caption: 'Solid: mean final ‖w‖₂ (left axis, bars: ± std); dashed: mean share of weights with |w| < 1e-3 (right axis).',
      size: 'half',
    });
  }
  // A path follows one field; a grid's cells vary two, so a grid gets its heat map alone.
  if (grids.length === 0) specs.push(...pathSpecs(results, (runId) => id('path', results.runs.find((r) => r.id === runId)), id('norm-path')));
  for (const run of histogramRuns(runs)) {
    specs.push({
      id: id('histogram', run),
      kind: 'histogram',
      group: 'weights',
      ...perRun(run),
      title: `Final weights: ${runLabel(run)}`,
      caption: nearZeroNote(run.summary!.histogram),
      size: 'small',
    });
  }
  if (runs.some((r) => r.metrics.length > 0)) {
    specs.push({ id: id('weight-norm'), kind: 'weight-norm', group: 'weights', title: '‖w‖₂ over epochs (biases excluded)', size: 'wide' });
  }
  return specs;
}

/** What a heat map's colours and marks mean, the row mark first: it is how a grid is read. */
function gridCaption(grid: Grid, results: ExperimentResults, maps: number): string {
  const [row, column] = [fieldLabel(results.sweepOver ?? 'sweep.over'), fieldLabel(results.gridOver ?? 'sweep.grid.over')];
  const on = grid.on === 'validation' ? 'validation loss (the test loss is only reported, on hover)' : 'test loss';
  return (
    `${ROW_BEST_MARK} marks each row’s lowest mean: the best ${column} at that ${row}. ` +
    `★ with an outline marks the lowest cell of ${maps > 1 ? 'each map' : 'the grid'} (dashed with a ring while provisional). ` +
    `Colour: the mean final ${on} over the cell’s runs, bright low, dark high (log scale of the map’s range). Hover a cell for its spread.`
  );
}

/** True when every run that has data points has the same ones (variants that change the data do not). */
export function sharesData(runs: readonly RunRecord[]): boolean {
  const texts = new Set(runs.filter((r) => r.data !== undefined).map((r) => JSON.stringify(r.data)));
  return texts.size <= 1;
}

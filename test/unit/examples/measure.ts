// Prints every number of examples/README.md, its tables as Markdown: every example's
// variants on the file's own seed (what a user sees after clicking Run), their values on
// 5 seeds, each sweep's curve and its seeds, and the runs the prose describes that the
// files do not have. Run: node --import tsx test/unit/examples/measure.ts [file …]
import type { SweepPoint } from '../../../src/results/model.ts';
import type { RunConfig } from '../../../src/experiment/schema/experiment.ts';
import {
  boundaryLength, curveStats, evaluateAtEndOnly, exampleFiles, loadExample, mean, seedsFrom, trainExample,
  type TrainedExample, type TrainedRun,
} from './helpers.ts';

const SEEDS = 5;
const only = process.argv.slice(2);

const num = (v: number): string => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(1);
  if (a >= 0.001) return v.toPrecision(3);
  return v.toExponential(1);
};
const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]): string[] => [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)];

/** Runs the prose describes but the files do not have, as a change to one of the file's variants. */
const EXTRA_RUNS: Record<string, { name: string; from: string; change: (config: RunConfig) => void }[]> = {
  // What stronger proximal L1 does: why the file's stops at 0.05.
  '04-l1-l2-elasticnet.reglab.json': [
    { name: 'L1 0.2 proximal', from: 'L1 0.05 proximal', change: (c) => void (c.regularization.l1 = 0.2) },
    { name: 'L1 1 proximal', from: 'L1 0.05 proximal', change: (c) => void (c.regularization.l1 = 1) },
    // The tutorials' lr: why the file uses Adam's default.
    { name: 'no penalty, lr 1e-4', from: 'no penalty', change: (c) => void (c.training.optimizer.lr = 1e-4) },
  ],
};

const variantRuns = (trained: TrainedExample): [string, TrainedRun][] =>
  trained.runs.filter((r) => r.spec.kind === 'variant').map((r) => [r.spec.variant ?? 'base', r]);

function variantTable(runs: [string, TrainedRun][], classification: boolean): string[] {
  const head = ['variant', 'train loss', 'of which penalty', 'test loss', '‖w‖', '\\|w\\| < 1e-3', 'exactly 0', ...(classification ? ['train acc', 'test acc'] : [])];
  return table(head, runs.map(([name, { final: f, summary }]) => [
    name, num(f.trainLoss), num(f.trainPenalty), num(f.testLoss), num(f.weightNorm), pct(f.sparsity),
    `${summary.histogram.exactZeros} / ${summary.histogram.total}`,
    ...(classification ? [pct(f.trainAccuracy!), pct(f.testAccuracy!)] : []),
  ]));
}

interface Quantity { label: string; of: (run: TrainedRun) => number; format: (v: number) => string }

/** What the README follows over the seeds, for the kind of run this is. */
function quantitiesOf(run: TrainedRun): Quantity[] {
  const snapshot = run.record.snapshots.at(-1)?.kind;
  const quantities: Quantity[] = [
    { label: 'train loss', of: (r) => r.final.trainLoss, format: num },
    { label: 'test loss', of: (r) => r.final.testLoss, format: num },
    // 4 digits: 05 compares the L2 penalty's ‖w‖ with weight decay's in the fourth.
    { label: '‖w‖', of: (r) => r.final.weightNorm, format: (v) => v.toPrecision(4) },
  ];
  if (run.final.testAccuracy !== undefined) quantities.push({ label: 'test accuracy', of: (r) => r.final.testAccuracy!, format: pct });
  // The digits lesson (04) is about exact zeros: count them on every seed.
  if (run.spec.config.data.generator === 'mnist') {
    quantities.push({ label: 'weights exactly 0', of: (r) => r.summary.histogram.exactZeros / r.summary.histogram.total, format: pct });
  }
  if (snapshot === 'curve') {
    quantities.push(
      { label: 'distance² to the true curve', of: (r) => curveStats(r).errorToTruth, format: num },
      { label: 'excess wiggle of the fit', of: (r) => curveStats(r).excessVariation, format: num },
    );
  }
  // Two decimals: the boundaries are 1.5–2.5 % long and differ in the second.
  if (snapshot === 'boundary') quantities.push({ label: 'boundary length', of: boundaryLength, format: (v) => `${(100 * v).toFixed(2)} %` });
  return quantities;
}

/** One row per quantity and variant, one column per seed, as the README's tables. */
function seedTable(trained: TrainedExample[], seeds: number[]): string[] {
  const perSeed = trained.map(variantRuns);
  const rows = quantitiesOf(perSeed[0]![0]![1]).flatMap(({ label, of, format }) =>
    perSeed[0]!.map(([name], i) => {
      const values = perSeed.map((runs) => of(runs[i]![1]));
      return [`${label}, ${name}`, ...values.map(format), format(mean(values))];
    }));
  return table(['', ...seeds.map((s) => `seed ${s}`), 'mean'], rows);
}

const byValue = (trained: TrainedExample) => [...trained.sweep].sort((a, b) => a.value - b.value);
const lowestOf = (curve: SweepPoint[]) => curve.reduce((best, p) => (p.testLoss.mean < best.testLoss.mean ? p : best));

/** The sweep's curve, its lowest mean test loss in bold: the bottom of 06's U, the start of 03's floor. */
function sweepTable(trained: TrainedExample, over: string): string[] {
  const curve = byValue(trained), lowest = lowestOf(curve);
  const rows = curve.map((p) => [
    `${p.value}`, num(p.trainLoss.mean), `${p === lowest ? `**${num(p.testLoss.mean)}**` : num(p.testLoss.mean)} ± ${num(p.testLoss.std)}`,
    `${num(p.testLoss.min)} … ${num(p.testLoss.max)}`, num(p.weightNorm.mean),
  ]);
  return table([over, 'train loss (mean)', 'test loss (mean ± std)', 'test loss min … max', '‖w‖ (mean)'], rows);
}

/** The test loss of each sweep run: the README names the seeds behind a wide spread (06 at λ = 0.5). */
function sweepSeedTable(trained: TrainedExample, over: string): string[] {
  const sweepRuns = trained.runs.filter((r) => r.spec.kind !== 'variant');
  const seeds = [...new Set(sweepRuns.map((r) => r.spec.seed))].sort((a, b) => a - b);
  const values = [...new Set(sweepRuns.map((r) => r.spec.sweepValue!))].sort((a, b) => a - b);
  const testLoss = (value: number, seed: number) => sweepRuns.find((r) => r.spec.sweepValue === value && r.spec.seed === seed)!.final.testLoss;
  return table([over, ...seeds.map((s) => `test loss, seed ${s}`)], values.map((v) => [`${v}`, ...seeds.map((s) => num(testLoss(v, s)))]));
}

/** How far the mean test loss rises past its lowest point: the README's floor (03) or U (06). */
function pastTheLowest(trained: TrainedExample, over: string): string {
  const curve = byValue(trained), lowest = lowestOf(curve);
  const rises = curve.filter((p) => p.value > lowest.value).map((p) => `${p.value} +${(100 * (p.testLoss.mean / lowest.testLoss.mean - 1)).toFixed(1)} %`);
  return `Lowest mean test loss at ${over} = ${lowest.value} (${lowest.testLoss.mean.toPrecision(4)}); past it: ${rises.join(', ') || 'none'}.`;
}

for (const file of exampleFiles().filter((f) => only.length === 0 || only.some((o) => f.includes(o)))) {
  const experiment = loadExample(file);
  const started = performance.now();
  const out = [`### ${file}`, ''];
  const own = trainExample(experiment, { includeSweep: true, adjust: evaluateAtEndOnly });
  const classification = own.runs[0]!.record.task === 'classification';
  if (experiment.variants.length > 0) {
    out.push(`Seed ${experiment.seed}:`, '', ...variantTable(variantRuns(own), classification), '');
    if (!experiment.sweep) {
      const seeds = seedsFrom(experiment, SEEDS);
      const runs = [own, ...seeds.slice(1).map((seed) => trainExample(experiment, { seed, adjust: evaluateAtEndOnly }))];
      out.push(...seedTable(runs, seeds), '');
    }
  }
  for (const extra of EXTRA_RUNS[file] ?? []) {
    const adjust = (config: RunConfig) => { evaluateAtEndOnly(config); extra.change(config); };
    const [run] = trainExample(experiment, { variants: [extra.from], adjust }).runs;
    out.push(`Not in the file, seed ${experiment.seed}:`, '', ...variantTable([[extra.name, run!]], classification), '');
  }
  if (experiment.sweep) {
    const over = experiment.sweep.over.split('.').at(-1)!;
    // One set of tables per swept variant (08's lasso and ridge, 11's with and without decay).
    const swept = [...new Set(own.sweep.map((p) => p.variant))];
    for (const variant of swept) {
      const of: TrainedExample =
        swept.length === 1
          ? own
          : { ...own, sweep: own.sweep.filter((p) => p.variant === variant), runs: own.runs.filter((r) => r.spec.kind === 'variant' || (r.spec.variant ?? 'base') === variant) };
      out.push(`Sweep${swept.length === 1 ? '' : ` of "${variant}"`}, ${experiment.sweep.repeats} seeds per value:`, '', ...sweepTable(of, over), '');
      out.push(...sweepSeedTable(of, over), '', pastTheLowest(of, over), '');
    }
  }
  out.push(`(${((performance.now() - started) / 1000).toFixed(1)} s)`, '');
  console.log(out.join('\n'));
}

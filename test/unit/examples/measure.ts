// Prints the numbers of examples/README.md as Markdown tables: every example's variants
// on the file's own seed (what a user sees after clicking Run), their means over 5 seeds,
// and each sweep's curve. Run: node --import tsx test/unit/examples/measure.ts [file …]
import '../../../src/node/relaxed-simd.ts'; // measure the kernels the product runs
import { evaluateAtEndOnly, exampleFiles, loadExample, mean, seedsFrom, trainExample, type TrainedExample } from './helpers.ts';

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

function variantTable(trained: TrainedExample, classification: boolean): string[] {
  const head = ['variant', 'train loss', 'of which penalty', 'test loss', '‖w‖', '\\|w\\| < 1e-3', 'exactly 0', ...(classification ? ['train acc', 'test acc'] : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [name, f] of trained.finals) {
    const h = trained.summaries.get(name)!.histogram;
    const cells = [name, num(f.trainLoss), num(f.trainPenalty), num(f.testLoss), num(f.weightNorm), pct(f.sparsity), `${h.exactZeros} / ${h.total}`];
    if (classification) cells.push(pct(f.trainAccuracy!), pct(f.testAccuracy!));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function seedTable(runs: TrainedExample[], seeds: number[], classification: boolean): string[] {
  const names = [...runs[0]!.finals.keys()];
  const head = ['variant', ...seeds.map((s) => `test loss, seed ${s}`), 'mean', ...(classification ? ['mean test acc'] : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const name of names) {
    const finals = runs.map((r) => r.finals.get(name)!);
    const cells = [name, ...finals.map((f) => num(f.testLoss)), num(mean(finals.map((f) => f.testLoss)))];
    if (classification) cells.push(pct(mean(finals.map((f) => f.testAccuracy!))));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function sweepTable(trained: TrainedExample, over: string): string[] {
  const lines = [`| ${over} | train loss (mean) | test loss (mean ± std) | test loss min … max | ‖w‖ (mean) |`, '|---|---|---|---|---|'];
  for (const p of [...trained.sweep].sort((a, b) => a.value - b.value)) {
    lines.push(`| ${p.value} | ${num(p.trainLoss.mean)} | ${num(p.testLoss.mean)} ± ${num(p.testLoss.std)} | ${num(p.testLoss.min)} … ${num(p.testLoss.max)} | ${num(p.weightNorm.mean)} |`);
  }
  return lines;
}

for (const file of exampleFiles().filter((f) => only.length === 0 || only.some((o) => f.includes(o)))) {
  const experiment = loadExample(file);
  const started = performance.now();
  const out = [`### ${file}`, ''];
  const own = trainExample(experiment, { includeSweep: true, adjust: evaluateAtEndOnly });
  const classification = own.runs[0]!.record.task === 'classification';
  if (experiment.variants.length > 0) {
    out.push(`Seed ${experiment.seed}:`, '', ...variantTable(own, classification), '');
    if (!experiment.sweep) {
      const seeds = seedsFrom(experiment, SEEDS);
      const runs = [own, ...seeds.slice(1).map((seed) => trainExample(experiment, { seed, adjust: evaluateAtEndOnly }))];
      out.push(...seedTable(runs, seeds, classification), '');
    }
  }
  if (experiment.sweep) out.push(`Sweep, ${experiment.sweep.repeats} seeds per value:`, '', ...sweepTable(own, experiment.sweep.over), '');
  out.push(`(${((performance.now() - started) / 1000).toFixed(1)} s)`, '');
  console.log(out.join('\n'));
}

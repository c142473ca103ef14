// Lesson 11: double descent on random ReLU features (the first layer frozen, only the
// output layer's p + 1 parameters trained by gradient descent). Across the width sweep the
// test loss without weight decay peaks near the interpolation threshold (p + 1 ≈ the 40
// training samples) and falls again on both sides, on every one of the sweep's 5 seeds;
// with a little weight decay the peak is gone on every seed. The file's sweep as it is
// (12 widths × 5 seeds × 2 variants), evaluated only at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, loadExample, trainExample, type TrainedRun } from './helpers.ts';

const FILE = '11-double-descent.reglab.json';

/** Final test loss per width, per seed, per variant. */
function curves(runs: readonly TrainedRun[]): Map<string, Map<number, Map<number, number>>> {
  const out = new Map<string, Map<number, Map<number, number>>>();
  for (const run of runs) {
    if (run.spec.kind !== 'sweep') continue;
    const variant = run.spec.variant ?? 'base';
    const bySeed = out.get(variant) ?? new Map<number, Map<number, number>>();
    out.set(variant, bySeed);
    const curve = bySeed.get(run.spec.seed) ?? new Map<number, number>();
    bySeed.set(run.spec.seed, curve);
    curve.set(run.spec.sweepValue!, run.final.testLoss);
  }
  return out;
}

test('11 double descent: without decay the test loss peaks near width ≈ training samples and falls on both sides, on every seed; weight decay removes the peak', (t) => {
  const experiment = loadExample(FILE);
  const n = experiment.data.generator === 'd2l' ? experiment.data.train : NaN;
  assert.equal(n, 40);
  // variants: [] leaves out the variants' own runs (width 39, seed 1: a point of the sweep).
  const trained = trainExample(experiment, { includeSweep: true, variants: [], adjust: evaluateAtEndOnly });
  const byVariant = curves(trained.runs);
  assert.deepEqual([...byVariant.keys()], ['no weight decay', 'weight decay 0.05']);
  // The trained layer has p + 1 parameters (p weights, 1 bias); the threshold is p + 1 = n.
  const zone = (p: number) => p >= 0.75 * n && p <= 1.5 * n; // widths 30 … 60
  const left = (p: number) => p <= n / 2; // 5, 10, 20
  const right = (p: number) => p >= 3 * n; // 120, 160
  const summary = (curve: Map<number, number>) => {
    const at = (keep: (p: number) => boolean) => [...curve].filter(([p]) => keep(p)).map(([, v]) => v);
    return { peak: Math.max(...at(zone)), left: Math.min(...at(left)), right: Math.min(...at(right)), peakWidth: [...curve].filter(([p]) => zone(p)).reduce((a, b) => (b[1] > a[1] ? b : a))[0] };
  };
  const plain = byVariant.get('no weight decay')!;
  const decayed = byVariant.get('weight decay 0.05')!;
  assert.equal(plain.size, 5, 'the sweep repeats every width on 5 seeds');
  for (const [seed, curve] of plain) {
    assert.equal(curve.size, experiment.sweep!.values!.length);
    const s = summary(curve);
    const d = summary(decayed.get(seed)!);
    t.diagnostic(
      `seed ${seed}: no decay: peak ${s.peak.toFixed(3)} at width ${s.peakWidth}, best left ${s.left.toFixed(3)}, best right ${s.right.toFixed(3)}; ` +
        `decay 0.05: highest near the threshold ${d.peak.toFixed(3)} (width ${d.peakWidth}), best left ${d.left.toFixed(3)}, best right ${d.right.toFixed(3)}`,
    );
    // The peak: near the threshold the test loss is far above the best on either side.
    assert.ok(s.peak > 1.5 * Math.max(s.left, s.right), `seed ${seed}: no peak near the threshold: ${s.peak} vs ${s.left} (left) and ${s.right} (right)`);
    // It falls again: the widest nets are better than the threshold's.
    assert.ok(curve.get(160)! < 0.6 * s.peak, `seed ${seed}: the test loss should fall again past the threshold`);
    // With decay no peak: near the threshold within 20 % of the better side, and far below the unregularized peak.
    assert.ok(d.peak <= 1.2 * Math.max(d.left, d.right), `seed ${seed}: weight decay leaves a peak: ${d.peak} vs ${d.left} and ${d.right}`);
    assert.ok(d.peak < 0.5 * s.peak, `seed ${seed}: weight decay should at least halve the peak: ${d.peak} vs ${s.peak}`);
  }
  // And on the chart (the mean over the 5 seeds per width): the no-decay curve's highest point is in the zone.
  const means = trained.sweep.filter((p) => p.variant === 'no weight decay').sort((a, b) => b.testLoss.mean - a.testLoss.mean);
  if (means.length > 0) assert.ok(zone(means[0]!.value), `the mean curve should peak near the threshold, not at width ${means[0]!.value}`);
});

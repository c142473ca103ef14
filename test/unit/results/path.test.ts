// The regularization path's data (means over repeats per swept value, exact zeros counted
// only where every repeat has one) and its chart: one line per coefficient of a linear
// model, per-layer norms and largest weights for an MLP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartDataset } from 'chart.js';
import type { LayerSummary, PathWeights, RunSummary } from '../../../src/protocol.ts';
import { buildChart, planCharts } from '../../../src/report/charts/index.ts';
import type { ExperimentResults, RunRecord } from '../../../src/results/model.ts';
import { regularizationPaths } from '../../../src/results/path.ts';
import { sweepStatistics } from '../../../src/results/stats.ts';

function run(variant: string, value: number, repeat: number, path: PathWeights | undefined, layers: LayerSummary[], status: RunRecord['status'] = 'finished'): RunRecord {
  const summary = { final: { epoch: 1, step: 1, trainLoss: 1, trainDataLoss: 1, trainPenalty: 0, testLoss: 1, weightNorm: 1, weightL1: 1, sparsity: 0 }, layers, ...(path ? { path } : {}) } as RunSummary;
  return { id: `${variant}@${value}#${repeat}`, variant, sweepValue: value, repeat, seed: repeat + 1, status, metrics: [], snapshots: [], ...(status === 'finished' ? { summary } : {}) };
}

const layer = (name: string, norm: number): LayerSummary => ({ name, shape: [1], norm, l1: norm, exactZeros: 0 });

function results(runs: RunRecord[], sweepOver = 'regularization.l1', normPath = false): ExperimentResults {
  return { version: 1, file: 'x', title: 't', startedAt: '', sweepOver, ...(normPath ? { normPath: true as const } : {}), runs, sweep: sweepStatistics(runs) };
}

describe('regularization path data', () => {
  const lasso = [
    run('L1', 0, 0, { coefficients: [1, -0.5, 0.2], largest: [1, 0.5] }, [layer('0.weight', 1.1)]),
    run('L1', 0, 1, { coefficients: [3, -0.5, 0.4], largest: [3, 0.5] }, [layer('0.weight', 3.1)]),
    run('L1', 0.1, 0, { coefficients: [0.8, 0, 0], largest: [0.8, 0] }, [layer('0.weight', 0.8)]),
    run('L1', 0.1, 1, { coefficients: [1.2, -0.1, 0], largest: [1.2, 0.1] }, [layer('0.weight', 1.2)]),
    run('L1', 0.1, 2, undefined, [], 'diverged'),
    run('L1', 1, 0, { coefficients: [0, 0, 0], largest: [0, 0] }, [layer('0.weight', 0)]),
  ];

  it('means each coefficient over the repeats that finished, by increasing value', () => {
    const [path] = regularizationPaths([...lasso].reverse());
    assert.deepEqual(path!.values, [0, 0.1, 1]);
    assert.deepEqual(path!.repeats, [2, 2, 1]);
    assert.deepEqual(path!.coefficients!.map((c) => c.label), ['w[0]', 'w[1]', 'w[2]']);
    assert.deepEqual(path!.coefficients![0]!.mean, [2, 1, 0]);
    assert.deepEqual(path!.coefficients![2]!.mean, [0.30000000000000004, 0, 0]);
    assert.deepEqual(path!.layers.map((l) => [l.label, l.mean]), [['‖0.weight‖₂', [2.1, 1, 0]]]);
    assert.deepEqual(path!.largest.map((l) => l.label), ['largest |w|', '2nd largest |w|']);
  });

  it('counts a coefficient as exactly 0 only where every repeat has it at 0', () => {
    // At 0.1, w[1] is 0 in one repeat and −0.1 in the other: not a zero of the path.
    assert.deepEqual(regularizationPaths(lasso)[0]!.zeros, [0, 1, 3]);
  });

  it('has no coefficients for a model with hidden layers, and no path without path weights', () => {
    const mlp = [
      run('wd', 0, 0, { largest: [2, 1.5, 1] }, [layer('0.weight', 4), layer('0.bias', 1), layer('2.weight', 2)]),
      run('wd', 0.5, 0, { largest: [0.5, 0.4, 0.1] }, [layer('0.weight', 1), layer('0.bias', 1), layer('2.weight', 0.5)]),
    ];
    const [path] = regularizationPaths(mlp);
    assert.equal(path!.coefficients, null);
    assert.equal(path!.zeros, null);
    assert.deepEqual(path!.layers.map((l) => [l.label, l.mean]), [['‖0.weight‖₂', [4, 1]], ['‖2.weight‖₂', [2, 0.5]]]);
    assert.deepEqual(path!.largest.map((l) => l.mean), [[2, 0.5], [1.5, 0.4], [1, 0.1]]);
    assert.deepEqual(regularizationPaths([run('old', 0, 0, undefined, [layer('0.weight', 1)])]), []);
  });
});

describe('regularization path chart', () => {
  it('is planned in the Sweep group, one per swept variant, and draws one line per coefficient against a log λ axis', () => {
    const r = results([
      ...[0, 0.01, 0.1, 1].map((v, i) => run('L1', v, 0, { coefficients: [1 - i / 3, i < 2 ? 0.5 : 0], largest: [1] }, [layer('0.weight', 1)])),
      ...[0, 0.01, 0.1, 1].map((v) => run('L2', v, 0, { coefficients: [1 / (1 + v), 0.5 / (1 + v)], largest: [1] }, [layer('0.weight', 1)])),
    ]);
    const specs = planCharts(r, 'p').filter((s) => s.kind === 'path');
    assert.deepEqual(specs.map((s) => [s.group, s.variant, s.title]), [
      ['sweep', 'L1', 'L1: Regularization path: each coefficient against L1 λ'],
      ['sweep', 'L2', 'L2: Regularization path: each coefficient against L1 λ'],
    ]);
    assert.match(specs[0]!.caption!, /Exactly 0 in every repeat: none up to 0\.01; 1 of 2 from 0\.1, all 2 from 1\./);
    assert.match(specs[1]!.caption!, /No coefficient is exactly 0/);
    const chart = buildChart(r, 'path', specs[0]!.runId);
    const datasets = chart.data.datasets as ChartDataset<'line', { x: number; y: number | null }[]>[];
    assert.deepEqual(datasets.map((d) => d.label), ['w[0]', 'w[1]']);
    // λ = 0 sits a decade left of the smallest positive value on the log axis.
    assert.deepEqual(datasets[1]!.data, [{ x: 0.001, y: 0.5 }, { x: 0.01, y: 0.5 }, { x: 0.1, y: 0 }, { x: 1, y: 0 }]);
    assert.equal((chart.options!.scales!.x as { type?: string }).type, 'logarithmic');
  });

  it('with the true coefficients known (d2l\'s support), draws the true features in colour, the rest grey, and says where exactly they survive', () => {
    // 12 coefficients (more than get a colour each), the first 2 true; λ = 1 leaves exactly those two.
    const truth = Array.from({ length: 12 }, (_, j) => (j < 2 ? 1 : 0));
    const at = (v: number) => truth.map((w, j) => (v === 0 ? w + 0.1 * j : v === 1 ? (w === 0 ? 0 : 0.5) : 0));
    const r = results([0, 1, 10].map((v) => run('L1', v, 0, { coefficients: at(v), largest: [1], truth }, [layer('0.weight', 1)])));
    const [path] = regularizationPaths(r.runs);
    assert.deepEqual(path!.truth, truth);
    const [spec] = planCharts(r, 'p').filter((s) => s.kind === 'path');
    assert.match(spec!.caption!, /One line per coefficient \(12\): in colour the 2 with a true weight, in grey the 10 without\./);
    assert.match(spec!.caption!, /The non-zero coefficients are exactly the true features at 1\.$/);
    const chart = buildChart(r, 'path', spec!.runId, undefined, { palette: ['#0000ff'] });
    const datasets = chart.data.datasets as ChartDataset<'line'>[];
    assert.deepEqual(datasets.slice(0, 2).map((d) => [d.label, d.borderColor]), [['w[0]', '#0000ff'], ['w[1]', '#0000ff']], 'the true features first, in the variant\'s colour');
    assert.ok(datasets.slice(2).every((d) => d.borderColor !== '#0000ff' && d.borderWidth === 1), 'the others thin and grey');
    const legend = chart.options!.plugins!.legend!;
    assert.notEqual(legend.display, false);
    const entries = (legend.labels!.generateLabels as unknown as () => { text: string }[])();
    assert.deepEqual(entries.map((e) => e.text), ['2 true features (w* ≠ 0)', '10 without a true weight (w* = 0)']);
  });

  it('draws an MLP as per-layer norms and its largest weights', () => {
    const r = results([0, 1].map((v) => run('wd', v, 0, { largest: [2 - v, 1 - v / 2] }, [layer('0.weight', 3 - v), layer('0.bias', 1), layer('2.weight', 1)])), 'regularization.weightDecay');
    const [spec] = planCharts(r, 'p').filter((s) => s.kind === 'path');
    assert.equal(spec!.title, 'Regularization path: each layer’s ‖W‖₂ and the largest weights against weight decay λ');
    const datasets = buildChart(r, 'path', spec!.runId).data.datasets as ChartDataset<'line'>[];
    assert.deepEqual(datasets.map((d) => d.label), ['‖0.weight‖₂', '‖2.weight‖₂', 'largest |w|', '2nd largest |w|']);
    assert.deepEqual(datasets[2]!.borderDash, [5, 4]);
  });
});

describe('test loss against ‖w‖₂ chart (early stopping beside a penalty)', () => {
  const metrics = (norms: number[]) =>
    norms.map((n, i) => ({ epoch: i + 1, step: i + 1, trainLoss: 1, trainDataLoss: 1, trainPenalty: 0, testLoss: 2 + (n - 1) ** 2, weightNorm: n, weightL1: n, sparsity: 0 }));
  const gd: RunRecord = { id: 'base', variant: '', repeat: 0, seed: 1, status: 'finished', metrics: metrics([0.1, 0.5, 1, 1.5, 2]), snapshots: [] };
  const sweep = [0.01, 0.1, 1].map((v, i) => {
    const r = run('', v, 0, { coefficients: [2 - i, 0], largest: [2 - i] }, [layer('0.weight', 2 - i)]);
    r.summary!.final = { ...r.summary!.final, weightNorm: 2 - i, testLoss: 2 + (1 - i) ** 2 };
    return r;
  });

  it('is planned when the file asks (sweep.normPath) for a linear model\'s sweep beside a run with epochs, not for an MLP\'s sweep', () => {
    const linear = results([gd, ...sweep], 'regularization.l2', true);
    const spec = planCharts(linear, 'p').find((s) => s.kind === 'norm-path');
    assert.equal(spec?.group, 'sweep');
    const datasets = buildChart(linear, 'norm-path').data.datasets as ChartDataset<'line', { x: number; y: number | null }[]>[];
    assert.deepEqual(datasets.map((d) => d.label), ['base (epochs)', 'base (L2 λ)']);
    assert.deepEqual(datasets[0]!.data.map((p) => p.x), [0.1, 0.5, 1, 1.5, 2]);
    // The sweep's points by increasing λ: ‖w‖ 2, 1, 0 with their mean test losses.
    assert.deepEqual(datasets[1]!.data, [{ x: 2, y: 3 }, { x: 1, y: 2 }, { x: 0, y: 3 }]);
    const mlp = results([gd, ...[0.01, 0.1].map((v) => run('', v, 0, { largest: [1] }, [layer('0.weight', 1), layer('2.weight', 1)]))], 'regularization.l2', true);
    assert.equal(planCharts(mlp, 'p').some((s) => s.kind === 'norm-path'), false);
    assert.equal(planCharts(results(sweep, 'regularization.l2', true), 'p').some((s) => s.kind === 'norm-path'), false, 'no run with epochs: nothing to compare');
    assert.equal(planCharts(results([gd, ...sweep], 'regularization.l1', true), 'p').some((s) => s.kind === 'norm-path'), false, 'an L1 sweep is the lasso\'s path, not ridge\'s');
  });

  it('is not planned when the file does not ask for it, though the runs would allow it (lessons 03 and 10)', () => {
    for (const over of ['regularization.l2', 'regularization.weightDecay']) {
      const kinds = planCharts(results([gd, ...sweep], over), 'p').map((s) => s.kind);
      assert.ok(!kinds.includes('norm-path'), over);
      assert.ok(kinds.includes('sweep-loss') && kinds.includes('path'), 'the sweep\'s own charts stay');
    }
  });
});

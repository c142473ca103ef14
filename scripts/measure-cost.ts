// Measures the speeds the resource budget turns work into time with (src/experiment/
// budget.ts: SPEED), and checks cost.ts's memory estimate against the memory a run really
// takes. Each case trains in a process of its own on one core, as a worker does:
// `node --import tsx scripts/measure-cost.ts`.
import { spawnSync } from 'node:child_process';
import { runCost } from '../src/experiment/cost.ts';
import { resolveRunConfig } from '../src/experiment/resolve.ts';
import { trainRun } from '../src/experiment/train/train-run.ts';

const CASES: [string, Record<string, unknown>][] = [
  ['lesson 1 (1-100-100-100-1, 10 points)', {
    data: { generator: 'line', train: 10, test: 10 }, model: { hidden: [100, 100, 100] }, training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 400 },
  }],
  ['MNIST-shaped blobs, 784-256-256-10, batch 64', {
    data: { generator: 'blobs', features: 784, classes: 10, train: 2000, test: 500 }, model: { hidden: [256, 256] },
    training: { optimizer: { type: 'adam', lr: 0.001 }, epochs: 3, batchSize: 64 },
  }],
  ['moons, 2-64-64-2, batch 32', {
    data: { generator: 'moons', train: 400, test: 200 }, model: { hidden: [64, 64] }, training: { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 40, batchSize: 32 },
  }],
  ['one wide layer, 1-200000-1, 10 points', {
    data: { generator: 'line', train: 10, test: 10 }, model: { hidden: [200_000] }, training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 4 },
  }],
  ['d2l, 200-1 linear, 20 points', {
    data: { generator: 'd2l', train: 20, test: 100, features: 200 }, model: { hidden: [] }, training: { optimizer: { type: 'sgd', lr: 0.003 }, epochs: 2000 },
  }],
  ['two wide layers, 2-2000-2000-2, 200 points', {
    data: { generator: 'circles', train: 200, test: 100 }, model: { hidden: [2000, 2000] }, training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 3 },
  }],
];

interface Row { name: string; seconds: number; flops: number; elements: number; passes: number; bytes: number; rss: number }

function measure(index: number): Row {
  const [name, partial] = CASES[index]!;
  const config = resolveRunConfig({ ...partial, seed: 1 });
  const cost = runCost(config);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  trainRun({ runId: 'm', variant: 'm', repeat: 0, seed: 1, config, baseDir: process.cwd() }, { cancelled: () => false, emit: () => {} });
  const seconds = (performance.now() - started) / 1000;
  return { name, seconds, ...cost, rss: process.resourceUsage().maxRSS * 1024 - baseline };
}

if (process.argv[2] !== undefined) {
  process.stdout.write(JSON.stringify(measure(Number(process.argv[2]))));
} else {
  const rows = CASES.map((_, i): Row => {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, String(i)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout) as Row;
  });
  for (const r of rows) {
    console.log(`${r.name}: ${r.seconds.toFixed(2)} s; ${(r.flops / 1e9).toFixed(2)} GFLOP, ${(r.elements / 1e6).toFixed(1)} M activations, ${(r.passes / 1e3).toFixed(1)} k layer passes; memory estimated ${(r.bytes / 2 ** 20).toFixed(1)} MB, peak RSS growth ${(r.rss / 2 ** 20).toFixed(1)} MB`);
  }
  // seconds ≈ flops/F + elements/E + passes/P: least squares on (1/F, 1/E, 1/P).
  const x = rows.map((r) => [r.flops, r.elements, r.passes]);
  const y = rows.map((r) => r.seconds);
  const a = [0, 1, 2].map((i) => [0, 1, 2].map((j) => x.reduce((s, row) => s + row[i]! * row[j]!, 0)));
  const b = [0, 1, 2].map((i) => x.reduce((s, row, k) => s + row[i]! * y[k]!, 0));
  const inv = solve(a, b);
  console.log(`fit: FLOPS_PER_SECOND ≈ ${(1 / inv[0]! / 1e9).toFixed(2)}e9, ELEMENTS_PER_SECOND ≈ ${(1 / inv[1]! / 1e6).toFixed(0)}e6, PASSES_PER_SECOND ≈ ${(1 / inv[2]! / 1e3).toFixed(0)}e3`);
  for (const r of rows) console.log(`  ${r.name}: measured ${r.seconds.toFixed(2)} s, model ${(r.flops * inv[0]! + r.elements * inv[1]! + r.passes * inv[2]!).toFixed(2)} s`);
}

/** Gaussian elimination for a small dense system. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.slice(c).reduce((best, row, k) => (Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? c + k : best), c);
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r]!;
      const pivot = m[c]!;
      const f = row[c]! / pivot[c]!;
      for (let k = c; k <= n; k++) row[k] = row[k]! - f * pivot[k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

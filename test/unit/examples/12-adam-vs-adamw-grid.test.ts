// Lesson 12: over lr × weight_decay, Adam's coupled decay has its best λ in the same column
// at every trained learning rate (a vertical stripe), while AdamW's best λ — ten to a hundred
// times larger — leans towards smaller λ as lr grows (PyTorch's decoupled step is lr·λ·w);
// at the smallest lr AdamW's λ hardly matters, and coupled Adam collapses at λ ≥ 0.2 at
// every lr. The file's grid is trained as it is (5 lr × 9 λ × 10 seeds per optimizer), from
// three seeds, so 30 seeds per cell in all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridStat, sweepGrids, type Grid } from '../../../src/results/grid.ts';
import { evaluateAtEndOnly, loadExample, trainExample } from './helpers.ts';

const FILE = '12-adam-vs-adamw-grid.reglab.json';
const ADAM = 'Adam (coupled)';
const ADAMW = 'AdamW (decoupled)';

/** The mean test loss per cell: rows are learning rates, columns weight_decay values. */
function losses(grid: Grid): number[][] {
  return grid.cells.map((row) => row.map((p) => gridStat(grid, p!).mean));
}

/** The column of each row's lowest mean loss. */
function bestColumns(grid: Grid): number[] {
  return losses(grid).map((row) => row.indexOf(Math.min(...row)));
}

test('12 Adam vs AdamW: coupled decay gives a vertical stripe over lr × λ, decoupled a leaning one at 10–100× larger λ', (t) => {
  const experiment = loadExample(FILE);
  for (const seed of [1, 11, 21]) {
    const trained = trainExample(experiment, { seed, includeSweep: true, variants: [], adjust: evaluateAtEndOnly });
    const grids = sweepGrids(trained.sweep);
    const adam = grids.find((g) => g.variant === ADAM)!, adamw = grids.find((g) => g.variant === ADAMW)!;
    assert.ok(adam !== undefined && adamw !== undefined, 'one grid per optimizer');
    assert.deepEqual(adam.rows, [0.005, 0.01, 0.02, 0.05, 0.1]);
    assert.equal(adam.columns.length, 9);
    assert.ok(adam.on === 'test' && adam.cells.flat().every((p) => p?.repeats === 10), 'every cell has its 10 seeds, on the test loss');
    const λ = adam.columns;
    const [a, w] = [bestColumns(adam), bestColumns(adamw)];
    t.diagnostic(`seeds ${seed}–${seed + 9}: best λ per lr ${adam.rows.join(', ')}: Adam ${a.map((c) => λ[c]).join(', ')}; AdamW ${w.map((c) => λ[c]).join(', ')}`);
    // Rows from lr = 0.01 on: the nets have fitted the data (the top row, 0.005, is still early).
    const trainedRows = [1, 2, 3, 4];
    const [aT, wT] = [trainedRows.map((r) => a[r]!), trainedRows.map((r) => w[r]!)];
    // Adam: the best column is the same at every trained lr, within one grid step, and ≤ 0.01.
    assert.ok(Math.max(...aT) - Math.min(...aT) <= 1, `Adam's best λ moves at most one column: ${aT}`);
    assert.ok(a.every((c) => λ[c]! <= 0.01), `Adam's best λ ≤ 0.01 at every lr: ${a}`);
    // AdamW: never rises with lr, and is lower at lr 0.1 than at lr 0.01 — a lean, not a band
    // along lr·λ = constant (that would move 4 columns over lr 0.01 → 0.1).
    for (let i = 1; i < wT.length; i++) assert.ok(wT[i]! <= wT[i - 1]!, `AdamW's best λ should not rise with lr: ${wT}`);
    assert.ok(wT[0]! - wT.at(-1)! >= 1 && wT[0]! - wT.at(-1)! <= 2, `AdamW's best λ falls by one or two columns from lr 0.01 to 0.1: ${wT}`);
    // Ten to a hundred times Adam's at the same lr.
    for (const r of trainedRows) {
      const ratio = λ[w[r]!]! / λ[a[r]!]!;
      assert.ok(ratio >= 10 && ratio <= 100, `AdamW's best λ over Adam's at lr ${adam.rows[r]}: ${ratio}`);
    }
    // The top row: AdamW's λ up to 0.5 hardly matters (lr·λ·250 ≤ 0.6), coupled Adam's does.
    const [la, lw] = [losses(adam), losses(adamw)];
    const top = lw[0]!.slice(0, λ.indexOf(0.5) + 1);
    assert.ok(Math.max(...top) < 1.1 * Math.min(...top), `AdamW at lr 0.005 is flat in λ ≤ 0.5: ${top.map((v) => v.toFixed(3))}`);
    // Coupled Adam at λ ≥ 0.2 collapses to a constant (loss ln 2) at every lr; AdamW never does.
    for (const row of la) for (let c = λ.indexOf(0.2); c < λ.length; c++) assert.ok(row[c]! > 0.68, `Adam collapses at λ ${λ[c]}`);
    assert.ok(lw.flat().every((v) => v < 0.6), 'AdamW does not collapse anywhere on the grid');
  }
});

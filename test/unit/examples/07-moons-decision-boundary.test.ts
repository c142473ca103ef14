// Lesson 7: on 60 noisy moons, the unregularized 2-64-64-2 net fits every training point
// with a convoluted boundary and is confidently wrong on test points; L2 keeps the boundary
// short and smooth with a far lower test loss; dropout lowers the test loss too. 5 seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryLength, evaluateAtEndOnly, finalOf, loadExample, mean, runOf, seedsFrom, trainExample, wins } from './helpers.ts';

const FILE = '07-moons-decision-boundary.reglab.json';
const NONE = 'no regularization';
const L2 = 'L2 0.003';
const DROPOUT = 'dropout 0.5';

test('07 moons: L2 and dropout lower the test loss; L2 gives a shorter boundary and higher test accuracy, over 5 seeds', (t) => {
  const experiment = loadExample(FILE);
  const seeds = seedsFrom(experiment, 5);
  const rows = seeds.map((seed) => {
    const r = trainExample(experiment, { seed, adjust: evaluateAtEndOnly });
    const row = Object.fromEntries([NONE, L2, DROPOUT].map((name) => [name, { ...finalOf(r, name), boundary: boundaryLength(runOf(r, name)) }]));
    for (const [name, f] of Object.entries(row)) {
      t.diagnostic(`seed ${seed}, ${name}: train acc ${(100 * f.trainAccuracy!).toFixed(1)} %, test acc ${(100 * f.testAccuracy!).toFixed(1)} %, test loss ${f.testLoss.toFixed(3)}, ‖w‖ ${f.weightNorm.toFixed(1)}, boundary ${(100 * f.boundary).toFixed(2)} % of cell pairs`);
    }
    return row;
  });
  const pairs = (a: string, b: string) => rows.map((r) => [r[a]!, r[b]!] as [typeof r[string], typeof r[string]]);

  for (const row of rows) assert.equal(row[NONE]!.trainAccuracy, 1, 'without regularization every training point is classified right');
  assert.equal(wins(pairs(L2, NONE), (a, b) => a.testLoss < b.testLoss / 2), seeds.length, 'L2 at least halves the test loss on every seed');
  assert.ok(wins(pairs(L2, NONE), (a, b) => a.testAccuracy! > b.testAccuracy!) >= 4, 'L2 raises the test accuracy on at least 4 of 5 seeds');
  assert.equal(wins(pairs(L2, NONE), (a, b) => a.boundary < b.boundary), seeds.length, 'L2 gives a shorter (smoother) boundary on every seed');
  assert.ok(wins(pairs(DROPOUT, NONE), (a, b) => a.testLoss < b.testLoss) >= 4, 'dropout lowers the test loss on at least 4 of 5 seeds');
  t.diagnostic(`mean test accuracy ${[NONE, L2, DROPOUT].map((n) => `${n} ${(100 * mean(rows.map((r) => r[n]!.testAccuracy!))).toFixed(1)} %`).join(', ')}`);
});

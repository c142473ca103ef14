// The product's determinism promise (README): the same request and seed give bit-identical
// results however they are trained: in this process after other runs, in a fresh worker
// of each pool (threads for the CLI and the desktop panel, the web worker entry for the
// browser), and in processes with and without WebAssembly relaxed SIMD (VS Code and
// Chromium have it; Node 20 keeps it behind a flag, and not every browser has it).
// The kernels use no relaxed SIMD (src/engine/wasm/assembly/madd.ts), so none of these can
// differ; before they stopped using its fused multiply-add, lesson 12's seed 3 ended at test
// loss 0.355 with it and 0.697 without.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { RunEvent } from '../../../src/protocol.ts';
import { RunPool } from '../../../src/worker/pool.ts';
import type { TrainingPool } from '../../../src/worker/trainingPool.ts';
import { WebRunPool } from '../../../src/worker/webPool.ts';
import { CHAOTIC, determinismRequests, epochNumbers } from './determinism-cases.ts';
import { request, train } from './helpers.ts';
import { ThreadAsWebWorker } from './web-worker-shim.ts';

const here = import.meta.dirname;
const requests = determinismRequests();

/** Object.is per number, so −0 and NaN count too; names the first run and epoch number that differ. */
function assertSameBits(actual: Record<string, number[]>, expected: Record<string, number[]>, where: string): void {
  for (const { runId } of requests) {
    const a = actual[runId]!, e = expected[runId]!;
    assert.equal(a.length, e.length, `${where}, ${runId}: number of values`);
    const i = a.findIndex((v, k) => !Object.is(v, e[k]));
    assert.equal(i, -1, `${where}, ${runId}: value ${i} is ${a[i]}, in-process ${e[i]}`);
  }
}

function numbersOf(events: readonly RunEvent[]): Record<string, number[]> {
  return Object.fromEntries(requests.map((r) => [r.runId, epochNumbers(events, r.runId)]));
}

// The reference: trained here, after runs of other shapes and seeds have left the buffer
// pool, the heap and the kernels' scratch warm (and, in the test process, JIT-compiled).
function trainedInProcess(): Record<string, number[]> {
  for (const hidden of [[8], [64, 64], [128]]) train(request({ ...CHAOTIC, model: { hidden } }, 'before', 11));
  const events = requests.flatMap((r) => train(r).events);
  return numbersOf(events);
}

function inChildProcess(v8Flag: string): { relaxedSimd: boolean; kernels: string; runs: Record<string, number[]> } | string {
  const r = spawnSync(process.execPath, [v8Flag, '--import', 'tsx', resolve(here, 'determinism-child.ts')], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return `node ${v8Flag} failed: ${r.stderr.slice(0, 300)}`;
  return JSON.parse(r.stdout);
}

describe('the same request gives the same bits however it is trained', () => {
  const reference = trainedInProcess();
  const pools: [string, TrainingPool][] = [
    ['a fresh worker thread of the pool (the CLI and the desktop panel train there)', new RunPool({ workers: 1, workerPath: resolve(here, 'worker-under-tsx.cjs'), workerData: { entry: resolve(here, '../../../src/worker/worker.ts') } })],
    ["a fresh web worker of the browser's pool (its entry, on a thread behind the shim)", new WebRunPool({ workers: 1, shareMemory: true, createWorker: () => new ThreadAsWebWorker(resolve(here, '../../../src/worker/webWorker.ts')) })],
  ];
  after(() => Promise.all(pools.map(([, pool]) => pool.dispose())));

  it('in-process twice, with other runs before each time', () => {
    assertSameBits(trainedInProcess(), reference, 'in-process again');
  });

  for (const [where, pool] of pools) {
    it(`in ${where}`, async () => {
      const events: RunEvent[] = [];
      const outcomes = await pool.run(requests, (e) => events.push(e)).done;
      assert.deepEqual(outcomes.map((o) => o.type), requests.map(() => 'finished'));
      assertSameBits(numbersOf(events), reference, where);
    });
  }

  for (const [flag, relaxed] of [['--experimental-wasm-relaxed-simd', true], ['--no-experimental-wasm-relaxed-simd', false]] as const) {
    it(`in a process ${relaxed ? 'with' : 'without'} WebAssembly relaxed SIMD (node ${flag})`, (t) => {
      const child = inChildProcess(flag);
      if (typeof child === 'string') return t.skip(child); // a Node whose V8 no longer has the flag
      assert.equal(child.relaxedSimd, relaxed, 'the flag did what it says');
      assert.equal(child.kernels, 'wasm-simd');
      assertSameBits(child.runs, reference, `node ${flag}`);
    });
  }
});

// The benchmark's own plumbing: statistics, the in-process timing loop, flags and workload
// selection. (The peers themselves are exercised by `npm run bench`.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectWorkloads } from '../../../bench/catalog.ts';
import { measureInProcess, median, summarize } from '../../../bench/harness.ts';
import { parseOptions } from '../../../bench/options.ts';
import type { Peer } from '../../../bench/peer.ts';
import { measureInterleaved } from '../../../bench/run.ts';
import { matmulFlopsPerStep, transposeWeight } from '../../../bench/workloads.ts';

test('median of odd and even counts, and the summary of runs', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const s = summarize([{ wallMs: 30, cpuMs: 3 }, { wallMs: 10, cpuMs: 1 }, { wallMs: 20, cpuMs: 2 }]);
  assert.deepEqual(s, { medianMs: 20, minMs: 10, maxMs: 30, cpuMedianMs: 2 });
});

test('measureInProcess sets up every run from scratch, discards the warm-up and keeps the last losses', async () => {
  let setups = 0;
  let disposed = 0;
  const messages: string[] = [];
  const result = await measureInProcess(
    { warmupRuns: 1, timedRuns: 3, progress: (m) => messages.push(m) },
    () => {
      const run = ++setups;
      return { train: () => [run], dispose: () => void disposed++ };
    },
  );
  assert.equal(setups, 4);
  assert.equal(disposed, 4);
  assert.equal(result.runs.length, 3);
  assert.deepEqual(result.losses, [4]);
  assert.match(messages[0]!, /^warm-up/);
  assert.match(messages[3]!, /^run 3\/3/);
});

test('flags: defaults are the spec, lists and counts parse, bad input is refused', () => {
  assert.deepEqual(parseOptions([]), { only: undefined, peers: undefined, timedRuns: 5, warmupRuns: 1, help: false });
  const o = parseOptions(['--only', 'W1,W5', '--peers=reglab,tfjs-wasm', '--runs', '1']);
  assert.deepEqual([o.only, o.peers, o.timedRuns], [['W1', 'W5'], ['reglab', 'tfjs-wasm'], 1]);
  assert.throws(() => parseOptions(['--runs', '0']), /--runs/);
  assert.throws(() => parseOptions(['--bogus']), /unknown argument/);
  assert.throws(() => parseOptions(['--only']), /needs a value/);
});

test('--only W3 selects both W3 entries, in table order; unknown names are refused', () => {
  assert.deepEqual(selectWorkloads(['w5', 'W3']).map((w) => w.id), ['W3_single', 'W3_sweep', 'W5']);
  assert.deepEqual(selectWorkloads(['W3_sweep']).map((w) => w.id), ['W3_sweep']);
  assert.equal(selectWorkloads(undefined).length, 6);
  assert.throws(() => selectWorkloads(['W9']), /unknown workload W9/);
});

test('W5 counts 155.1 MFLOP per step, and transposeWeight turns [in, out] into [out, in]', () => {
  assert.equal((matmulFlopsPerStep(128, [784, 256, 256, 10]) / 1e6).toFixed(1), '155.1');
  // [[1, 2, 3], [4, 5, 6]] → [[1, 4], [2, 5], [3, 6]]
  assert.deepEqual(Array.from(transposeWeight(new Float32Array([1, 2, 3, 4, 5, 6]), 2, 3)), [1, 4, 2, 5, 3, 6]);
});

test('engines take turns: one warm-up in round 1, then one timed run each per round; a failing engine stops', async () => {
  const calls: string[] = [];
  const fake = (name: string, failOnCall?: number): Peer => {
    let call = 0;
    return {
      name,
      unavailable: async () => undefined,
      describe: () => name,
      async run(_workload, plan) {
        calls.push(`${name} ${plan.warmupRuns}+${plan.timedRuns}`);
        if (++call === failOnCall) throw new Error(`${name} broke`);
        return { runs: [{ wallMs: call, cpuMs: call }], losses: [call] };
      },
    };
  };
  const [w5] = selectWorkloads(['W5']);
  const outcomes = await measureInterleaved(w5!, [fake('a'), fake('b', 2)], { warmupRuns: 1, timedRuns: 3 }, () => {});
  assert.deepEqual(calls, ['a 1+1', 'b 1+1', 'a 0+1', 'b 0+1', 'a 0+1']);
  assert.deepEqual(outcomes[0]!.result!.runs.map((r) => r.wallMs), [1, 2, 3]);
  assert.deepEqual(outcomes[0]!.result!.losses, [3]);
  assert.equal(outcomes[1]!.result, undefined);
  assert.match(outcomes[1]!.error!, /b broke/);
});

// The sweep entries of `npm run bench`: does a sweep use the cores? Two sweeps as the CLI and
// the extension train them (parsed from the example files, planned into runs, trained on the
// worker pool), each timed on a pool of 1 worker and on a pool of 2, taking turns (1 2, 2 1,
// 1 2, …; a short sweep many times per round) so the machine's drift moves both alike. The
// pools stay up across rounds, as the extension's does: worker start-up and the optimisation
// of the workers' code are in the warm-up rounds, not the timings.
//   S06  lesson 6's sweep: 9 weight decays × 5 repeats of a 1-100-100-100-1 net, 2000 steps
//   S3   W3's 12-λ sweep: lesson 3 (d2l, d = 200) at W3's 12 weight decays, one repeat each

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors } from '../src/experiment/diagnostics.ts';
import { parseExperiment } from '../src/experiment/parse.ts';
import { planRuns } from '../src/experiment/session.ts';
import type { RunOutcome } from '../src/protocol.ts';
import type { RunRequest } from '../src/experiment/request.ts';
import { RunPool } from '../src/worker/pool.ts';
import { collectGarbage, formatMs, median } from './harness.ts';
import { W3 } from './workloads.ts';

/** Each pool trains at least this long before the timed rounds (see measureSweeps). */
const WARM_UP_MS = 1500;
/** Each pool's share of a timed round, at least (ms); longer sweeps take one turn each. */
const ROUND_MS = 500;

export interface SweepEntry {
  readonly id: string;
  readonly title: string;
  /** The sweep's runs. */
  requests(examples: string): RunRequest[];
}

export const SWEEPS: readonly SweepEntry[] = [
  {
    id: 'S06',
    title: "lesson 6's sweep: 9 λ × 5 repeats, 1-100-100-100-1, 2000 full-batch steps each",
    requests: (examples) => sweepRuns(join(examples, '06-lambda-sweep-u-shape.reglab.json'), (text) => text),
  },
  {
    id: 'S3',
    title: "W3's 12-λ sweep: lesson 3 (d2l, d = 200, 400 steps of batch 5) at W3's 12 weight decays",
    requests: (examples) =>
      sweepRuns(join(examples, '03-d2l-high-dimensional.reglab.json'), (text) =>
        text.replace(/"values": \[[^\]]*\]/, `"values": ${JSON.stringify(W3.lambdas)}`).replace(/"repeats": \d+/, '"repeats": 1'),
      ),
  },
];

/** `--only sweep` selects both; `--only S06` one. */
export function selectSweeps(only: readonly string[] | undefined): SweepEntry[] {
  if (!only) return [...SWEEPS];
  return SWEEPS.filter((s) => only.some((name) => ['sweep', 'sweeps', s.id.toLowerCase()].includes(name.trim().toLowerCase())));
}

/** Names `--only` may give for sweeps (the workload catalog does not know them). */
export function isSweepName(name: string): boolean {
  return selectSweeps([name]).length > 0;
}

function sweepRuns(file: string, edit: (text: string) => string): RunRequest[] {
  const text = edit(readFileSync(file, 'utf8'));
  const parsed = parseExperiment(text, file);
  if (parsed.experiment === undefined || hasErrors(parsed.diagnostics)) throw new Error(`${file} does not parse as the sweep bench expects`);
  return planRuns(parsed.experiment, file, { includeSweep: true }).filter((r) => r.sweepValue !== undefined);
}

export interface SweepResult {
  readonly entry: SweepEntry;
  readonly runs: number;
  /** Wall times (ms) of the timed rounds, per worker count. */
  readonly one: readonly number[];
  readonly two: readonly number[];
}

/** Trains every sweep on pools of 1 and 2 workers in alternating order; `warmupRounds` untimed first. */
export async function measureSweeps(
  entries: readonly SweepEntry[],
  options: { workerPath: string; examples: string; timedRuns: number; warmupRuns: number },
  log: (message: string) => void,
): Promise<SweepResult[]> {
  const pools = new Map([1, 2].map((n) => [n, new RunPool({ workerPath: options.workerPath, workers: n })]));
  const results: SweepResult[] = [];
  try {
    for (const entry of entries) {
      const requests = entry.requests(options.examples);
      const times = new Map<number, number[]>([[1, []], [2, []]]);
      log(`[${entry.id}] ${entry.title}: ${requests.length} runs`);
      const sweep = async (workers: number) => {
        collectGarbage();
        const start = performance.now();
        const outcomes = await pools.get(workers)!.run(requests, () => {}).done;
        assertFinished(entry, outcomes);
        return performance.now() - start;
      };
      // Warm-up: the asked rounds, and more until each pool has trained WARM_UP_MS. A worker's
      // code is optimised while it runs; a sweep of tiny runs (S3: 5 ms each) gives each of two
      // workers half the runs per round, so one round left them still unoptimised in the
      // timed rounds (2 workers 82 ms in the first rounds, 30–37 ms from the ninth on).
      const warmed = new Map([[1, 0], [2, 0]]);
      for (let round = 1; round <= options.warmupRuns || [...warmed.values()].some((ms) => ms < WARM_UP_MS); round++) {
        for (const workers of [1, 2]) warmed.set(workers, warmed.get(workers)! + (await sweep(workers)));
      }
      log(`[${entry.id}] warm-up: ${[...warmed].map(([workers, ms]) => `${workers} worker${workers === 1 ? '' : 's'} ${formatMs(ms)}`).join(', ')}`);
      // A round times each pool at least ROUND_MS, taking turns sweep by sweep, and keeps each
      // pool's median sweep: one 40 ms sweep (S3) is at the mercy of a moment's noise, and this
      // machine's speed drifts over seconds (1 worker 40 ms, then 56 ms for a while).
      for (let round = 1; round <= options.timedRuns; round++) {
        const order = round % 2 === 0 ? [2, 1] : [1, 2];
        const sweeps = new Map<number, number[]>([[1, []], [2, []]]);
        do {
          for (const workers of order) sweeps.get(workers)!.push(await sweep(workers));
        } while ([...sweeps.values()].some((ms) => sum(ms) < ROUND_MS));
        for (const workers of order) {
          const ms = median(sweeps.get(workers)!);
          times.get(workers)!.push(ms);
          const count = sweeps.get(workers)!.length;
          log(`[${entry.id}] ${workers} worker${workers === 1 ? '' : 's'} round ${round}/${options.timedRuns}: ${formatMs(ms)}${count > 1 ? ` (median of ${count} sweeps)` : ''}`);
        }
      }
      const result = { entry, runs: requests.length, one: times.get(1)!, two: times.get(2)! };
      log(`[${entry.id}] 2 workers ${speedUp(result).toFixed(2)}× faster than 1`);
      results.push(result);
    }
  } finally {
    await Promise.all([...pools.values()].map((p) => p.dispose()));
  }
  return results;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function assertFinished(entry: SweepEntry, outcomes: readonly RunOutcome[]): void {
  const bad = outcomes.find((o) => o.type !== 'finished');
  if (bad !== undefined) throw new Error(`${entry.id}: run ${bad.runId} ended ${bad.type}${bad.type === 'failed' ? `: ${bad.message}` : ''}`);
}

/** Median time on 1 worker ÷ median time on 2. */
export function speedUp(result: SweepResult): number {
  return median(result.one) / median(result.two);
}

/** The sweep table: medians, ranges, and the 1-vs-2 ratio with its range over rounds. */
export function renderSweeps(results: readonly SweepResult[]): string[] {
  if (results.length === 0) return [];
  const range = (xs: readonly number[]) => `${formatMs(Math.min(...xs))}–${formatMs(Math.max(...xs))}`;
  const roundRatios = (r: SweepResult) => r.one.map((t, i) => t / r.two[i]!);
  const rows = results.map((r) => {
    const ratios = roundRatios(r);
    return `| ${r.entry.id} | ${r.runs} | ${formatMs(median(r.one))} (${range(r.one)}) | ${formatMs(median(r.two))} (${range(r.two)}) | ${speedUp(r).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) |`;
  });
  return [
    '## Sweeps on the worker pool: 1 worker vs 2',
    '',
    ...results.map((r) => `- ${r.entry.id}: ${r.entry.title}`),
    '',
    '| sweep | runs | 1 worker: median (range) | 2 workers: median (range) | 1 ÷ 2: ratio of medians (per-round range) |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    'Target on an idle 2-core machine: ≥ 1.8. With other processes on the cores, two workers cannot get two cores and the ratio says little.',
  ];
}

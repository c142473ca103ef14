// Runs the selected workloads on the selected peers, taking turns run by run, and prints the
// report: progress to stderr as it goes, the table to stdout at the end.

import { loadavg } from 'node:os';
import { join } from 'node:path';
import { selectWorkloads, type WorkloadEntry } from './catalog.ts';
import { collectGarbage, formatMs, summarize } from './harness.ts';
import { parseOptions, USAGE, type BenchOptions } from './options.ts';
import type { Peer, RunTiming, TimingPlan, WorkloadResult } from './peer.ts';
import { renderReport, type Outcome } from './report.ts';
import { isSweepName, measureSweeps, renderSweeps, selectSweeps, type SweepResult } from './sweeps.ts';

function logToStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}

function selectPeers(all: readonly Peer[], names: readonly string[] | undefined): Peer[] {
  if (!names) return [...all];
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown peer ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`);
  return all.filter((p) => names.includes(p.name));
}

/**
 * Measures one workload on every peer in rounds: round 1 is each peer's warm-up and first timed
 * run, each further round one more timed run per peer (A B C, A B C, …). Every peer still gets
 * the spec's warm-up and timed runs, but the peers' runs sit side by side in time, so the
 * shared machine's drift (±30 % over minutes) moves them alike instead of skewing the ratios.
 */
export async function measureInterleaved(
  workload: WorkloadEntry,
  peers: readonly Peer[],
  options: Pick<BenchOptions, 'warmupRuns' | 'timedRuns'>,
  log: (message: string) => void = logToStderr,
): Promise<Outcome[]> {
  const runs = new Map<Peer, RunTiming[]>(peers.map((p) => [p, []]));
  const last = new Map<Peer, WorkloadResult>();
  const errors = new Map<Peer, string>();
  for (let round = 1; round <= options.timedRuns; round++) {
    for (const peer of peers) {
      if (errors.has(peer)) continue;
      const tag = `[${workload.id}] ${peer.name}`;
      if (round === 1) log(`${tag}: ${workload.title}`);
      const plan: TimingPlan = {
        warmupRuns: round === 1 ? options.warmupRuns : 0,
        timedRuns: 1,
        progress: (m: string) => log(`${tag} round ${round}/${options.timedRuns}: ${m}`),
      };
      try {
        const result = await peer.run(workload.id, plan);
        if (result.runs.length !== 1) throw new Error(`returned ${result.runs.length} timed runs, expected 1`);
        runs.get(peer)!.push(...result.runs);
        last.set(peer, result);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${tag}: FAILED ${message}`);
        errors.set(peer, message.split('\n').slice(-3).join(' '));
      }
    }
  }
  return peers.map((peer) => {
    const error = errors.get(peer);
    if (error !== undefined) return { workload, peer: peer.name, error };
    const result = { ...last.get(peer)!, runs: runs.get(peer)! };
    log(`[${workload.id}] ${peer.name}: median ${formatMs(summarize(result.runs).medianMs)}, final loss ${result.losses.join(' / ')}`);
    return { workload, peer: peer.name, result };
  });
}

export async function runBenchmark(allPeers: readonly Peer[], argv: readonly string[]): Promise<void> {
  const log = logToStderr;
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  // `--only` may name workloads (W1…W5) and sweeps (sweep, S06, S3); without it, everything runs.
  const workloadNames = options.only?.filter((name) => !isSweepName(name));
  const workloads = workloadNames === undefined ? selectWorkloads(undefined) : workloadNames.length > 0 ? selectWorkloads(workloadNames) : [];
  const peers = selectPeers(allPeers, options.peers);
  const sweeps = options.peers === undefined || options.peers.includes('reglab') ? selectSweeps(options.only?.filter(isSweepName) ?? undefined) : [];
  const loadAtStart = loadavg()[0]!;
  const gcExposed = collectGarbage();
  if (!gcExposed) log('note: gc() is not exposed; run node with --expose-gc for the spec timing rules');

  const ready: Peer[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const peer of peers) {
    log(`checking ${peer.name}…`);
    const reason = await peer.unavailable();
    if (reason) {
      skipped.push({ name: peer.name, reason });
      log(`  skipped: ${reason}`);
    } else {
      ready.push(peer);
      log(`  ${peer.describe()}`);
    }
  }

  const outcomes: Outcome[] = [];
  try {
    for (const workload of workloads) outcomes.push(...(await measureInterleaved(workload, ready, options)));
  } finally {
    for (const peer of ready) await peer.close?.();
  }
  const sweepLoadAtStart = loadavg()[0]!;
  const sweepResults: SweepResult[] = sweeps.length === 0 ? [] : await measureSweeps(sweeps, {
    // The bundle lives in dist/ beside the worker; the examples are the repository's.
    workerPath: join(__dirname, 'worker.js'),
    examples: join(__dirname, '..', 'examples'),
    timedRuns: options.timedRuns,
    warmupRuns: options.warmupRuns,
  }, log);

  if (workloads.length > 0) console.log(renderReport({
    workloads,
    outcomes,
    engines: ready.map((p) => ({ name: p.name, description: p.describe() })),
    skipped,
    warmupRuns: options.warmupRuns,
    timedRuns: options.timedRuns,
    gcExposed,
    load: { start: loadAtStart, end: sweepLoadAtStart },
  }));
  if (sweepResults.length > 0) {
    console.log(['', ...renderSweeps(sweepResults), `Load average (1 min) at start / end of the sweeps: ${sweepLoadAtStart.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}.`].join('\n'));
  }
}

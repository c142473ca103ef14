// Runs the selected workloads on the selected peers and prints the report: progress to
// stderr as it goes, the table to stdout at the end.

import { loadavg } from 'node:os';
import { selectWorkloads } from './catalog.ts';
import { collectGarbage, formatMs, summarize } from './harness.ts';
import { parseOptions, USAGE } from './options.ts';
import type { Peer } from './peer.ts';
import { renderReport, type Outcome } from './report.ts';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function selectPeers(all: readonly Peer[], names: readonly string[] | undefined): Peer[] {
  if (!names) return [...all];
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown peer ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`);
  return all.filter((p) => names.includes(p.name));
}

export async function runBenchmark(allPeers: readonly Peer[], argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const workloads = selectWorkloads(options.only);
  const peers = selectPeers(allPeers, options.peers);
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
    for (const workload of workloads) {
      for (const peer of ready) {
        const tag = `[${workload.id}] ${peer.name}`;
        log(`${tag}: ${workload.title}`);
        const plan = { warmupRuns: options.warmupRuns, timedRuns: options.timedRuns, progress: (m: string) => log(`${tag}: ${m}`) };
        try {
          const result = await peer.run(workload.id, plan);
          if (result.runs.length !== plan.timedRuns) throw new Error(`returned ${result.runs.length} timed runs, expected ${plan.timedRuns}`);
          log(`${tag}: median ${formatMs(summarize(result.runs).medianMs)}, final loss ${result.losses.join(' / ')}`);
          outcomes.push({ workload, peer: peer.name, result });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log(`${tag}: FAILED ${message}`);
          outcomes.push({ workload, peer: peer.name, error: message.split('\n').slice(-3).join(' ') });
        }
      }
    }
  } finally {
    for (const peer of ready) await peer.close?.();
  }

  console.log(renderReport({
    workloads,
    outcomes,
    engines: ready.map((p) => ({ name: p.name, description: p.describe() })),
    skipped,
    warmupRuns: options.warmupRuns,
    timedRuns: options.timedRuns,
    gcExposed,
    load: { start: loadAtStart, end: loadavg()[0]! },
  }));
}

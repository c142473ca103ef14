// Command-line flags of `npm run bench`, so a developer can run part of the benchmark:
//   --only W1,W5          workloads (W3 means both W3_single and W3_sweep)
//   --peers reglab,tfjs-wasm
//   --runs N              timed runs per workload (default 5; the warm-up run stays)
//   --warmup N            warm-up runs (default 1)
// Defaults are the full spec. `npm run bench -- --only W5 --runs 1` passes flags through npm.

import { SPEC_TIMING } from './harness.ts';

export interface BenchOptions {
  readonly only?: string[];
  readonly peers?: string[];
  readonly timedRuns: number;
  readonly warmupRuns: number;
  readonly help: boolean;
}

export const USAGE = `usage: node --expose-gc dist/bench.js [--only W1,W3,W5] [--peers reglab,tfjs-cpu,tfjs-wasm,pytorch] [--runs 5] [--warmup 1]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  let only: string[] | undefined;
  let peers: string[] | undefined;
  let timedRuns: number = SPEC_TIMING.timedRuns;
  let warmupRuns: number = SPEC_TIMING.warmupRuns;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--only': only = list(value()); break;
      case '--peers': peers = list(value()); break;
      case '--runs': timedRuns = count(flag, value(), 1); break;
      case '--warmup': warmupRuns = count(flag, value(), 0); break;
      case '--help': case '-h': help = true; break;
      default: throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return { only, peers, timedRuns, warmupRuns, help };
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function count(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}, got ${value}`);
  return n;
}

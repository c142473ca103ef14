// `npm run bench`: workloads W1–W5 (../shared/bench/workloads.md) on Reglab's engine and on
// its peers, in one run and one table. Flags: see bench/options.ts (`--help`).

import { PEERS } from './peers/index.ts';
import { runBenchmark } from './run.ts';

runBenchmark(PEERS, process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

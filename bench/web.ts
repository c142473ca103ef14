// The browser bench: workloads W1 and W4 (../shared/bench/workloads.md) trained by the same
// engine code (bench/peers/reglab.ts) in a Web Worker of headless Chromium and in this Node
// process, taking turns round by round (Node then browser, browser then Node, …) so the
// shared machine's drift moves both alike. One warm-up run each, untimed. Prints each
// side's times, the browser/Node ratio per round, and whether the losses are identical.
//   node --import tsx bench/web.ts [--only W1,W4] [--rounds 5]
import { kernelBackend } from '../src/engine/index.ts';
import { openBrowserPage } from './browser/harness.ts';
import type { BenchReply, BenchRequest } from './browser/bench-worker.ts';
import type { WorkloadId } from './peer.ts';
import { TRAINERS } from './peers/reglab.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const workloads = (option('--only') ?? 'W1,W4').split(',') as WorkloadId[];
const rounds = Number(option('--rounds') ?? 5);

function inNode(workload: WorkloadId): { ms: number; losses: readonly number[] } {
  const trainer = TRAINERS[workload]();
  const t0 = performance.now();
  const losses = trainer.train() as readonly number[];
  const ms = performance.now() - t0;
  trainer.dispose?.();
  return { ms, losses };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)} (median ${median(xs).toFixed(digits)})`;

async function main(): Promise<void> {
  const browser = await openBrowserPage({ crossOriginIsolated: false });
  try {
    const inBrowser = (request: BenchRequest) =>
      browser.page.evaluate((r) => (globalThis as unknown as { reglab: { bench(r: unknown): Promise<BenchReply> } }).reglab.bench(r), request);
    const version = browser.page.context().browser()?.version();
    console.log(`# Reglab in a browser worker vs Node: ${rounds} interleaved rounds, 1 warm-up each`);
    console.log(`Node ${process.version} (${kernelBackend()} kernels); Chromium ${version}`);
    for (const workload of workloads) {
      inNode(workload);
      const warm = await inBrowser({ workload, warmupRuns: 1, timedRuns: 0 });
      const node: number[] = [];
      const web: number[] = [];
      let nodeLosses: readonly number[] = [];
      let webLosses: readonly number[] = [];
      for (let round = 0; round < rounds; round++) {
        const runNode = () => {
          const got = inNode(workload);
          node.push(got.ms);
          nodeLosses = got.losses;
        };
        const runWeb = async () => {
          const got = await inBrowser({ workload, warmupRuns: 0, timedRuns: 1 });
          web.push(got.ms[0]!);
          webLosses = got.losses;
        };
        if (round % 2 === 0) {
          runNode();
          await runWeb();
        } else {
          await runWeb();
          runNode();
        }
      }
      const ratios = web.map((w, i) => w / node[i]!);
      const identical = nodeLosses.length === webLosses.length && nodeLosses.every((l, i) => Object.is(l, webLosses[i]));
      console.log(`\n## ${workload}`);
      console.log(`browser worker (${warm.kernels}): ${range(web)} ms`);
      console.log(`node:           ${range(node)} ms`);
      console.log(`browser / node per round: ${range(ratios, 2)}`);
      console.log(`losses identical: ${identical} (browser ${webLosses.join(', ')}; node ${nodeLosses.join(', ')})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

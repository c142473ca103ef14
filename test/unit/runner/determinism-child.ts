// Trains the determinism runs in this process (started by determinism.test.ts with or
// without WebAssembly relaxed SIMD) and prints, as JSON, whether relaxed SIMD is available,
// which kernels ran and every run's epoch numbers.
import { kernelBackend } from '../../../src/engine/kernels/index.ts';
import type { RunEvent } from '../../../src/protocol.ts';
import { determinismRequests, epochNumbers } from './determinism-cases.ts';
import { train } from './helpers.ts';

// A one-function module using f32x4.relaxed_madd: it validates only where relaxed SIMD is on.
const RELAXED_SIMD_PROBE = Buffer.from(
  '0061736d0100000001080160037b7b7b017b030201000503010000071102046d6164640000066d656d6f727902000a0d010b00200020012002fd85020b',
  'hex',
);

const runs: Record<string, number[]> = {};
for (const req of determinismRequests()) {
  const events: RunEvent[] = train(req).events;
  runs[req.runId] = epochNumbers(events, req.runId);
}
process.stdout.write(JSON.stringify({ relaxedSimd: WebAssembly.validate(RELAXED_SIMD_PROBE), kernels: kernelBackend(), runs }));

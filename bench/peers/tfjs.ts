// TensorFlow.js peers: the same W1–W5 code on the `cpu` backend (plain JS) and the `wasm`
// backend (XNNPACK), both single-threaded, float32.

import { measureInProcess } from '../harness.ts';
import type { Peer, TimingPlan, WorkloadId, WorkloadResult } from '../peer.ts';
import { tfUnavailable, useBackend, type TfBackendName } from './tfjs-backend.ts';
import { tfjsTrainer } from './tfjs-workloads.ts';

function tfjsPeer(backend: TfBackendName): Peer {
  let description = `tfjs ${backend}`;
  return {
    name: `tfjs-${backend}`,
    async unavailable() {
      const reason = await tfUnavailable(backend);
      if (!reason) description = (await useBackend(backend)).description;
      return reason;
    },
    describe: () => description,
    async run(workload: WorkloadId, plan: TimingPlan): Promise<WorkloadResult> {
      const { tf } = await useBackend(backend);
      const before = tf.memory().numTensors;
      const result = await measureInProcess(plan, () => tfjsTrainer(tf, workload));
      // A leak would skew later runs (and is a bug in tfjs-workloads.ts): say so in the table.
      const leaked = tf.memory().numTensors - before;
      return leaked === 0 ? result : { ...result, note: `${leaked} tensors leaked over the runs` };
    },
  };
}

export const tfjsCpuPeer: Peer = tfjsPeer('cpu');
export const tfjsWasmPeer: Peer = tfjsPeer('wasm');

// The benchmark entries in the order they run and print, with what their losses mean.

import type { WorkloadId } from './peer.ts';

export interface WorkloadEntry {
  readonly id: WorkloadId;
  readonly title: string;
  /** Names of `WorkloadResult.losses`, in order. */
  readonly lossLabels: readonly string[];
  /** Training steps in one run, for the per-step columns (shown for W5 only). */
  readonly stepsPerRun: number;
}

export const WORKLOADS: readonly WorkloadEntry[] = [
  {
    id: 'W1',
    title: 'weight decay, 1-100-100-100-1, 2000 full-batch iterations × 2 nets (SGD momentum)',
    // The objective of each net on the last iteration, before its update; decay's includes the L2 term.
    lossLabels: ['plain', 'decay'],
    stepsPerRun: 4000,
  },
  {
    id: 'W2',
    title: 'dropout, 1-300-300-1, 500 full-batch iterations × 2 nets (Adam)',
    lossLabels: ['plain', 'dropout'],
    stepsPerRun: 1000,
  },
  {
    id: 'W3_single',
    title: 'd2l linear regression d=200, λ=3: 400 SGD steps of batch 5 + 20 evaluations',
    // The last evaluation (after epoch 100), mean((ŷ−y)²/2) without the penalty.
    lossLabels: ['train', 'test'],
    stepsPerRun: 400,
  },
  {
    id: 'W3_sweep',
    title: 'd2l linear regression d=200, 12-λ sweep: 12 × (400 steps + 20 evaluations)',
    // The last evaluation of the last lambda (100).
    lossLabels: ['train', 'test'],
    stepsPerRun: 4800,
  },
  {
    id: 'W4',
    title: 'MNIST-shaped 784-64-32-10 + L1, 600 Adam steps of batch 10',
    // The objective of the last step (cross-entropy + L1 term), before its update.
    lossLabels: ['objective'],
    stepsPerRun: 600,
  },
  {
    id: 'W5',
    title: 'micro 784-256-256-10, batch 128, 30 SGD steps',
    lossLabels: ['loss'],
    stepsPerRun: 30,
  },
];

/** `--only W3` selects both W3 entries; `--only W3_sweep` just the sweep. */
export function selectWorkloads(only: readonly string[] | undefined): WorkloadEntry[] {
  if (!only) return [...WORKLOADS];
  const unknown = only.filter((name) => !WORKLOADS.some((w) => matches(w.id, name)));
  if (unknown.length > 0) {
    throw new Error(`unknown workload ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.id).join(', ')}`);
  }
  return WORKLOADS.filter((w) => only.some((name) => matches(w.id, name)));
}

function matches(id: WorkloadId, name: string): boolean {
  const wanted = name.trim().toUpperCase();
  return id.toUpperCase() === wanted || id.toUpperCase().startsWith(`${wanted}_`);
}

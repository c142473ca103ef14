// A run as the worker pool receives it: one variant at one sweep point and one repeat,
// with its fully merged config.
import type { RunConfig } from './schema/experiment.ts';

/** One training run: a variant at one sweep point and one repeat, fully merged. */
export interface RunRequest {
  /** Stable within one experiment run, e.g. "weight decay", "weight decay · λ=0.01 · #2". */
  runId: string;
  variant: string;
  /** The sweep's value for this run, when it belongs to a sweep. */
  sweepValue?: number;
  /** With `sweep.grid`, the second field's value. */
  gridValue?: number;
  repeat: number;
  /** With `data.folds`, the fold held out (0 … folds − 1); absent: fold 0. */
  fold?: number;
  seed: number;
  config: RunConfig;
  /** Folder of the experiment file (data paths are relative to it) and the workspace root they must stay in. */
  baseDir: string;
  workspaceRoot?: string;
  /**
   * The data files' bytes by absolute path, read beforehand by the extension host: a Web
   * Worker cannot read the workspace (extension/trainingPools.web.ts). Absent on desktop.
   */
  files?: Record<string, Uint8Array>;
  /** Values the playground laid over the file's, by config path: the charts name the run after them. */
  overrides?: Record<string, number>;
}

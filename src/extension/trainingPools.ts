// The training pool of the extension host. Desktop: worker threads running dist/worker.js,
// below the editor's priority. The web build uses trainingPools.web.ts (Web Workers).
import * as vscode from 'vscode';
import { RunPool } from '../worker/pool.ts';
import { canTrainInIdleTime, TRAINING_NICENESS } from '../worker/priority.ts';
import type { TrainingPool } from '../worker/trainingPool.ts';

export function createTrainingPool(extensionUri: vscode.Uri, workers: number, flushMs: number): TrainingPool {
  // Training yields to the editor: the workers run at a lower priority than the extension host and the window.
  return new RunPool({ workerPath: vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath, workers, flushMs, niceness: TRAINING_NICENESS });
}

/** Whether this pool's workers train in idle time (then the default worker count is one per core). */
export function trainsInIdleTime(): boolean {
  return canTrainInIdleTime();
}

// How many runs train at once when the user did not say. Beside an editor, training leaves
// it a core: on a 2-core machine two busy workers starve the window's renderer and the
// extension host, and every keystroke waits (measured: 240-860 ms per key). Beyond four
// workers a sweep of small nets gains little and the machine's other work pays for it.
import { availableParallelism } from '../platform/cores.ts';

export const MAX_EDITOR_WORKERS = 4;

/** Workers for training inside the editor: one less than the cores, at least 1, at most 4. */
export function editorWorkerCount(cores: number = availableParallelism()): number {
  return Math.min(MAX_EDITOR_WORKERS, Math.max(1, cores - 1));
}

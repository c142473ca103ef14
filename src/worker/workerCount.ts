// How many runs train at once when the user did not say. Beside an editor, training must not
// take the editor's cores: on a 2-core machine two busy workers at the usual priority starve
// the window's renderer and the extension host, and every keystroke waits (measured: 240-860
// ms per key). Where training threads run in idle time (SCHED_IDLE, priority.ts) they take
// only what the editor leaves, so there every core trains: lesson 6's sweep, typing into the
// editor while it trained, keystroke p95 120-144 ms with 2 workers against 167-209 ms with 1
// (three runs each, e2e responsiveness). Elsewhere training leaves the editor a core. Beyond
// four workers a sweep of small nets gains little and the machine's other work pays for it.
import { availableParallelism } from '../platform/cores.ts';

export const MAX_EDITOR_WORKERS = 4;

/**
 * Workers for training inside the editor, at most 4: one per core where training runs in
 * idle time, else one less than the cores (at least 1).
 */
export function editorWorkerCount(cores: number = availableParallelism(), idleTime = false): number {
  return Math.min(MAX_EDITOR_WORKERS, Math.max(1, idleTime ? cores : cores - 1));
}

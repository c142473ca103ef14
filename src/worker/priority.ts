// Training below the editor: a worker thread can lower its own scheduling priority, so that
// when the cores are busy the extension host, the window and the other processes the user
// is typing into get them first, and training takes what is left. Linux schedules threads
// one by one and Node's os.setPriority accepts a thread id there; other systems only set
// whole processes (that would slow the extension host too), so there it does nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value for training threads beside an editor: well below the default 0, above idle (19). */
export const TRAINING_NICENESS = 10;

/** Lowers the calling thread's priority to `niceness`; false when this system cannot. */
export function lowerThreadPriority(niceness: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>" for the thread that reads it.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, niceness);
    return true;
  } catch {
    return false; // a sandbox without /proc, or a policy that forbids it: train at the usual priority
  }
}

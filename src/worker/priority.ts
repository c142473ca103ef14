// Training below the editor: a worker thread can lower its own scheduling priority, so that
// when the cores are busy the extension host, the window and the other processes the user
// is typing into get them first, and training takes what is left. Linux schedules threads
// one by one and Node's os.setPriority accepts a thread id there; other systems only set
// whole processes (that would slow the extension host too), so there it does nothing.
//
// On Linux the thread also moves to the SCHED_IDLE policy, through util-linux's chrt (Node
// has no call for it). A nice value only shrinks the thread's share of a core (nice 10: a
// tenth of the editor's), and a waking editor thread can still wait behind it. SCHED_IDLE
// threads run only when no other thread wants the core, and the kernel places a waking
// thread on a core that runs only them as if it were free. Measured with the e2e
// responsiveness scenario, six interleaved pairs of runs, lesson 6's sweep training:
// keystroke p95 152–320 ms at nice 10 (105–193 ms with nothing training), 109–188 ms with
// SCHED_IDLE (83–144 ms with nothing training).
import { execFile } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value for training threads beside an editor: well below the default 0, above idle (19). */
export const TRAINING_NICENESS = 10;

/** Where util-linux installs chrt; absolute, so that no PATH entry stands in for it. */
const CHRT = ['/usr/bin/chrt', '/bin/chrt'];

export interface Lowered {
  /** The thread's nice value was set. */
  nice: boolean;
  /** Settles true once the thread runs in idle time (SCHED_IDLE), false where it cannot. */
  idle: Promise<boolean>;
}

/** Lowers the calling thread's priority: its nice value at once, its policy to SCHED_IDLE soon after. */
export function lowerThreadPriority(niceness: number): Lowered {
  const unchanged = { nice: false, idle: Promise.resolve(false) };
  if (process.platform !== 'linux') return unchanged;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>" for the thread that reads it.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return unchanged;
    setPriority(tid, niceness);
    return { nice: true, idle: idleTime(tid) };
  } catch {
    return unchanged; // a sandbox without /proc, or a policy that forbids it: train at the usual priority
  }
}

/** Whether training threads here can run in idle time (Linux with util-linux's chrt). */
export function canTrainInIdleTime(): boolean {
  return process.platform === 'linux' && chrtPath() !== undefined;
}

function chrtPath(): string | undefined {
  return CHRT.find((path) => existsSync(path));
}

/** Moves thread `tid` to SCHED_IDLE. Asynchronous: the run the thread is about to train does not wait for chrt. */
function idleTime(tid: number): Promise<boolean> {
  const chrt = chrtPath();
  if (chrt === undefined) return Promise.resolve(false);
  return new Promise((resolve) => {
    execFile(chrt, ['--idle', '--pid', '0', String(tid)], { timeout: 5000 }, (error) => resolve(error === null));
  });
}

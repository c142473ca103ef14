// A worker for priority.test.ts: lowers its own priority and reports the nice value and the
// scheduling policy the kernel holds for it.
import { readFileSync, readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../../../src/worker/priority.ts';

const lowered = lowerThreadPriority((workerData as { niceness: number }).niceness);
void lowered.idle.then((idle) => {
  const tid = readlinkSync('/proc/thread-self').split('/').pop();
  // Fields 19 and 41 of /proc/<pid>/task/<tid>/stat are the nice value and the policy; the fields after the ")" start at field 3.
  const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  parentPort!.postMessage({ lowered: lowered.nice, idle, nice: Number(fields[16]), policy: Number(fields[38]) });
});

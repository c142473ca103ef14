// A worker for priority.test.ts: lowers its own priority and reports the nice value the kernel holds for it.
import { readFileSync, readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../../../src/worker/priority.ts';

const lowered = lowerThreadPriority((workerData as { niceness: number }).niceness);
const tid = readlinkSync('/proc/thread-self').split('/').pop();
// Field 19 of /proc/<pid>/task/<tid>/stat is the nice value; the fields after the ")" start at field 3.
const nice = Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
parentPort!.postMessage({ lowered, nice });

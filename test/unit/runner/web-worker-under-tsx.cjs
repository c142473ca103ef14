// Runs a Web Worker entry (src/worker/webWorker.ts or a fake) on a Node worker thread, for
// the pool's contract tests: the thread gets the two pieces of a worker's global scope the
// entry uses, postMessage and addEventListener('message'), then tsx and the entry load.
const { parentPort, workerData } = require('node:worker_threads');
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = (type, listener) => {
  if (type === 'message') parentPort.on('message', (data) => listener({ data }));
};
require('tsx/cjs');
require(workerData.entry);

// Worker threads ignore --import in execArgv on Node 20, so tests start the TypeScript
// worker entries through this bootstrap, which registers tsx first.
require('tsx/cjs');
require(require('node:worker_threads').workerData.entry);

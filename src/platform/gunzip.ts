// Unpacking .gz data files: Node's zlib on desktop, in the CLI and the worker threads.
export { gunzipSync } from 'node:zlib';

// The web build's training pool (vscode.dev, github.dev): the runs train in Web Workers
// (dist/web/worker.js: the same engine and WebAssembly kernels as desktop) with the Node
// pool's contract (worker/trainingPool.ts; the waits below go through worker/preparingPool.ts,
// which is tested against that contract). Two things happen first, because a Web Worker can
// reach neither: the worker script is fetched once and started from a blob URL
// (the extension's files may live on another origin, or behind vscode-remote:), and each
// run's data files are read through vscode.workspace.fs (dataFiles.web.ts), with the
// desktop's path rules, and handed to the worker with the request (so are the MNIST digits
// the extension ships, when an experiment trains on them).
import * as vscode from 'vscode';
import { BUNDLED_DIGITS_FILES, bundledDigitsPath, MNIST_FILE_FIELDS } from '../data/bundled-digits.ts';
import { SpecReader } from '../data/params.ts';
import { MAX_DATA_FILE_BYTES } from '../data/paths.ts';
import { resolveDataFile } from '../data/paths.ts';
import { DataError } from '../data/errors.ts';
import type { DataSpec } from '../data/spec.ts';
import type { RunRequest } from '../experiment/request.ts';
import { PreparingPool, type Prepared } from '../worker/preparingPool.ts';
import { WebRunPool, type WebWorkerLike } from '../worker/webPool.ts';
import { FILE_FIELDS } from './dataCheck.ts';
import { readDataFileAsync } from './dataFiles.ts';
import { gunzip } from './dataFiles.web.ts';
import type * as Desktop from './trainingPools.ts';

type WorkerConstructor = new (url: string, options?: { name?: string }) => WebWorkerLike;
type UrlApi = { createObjectURL(blob: Blob): string };

export const createTrainingPool: typeof Desktop.createTrainingPool = (extensionUri, workers, flushMs) => {
  let digits: Promise<Record<string, Uint8Array>> | undefined;
  /** The four files of the shipped digits, unpacked, under the paths the worker looks them up by (read once). */
  const bundledDigits = () => {
    digits ??= Promise.all(MNIST_FILE_FIELDS.map(async (field) => {
      const packed = await readExtensionFile(vscode.Uri.joinPath(extensionUri, 'data', 'mnist-10k', BUNDLED_DIGITS_FILES[field]));
      return [bundledDigitsPath(field), await gunzip(packed, MAX_DATA_FILE_BYTES)] as const;
    })).then(Object.fromEntries);
    digits.catch(() => (digits = undefined));
    return digits;
  };
  return new PreparingPool({
    workerCount: workers,
    start: async () => {
      const url = await workerUrl(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js'));
      const WorkerClass = (globalThis as unknown as { Worker?: WorkerConstructor }).Worker;
      if (WorkerClass === undefined) throw new Error('this extension host has no Web Workers');
      return new WebRunPool({ createWorker: () => new WorkerClass(url, { name: 'Reglab training' }), workers, flushMs });
    },
    // Each file is read once per batch, however many runs train on it.
    prepare: (requests) => {
      const reads = new Map<string, ReturnType<typeof readDataFileAsync>>();
      return Promise.all(requests.map((request) => withDataFiles(request, reads, bundledDigits)));
    },
  });
};

/** One of the extension's own files: fetched (VS Code maps vscode-remote: and file: URIs for fetch), else read through workspace.fs. */
async function readExtensionFile(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return vscode.workspace.fs.readFile(uri);
  }
}

/** A same-origin URL of the worker script (the extension's files may be on another origin). */
async function workerUrl(script: vscode.Uri): Promise<string> {
  const text = await readExtensionFile(script);
  return (URL as unknown as UrlApi).createObjectURL(new Blob([text as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
}

/** The request with its data files' bytes, or the run's `failed` outcome when one cannot be read. */
async function withDataFiles(
  request: RunRequest,
  reads: Map<string, ReturnType<typeof readDataFileAsync>>,
  bundledDigits: () => Promise<Record<string, Uint8Array>>,
): Promise<Prepared> {
  const spec = request.config.data as DataSpec;
  const fields = FILE_FIELDS[spec.generator] ?? [];
  const files: Record<string, Uint8Array> = {};
  const read = new SpecReader(spec, `data.${spec.generator}`);
  try {
    const named = (field: string) => (spec as unknown as Record<string, unknown>)[field] !== undefined;
    if (spec.generator === 'mnist' && !MNIST_FILE_FIELDS.some(named)) Object.assign(files, await bundledDigits());
    for (const field of fields) {
      if ((spec as unknown as Record<string, unknown>)[field] === undefined) continue;
      const path = resolveDataFile(read, field, { baseDir: request.baseDir, ...(request.workspaceRoot === undefined ? {} : { workspaceRoot: request.workspaceRoot }) });
      let pending = reads.get(path);
      if (pending === undefined) reads.set(path, (pending = readDataFileAsync(path)));
      const got = await pending;
      if ('error' in got) read.fail(`"${read.string(field)}" ${got.error}`, [field]);
      else files[path] = got.bytes;
    }
  } catch (error) {
    if (error instanceof DataError) return { failed: { type: 'failed', runId: request.runId, message: error.message, path: ['data', ...error.path] } };
    return { failed: { type: 'failed', runId: request.runId, message: error instanceof Error ? error.message : String(error) } };
  }
  return { request: Object.keys(files).length === 0 ? request : { ...request, files } };
}

/** Web Workers have no scheduling priority: the default worker count leaves the editor a core. */
export const trainsInIdleTime: typeof Desktop.trainsInIdleTime = () => false;

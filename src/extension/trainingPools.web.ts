// The web build's training pool (vscode.dev, github.dev): the runs train in Web Workers
// (dist/web/worker.js: the same engine and WebAssembly kernels as desktop) with the Node
// pool's contract (worker/trainingPool.ts). Two things happen here first, because a Web
// Worker can reach neither: the worker script is fetched once and started from a blob URL
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
import type { RunEvent, RunOutcome } from '../protocol.ts';
import type { RunBatch, TrainingPool } from '../worker/trainingPool.ts';
import { WebRunPool, type WebWorkerLike } from '../worker/webPool.ts';
import { FILE_FIELDS } from './dataCheck.ts';
import { readDataFileAsync } from './dataFiles.ts';
import { gunzip } from './dataFiles.web.ts';
import type * as Desktop from './trainingPools.ts';

type WorkerConstructor = new (url: string, options?: { name?: string }) => WebWorkerLike;
type UrlApi = { createObjectURL(blob: Blob): string };

export const createTrainingPool: typeof Desktop.createTrainingPool = (extensionUri, workers, flushMs) =>
  new WebTrainingPool(extensionUri, workers, flushMs);

class WebTrainingPool implements TrainingPool {
  private inner: Promise<WebRunPool> | undefined;
  private disposed = false;
  private live: WebRunPool | undefined;
  private digits: Promise<Record<string, Uint8Array>> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly workerCount: number,
    private readonly flushMs: number,
  ) {}

  get liveWorkers(): number {
    return this.live?.liveWorkers ?? 0;
  }

  warm(): Promise<void> {
    return this.pool().then((pool) => pool.warm()).catch(() => undefined);
  }

  run(requests: readonly RunRequest[], onEvent: (event: RunEvent) => void): RunBatch {
    let cancelled = false;
    let batch: RunBatch | undefined;
    const done = (async (): Promise<RunOutcome[]> => {
      const outcomes: (RunOutcome | undefined)[] = new Array(requests.length);
      const ready: { index: number; request: RunRequest }[] = [];
      let pool: WebRunPool | undefined;
      let poolError: string | undefined;
      const reads = new Map<string, ReturnType<typeof readDataFileAsync>>();
      const prepared = await Promise.all(requests.map((request) => withDataFiles(request, reads, () => this.bundledDigits())));
      try {
        pool = await this.pool();
      } catch (error) {
        poolError = `The training worker could not start: ${error instanceof Error ? error.message : String(error)}`;
      }
      prepared.forEach((got, index) => {
        const runId = requests[index]!.runId;
        if (cancelled) outcomes[index] = { type: 'cancelled', runId };
        else if ('failed' in got) outcomes[index] = got.failed;
        else if (poolError !== undefined) outcomes[index] = { type: 'failed', runId, message: poolError };
        else ready.push({ index, request: got.request });
      });
      for (const outcome of outcomes) if (outcome !== undefined) onEvent(outcome);
      if (ready.length > 0 && pool !== undefined) {
        batch = pool.run(ready.map((r) => r.request), onEvent);
        const ran = await batch.done;
        ready.forEach((r, i) => (outcomes[r.index] = ran[i]));
      }
      return outcomes as RunOutcome[];
    })();
    return {
      done,
      cancel: () => {
        cancelled = true;
        batch?.cancel();
      },
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.inner !== undefined) await (await this.inner.catch(() => undefined))?.dispose();
  }

  private pool(): Promise<WebRunPool> {
    if (this.disposed) return Promise.reject(new Error('The training pool was disposed'));
    this.inner ??= workerUrl(vscode.Uri.joinPath(this.extensionUri, 'dist', 'web', 'worker.js')).then((url) => {
      const WorkerClass = (globalThis as unknown as { Worker?: WorkerConstructor }).Worker;
      if (WorkerClass === undefined) throw new Error('this extension host has no Web Workers');
      this.live = new WebRunPool({ createWorker: () => new WorkerClass(url, { name: 'Reglab training' }), workers: this.workerCount, flushMs: this.flushMs });
      return this.live;
    });
    this.inner.catch(() => (this.inner = undefined)); // a failed start is tried again with the next run
    return this.inner;
  }

  /** The four files of the shipped digits, unpacked, under the paths the worker looks them up by (read once). */
  private bundledDigits(): Promise<Record<string, Uint8Array>> {
    this.digits ??= Promise.all(MNIST_FILE_FIELDS.map(async (field) => {
      const packed = await readExtensionFile(vscode.Uri.joinPath(this.extensionUri, 'data', 'mnist-10k', BUNDLED_DIGITS_FILES[field]));
      return [bundledDigitsPath(field), await gunzip(packed, MAX_DATA_FILE_BYTES)] as const;
    })).then(Object.fromEntries);
    this.digits.catch(() => (this.digits = undefined));
    return this.digits;
  }
}

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
): Promise<{ request: RunRequest } | { failed: RunOutcome }> {
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

// PyTorch peer: one long-lived `python pytorch_bench.py` (torch imported once, one thread)
// serves every workload. For each workload this side writes the data and initial weights
// of bench/workloads.ts as raw files into a temporary folder and sends one JSON request;
// Python trains under the same timing rules and answers with its timings and final losses.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Peer, RunTiming, TimingPlan, WorkloadId, WorkloadResult } from '../peer.ts';
import { findTorchPython, type TorchPython } from './find-torch-python.ts';
import { pytorchWorkload, type NamedArray } from './pytorch-data.ts';

const SCRIPT = 'pytorch_bench.py';

/** The script sits beside this file in the source tree; dist/bench.js is one folder away from it. */
function scriptPath(): string {
  const candidates = [
    join(__dirname, SCRIPT), // run from source (tsx)
    join(__dirname, '..', 'bench', 'peers', SCRIPT), // run from dist/bench.js
    resolve('bench', 'peers', SCRIPT), // run from the repository root
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${SCRIPT} not found; looked in ${candidates.join(', ')}`);
  return found;
}

interface Hello { torch: string; python: string; executable: string; threads: number; interopThreads: number; blas: string[] }
type Message =
  | { hello: Hello }
  | { progress: string }
  | { result: { runs: RunTiming[]; losses: number[] } }
  | { error: string };

/** The Python child and the one request it is serving at a time. */
class TorchProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private waiting: { onMessage(m: Message): void; onExit(reason: string): void } | undefined;
  private exited: string | undefined;

  constructor(python: string, script: string) {
    // One thread for every pool torch might start (OpenMP, MKL, OpenBLAS), besides set_num_threads(1).
    const env = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' };
    this.child = spawn(python, ['-u', script], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[pytorch stderr] ${chunk.toString()}`));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      let message: Message;
      try {
        message = JSON.parse(line) as Message;
      } catch {
        process.stderr.write(`[pytorch stdout] ${line}\n`);
        return;
      }
      this.waiting?.onMessage(message);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = `python exited (${signal ?? `code ${code}`})`;
      this.waiting?.onExit(this.exited);
    });
    this.child.on('error', (error) => {
      this.exited = `python failed to start: ${error.message}`;
      this.waiting?.onExit(this.exited);
    });
  }

  /** Waits for the next message that `accept` turns into a value; progress goes to `onProgress`. */
  private next<T>(accept: (m: Message) => T | undefined, onProgress: (text: string) => void): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      if (this.exited) return reject(new Error(this.exited));
      this.waiting = {
        onMessage: (m) => {
          if ('progress' in m) return onProgress(m.progress);
          if ('error' in m) {
            this.waiting = undefined;
            return reject(new Error(`pytorch_bench.py: ${m.error.trim()}`));
          }
          const value = accept(m);
          if (value !== undefined) {
            this.waiting = undefined;
            resolvePromise(value);
          }
        },
        onExit: (reason) => {
          this.waiting = undefined;
          reject(new Error(reason));
        },
      };
    });
  }

  hello(): Promise<Hello> {
    return this.next((m) => ('hello' in m ? m.hello : undefined), () => {});
  }

  request(body: object, onProgress: (text: string) => void): Promise<{ runs: RunTiming[]; losses: number[] }> {
    const answer = this.next((m) => ('result' in m ? m.result : undefined), onProgress);
    this.child.stdin.write(`${JSON.stringify(body)}\n`);
    return answer;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin.end(); // the script's stdin loop ends and it exits
    await done;
  }
}

/** Names the BLAS torch's matmuls run on; the reference BLAS makes PyTorch look far slower than a pip install. */
function describeBlas(libraries: readonly string[]): string {
  if (libraries.length === 0) return 'unknown (bundled or static)';
  const names = libraries.join(', ');
  if (libraries.some((l) => /mkl/i.test(l))) return `MKL (${names})`;
  if (libraries.some((l) => /openblas/i.test(l))) return `OpenBLAS (${names})`;
  if (libraries.some((l) => /blis/i.test(l))) return `BLIS (${names})`;
  if (libraries.some((l) => /\/blas\/libblas\.so/.test(l))) {
    return `reference netlib (${names}): unoptimised matmul, slower than pip's MKL builds; ` +
      'install libopenblas0 for the optimised one';
  }
  return names;
}

/** Writes each array as raw little-endian bytes (what numpy.fromfile reads) into `dir`. */
function writeArrays(dir: string, arrays: readonly NamedArray[]): Record<string, { file: string; dtype: string; shape: readonly number[] }> {
  const manifest: Record<string, { file: string; dtype: string; shape: readonly number[] }> = {};
  for (const a of arrays) {
    const file = `${a.name}.bin`;
    writeFileSync(join(dir, file), new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength));
    manifest[a.name] = { file, dtype: a.data instanceof Float32Array ? 'float32' : 'int32', shape: a.shape };
  }
  return manifest;
}

function createPytorchPeer(): Peer {
  let python: TorchPython | undefined;
  let process_: TorchProcess | undefined;
  let hello: Hello | undefined;
  let tempDir: string | undefined;

  const start = async (): Promise<TorchProcess> => {
    if (!python) throw new Error('no python with torch');
    if (!process_) {
      process_ = new TorchProcess(python.executable, scriptPath());
      hello = await process_.hello();
    }
    return process_;
  };

  return {
    name: 'pytorch',
    async unavailable() {
      const found = findTorchPython();
      if ('reasons' in found) return `no python can import torch (${found.reasons.join('; ')})`;
      python = found;
      try {
        scriptPath();
        await start();
      } catch (error) {
        return `pytorch peer failed to start: ${error instanceof Error ? error.message : String(error)}`;
      }
      return undefined;
    },
    describe() {
      if (!hello) return `PyTorch ${python?.torchVersion ?? '?'}`;
      return `PyTorch ${hello.torch} CPU, Python ${hello.python} (${hello.executable}), ` +
        `${hello.threads} intra-op / ${hello.interopThreads} inter-op thread(s), BLAS ${describeBlas(hello.blas)}`;
    },
    async run(workload: WorkloadId, plan: TimingPlan): Promise<WorkloadResult> {
      const child = await start();
      tempDir ??= mkdtempSync(join(tmpdir(), 'reglab-bench-'));
      const dir = join(tempDir, workload);
      mkdirSync(dir, { recursive: true });
      try {
        const { arrays, config } = pytorchWorkload(workload);
        const tensors = writeArrays(dir, arrays);
        const result = await child.request(
          { workload, dir, tensors, config, warmupRuns: plan.warmupRuns, timedRuns: plan.timedRuns },
          (text) => plan.progress(text),
        );
        return { runs: result.runs, losses: result.losses };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async close() {
      await process_?.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

export const pytorchPeer: Peer = createPytorchPeer();

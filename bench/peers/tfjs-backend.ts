// Loads TensorFlow.js (tfjs-core plus the cpu and wasm backends) on first use and selects a
// backend. Loaded lazily so that `--peers reglab` runs without tfjs, and so that a missing
// package makes the peer "unavailable" instead of crashing the whole benchmark.
//
// Single thread: the cpu backend is plain JS. The wasm backend picks its binary in init():
// the threaded-SIMD one only when WASM_HAS_MULTITHREAD_SUPPORT, a flag that tfjs 4.22 hard-wires
// to false under Node (tfjs issue #3830), so Node gets the single-threaded SIMD binary (or
// the plain one without SIMD). setThreadsCount(1) and the flag set below keep it so even if
// that detection changes; getThreadsCount() then reports what XNNPACK actually uses.

import { dirname, sep } from 'node:path';

export type Tf = typeof import('@tensorflow/tfjs-core');
export type TfBackendName = 'cpu' | 'wasm';

interface TfModules {
  readonly tf: Tf;
  readonly wasm: typeof import('@tensorflow/tfjs-backend-wasm');
  readonly version: string;
}

let loading: Promise<TfModules> | undefined;

/**
 * tfjs-core's Node build has no gradients: the `@tensorflow/tfjs` union package registers
 * them, and tfjs-core ships them only as extensionless ES modules that Node cannot load.
 * So esbuild bundles them into dist/bench.js: the relative path (rather than the package
 * name, which the build marks external) makes it. The bundled copy of the modules they use
 * registers tfjs's own gradient functions into tfjs's registries, which live on globalThis
 * and are shared with the external tfjs-core, as tfjs intends for duplicate copies.
 */
async function registerGradients(): Promise<void> {
  await import('../../node_modules/@tensorflow/tfjs-core/dist/register_all_gradients.js');
}

function load(): Promise<TfModules> {
  loading ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await registerGradients();
    await import('@tensorflow/tfjs-backend-cpu');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The .wasm binaries sit beside the package's main file in node_modules; dist/bench.js
    // keeps @tensorflow/* external, so Node's own resolution finds them from the bundle too.
    wasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + sep);
    wasm.setThreadsCount(1);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    // Silences the "install tfjs-node" banner, which would land in the middle of the progress lines.
    tf.enableProdMode();
    return { tf, wasm, version: tf.version_core };
  })();
  return loading;
}

export interface ActiveBackend {
  readonly tf: Tf;
  /** e.g. "tfjs-core 4.22.0, backend wasm (SIMD binary, 1 thread)". */
  readonly description: string;
}

/** Loads tfjs if needed and makes `name` the active backend (initialising it the first time). */
export async function useBackend(name: TfBackendName): Promise<ActiveBackend> {
  const { tf, wasm, version } = await load();
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`);
  }
  await tf.ready();
  let detail = 'plain JS, 1 thread';
  if (name === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    detail = `${simd ? 'SIMD' : 'no-SIMD'} binary, ${wasm.getThreadsCount()} thread(s)`;
  }
  return { tf, description: `tfjs-core ${version}, backend ${name} (${detail})` };
}

/** Why tfjs cannot run here, or undefined when it can. */
export async function tfUnavailable(name: TfBackendName): Promise<string | undefined> {
  try {
    await useBackend(name);
    return undefined;
  } catch (error) {
    return `tfjs ${name} backend unavailable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

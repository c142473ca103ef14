// Import first, for its side effect, in our own Node entry points (CLI, worker, bench,
// tests): VS Code's extension host and Node ≥ 22 have WebAssembly relaxed SIMD, which the
// engine's fused multiply-add kernels need; Node 20 has it behind a V8 flag, set here
// before the kernels are compiled, so every entry point runs the kernels the product runs.
import { setFlagsFromString } from 'node:v8';
import { decodeBase64 } from '../engine/wasm/base64.ts';
import { KERNELS_FMA_WASM_BASE64 } from '../engine/wasm/kernels-binary.ts';

if (!WebAssembly.validate(decodeBase64(KERNELS_FMA_WASM_BASE64))) {
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // A runtime without the flag runs the kernels without FMA.
  }
}

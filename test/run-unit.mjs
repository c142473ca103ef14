// Runs every test/unit/**/*.test.ts with Node's built-in test runner.
// Node 20's `--test` takes no globs, so the files are collected here; tsx strips the types.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return collect(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// The engine's fused multiply-add kernels need WebAssembly relaxed SIMD, which VS Code and
// Node ≥ 22 have and Node 20 keeps behind a V8 flag (an unknown flag would stop node, so it
// is passed only where this tiny relaxed-SIMD module does not validate).
const RELAXED_SIMD_PROBE = Buffer.from(
  '0061736d0100000001080160037b7b7b017b030201000503010000071102046d6164640000066d656d6f727902000a0d010b00200020012002fd85020b',
  'hex',
);
const v8Flags = WebAssembly.validate(RELAXED_SIMD_PROBE) ? [] : ['--experimental-wasm-relaxed-simd'];

const only = process.argv.slice(2);
const files = only.length > 0 ? only : collect('test/unit').sort();
const result = spawnSync(process.execPath, [...v8Flags, '--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

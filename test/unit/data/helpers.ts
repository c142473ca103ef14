// Shared by the data tests (not a test file itself: the runner collects *.test.ts only).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { DataError, type FieldPath } from '../../../src/data/index.ts';

/** Asserts that `run` throws a DataError whose message matches and whose path is `path`. */
export function assertDataError(run: () => unknown, message: RegExp, path: FieldPath): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DataError, `expected a DataError, got ${String(caught)}`);
  assert.match(caught.message, message);
  assert.deepEqual(caught.path, path, caught.message);
}

/** A fresh temporary folder, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `reglab-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The shared bench reference (../shared beside the repository), imported untyped. */
export async function importReference(): Promise<Record<string, (...args: unknown[]) => any>> {
  const url = new URL('../../../../shared/bench/reference-spec.mjs', import.meta.url);
  return import(url.href);
}

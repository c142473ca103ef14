// Problems with the data files an experiment names — a CSV column that does not exist, a
// file that is missing or outside the workspace, an IDX file of the wrong kind — found by
// loading the data as a run would, and placed on the field at fault (in the variant that
// wrote it, else in the base). Only for the generators that read files (csv, mnist); the
// caller runs it debounced and only in trusted workspaces. Free of vscode.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError, loadDataset } from '../data/index.ts';
import { SpecReader } from '../data/params.ts';
import { resolveDataFile } from '../data/paths.ts';
import type { DataSpec } from '../data/spec.ts';
import type { Diagnostic } from '../experiment/diagnostics.ts';
import { expandRuns } from '../experiment/expand.ts';
import type { ParseResult } from '../experiment/parse.ts';
import { rangeOfPath } from '../experiment/positions.ts';

/** The fields of each file-reading generator that name a file. */
const FILE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  csv: ['path', 'testPath'],
  mnist: ['images', 'labels', 'testImages', 'testLabels'],
};

/** Files larger than this in all are only checked for existence, not loaded, on the extension host. */
export const MAX_CHECKED_BYTES = 8 * 1024 * 1024;

export function readsFiles(parsed: ParseResult): boolean {
  return parsed.experiment !== undefined && expandRuns(parsed.experiment).some((r) => r.config.data.generator in FILE_FIELDS);
}

interface Outcome {
  message: string;
  path: (string | number)[];
}

/** Remembers the outcome per data spec and file versions, so typing elsewhere reads nothing. */
export class DataChecker {
  private readonly cache = new Map<string, Outcome | null>();

  constructor(private readonly maxBytes = MAX_CHECKED_BYTES) {}

  check(parsed: ParseResult, text: string, file: string, workspaceRoot: string | undefined): Diagnostic[] {
    const experiment = parsed.experiment;
    if (experiment === undefined) return [];
    const baseDir = dirname(file);
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const run of expandRuns(experiment)) {
      const spec = run.config.data as DataSpec;
      const fields = FILE_FIELDS[spec.generator];
      if (fields === undefined) continue;
      const outcome = this.outcome(spec, fields, run.seed, baseDir, workspaceRoot);
      if (outcome === null) continue;
      const range = rangeOfPath(parsed.tree, text, ['data', ...outcome.path], run.variant === undefined ? {} : { variant: run.variant });
      const key = `${range.start.line}:${range.start.character}:${outcome.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push({ message: outcome.message, path: ['data', ...outcome.path], range, severity: 'error' });
    }
    return diagnostics;
  }

  private outcome(spec: DataSpec, fields: readonly string[], seed: number, baseDir: string, workspaceRoot: string | undefined): Outcome | null {
    const options = { seed, baseDir, ...(workspaceRoot === undefined ? {} : { workspaceRoot }) };
    const read = new SpecReader(spec, `data.${spec.generator}`);
    const stamps: string[] = [];
    let bytes = 0;
    try {
      for (const field of fields) {
        if ((spec as unknown as Record<string, unknown>)[field] === undefined) continue;
        const path = resolveDataFile(read, field, options);
        const stat = statSync(path);
        bytes += stat.size;
        stamps.push(`${path}:${stat.size}:${stat.mtimeMs}`);
      }
    } catch (error) {
      return toOutcome(error);
    }
    if (bytes > this.maxBytes) return null;
    const key = JSON.stringify([spec, seed, baseDir, workspaceRoot, stamps]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let outcome: Outcome | null = null;
    try {
      loadDataset(spec, options);
    } catch (error) {
      outcome = toOutcome(error);
    }
    if (this.cache.size > 100) this.cache.clear();
    this.cache.set(key, outcome);
    return outcome;
  }
}

function toOutcome(error: unknown): Outcome {
  if (error instanceof DataError) return { message: error.message, path: error.path };
  return { message: `data: ${error instanceof Error ? error.message : String(error)}`, path: [] };
}

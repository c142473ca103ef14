// Problems with the data files an experiment names — a CSV column that does not exist, a
// file that is missing or outside the workspace, an IDX file of the wrong kind — found by
// loading the data as a run would, and placed on the field at fault (in the variant that
// wrote it, else in the base). Only for the generators that read files (csv, mnist); the
// caller runs it debounced and only in trusted workspaces. Free of vscode.
//
// It runs on the extension host, so nothing here may wait on the disk: files are looked
// at and read asynchronously (a named pipe or a device is refused, never opened to wait),
// and only small ones are parsed, from the bytes read.
import { dirname } from 'node:path';
import { DataError, loadDataset } from '../data/index.ts';
import { SpecReader } from '../data/params.ts';
import { resolveDataFile } from '../data/paths.ts';
import { readDataFileAsync, statDataFile } from './dataFiles.ts';
import type { DataSpec } from '../data/spec.ts';
import type { Diagnostic } from '../experiment/diagnostics.ts';
import { expandRuns } from '../experiment/expand.ts';
import type { ParseResult } from '../experiment/parse.ts';
import { MAX_VARIANTS } from '../experiment/limits.ts';
import { rangeOfPath } from '../experiment/positions.ts';
import { isPlainObject } from '../experiment/dsl/values.ts';
import { pickRunConfig, resolveRunConfig } from '../experiment/resolve.ts';
import type { RunConfig } from '../experiment/schema/experiment.ts';
import type { Node } from 'jsonc-parser';
import { propertyValue } from '../experiment/dsl/validate.ts';
import { knownValue } from '../experiment/nodeValue.ts';
import { experimentSchema } from '../experiment/schema/experiment.ts';

/** The fields of each file-reading generator that name a file. */
export const FILE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  csv: ['path', 'testPath'],
  mnist: ['images', 'labels', 'testImages', 'testLabels'],
};

/** Files larger than this in all are only checked for existence, not loaded, on the extension host. */
export const MAX_CHECKED_BYTES = 8 * 1024 * 1024;

/** Largest unpacked .gz parsed on the extension host (a small .gz can unpack to gigabytes). */
const MAX_CHECKED_UNPACKED = 64 * 1024 * 1024;

/** Whether the base or a variant uses a generator that reads files; from the tree, so any file is cheap to ask. */
export function readsFiles(parsed: ParseResult): boolean {
  const tree = parsed.tree;
  if (tree?.type !== 'object') return false;
  const generatorOf = (holder: Node): unknown => {
    const data = propertyValue(holder, 'data');
    return data === undefined ? undefined : propertyValue(data, 'generator')?.value;
  };
  const variants = propertyValue(tree, 'variants');
  const holders = [tree, ...(variants?.type === 'array' ? (variants.children ?? []).slice(0, MAX_VARIANTS) : [])];
  return holders.some((holder) => {
    const generator = generatorOf(holder);
    return typeof generator === 'string' && Object.hasOwn(FILE_FIELDS, generator);
  });
}

interface NamedConfig {
  variant?: string;
  seed: number;
  config: RunConfig;
}

/**
 * The run config of the base (no variants) or of each variant. A file with errors elsewhere
 * (a sweep over a field that does not exist) still gets its data checked: the configs are
 * then merged from the file as written, as far as they can be.
 */
function runConfigs(parsed: ParseResult): NamedConfig[] {
  if (parsed.experiment !== undefined) {
    return expandRuns(parsed.experiment).map((r) => ({ ...(r.variant === undefined ? {} : { variant: r.variant }), seed: r.seed, config: r.config }));
  }
  if (parsed.tree?.type !== 'object') return [];
  // Only the fields the schema knows: a hostile file's thousands of unknown keys are not copied per variant.
  const raw = knownValue(experimentSchema, parsed.tree) as Record<string, unknown>;
  const base = pickRunConfig(raw);
  const variants = Array.isArray(raw.variants) ? raw.variants.slice(0, MAX_VARIANTS).filter((v): v is Record<string, unknown> => isPlainObject(v) && typeof v.name === 'string') : [];
  const targets = variants.length === 0 ? [undefined] : variants;
  return targets.flatMap((variant) => {
    try {
      const overrides = variant === undefined ? [] : [Object.fromEntries(Object.entries(variant).filter(([k]) => k !== 'name' && k !== 'description'))];
      const config = resolveRunConfig(base, overrides);
      if (!isPlainObject(config.data) || typeof config.data.generator !== 'string') return [];
      const seed = typeof config.seed === 'number' ? config.seed : 0;
      return [{ ...(variant === undefined ? {} : { variant: variant.name as string }), seed, config }];
    } catch {
      return [];
    }
  });
}

interface Outcome {
  message: string;
  path: (string | number)[];
}

/** Remembers the outcome per data spec and file versions, so typing elsewhere reads nothing. */
export class DataChecker {
  private readonly cache = new Map<string, Outcome | null>();

  constructor(private readonly maxBytes = MAX_CHECKED_BYTES) {}

  async check(parsed: ParseResult, text: string, file: string, workspaceRoot: string | undefined): Promise<Diagnostic[]> {
    const baseDir = dirname(file);
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const run of runConfigs(parsed)) {
      const spec = run.config.data as DataSpec;
      const fields = FILE_FIELDS[spec.generator];
      if (fields === undefined) continue;
      const outcome = await this.outcome(spec, fields, run.seed, baseDir, workspaceRoot);
      if (outcome === null) continue;
      const range = rangeOfPath(parsed.tree, text, ['data', ...outcome.path], run.variant === undefined ? {} : { variant: run.variant });
      const key = `${range.start.line}:${range.start.character}:${outcome.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push({ message: outcome.message, path: ['data', ...outcome.path], range, severity: 'error' });
    }
    return diagnostics;
  }

  private async outcome(spec: DataSpec, fields: readonly string[], seed: number, baseDir: string, workspaceRoot: string | undefined): Promise<Outcome | null> {
    const options = { seed, baseDir, ...(workspaceRoot === undefined ? {} : { workspaceRoot }) };
    const read = new SpecReader(spec, `data.${spec.generator}`);
    const files: { field: string; path: string }[] = [];
    const stamps: string[] = [];
    let bytes = 0;
    try {
      for (const field of fields) {
        if ((spec as unknown as Record<string, unknown>)[field] === undefined) continue;
        const path = resolveDataFile(read, field, options);
        const stats = await statDataFile(path);
        if (stats.refusal !== undefined) read.fail(`"${read.string(field)}" ${stats.refusal}`, [field]);
        bytes += stats.size;
        files.push({ field, path });
        stamps.push(`${path}:${stats.size}:${stats.mtimeMs}`);
      }
    } catch (error) {
      return toOutcome(error);
    }
    // Nothing of the user's to read: the bundled digits (no file named), or files missing, which the file's checks report.
    if (files.length === 0 || (spec.generator === 'mnist' && files.length < fields.length) || bytes > this.maxBytes) return null;
    const key = JSON.stringify([spec, seed, baseDir, workspaceRoot, stamps]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let outcome: Outcome | null = null;
    try {
      const preloaded = new Map<string, Uint8Array>();
      for (const { field, path } of files) {
        const got = await readDataFileAsync(path, this.maxBytes);
        if ('error' in got) read.fail(`"${read.string(field)}" ${got.error}`, [field]);
        else preloaded.set(path, got.bytes);
      }
      loadDataset(spec, { ...options, preloaded, maxBytes: MAX_CHECKED_UNPACKED });
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

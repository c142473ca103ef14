// Saving and reading back experiment results, and their curves as CSV.
//
// A results JSON and its curves CSV are written as a pair that a reader never sees half
// of: both go to temporary files first, then the CSV is renamed into place, then the JSON.
// Readers find results by their JSON (listResults), so the JSON's rename is the moment the
// pair appears, with its CSV already there. A kill before it leaves temporary files or a
// CSV without its JSON, which no reader lists and the next save (or listing) removes; the
// previous results are never touched.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentResults } from '../results/model.ts';
import { curvesCsv, experimentSlug, parseResults, resultsFileName } from './results-format.ts';
import { folderInsideWorkspace } from './workspaceFolder.ts';

export { curvesCsv, experimentSlug };

const TEMPORARY = /\.(\d+)\.\d+\.tmp$/;

/** A CSV without its JSON this old is what a killed save left (a save renames the two within milliseconds). */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

function temporaryOf(path: string): string {
  return `${path}.${process.pid}.${Date.now()}.tmp`;
}

/** Writes atomically (a temporary file renamed into place), so a reader never sees half a file; the temporary file goes on error. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const temporary = temporaryOf(path);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * `<dir>/<experiment name>/<timestamp>.json` and its curves `.csv`, written as a pair (see
 * above); returns the JSON's path. With `workspaceRoot`, `dir` must stay inside it once
 * symbolic links are resolved (`setting` names the folder in the error).
 */
export function saveResults(dir: string, results: ExperimentResults, workspaceRoot?: string, setting = 'reglab.resultsFolder'): string {
  const folder = join(dir, experimentSlug(results.file));
  // Checked before creating anything (mkdir would follow the link), and again after.
  if (workspaceRoot !== undefined) folderInsideWorkspace(workspaceRoot, folder, setting);
  mkdirSync(folder, { recursive: true });
  if (workspaceRoot !== undefined) folderInsideWorkspace(workspaceRoot, folder, setting);
  removeLeftovers(folder);
  const path = join(folder, resultsFileName(results));
  const csv = path.replace(/\.json$/, '.csv');
  const temporaryJson = temporaryOf(path);
  const temporaryCsv = temporaryOf(csv);
  try {
    writeFileSync(temporaryCsv, curvesCsv(results));
    writeFileSync(temporaryJson, JSON.stringify(results));
    renameSync(temporaryCsv, csv);
    renameSync(temporaryJson, path);
  } catch (error) {
    rmSync(temporaryCsv, { force: true });
    rmSync(temporaryJson, { force: true });
    throw error;
  }
  return path;
}

/**
 * What killed saves left in one experiment's folder: temporary files of processes that are
 * gone, and CSVs whose JSON never came. Files of a live process are left alone.
 */
export function removeLeftovers(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const present = new Set(names);
  const removed: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const temporary = TEMPORARY.exec(name);
    const stale = temporary !== null ? !alive(Number(temporary[1])) : name.endsWith('.csv') && !present.has(name.replace(/\.csv$/, '.json')) && ageOf(path) > ORPHAN_AGE_MS;
    if (!stale) continue;
    rmSync(path, { force: true });
    removed.push(name);
  }
  return removed;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageOf(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export function readResults(path: string): ExperimentResults {
  return parseResults(readFileSync(path, 'utf8'), path);
}

/** Saved results under `dir`, newest first. */
export function listResults(dir: string): { path: string; experiment: string; startedAt: string }[] {
  let experiments: string[];
  try {
    experiments = readdirSync(dir);
  } catch {
    return [];
  }
  return experiments
    .flatMap((experiment) => {
      let files: string[] = [];
      removeLeftovers(join(dir, experiment));
      try {
        files = readdirSync(join(dir, experiment)).filter((f) => f.endsWith('.json'));
      } catch {}
      return files.map((f) => ({ path: join(dir, experiment, f), experiment, startedAt: f.replace(/\.json$/, '') }));
    })
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

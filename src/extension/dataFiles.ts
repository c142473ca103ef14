// The extension host's look at a data file before it reads it, and the read, both off the
// event loop (desktop: node:fs; the web build uses dataFiles.web.ts, on vscode.workspace.fs).
import { stat } from 'node:fs/promises';
import { readDataFileAsync, refuse } from '../data/paths.ts';

export interface DataFileStat {
  size: number;
  mtimeMs: number;
  /** Why the file must not be read (not a regular file, too large), when it must not. */
  refusal?: string;
}

/** The file's size and time; rejects when it cannot be looked at (a missing file). */
export async function statDataFile(path: string): Promise<DataFileStat> {
  const stats = await stat(path);
  const refusal = refuse(stats);
  return { size: stats.size, mtimeMs: stats.mtimeMs, ...(refusal === undefined ? {} : { refusal }) };
}

export { readDataFileAsync };

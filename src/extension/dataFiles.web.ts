// The web build's dataFiles.ts: data files looked at and read through vscode.workspace.fs,
// so they work on virtual file systems. The same refusals as desktop where they apply (a
// folder, a file over the size limit); a virtual file system has no pipes or devices.
import * as vscode from 'vscode';
import { MAX_DATA_FILE_BYTES, megabytes } from '../data/paths.ts';
import type * as Desktop from './dataFiles.ts';
import { statPath, uriForPath } from './workspaceFs.ts';

export type DataFileStat = Desktop.DataFileStat;

export const statDataFile: typeof Desktop.statDataFile = async (path) => {
  const stat = await statPath(path);
  if (stat === undefined) return { size: 0, mtimeMs: 0, refusal: `not found (looked for ${path})` };
  return { size: stat.size, mtimeMs: stat.mtime, ...(refusalOf(stat, MAX_DATA_FILE_BYTES) ?? {}) };
};

export const readDataFileAsync: typeof Desktop.readDataFileAsync = async (path, maxBytes = MAX_DATA_FILE_BYTES) => {
  const stat = await statPath(path);
  if (stat === undefined) return { error: `not found (looked for ${path})` };
  const refused = refusalOf(stat, maxBytes);
  if (refused !== undefined) return { error: refused.refusal };
  try {
    const bytes = await vscode.workspace.fs.readFile(uriForPath(path));
    return { bytes: isGzip(bytes) ? await gunzip(bytes, MAX_DATA_FILE_BYTES) : bytes };
  } catch (error) {
    return { error: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
};

function refusalOf(stat: vscode.FileStat, maxBytes: number): { refusal: string } | undefined {
  if ((stat.type & vscode.FileType.File) === 0) {
    const kind = (stat.type & vscode.FileType.Directory) !== 0 ? 'a folder' : 'not a file';
    return { refusal: `is not a regular file (it is ${kind}); data files must be ordinary files` };
  }
  if (stat.size > maxBytes) return { refusal: `is ${megabytes(stat.size)}, over the ${megabytes(maxBytes)} limit for data files` };
  return undefined;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Unpacks a .gz data file (an MNIST .idx.gz) here, where it can wait: a Web Worker has no
 * synchronous gunzip. Stops past the data file limit, as the desktop's zlib does.
 */
export async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`it unpacks to more than ${megabytes(maxBytes)}, the limit for data files`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// The web build's data/paths.ts (scripts/web-build.mjs): the same rules for which data file
// an experiment may read (relative to the experiment's folder, never outside the
// workspace), on a browser's file systems. There are no symbolic links to follow on a
// virtual file system and no disk to read synchronously: the extension host reads each
// data file through vscode.workspace.fs before training (extension/trainingPools.web.ts)
// and the Web Worker gets its bytes as `preloaded`. No named pipes or devices exist there.
import { basename, isAbsolute, relative, resolve, sep } from './../platform/posixPath.ts';
import type { FieldPath } from './errors.ts';
import type { SpecReader } from './params.ts';
import type * as Desktop from './paths.ts';

export type FileOptions = Desktop.FileOptions;

export const MAX_DATA_FILE_BYTES: typeof Desktop.MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

export const resolveDataFile: typeof Desktop.resolveDataFile = (read, name, options) => {
  const written = read.string(name);
  const field: FieldPath = [name];
  const file = resolve(options.baseDir ?? '/', written);
  if (options.workspaceRoot !== undefined) {
    const root = resolve(options.workspaceRoot);
    if (!isInside(file, root)) read.fail(`"${written}" is outside the workspace (${root}); data files must be inside it`, field);
  }
  // Existence is known only from what was read beforehand; the extension host's read reports a missing file.
  if (options.preloaded !== undefined && !options.preloaded.has(file)) read.fail(`file "${written}" not found (looked for ${file})`, field);
  return file;
};

export function readDataFile(read: SpecReader, name: string, file: string, options: FileOptions = {}): Uint8Array {
  const preloaded = options.preloaded?.get(file);
  if (preloaded !== undefined) return preloaded;
  return read.fail(`${basename(file)} was not read beforehand`, [name]);
}

/** Never used on the web: the extension host reads through vscode.workspace.fs (extension/dataFiles.web.ts). */
export async function readDataFileAsync(_file: string, _maxBytes = MAX_DATA_FILE_BYTES): Promise<{ bytes: Uint8Array } | { error: string }> {
  return { error: 'cannot be read here (a browser reads data files through the workspace)' };
}

export const megabytes: typeof Desktop.megabytes = (bytes) => {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
};

export const isInside: typeof Desktop.isInside = (path, root) => {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
};

/** A virtual file system has no symbolic links: a path is its own canonical form. */
export const canonical: typeof Desktop.canonical = (path) => path;

// Where a data file named in an experiment file lives, and whether it may be read. A
// workspace file must never make the extension read outside the workspace: paths are
// resolved against the experiment file's folder and, when a workspace root is given,
// must stay inside it after `..`, absolute paths and symbolic links are all resolved.
// Only regular files are read, and only up to a size: a named pipe would block the reader
// forever, a device (or a huge file) would never end.
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FieldPath } from './errors.ts';
import type { SpecReader } from './params.ts';

export interface FileOptions {
  /** The experiment file's folder; relative paths start here (default: the process's cwd). */
  baseDir?: string;
  /** When given, no file outside it may be read. */
  workspaceRoot?: string;
  /**
   * The files' bytes, already read (by readDataFileAsync) under their absolute paths: the
   * loaders then never touch the disk, as on the extension host, whose event loop must not wait.
   */
  preloaded?: ReadonlyMap<string, Uint8Array>;
  /** Largest data file, and largest unpacked .gz, in bytes (default MAX_DATA_FILE_BYTES). */
  maxBytes?: number;
}

/** Largest data file read (and largest .gz unpacked): MNIST's biggest file is 47 MB unpacked. */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

// Opening a named pipe for reading waits for a writer unless non-blocking (Windows has no such flag, nor FIFOs in files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The absolute path of the file named by field `name` of the spec, checked as above. */
export function resolveDataFile(read: SpecReader, name: string, options: FileOptions): string {
  const written = read.string(name);
  const field: FieldPath = [name];
  const file = resolve(options.baseDir ?? process.cwd(), written);
  if (options.workspaceRoot !== undefined) {
    const root = resolve(options.workspaceRoot);
    // Judged on the resolved paths only, so a root or folder given through a link still works.
    if (!isInside(canonical(file), canonical(root))) {
      const how = isInside(file, root) ? 'leads outside the workspace through a symbolic link' : 'is outside the workspace';
      read.fail(`"${written}" ${how} (${root}); data files must be inside it`, field);
    }
  }
  if (!existsSync(file)) read.fail(`file "${written}" not found (looked for ${file})`, field);
  return file;
}

/**
 * The file's bytes (from `options.preloaded` when given); a read failure (a folder, no
 * permission), a file that is not a regular one or one over the size limit becomes a DataError.
 */
export function readDataFile(read: SpecReader, name: string, file: string, options: FileOptions = {}): Buffer {
  const preloaded = options.preloaded?.get(file);
  if (preloaded !== undefined) return Buffer.from(preloaded.buffer, preloaded.byteOffset, preloaded.byteLength);
  if (options.preloaded !== undefined) read.fail(`${basename(file)} was not read beforehand`, [name]);
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FLAGS);
    const refusal = refuse(fstatSync(fd), options.maxBytes);
    if (refusal !== undefined) return read.fail(`"${read.string(name)}" ${refusal}`, [name]);
    return readFileSync(fd);
  } catch (error) {
    if (isDataError(error)) throw error;
    return read.fail(`cannot read ${basename(file)} (${reason(error)})`, [name]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * readDataFile's checks and read, off the event loop: what the extension host uses. The
 * error, when there is one, is a sentence to put after the file's name as written.
 */
export async function readDataFileAsync(file: string, maxBytes = MAX_DATA_FILE_BYTES): Promise<{ bytes: Uint8Array } | { error: string }> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
    const refusal = refuse(await handle.stat(), maxBytes);
    if (refusal !== undefined) return { error: refusal };
    return { bytes: await handle.readFile() };
  } catch (error) {
    return { error: `cannot be read (${reason(error)})` };
  } finally {
    await handle?.close();
  }
}

/** Why a file with these stats must not be read, or undefined when it may be. */
export function refuse(stat: Stats, maxBytes = MAX_DATA_FILE_BYTES): string | undefined {
  if (!stat.isFile()) return `is not a regular file (it is ${kindOf(stat)}); data files must be ordinary files`;
  if (stat.size > maxBytes) return `is ${megabytes(stat.size)}, over the ${megabytes(maxBytes)} limit for data files`;
  return undefined;
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** "12 KB", "8.0 MB", "256 MB": sizes in messages. */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function isDataError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DataError';
}

/** True when `path` is `root` or below it (both already canonical). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * The path with every symbolic link resolved. For a path that does not exist yet, its
 * nearest existing ancestor is resolved and the rest appended, so a missing file behind a
 * link that leaves the workspace is still caught.
 */
export function canonical(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return path;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}

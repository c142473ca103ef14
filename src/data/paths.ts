// Where a data file named in an experiment file lives, and whether it may be read. A
// workspace file must never make the extension read outside the workspace: paths are
// resolved against the experiment file's folder and, when a workspace root is given,
// must stay inside it after `..`, absolute paths and symbolic links are all resolved.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FieldPath } from './errors.ts';
import type { SpecReader } from './params.ts';

export interface FileOptions {
  /** The experiment file's folder; relative paths start here (default: the process's cwd). */
  baseDir?: string;
  /** When given, no file outside it may be read. */
  workspaceRoot?: string;
}

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

/** The file's bytes; a read failure (a folder, no permission) becomes a DataError. */
export function readDataFile(read: SpecReader, name: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return read.fail(`cannot read ${basename(file)} (${reason})`, [name]);
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * The path with every symbolic link resolved. For a path that does not exist yet, its
 * nearest existing ancestor is resolved and the rest appended, so a missing file behind a
 * link that leaves the workspace is still caught.
 */
function canonical(path: string): string {
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

// A folder a setting names inside the workspace (reglab.resultsFolder, reglab.exportFolder),
// judged after every symbolic link is resolved: a committed `.reglab` link to elsewhere
// must not make results land at its target.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

export class FolderOutsideError extends Error {
  override readonly name = 'FolderOutsideError';
}

/** `dir` when it (or, if it does not exist yet, its nearest existing ancestor) resolves inside `root`; else a FolderOutsideError. */
export function folderInsideWorkspace(root: string, dir: string, setting: string): string {
  const resolvedRoot = canonical(root);
  const resolved = canonical(dir);
  if (!isInside(resolved, resolvedRoot)) {
    throw new FolderOutsideError(`${setting} "${relative(root, dir) || '.'}" leads outside the workspace through a symbolic link (to ${resolved}); nothing is written there`);
  }
  return dir;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** The path with every symbolic link resolved; for a path that does not exist yet, its nearest existing ancestor's. */
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

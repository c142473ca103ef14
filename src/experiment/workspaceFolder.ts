// A folder a setting names inside the workspace (reglab.resultsFolder, reglab.exportFolder),
// judged after every symbolic link is resolved: a committed `.reglab` link to elsewhere
// must not make results land at its target.
import { relative } from 'node:path';
import { canonical, isInside } from '../data/paths.ts';

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

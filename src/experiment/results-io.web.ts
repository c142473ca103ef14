// The web build's results-io.ts: saved results written, listed and read back through
// vscode.workspace.fs (extension/workspaceFs.ts), so they work on virtual file systems,
// with the desktop's folder layout and its rule that the results folder stays inside the
// workspace. Each function is the desktop one made asynchronous: callers await both.
// A virtual file system has no other process writing here and VS Code writes each file
// whole, so there are no temporary files and no leftovers to clear.
import { join } from '../platform/posixPath.ts';
import { listPath, readTextPath, writePath } from '../extension/workspaceFs.ts';
import type * as Desktop from './results-io.ts';
import { curvesCsv, experimentSlug, parseResults, resultsFileName } from './results-format.ts';
import { folderInsideWorkspace } from './workspaceFolder.ts';

export { curvesCsv, experimentSlug };

type Async<F extends (...args: never[]) => unknown> = (...args: Parameters<F>) => Promise<ReturnType<F>>;

export const writeFileAtomic: Async<typeof Desktop.writeFileAtomic> = (path, text) => writePath(path, text);

/** The CSV first, then the JSON that readers list: a listed JSON has its CSV. */
export const saveResults: Async<typeof Desktop.saveResults> = async (dir, results, workspaceRoot, setting = 'reglab.resultsFolder') => {
  const folder = join(dir, experimentSlug(results.file));
  if (workspaceRoot !== undefined) folderInsideWorkspace(workspaceRoot, folder, setting);
  const path = join(folder, resultsFileName(results));
  await writePath(path.replace(/\.json$/, '.csv'), curvesCsv(results));
  await writePath(path, JSON.stringify(results));
  return path;
};

export const readResults: Async<typeof Desktop.readResults> = async (path) => parseResults(await readTextPath(path), path);

export const listResults: Async<typeof Desktop.listResults> = async (dir) => {
  const experiments = (await listPath(dir)).map(([name]) => name);
  const found = await Promise.all(experiments.map(async (experiment) =>
    (await listPath(join(dir, experiment)))
      .map(([name]) => name)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ path: join(dir, experiment, f), experiment, startedAt: f.replace(/\.json$/, '') }))));
  return found.flat().sort((a, b) => b.startedAt.localeCompare(a.startedAt));
};

export const removeLeftovers: Async<typeof Desktop.removeLeftovers> = async () => [];

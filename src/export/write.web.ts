// The web build's write.ts: an export's files written through vscode.workspace.fs, so they
// land in the workspace whatever its file system (the Explorer's Download… takes them to
// the computer). Asynchronous: the extension awaits both versions.
import { join } from '../platform/posixPath.ts';
import { writePath } from '../extension/workspaceFs.ts';
import type * as Desktop from './write.ts';

export async function writePytorchExport(...[exported, outDir]: Parameters<typeof Desktop.writePytorchExport>): Promise<string[]> {
  const files = [{ name: exported.scriptName, content: exported.script }, ...exported.dataFiles];
  const paths: string[] = [];
  for (const { name, content } of files) {
    const path = join(outDir, name);
    await writePath(path, content);
    paths.push(path);
  }
  return paths;
}

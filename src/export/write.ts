// Writing an export's files (the CLI, the tests and the desktop extension; the web build
// uses write.web.ts, through vscode.workspace.fs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PytorchExport } from './index.ts';

/** Writes an export into `outDir` (created if needed); returns the paths written, the script first. */
export function writePytorchExport(exported: PytorchExport, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return [{ name: exported.scriptName, content: exported.script }, ...exported.dataFiles].map(({ name, content }) => {
    const path = join(outDir, name);
    writeFileSync(path, content);
    return path;
  });
}

// `reglab export-pytorch FILE|DIR... [--variant NAME] [--out DIR] [--exact]`: each experiment
// file as a PyTorch script beside it (or in DIR), and with --exact Reglab's own data,
// initial weights, shuffling and dropout seeds for the script's --exact mode.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { ExportArgs } from '../cli/args.ts';
import { experimentFiles } from '../cli/files.ts';
import { formatDiagnostic, hasErrors } from '../experiment/diagnostics.ts';
import { parseExperiment } from '../experiment/parse.ts';
import { exportPytorch, writePytorchExport } from './index.ts';

/** Runs the subcommand (its arguments parsed by cli/args.ts); returns the exit code (0 written, 1 a file could not be exported). */
export async function exportPytorchCommand(parsed: ExportArgs): Promise<number> {
  let failed = false;
  let files: string[];
  try {
    files = experimentFiles(parsed.files);
  } catch (error) {
    console.error(`reglab export-pytorch: ${(error as Error).message}`);
    return 1;
  }
  for (const file of files) {
    const result = parseExperiment(readFileSync(file, 'utf8'), file);
    for (const d of result.diagnostics) console.error(formatDiagnostic(file, d));
    if (result.experiment === undefined || hasErrors(result.diagnostics)) {
      console.error(`${file}: not exported, the file has errors`);
      failed = true;
      continue;
    }
    const outDir = parsed.out ?? dirname(file);
    try {
      const exported = exportPytorch(result.experiment, file, { variant: parsed.variant, exact: parsed.exact, outDir, workspaceRoot: workspaceFor(file) });
      const [script, ...data] = writePytorchExport(exported, outDir).map((p) => relative(process.cwd(), p) || p);
      console.log(`${file} → ${script}${data.length > 0 ? ` and ${data.join(', ')}` : ''}`);
      console.log(`  run it: python3 ${script}${data.length > 0 ? ` --exact ${data[0]}` : ''}`);
    } catch (error) {
      console.error(`${file}: cannot export: ${(error as Error).message}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** The folder data files must stay in, as `reglab run` has it: the current one when the file is inside it, else the file's. */
function workspaceFor(file: string): string {
  const cwd = process.cwd();
  const absolute = resolve(file);
  return absolute.startsWith(cwd + '/') ? cwd : dirname(absolute);
}

// `reglab export-pytorch FILE|DIR... [--variant NAME] [--out DIR] [--exact]`: each experiment
// file as a PyTorch script beside it (or in DIR), and with --exact Reglab's own data,
// initial weights and shuffling for the script's --exact mode.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { experimentFiles } from '../cli/files.ts';
import { formatDiagnostic, hasErrors } from '../experiment/diagnostics.ts';
import { parseExperiment } from '../experiment/parse.ts';
import { exportPytorch, writePytorchExport } from './index.ts';

export const EXPORT_USAGE = `Usage:
  reglab export-pytorch FILE|DIR... [--variant NAME] [--out DIR] [--exact]
      Writes each experiment as a PyTorch script, NAME.py beside its file or in DIR: the same
      data generator, model, optimizer, penalties and training loop, printing the same metrics.
Options:
  --variant NAME  only this variant (and its sweep)
  --out DIR       where the scripts go (default: beside each experiment file)
  --exact         also save Reglab's data, initial weights and shuffling as NAME.exact.json;
                  the script run with --exact NAME.exact.json then matches Reglab step by step`;

interface ExportArgs {
  files: string[];
  variant?: string;
  out?: string;
  exact: boolean;
}

class UsageError extends Error {}

function parseExportArgs(args: readonly string[]): ExportArgs | 'help' {
  const parsed: ExportArgs = { files: [], exact: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--variant':
        parsed.variant = value();
        break;
      case '--out':
        parsed.out = value();
        break;
      case '--exact':
        parsed.exact = true;
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new UsageError('export-pytorch needs an experiment file or folder');
  return parsed;
}

/** Runs the subcommand; returns the exit code (0 written, 1 a file could not be exported, 2 bad usage). */
export async function exportPytorchCommand(args: string[]): Promise<number> {
  let parsed: ExportArgs | 'help';
  try {
    parsed = parseExportArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`reglab export-pytorch: ${error.message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    console.log(EXPORT_USAGE);
    return 0;
  }
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

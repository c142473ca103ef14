// The command line: `reglab run|validate FILE...` and its options.
export interface CliOptions {
  command: 'run' | 'validate' | 'help';
  files: string[];
  json: boolean;
  out: string;
  /** Whether --out was given (the default folder must stay inside the current one). */
  outGiven: boolean;
  workers?: number;
  variant?: string;
  sweep: boolean;
  report: boolean;
}

export const USAGE = `Usage:
  reglab run FILE|DIR... [--json] [--out DIR] [--workers N] [--variant NAME] [--no-sweep] [--no-report]
      Trains every variant (and the sweep) of each experiment file (*.reglab.json; a folder
      means every such file in it), prints a summary table, writes the results as JSON, the
      curves as CSV and a self-contained HTML report into DIR (default .reglab/runs).
      Exit code 1 when a file is invalid or a run diverged or failed.
  reglab validate FILE|DIR...
      Reports every problem of every file, like a compiler; exit code 1 on errors.
  reglab export-pytorch FILE|DIR... [--variant NAME] [--out DIR] [--exact]
      Writes each experiment as an equivalent PyTorch script (NAME.py beside its file or in
      DIR); --exact also saves Reglab's data, initial weights and shuffling (NAME.exact.json).
Options:
  --json          print the results as JSON on stdout (progress goes to stderr)
  --out DIR       where results, CSV and report go (default .reglab/runs)
  --workers N     runs trained at once (default: the number of cores)
  --variant NAME  only this variant
  --no-sweep      skip the sweep
  --no-report     skip the HTML report`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  const options: CliOptions = { command: 'help', files: [], json: false, out: '.reglab/runs', outGiven: false, sweep: true, report: true };
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return options;
  if (command !== 'run' && command !== 'validate') throw new UsageError(`unknown command "${command}"`);
  options.command = command;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--json': options.json = true; break;
      case '--out': options.out = value(); options.outGiven = true; break;
      case '--variant': options.variant = value(); break;
      case '--no-sweep': options.sweep = false; break;
      case '--no-report': options.report = false; break;
      case '--workers': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers must be a positive integer, got ${rest[i]}`);
        options.workers = n;
        break;
      }
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        options.files.push(arg);
    }
  }
  if (options.files.length === 0) throw new UsageError(`${command} needs at least one experiment file or folder`);
  return options;
}

export class UsageError extends Error {}

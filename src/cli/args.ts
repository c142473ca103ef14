// The command line: `reglab run|validate|export-pytorch FILE... [options]`, `reglab download SET`, `--version`, `--help`.
// One parser for every subcommand: Node's util.parseArgs (`--key value`, `--key=value`, `-h`),
// run twice: once lenient, to name an unknown option with the closest known one, then strict,
// for Node's own messages on a missing or ambiguous value.
import { parseArgs as nodeParseArgs } from 'node:util';
import { DOWNLOADABLE, type DownloadableName } from '../data/download.ts';
import { didYouMean } from '../experiment/suggest.ts';

export type CommandName = 'run' | 'validate' | 'export-pytorch' | 'download';

export interface RunArgs {
  command: 'run';
  files: string[];
  json: boolean;
  /** With --json: every run's full record (curves, snapshots) instead of the summary. */
  full: boolean;
  out: string;
  /** Whether --out was given (the default folder must stay inside the current one). */
  outGiven: boolean;
  workers?: number;
  variant?: string;
  sweep: boolean;
  report: boolean;
}

export interface ValidateArgs {
  command: 'validate';
  files: string[];
  workers?: number;
}

export interface ExportArgs {
  command: 'export-pytorch';
  files: string[];
  variant?: string;
  out?: string;
  exact: boolean;
}

export interface DownloadArgs {
  command: 'download';
  set: DownloadableName;
  /** The folder to write into; default the set's (data/mnist, data/fashion-mnist). */
  dir?: string;
  mirror?: string;
}

export type CliArgs = RunArgs | ValidateArgs | ExportArgs | DownloadArgs | { command: 'help'; text: string } | { command: 'version' };

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

const HELP: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h' } };

const OPTIONS: Record<CommandName, Record<string, OptionSpec>> = {
  run: {
    ...HELP,
    json: { type: 'boolean' },
    full: { type: 'boolean' },
    out: { type: 'string' },
    workers: { type: 'string' },
    variant: { type: 'string' },
    'no-sweep': { type: 'boolean' },
    'no-report': { type: 'boolean' },
  },
  validate: { ...HELP, workers: { type: 'string' } },
  'export-pytorch': { ...HELP, variant: { type: 'string' }, out: { type: 'string' }, exact: { type: 'boolean' } },
  download: { ...HELP, dir: { type: 'string' }, mirror: { type: 'string' } },
};

export const COMMAND_USAGE: Record<CommandName, string> = {
  run: `reglab run FILE|DIR... [--json [--full]] [--out DIR] [--workers N] [--variant NAME] [--no-sweep] [--no-report]
    Trains every variant (and the sweep) of each experiment file (*.reglab.json; a folder
    means every such file in it), prints a summary table, writes the results as JSON, the
    curves as CSV and a self-contained HTML report into DIR (default .reglab/runs).
    Exit code 1 when a file is invalid or a run diverged or failed.
  --json          print a summary as JSON on stdout instead of the tables (progress goes to
                  stderr): per run its status and final metrics, per sweep its table and
                  the chosen values; the curves stay in the results files
  --full          with --json: every run's full record, curves and fit snapshots included (large)
  --out DIR       where results, CSV and report go (default .reglab/runs)
  --workers N     runs trained at once (default: the number of cores)
  --variant NAME  only this variant
  --no-sweep      skip the sweep
  --no-report     skip the HTML report`,
  validate: `reglab validate FILE|DIR... [--workers N]
    Reports every problem of every file, like a compiler, with the checks the VS Code
    extension makes: the schema, the fields that depend on each other, the data files an
    experiment reads (a CSV column that does not exist) and the estimated memory and time
    (--workers N: the cores the time estimate divides by). Exit code 1 on errors.`,
  'export-pytorch': `reglab export-pytorch FILE|DIR... [--variant NAME] [--out DIR] [--exact]
    Writes each experiment as a PyTorch script, NAME.py beside its file or in DIR: the same
    data generator, model, optimizer, penalties and training loop, printing the same metrics.
  --variant NAME  only this variant (and its sweep)
  --out DIR       where the scripts go (default: beside each experiment file)
  --exact         also save Reglab's data, initial weights, shuffling and dropout seeds
                  as NAME.exact.json; the script run with --exact NAME.exact.json then
                  matches Reglab step by step`,
  download: `reglab download mnist|fashion-mnist [--dir DIR] [--mirror URL]
    Downloads the full data set's four IDX .gz files (60,000 + 10,000 images) into DIR
    (default data/mnist or data/fashion-mnist), each checked against its published MD5
    before it is kept; files already there and intact are not fetched again. Not needed
    for "generator": "mnist" without files, which uses the 10,000 digits Reglab ships.
  --dir DIR       where the files go
  --mirror URL    where they are fetched from (each file name is appended)`,
};

export const USAGE = `Usage:
  ${Object.values(COMMAND_USAGE).map((u) => u.replace(/\n/g, '\n  ')).join('\n\n  ')}

  reglab --version    the version
  reglab COMMAND --help    one command's options`;

export function commandUsage(command: CommandName): string {
  return `Usage:\n  ${COMMAND_USAGE[command].replace(/\n/g, '\n  ')}`;
}

/** After a usage error: the command's synopsis and where its options are explained. */
export function shortUsage(command: CommandName): string {
  return `Usage: ${COMMAND_USAGE[command].split('\n')[0]}\n(reglab ${command} --help explains each option)`;
}

export class UsageError extends Error {
  constructor(message: string, readonly command?: CommandName) {
    super(message);
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help', text: USAGE };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (!isCommand(command)) {
    const hint = didYouMean(command, Object.keys(OPTIONS), '"');
    throw new UsageError(command.startsWith('-') ? `unknown option ${command}${didYouMean(command, ['--help', '--version'], '')}` : `unknown command "${command}"${hint}`);
  }
  const options = OPTIONS[command];
  const { values, positionals } = parseStrict(command, rest, options);
  if (values.help === true) return { command: 'help', text: commandUsage(command) };
  if (command === 'download') return downloadArgs(positionals, values as Record<string, string | undefined>);
  if (positionals.length === 0) throw new UsageError(`${command} needs at least one experiment file or folder`, command);
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const flag = (name: string): boolean => values[name] === true;
  switch (command) {
    case 'run':
      if (flag('full') && !flag('json')) throw new UsageError('--full goes with --json', command);
      return {
        command,
        files: positionals,
        json: flag('json'),
        full: flag('full'),
        out: str('out') ?? '.reglab/runs',
        outGiven: str('out') !== undefined,
        ...optional('workers', workers(str('workers'), command)),
        ...optional('variant', str('variant')),
        sweep: !flag('no-sweep'),
        report: !flag('no-report'),
      };
    case 'validate':
      return { command, files: positionals, ...optional('workers', workers(str('workers'), command)) };
    case 'export-pytorch':
      return { command, files: positionals, exact: flag('exact'), ...optional('variant', str('variant')), ...optional('out', str('out')) };
  }
}

function downloadArgs(positionals: string[], values: Record<string, string | undefined>): DownloadArgs {
  const sets = Object.keys(DOWNLOADABLE);
  if (positionals.length !== 1) throw new UsageError(`download takes one data set, ${sets.join(' or ')}`, 'download');
  const set = positionals[0]!;
  if (!sets.includes(set)) throw new UsageError(`unknown data set "${set}"; download knows ${sets.join(' and ')}${didYouMean(set, sets, '"')}`, 'download');
  return { command: 'download', set: set as DownloadableName, ...optional('dir', values.dir), ...optional('mirror', values.mirror) };
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(OPTIONS, name);
}

function parseStrict(command: CommandName, args: string[], options: Record<string, OptionSpec>) {
  // Lenient first: an unknown option is named with the closest known one.
  const { tokens } = nodeParseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue;
    const known = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`unknown option ${token.rawName} for ${command}${didYouMean(`--${token.name}`, known, '')}`, command);
  }
  try {
    return nodeParseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's messages (a missing or ambiguous value) are clear; they become usage errors.
    throw new UsageError((error as Error).message.replace(/\n/g, ' '), command);
  }
}

function workers(value: string | undefined, command: CommandName): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new UsageError(`--workers must be a positive integer, got ${value}`, command);
  return n;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

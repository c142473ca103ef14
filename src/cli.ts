// `reglab`: the experiments of the VS Code extension, without VS Code — for a terminal
// and for CI. Trains on the same worker pool and writes the same results files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, shortUsage, USAGE, UsageError, type RunArgs } from './cli/args.ts';
import { experimentSummary, type ExperimentSummaryJson } from './cli/jsonSummary.ts';
import { cliVersion } from './cli/version.ts';
import { downloadCommand } from './cli/download.ts';
import { DataChecker, readsFiles } from './extension/dataCheck.ts';
import { MAX_DATA_FILE_BYTES } from './data/paths.ts';
import { experimentFiles, readExperimentText } from './cli/files.ts';
import { createProgress } from './cli/progress.ts';
import { summaryTable } from './cli/summary.ts';
import { terminalLine, terminalText } from './cli/terminalText.ts';
import { BUDGET_DEFAULTS } from './experiment/budget.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from './experiment/diagnostics.ts';
import { parseExperiment, type ParseResult } from './experiment/parse.ts';
import { rangeOfPath } from './experiment/positions.ts';
import { saveResults } from './experiment/results-io.ts';
import type { ExperimentResults } from './results/model.ts';
import { planRuns, startExperiment } from './experiment/session.ts';
import { exportPytorchCommand } from './export/cli-command.ts';
import { renderReport } from './report/index.ts';
import { RunPool } from './worker/pool.ts';

interface SourceFile {
  path: string;
  text: string;
  parsed: ParseResult;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    console.log(args.text);
    return 0;
  }
  if (args.command === 'version') {
    console.log(cliVersion());
    return 0;
  }
  if (args.command === 'export-pytorch') return exportPytorchCommand(args);
  if (args.command === 'download') {
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    return downloadCommand(args, { log: (line) => console.error(terminalLine(line)), signal: controller.signal });
  }
  const budget = { ...BUDGET_DEFAULTS, ...(args.workers !== undefined && { parallel: args.workers }) };
  const sources = experimentFiles(args.files).map((path): SourceFile => {
    const text = readExperimentText(path);
    return { path, text, parsed: parseExperiment(text, path, { budget }) };
  });
  let errors = 0, warnings = 0;
  const report = (path: string, diagnostics: readonly Diagnostic[]): void => {
    for (const d of diagnostics) {
      console.error(terminalLine(formatDiagnostic(path, d)));
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  };
  if (args.command === 'validate') {
    // The extension's checks: the parse's, then the data files' (the same DataChecker), in line order.
    const checker = new DataChecker(MAX_DATA_FILE_BYTES);
    let invalid = 0;
    for (const { path, text, parsed } of sources) {
      const found = [...parsed.diagnostics];
      if (readsFiles(parsed)) found.push(...(await checker.check(parsed, text, path, workspaceFor(path))));
      found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      report(path, found);
      if (hasErrors(found)) invalid++;
    }
    console.error(`${sources.length} file${sources.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${invalid > 0 ? ` in ${invalid} invalid file${invalid === 1 ? '' : 's'}` : ''}.`);
    return errors > 0 ? 1 : 0;
  }
  for (const { path, parsed } of sources) report(path, parsed.diagnostics);
  return runAll(sources, args, errors > 0);
}

async function runAll(sources: SourceFile[], options: RunArgs, anyInvalid: boolean): Promise<number> {
  const pool = new RunPool({ workerPath: join(__dirname, 'worker.js'), workers: options.workers });
  const all: ExperimentResults[] = [];
  const summaries: ExperimentSummaryJson[] = [];
  let anyBad = anyInvalid;
  const log = options.json ? process.stderr : process.stdout;
  try {
    for (const source of sources) {
      const experiment = source.parsed.experiment;
      if (experiment === undefined) continue;
      const workspaceRoot = workspaceFor(source.path);
      const requests = planRuns(experiment, source.path, { variant: options.variant, includeSweep: options.sweep, workspaceRoot });
      const epochs = new Map(requests.map((r) => [r.runId, r.config.training.epochs]));
      const progress = createProgress(process.stderr, (run) => epochs.get(run.id) ?? 1);
      const session = startExperiment(experiment, relative(process.cwd(), source.path) || source.path, requests, (r, onEvent) => pool.run(r, onEvent), (event, results) =>
        progress.update(event, results),
      );
      const stop = () => session.cancel();
      process.once('SIGINT', stop);
      const results = await session.done;
      process.off('SIGINT', stop);
      progress.done();
      locateFailures(source, results);
      all.push(results);
      // The default folder is the current one's .reglab/runs, which a cloned repository could make a link to elsewhere.
      const saved = saveResults(options.out, results, options.outGiven ? undefined : process.cwd(), 'the default results folder (--out)');
      summaries.push(experimentSummary(results, saved));
      if (results.runs.some((r) => r.status === 'diverged' || r.status === 'failed' || r.status === 'cancelled')) anyBad = true;
      if (!options.json) log.write(`${terminalText(summaryTable(results))}\n  results: ${terminalLine(saved)}\n\n`);
    }
  } finally {
    await pool.dispose();
  }
  if (options.report && all.length > 0) {
    mkdirSync(options.out, { recursive: true });
    const report = join(options.out, 'report.html');
    writeFileSync(report, renderReport(all));
    log.write(`Report: ${terminalLine(report)}\n`);
  }
  if (options.json) process.stdout.write(`${options.full ? JSON.stringify(all) : JSON.stringify(summaries, null, 1)}\n`);
  return anyBad ? 1 : 0;
}

/** The folder data paths must stay in: the current folder when the file is inside it, else the file's own folder. */
function workspaceFor(file: string): string {
  const cwd = process.cwd();
  const absolute = resolve(file);
  return absolute.startsWith(cwd + '/') ? cwd : dirname(absolute);
}

/** A run that failed on a field of the file (a missing CSV column) says where, like a diagnostic. */
function locateFailures(source: SourceFile, results: ExperimentResults): void {
  for (const run of results.runs) {
    if (run.status !== 'failed' || run.path === undefined) continue;
    const range = rangeOfPath(source.parsed.tree, source.text, run.path, { variant: run.variant });
    run.message = `${source.path}:${range.start.line + 1}:${range.start.character + 1}: ${run.message}`;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(terminalText(`reglab: ${error instanceof Error ? error.message : String(error)}`));
    if (error instanceof UsageError) console.error(`\n${error.command === undefined ? USAGE : shortUsage(error.command)}`);
    process.exitCode = 2;
  },
);

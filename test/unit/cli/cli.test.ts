// The CLI end to end, as a user runs it: bundled with its worker and report page as in dist/, on real files.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';
import { readResults } from '../../../src/experiment/results-io.ts';

const root = resolve(import.meta.dirname, '../../..');
// Inside the repository, so the bundle finds node_modules (the report inlines Chart.js from there).
mkdirSync(join(root, 'test-output'), { recursive: true });
const dir = mkdtempSync(join(root, 'test-output', 'cli-'));
const bin = join(dir, 'cli.js');

function cli(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

const small = {
  title: 'Small',
  seed: 3,
  data: { generator: 'line', train: 10, test: 10 },
  model: { hidden: [8] },
  training: { optimizer: { type: 'sgd', lr: 0.05 }, epochs: 30 },
  variants: [{ name: 'plain' }, { name: 'decay', regularization: { weightDecay: 0.1 } }],
  sweep: { over: 'regularization.l2', values: [0, 0.01, 0.1], repeats: 2, variants: ['plain'] },
};

before(() => {
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' };
  buildSync({ ...common, entryPoints: [join(root, 'src/cli.ts')], outfile: bin });
  buildSync({ ...common, entryPoints: [join(root, 'src/worker/worker.ts')], outfile: join(dir, 'worker.js') });
  buildSync({ bundle: true, platform: 'browser', format: 'iife', logLevel: 'error', entryPoints: [join(root, 'src/report/page.ts')], outfile: join(dir, 'report-page.js') });
});

describe('reglab run', () => {
  it('trains variants and sweep, prints the table, writes results, CSV and report; exit 0', () => {
    write('small.reglab.json', small);
    const r = cli(['run', 'small.reglab.json', '--out', 'out', '--workers', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Small {2}\(small\.reglab\.json\)/);
    assert.match(r.stdout, /plain .* finished/);
    assert.match(r.stdout, /sweep over L2 λ \(regularization\.l2\):\n {4}plain: lowest mean test loss at (0|0\.01|0\.1): .* over 2 seeds/);
    // The table names the data term and the penalty apart, as the panel and the report do.
    assert.match(r.stdout, /variant +train \(batch mean, train mode\) +penalty +test loss/);
    assert.match(r.stdout, /\): \d+ runs done\n/);
    const folder = join(dir, 'out', 'small');
    const files = readdirSync(folder);
    const json = files.find((f) => f.endsWith('.json'))!;
    const results = readResults(join(folder, json));
    assert.equal(results.runs.length, 2 + 3 * 2);
    assert.ok(results.runs.every((run) => run.status === 'finished' && run.metrics.length === 30));
    assert.equal(results.sweep.length, 3);
    const csv = readFileSync(join(folder, json.replace(/\.json$/, '.csv')), 'utf8').trim().split('\n');
    assert.equal(csv.length, 1 + 8 * 30);
    assert.match(readFileSync(join(dir, 'out', 'report.html'), 'utf8'), /<!doctype html>/i);
  });

  it('--json prints a summary on stdout: per run status and final metrics, the sweep table and its choice; --full everything', () => {
    write('small.reglab.json', small);
    const r = cli(['run', 'small.reglab.json', '--json', '--no-report', '--out=out-json']);
    assert.equal(r.code, 0, r.stderr);
    const [summary] = JSON.parse(r.stdout);
    assert.deepEqual(summary.runs.filter((run: { sweepValue?: number }) => run.sweepValue === undefined).map((run: { variant: string }) => run.variant), ['plain', 'decay']);
    assert.equal(summary.runs.length, 2 + 3 * 2);
    for (const run of summary.runs) {
      assert.equal(run.status, 'finished');
      assert.equal(run.final.epoch, 30);
      assert.equal(typeof run.final.testLoss, 'number');
      assert.equal(run.metrics, undefined, 'no curves in the summary');
    }
    assert.deepEqual(summary.counts, { total: 8, queued: 0, running: 0, finished: 8, stopped: 0, diverged: 0, failed: 0 });
    assert.deepEqual(summary.sweep.map((p: { value: number; repeats: number }) => [p.value, p.repeats]), [[0, 2], [0.01, 2], [0.1, 2]]);
    const best = summary.sweep.reduce((a: { testLoss: { mean: number } }, b: { testLoss: { mean: number } }) => (b.testLoss.mean < a.testLoss.mean ? b : a));
    assert.deepEqual(summary.chosen.map((c: { variant: string; value: number; testLoss: number; final: boolean; on: string }) => [c.variant, c.value, c.testLoss, c.final, c.on]), [
      ['plain', best.value, best.testLoss.mean, true, 'test'],
    ]);
    assert.equal(summary.chosen[0].oneSe, undefined, 'no λ_1se without validation data');
    assert.ok(readResults(resolve(dir, summary.resultsFile)).runs.every((run) => run.metrics.length === 30), 'the curves are in the results file it names');
    // The table goes nowhere near stdout.
    assert.doesNotMatch(r.stdout, /variant +train/);

    const full = cli(['run', 'small.reglab.json', '--json', '--full', '--no-sweep', '--no-report', '--out', 'out-json']);
    assert.equal(full.code, 0, full.stderr);
    assert.ok(JSON.parse(full.stdout)[0].runs.every((run: { metrics: unknown[] }) => run.metrics.length === 30));
  });

  it('with data.folds the sweep is chosen on validation: λ_min and λ_1se with their test losses, in the table and the results file', () => {
    write('cv.reglab.json', {
      ...small,
      title: 'CV',
      data: { generator: 'line', train: 12, test: 10, folds: 3 },
      variants: [],
      sweep: { over: 'regularization.weightDecay', values: [0, 0.01, 0.1, 1], repeats: 1 },
    });
    const r = cli(['run', 'cv.reglab.json', '--out', 'out-cv', '--no-report']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /base: chosen on the validation loss; the test set only reports the result\n {6}λ_min = [\d.]+: validation [\d.e-]+ ± [\d.e-]+ \(SE over 3 runs\), then test [\d.e-]+/);
    assert.match(r.stdout, /λ_1se = [\d.]+: validation/);
    const folder = join(dir, 'out-cv', 'cv');
    const results = readResults(join(folder, readdirSync(folder).find((f) => f.endsWith('.json'))!));
    assert.equal(results.runs.length, 1 + 4 * 3, 'the base run and 4 values × 3 folds');
    assert.deepEqual(results.runs.filter((run) => run.sweepValue === 0).map((run) => run.fold), [0, 1, 2]);
    const [chosen] = results.chosen!;
    assert.equal(chosen!.on, 'validation');
    assert.ok(chosen!.oneSe!.value >= chosen!.min.value);
    const point = results.sweep.find((p) => p.value === chosen!.min.value)!;
    assert.equal(chosen!.min.validationLoss, point.validationLoss!.mean);
    assert.equal(chosen!.min.testLoss, point.testLoss.mean);
    assert.equal(Math.min(...results.sweep.map((p) => p.validationLoss!.mean)), chosen!.min.validationLoss);
  });

  it('a 2-D grid prints its table of mean losses with the lowest cell starred and each row\'s best dotted; the results file holds every cell and the choice', () => {
    write('grid.reglab.json', {
      ...small,
      title: 'Grid',
      data: { generator: 'line', train: 12, test: 10, validation: 4 },
      variants: [],
      sweep: { over: 'regularization.weightDecay', values: [0, 0.1], grid: { over: 'regularization.dropout', values: [0, 0.5] }, repeats: 1 },
    });
    const r = cli(['run', 'grid.reglab.json', '--out', 'out-grid', '--no-report']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /sweep over weight decay λ \(regularization\.weightDecay\) × dropout p \(regularization\.dropout\):\n {4}base: mean final validation loss per cell \(\* the lowest, • the lowest of its row\)\n {6}weight decay λ ↓ · dropout p → +0 +0\.5\n {6}0 +[*•]?[\d.e-]+ +[*•]?[\d.e-]+\n {6}0\.1 /);
    assert.equal((r.stdout.match(/\*[\d.]/g) ?? []).length, 1, 'one starred cell');
    assert.equal((r.stdout.match(/•[\d.]/g) ?? []).length, 1, 'the other row’s best dotted (the starred cell is its own row’s best)');
    assert.match(r.stdout, /chosen cell = [\d.]+ × [\d.]+: validation/);
    assert.match(r.stdout, /\n {6}These test losses are means over models trained without their validation split; Reglab does not refit the chosen value on the whole training set, as glmnet's cv\.glmnet does\./);
    const folder = join(dir, 'out-grid', 'grid');
    const results = readResults(join(folder, readdirSync(folder).find((f) => f.endsWith('.json'))!));
    assert.equal(results.gridOver, 'regularization.dropout');
    assert.deepEqual(results.sweep.map((p) => [p.value, p.gridValue]), [[0, 0], [0, 0.5], [0.1, 0], [0.1, 0.5]]);
    const best = results.sweep.reduce((a, b) => (b.validationLoss!.mean < a.validationLoss!.mean ? b : a));
    assert.deepEqual([results.chosen![0]!.min.value, results.chosen![0]!.min.gridValue], [best.value, best.gridValue]);
  });

  it('a diverging run makes the exit code 1 and says when and why', () => {
    write('diverge.reglab.json', { ...small, training: { optimizer: { type: 'sgd', lr: 50 }, epochs: 200 }, sweep: undefined });
    const r = cli(['run', 'diverge.reglab.json', '--no-report', '--out', 'out-d']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /diverged at epoch \d+: the loss became (NaN|infinite)\. The usual cause is a learning rate too large/);
  });

  it('a missing CSV column fails the run at its line and column', () => {
    write('houses.csv', 'area,price\n1,2\n2,4\n3,6\n4,8\n5,10\n');
    const file = write('csv.reglab.json', `{
  "title": "CSV",
  "data": { "generator": "csv", "path": "houses.csv", "features": ["area", "rooms"], "target": "price" },
  "training": { "optimizer": { "type": "sgd", "lr": 0.01 }, "epochs": 2 }
}`);
    const r = cli(['run', file, '--no-report', '--out', 'out-c']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /csv\.reglab\.json:3:\d+: .*column "rooms" not found in houses\.csv \(columns: area, price\)/);
  });

  it('escape sequences in a title, a variant name or a data file reach the terminal as text', () => {
    write('escape.csv', 'x,y\n1,2\n2,\x1b[31mred\n3,4\n4,5\n');
    const file = write('escape.reglab.json', {
      title: 'Title \x1b[2J\x1b]0;pwned\x07',
      data: { generator: 'csv', path: 'escape.csv', features: ['x'], target: 'y' },
      training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 2 },
      variants: [{ name: 'v\x1b[1m' }],
    });
    const r = cli(['run', file, '--no-report', '--out', 'out-e']);
    assert.equal(r.code, 1);
    for (const output of [r.stdout, r.stderr]) assert.ok(!/[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(output), JSON.stringify(output));
    assert.match(r.stdout, /Title \\x1b\[2J\\x1b\]0;pwned\\x07/);
    assert.match(r.stdout, /"\\x1b\[31mred" is not a number/);
    assert.match(r.stdout, /v\\x1b\[1m/);
  });

  it('the default results folder is refused when a symbolic link leads it outside the current folder', () => {
    const workspace = join(dir, 'linked');
    mkdirSync(workspace);
    const elsewhere = mkdtempSync(join(dir, 'elsewhere-'));
    symlinkSync(elsewhere, join(workspace, '.reglab'));
    const file = write('linked/small.reglab.json', { ...small, sweep: undefined });
    const r = cli(['run', file, '--no-report'], workspace);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the default results folder \(--out\) "\.reglab\/runs\/small" leads outside the workspace through a symbolic link/);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  it('a named pipe as the CSV fails its run at once, at the path, instead of blocking the CLI', { skip: process.platform === 'win32' }, () => {
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    const file = write('pipe.reglab.json', `{
  "title": "Pipe",
  "data": { "generator": "csv", "path": "pipe.csv", "features": ["x"], "target": "y" },
  "training": { "optimizer": { "type": "sgd", "lr": 0.01 }, "epochs": 2 }
}`);
    const r = cli(['run', file, '--no-report', '--out', 'out-p']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /pipe\.reglab\.json:3:\d+: .*"pipe\.csv" is not a regular file \(it is a named pipe\)/);
  });

  it('Ctrl-C stops a long run: it is cancelled, the results saved, the exit code 1', async () => {
    const file = write('long.reglab.json', { ...small, training: { ...small.training, epochs: 1_000_000 }, sweep: undefined });
    const child = spawn(process.execPath, [bin, 'run', file, '--no-report', '--workers', '1', '--out', 'out-int'], { cwd: dir });
    let stderr = '';
    // Interrupted once the first progress line shows training has started.
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr === '') setTimeout(() => child.kill('SIGINT'), 200);
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    assert.equal(code, 1, stderr);
    assert.equal(readdirSync(join(dir, 'out-int', 'long')).filter((f) => f.endsWith('.json')).length, 1);
  });
});

describe('reglab validate', () => {
  it('accepts a file that starts with a UTF-8 byte order mark, with columns as an editor shows them', () => {
    const file = write('bom.reglab.json', `\uFEFF{ "title": 1, "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } } }`);
    const r = cli(['validate', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bom\.reglab\.json:1:12: title must be a non-empty string, got 1/);
    write('bom.reglab.json', `\uFEFF${JSON.stringify(small)}`);
    assert.equal(cli(['validate', file]).code, 0);
  });


  it('reports every problem of every file with file:line:col, exit 1', () => {
    const bad = write('bad.reglab.json', `{
  "title": "Bad",
  "data": { "generator": "line" },
  "training": { "optimizer": { "type": "sgd", "lr": -0.1, "momentun": 0.9 }, "epochs": 10 }
}`);
    const good = write('good.reglab.json', small);
    const r = cli(['validate', bad, good]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.reglab\.json:4:\d+: training\.optimizer\.lr must be > 0, got -0\.1/);
    assert.match(r.stderr, /bad\.reglab\.json:4:\d+: .*momentun.*did you mean 'momentum'/);
    assert.match(r.stderr, /2 files checked: 2 errors, 0 warnings in 1 invalid file\./);
  });

  it('validate checks the data files as the extension does: a missing CSV column at its place, with the other problems', () => {
    write('houses.csv', 'area,price\n1,2\n2,4\n3,6\n4,8\n5,10\n');
    const file = write('csvcheck.reglab.json', `{
  "$schema": "../schemas/reglab.schema.json",
  "title": "CSV",
  "data": { "generator": "csv", "path": "houses.csv", "features": ["area", "rooms"], "target": "price" },
  "training": { "optimizer": { "type": "sgd", "lr": -0.01 }, "epochs": 2 },
  "sweep": { "over": "regularization.weightDecy", "values": [0, 1] }
}`);
    const r = cli(['validate', file]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0]!, /csvcheck\.reglab\.json:4:\d+: .*column "rooms" not found in houses\.csv \(columns: area, price\)/);
    assert.match(lines[1]!, /csvcheck\.reglab\.json:5:\d+: training\.optimizer\.lr must be > 0, got -0\.01/);
    assert.match(lines[2]!, /csvcheck\.reglab\.json:6:\d+: sweep\.over "regularization\.weightDecy" .*did you mean "regularization\.weightDecay"\?/);
    assert.equal(lines[3], '1 file checked: 3 errors, 0 warnings in 1 invalid file.');
    assert.doesNotMatch(r.stderr, /\$schema/, 'the $schema key is accepted');
  });

  it('--version, --help on every command, --key=value and --key value', () => {
    const version = cli(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    for (const command of ['run', 'validate', 'export-pytorch']) {
      for (const help of ['--help', '-h']) {
        const r = cli([command, help]);
        assert.equal(r.code, 0, `${command} ${help}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^Usage:\\n  reglab ${command} FILE\\|DIR\\.\\.\\.`));
      }
    }
    assert.match(cli(['--help']).stdout, /reglab run[\s\S]*reglab validate[\s\S]*reglab export-pytorch[\s\S]*--version/);
    write('small.reglab.json', small);
    assert.equal(cli(['validate', 'small.reglab.json', '--workers=2']).code, 0);
    assert.equal(cli(['validate', '--workers', '2', 'small.reglab.json']).code, 0);
  });

  it('usage errors exit 2, name the unknown option or command with a suggestion and the command\'s synopsis', () => {
    const command = cli(['train', 'x']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /unknown command "train"[\s\S]*Usage:/);
    const typo = cli(['run', 'x.reglab.json', '--wrkers=2']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /^reglab: unknown option --wrkers for run; did you mean --workers\?\n\nUsage: reglab run FILE\|DIR\.\.\./);
    assert.match(typo.stderr, /reglab run --help explains each option/);
    const missing = cli(['run', 'x.reglab.json', '--out']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Option '--out <value>' argument missing/);
    assert.match(cli(['run', 'x.reglab.json', '--workers=0']).stderr, /--workers must be a positive integer, got 0/);
    assert.match(cli(['validate']).stderr, /validate needs at least one experiment file or folder/);
    assert.match(cli(['run', 'x.reglab.json', '--full']).stderr, /--full goes with --json/);
  });
});

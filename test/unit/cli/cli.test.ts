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
    assert.match(r.stdout, /variant +train \(data term\) +penalty +test loss/);
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

  it('--json prints the results on stdout', () => {
    write('small.reglab.json', small);
    const r = cli(['run', 'small.reglab.json', '--json', '--no-sweep', '--no-report', '--out', 'out-json']);
    assert.equal(r.code, 0, r.stderr);
    const parsed = JSON.parse(r.stdout);
    assert.deepEqual(parsed[0].runs.map((run: { variant: string }) => run.variant), ['plain', 'decay']);
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

  it('usage errors exit 2 with the usage text', () => {
    const r = cli(['train', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "train"[\s\S]*Usage:/);
  });
});

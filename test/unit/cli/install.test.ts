// The CLI installs anywhere: the package `npm pack` makes from the build, installed into an
// empty folder outside the repository (no node_modules of ours to lean on, nothing fetched),
// runs a lesson with `npx reglab run`: it trains, prints the table and writes the report.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const BUILT = ['dist/cli.js', 'dist/worker.js', 'dist/report-page.js', 'dist/chart.umd.js'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const home = mkdtempSync(join(tmpdir(), 'reglab-install-'));
const app = join(home, 'app');

function run(command: string, args: string[], cwd: string) {
  // Without the outer npm's npm_* variables (npm test passes them down), as a user's shell has it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

let tarball = '';

before(() => {
  // `npm test` builds before the unit tests; run alone, this test builds what it packs.
  if (!BUILT.every((file) => existsSync(join(root, file)))) {
    const build = run(npm, ['run', 'build'], root);
    assert.equal(build.code, 0, build.stderr);
  }
  const pack = run(npm, ['pack', '--ignore-scripts', '--pack-destination', home], root);
  assert.equal(pack.code, 0, pack.stderr);
  tarball = join(home, pack.stdout.trim().split('\n').pop()!);
  assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'newcomer', private: true }));
  const install = run(npm, ['install', tarball, '--offline', '--no-audit', '--no-fund'], app);
  assert.equal(install.code, 0, `${install.stdout}\n${install.stderr}`);
});

after(() => rmSync(home, { recursive: true, force: true }));

describe('the packed CLI, installed into an empty folder', () => {
  it('holds the CLI, its worker, the report page, Chart.js, the schema, the lessons and the bundled digits, and nothing else', () => {
    const list = run('tar', ['tzf', tarball], home);
    assert.equal(list.code, 0, list.stderr);
    const files = list.stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    const lessons = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.reglab.json')).map((f) => `examples/${f}`);
    const digits = readdirSync(join(root, 'data/mnist-10k')).map((f) => `data/mnist-10k/${f}`);
    assert.equal(digits.length, 4);
    assert.deepEqual(files, [...BUILT, 'LICENSE', 'README.md', 'examples/README.md', ...lessons, ...digits, 'package.json', 'schemas/reglab.schema.json'].sort());
    assert.ok(!/sourceMappingURL/.test(readFileSync(join(app, 'node_modules/reglab/dist/chart.umd.js'), 'utf8')), 'no link to a map that is not shipped');
  });

  it('npx reglab --version and reglab run --help exit 0', () => {
    const version = run('npx', ['--offline', 'reglab', '--version'], app);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const help = run('npx', ['--offline', 'reglab', 'run', '--help'], app);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /reglab run FILE\|DIR\.\.\./);
  });

  it('npx reglab run trains a lesson, prints the table, writes results and a report with Chart.js inside', () => {
    copyFileSync(join(root, 'examples/02-dropout.reglab.json'), join(app, 'lesson.reglab.json'));
    const r = run('npx', ['--offline', 'reglab', 'run', 'lesson.reglab.json', '--workers', '2'], app);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Dropout against overfitting {2}\(lesson\.reglab\.json\): 2 runs done/);
    assert.match(r.stdout, /variant +train \(batch mean, train mode\) +(train \(eval mode, full set\) +)?penalty +test loss/);
    assert.match(r.stdout, /Report: \.reglab\/runs\/report\.html/);
    const report = readFileSync(join(app, '.reglab/runs/report.html'), 'utf8');
    assert.match(report, /Chart\.js v4/, 'Chart.js is inlined');
    assert.ok(readdirSync(join(app, '.reglab/runs/lesson')).some((f) => f.endsWith('.json')));
  });

  it('npx reglab run finds the bundled digits: "generator": "mnist" without files trains on real digits', () => {
    const experiment = {
      title: 'Bundled digits',
      data: { generator: 'mnist', limitTrain: 200, limitTest: 100 },
      model: { hidden: [16] },
      training: { loss: 'cross_entropy', optimizer: { type: 'adam', lr: 0.01 }, epochs: 2, batchSize: 20 },
    };
    writeFileSync(join(app, 'digits.reglab.json'), JSON.stringify(experiment));
    const r = run('npx', ['--offline', 'reglab', 'run', 'digits.reglab.json', '--workers', '1'], app);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /Bundled digits {2}\(digits\.reglab\.json\): 1 run done/);
  });
});

// `reglab export-pytorch`: arguments, files written, errors located; and the script it
// writes run on its own, as a user runs it: `python3 script.py --exact … --plot …`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { parseArgs, UsageError } from '../../../src/cli/args.ts';
import { exportPytorchCommand } from '../../../src/export/cli-command.ts';
import { printedEpochs, requireTorch, tempDir } from './helpers.ts';

const dir = tempDir('export-cli');
const EXPERIMENT = {
  title: 'A tiny run',
  seed: 2,
  data: { generator: 'sine', train: 12, test: 12 },
  model: { hidden: [8], activation: 'tanh' },
  training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 5, batchSize: 4 },
  variants: [{ name: 'plain' }, { name: 'dropout', regularization: { dropout: 0.2 } }],
};
const file = join(dir, 'tiny.reglab.json');
writeFileSync(file, JSON.stringify(EXPERIMENT));

/** Runs the command with console output captured, its arguments parsed as the CLI does (usage errors: exit code 2). */
async function command(t: TestContext, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  t.mock.method(console, 'log', (...a: unknown[]) => out.push(a.join(' ')));
  t.mock.method(console, 'error', (...a: unknown[]) => err.push(a.join(' ')));
  let code: number;
  try {
    const parsed = parseArgs(['export-pytorch', ...args]);
    if (parsed.command === 'help') console.log(parsed.text);
    code = parsed.command === 'export-pytorch' ? await exportPytorchCommand(parsed) : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    code = 2;
  }
  t.mock.restoreAll();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reglab export-pytorch', () => {
  it('usage: --help, and exit code 2 for bad arguments', async (t) => {
    const help = await command(t, '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /reglab export-pytorch FILE\|DIR\.\.\. \[--variant NAME\] \[--out DIR\] \[--exact\]/);
    assert.equal((await command(t)).code, 2);
    const unknown = await command(t, file, '--frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown option --frobnicate/);
    assert.match((await command(t, file, '--out')).err, /Option '--out <value>' argument missing/);
  });

  it('writes the script, and with --exact the saved numbers, into --out', async (t) => {
    const out = join(dir, 'out');
    const { code, out: printed } = await command(t, file, '--out', out, '--exact');
    assert.equal(code, 0);
    assert.ok(existsSync(join(out, 'tiny.py')) && existsSync(join(out, 'tiny.exact.json')));
    assert.match(printed, /tiny\.reglab\.json → .*tiny\.py and .*tiny\.exact\.json/);
    assert.match(printed, /run it: python3 .*tiny\.py --exact .*tiny\.exact\.json/);
  });

  it('beside the file by default; a folder means each experiment in it; --variant picks one', async (t) => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.reglab.json'), JSON.stringify(EXPERIMENT));
    const { code } = await command(t, folder, '--variant', 'dropout');
    assert.equal(code, 0);
    const script = readFileSync(join(folder, 'a-dropout.py'), 'utf8');
    assert.match(script, /"dropout": Settings\(\)/);
    assert.ok(!script.includes('"plain"'));
  });

  it('a file with errors is reported where they are and not exported (exit code 1)', async (t) => {
    const bad = join(dir, 'bad.reglab.json');
    writeFileSync(bad, '{ "title": "bad", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": -1 } } }');
    const { code, err } = await command(t, bad);
    assert.equal(code, 1);
    assert.match(err, /bad\.reglab\.json:1:\d+: .*lr/);
    assert.match(err, /not exported, the file has errors/);
    assert.ok(!existsSync(join(dir, 'bad.py')));
    const unknown = await command(t, file, '--variant', 'nope', '--out', join(dir, 'nope'));
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /cannot export: no variant named "nope"/);
  });

  it('the script runs on its own: python3 tiny.py --exact tiny.exact.json --plot losses.png', async (t) => {
    const python = requireTorch(t);
    if (python === null) return;
    const out = join(dir, 'run');
    assert.equal((await command(t, file, '--out', out, '--exact')).code, 0);
    const ran = spawnSync(python, ['tiny.py', '--exact', 'tiny.exact.json', '--plot', 'losses.png'], { cwd: out, encoding: 'utf8', timeout: 300_000 });
    assert.equal(ran.status, 0, ran.stderr);
    const runs = printedEpochs(ran.stdout);
    assert.deepEqual([...runs.keys()], ['plain', 'dropout']);
    for (const epochs of runs.values()) assert.deepEqual(epochs.map((e) => e.epoch), [1, 2, 3, 4, 5]);
    assert.match(ran.stdout, /^plain: final train loss \S+, test loss \S+$/m);
    // matplotlib is optional: the plot is saved when it is there, and the script says what is missing otherwise.
    assert.ok(existsSync(join(out, 'losses.png')) || /--plot needs matplotlib/.test(ran.stdout), ran.stdout.slice(-500));
  });
});

// What the exported script says, without running it: the key lines of a small experiment's
// script (a golden check of what matters, not of every character), nothing emitted that
// the experiment does not use, Python literals that read back exactly, and clear errors
// for what cannot be exported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { foldAssignment, holdOutIndices } from '../../../src/data/index.ts';
import { deriveSeed } from '../../../src/experiment/train/seeds.ts';
import { exportPytorch, writePytorchExport } from '../../../src/export/index.ts';
import { call, docstring, pyFloat, pyValue } from '../../../src/export/python.ts';
import { logspace } from '../../../src/experiment/sweepValues.ts';
import { valueText, valueTexts } from '../../../src/results/valueText.ts';
import { DROPOUT, EXPERIMENTS, SOURCES, sourceExperiment, writeDataFiles } from './experiments.ts';
import { parseFile, tempDir } from './helpers.ts';

const dir = tempDir('export-text');

function exported(name: string, file: Record<string, unknown>, options: Parameters<typeof exportPytorch>[2] = {}) {
  const path = join(dir, `${name}.reglab.json`);
  writeFileSync(path, JSON.stringify(file));
  return exportPytorch(parseFile(path), path, options);
}

const SMALL = {
  title: 'Weight decay on a small regression',
  description: 'Two variants of a 1-16-16-1 MLP.',
  seed: 1,
  data: { generator: 'line', train: 10, test: 10, slope: 1.5, intercept: 0.5, trainNoise: 0.5, testNoise: 0.3 },
  model: { hidden: [16, 16] },
  training: { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 }, epochs: 50 },
  regularization: { applyTo: 'weights' },
  variants: [
    { name: 'no weight decay', description: 'Plain SGD with momentum.' },
    { name: 'weight decay', regularization: { weightDecay: 0.01 } },
    { name: 'L2 penalty', regularization: { l2: 0.005 } },
  ],
};

describe('PyTorch export: the script text', () => {
  it('reads like hand-written PyTorch: the key lines of a small experiment', () => {
    const { scriptName, script, dataFiles } = exported('small', SMALL);
    assert.equal(scriptName, 'small.py');
    assert.deepEqual(dataFiles, []);
    const expected = [
      '"""Weight decay on a small regression',
      'Two variants of a 1-16-16-1 MLP.',
      '    python3 small.py',
      'import argparse\nimport math\nfrom dataclasses import dataclass\n\nimport torch\nfrom torch import nn\n',
      '@dataclass(frozen=True)\nclass Settings:',
      '    seed: int = 1  # seeds the data, the initial weights, the shuffling and dropout',
      '    x: tuple = (-1.0, 1.0)  # the input range (low, high)',
      '    slope: float = 1.5  # y = slope·x + intercept',
      '    lr: float = 0.01  # learning rate',
      '    momentum: float = 0.9  # momentum',
      '    epochs: int = 50  # passes over the training set',
      '    l2: float = 0.0  # λ of the L2 penalty λ·Σw² (no ½)',
      "    weight_decay: float = 0.0  # the optimizer's weight_decay",
      'VARIANTS = {\n    # Plain SGD with momentum.\n    "no weight decay": Settings(),\n    "weight decay": Settings(weight_decay=0.01),\n    "L2 penalty": Settings(l2=0.005),\n}',
      '    x_train = torch.linspace(low, high, s.train).unsqueeze(1)',
      '    y_train = truth(x_train) + s.train_noise * torch.randn(s.train, 1)',
      'def make_model():\n    """An MLP 1-16-16-1 with nn.ReLU, PyTorch\'s default initialisation."""\n    return nn.Sequential(\n' +
        '        nn.Linear(1, 16), nn.ReLU(),\n        nn.Linear(16, 16), nn.ReLU(),\n        nn.Linear(16, 1),\n    )',
      'def penalty(params, s):',
      '    l2 = sum(p.pow(2).sum() for p in params)\n    return s.l2 * l2',
      '    torch.manual_seed(s.seed)\n    x_train, y_train, x_test, y_test = make_data(s)\n    model = make_model()',
      '    weights = [p for key, p in model.named_parameters() if key.endswith("weight")]',
      '    biases = [p for key, p in model.named_parameters() if key.endswith("bias")]',
      '    regularized = weights  # penalties leave the biases alone (applyTo "weights")',
      '    params = [{"params": weights}, {"params": biases, "weight_decay": 0.0}]',
      '    optimizer = torch.optim.SGD(\n        params, lr=s.lr, momentum=s.momentum, weight_decay=s.weight_decay\n    )',
      '    criterion = nn.MSELoss()',
      '    batches = [(x_train, y_train)]  # full batch: the whole training set in every step',
      '            optimizer.zero_grad()\n            data_loss = criterion(model(x), y)\n            reg = penalty(regularized, s)\n' +
        '            loss = data_loss + reg\n            loss.backward()\n            optimizer.step()',
      '    model.eval()\n    output = model(x_test)',
      'if __name__ == "__main__":\n    main()\n',
    ];
    for (const text of expected) assert.ok(script.includes(text), `the script lacks:\n${text}\n\n--- script ---\n${script}`);
  });

  it('emits only what the experiment uses', () => {
    const { script } = exported('small', SMALL);
    for (const absent of ['DataLoader', 'Dropout', 'proximal', 'softshrink', 'max_norm', 'import json', 'class Saved', 'saved', 'statistics', 'replace', 'Optional', 's.l1', 'l1 = ', 'elastic', 'Adam', 'early', 'accuracy', 'saved']) {
      assert.ok(!script.includes(absent), `the script mentions ${absent}`);
    }
    const lines = script.split('\n');
    const long = lines.filter((l) => l.length > 88);
    assert.deepEqual(long, [], 'lines longer than 88 columns');
  });

  it('exact mode adds the saved numbers and their loader, and nothing else changes the training code', () => {
    const plain = exported('small', SMALL).script;
    const { script, dataFiles } = exported('small', SMALL, { exact: true });
    assert.equal(dataFiles.length, 1);
    assert.equal(dataFiles[0]!.name, 'small.exact.json');
    const saved = JSON.parse(dataFiles[0]!.content);
    assert.deepEqual(Object.keys(saved.variants), ['no weight decay', 'weight decay', 'L2 penalty']);
    assert.equal(saved.data.length, 1, 'one data set for the three variants of one seed');
    assert.equal(saved.init.length, 1, 'and one set of initial weights');
    assert.equal(saved.shuffle, undefined, 'full batches need no orders');
    assert.deepEqual(Object.keys(saved.init[0]), ['0.weight', '0.bias', '2.weight', '2.bias', '4.weight', '4.bias']);
    assert.match(script, /parser\.add_argument\(\s*"--exact"/);
    assert.match(script, /model\.load_state_dict\(\{k: torch\.tensor\(v\) for k, v in saved\["init"\]\.items\(\)\}\)/);
    const loop = (s: string) => s.slice(s.indexOf('    history = []'), s.indexOf('return model, history, history[-1]'));
    assert.equal(loop(script), loop(plain));
  });

  it("exact mode with dropout: the seed of Reglab's mask generator, and the generator in numpy", () => {
    assert.ok(!exported('small', SMALL, { exact: true }).script.includes('numpy'), 'no dropout, no generator');
    const { script, dataFiles } = exported('dropout', DROPOUT, { exact: true });
    const saved = JSON.parse(dataFiles[0]!.content);
    assert.equal(saved.dropout.length, 1, 'one generator seed for the one seed of the variants');
    const refs = Object.values(saved.variants).map((r) => (r as { dropout?: number }).dropout);
    assert.ok(refs.includes(0) && refs.every((r) => r === 0 || r === undefined), `dropout refs ${refs}`);
    assert.ok(Number.isInteger(saved.dropout[0]) && saved.dropout[0] >= 0 && saved.dropout[0] < 2 ** 32);
    assert.ok(script.includes('import numpy as np'));
    assert.ok(script.includes('class Mulberry32:') && script.includes('class ReglabDropout(nn.Dropout):'));
    assert.ok(script.includes('            replay_dropout(model, saved["dropout"])'));
  });

  it('shuffled minibatches: a DataLoader, and in exact mode the saved order of every epoch', () => {
    const { script, dataFiles } = exported('batches', { ...SMALL, training: { ...SMALL.training, batchSize: 4 } }, { exact: true });
    assert.ok(script.includes('        batches = DataLoader(train_set, batch_size=s.batch_size, shuffle=True)'));
    assert.ok(script.includes('        batches = DataLoader(train_set, batch_size=s.batch_size, sampler=order)'));
    const saved = JSON.parse(dataFiles[0]!.content);
    assert.equal(saved.shuffle.length, 1);
    assert.equal(saved.shuffle[0].length, 50, 'one order per epoch');
    assert.deepEqual([...saved.shuffle[0][0]].sort((a: number, b: number) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('testAt "train": the test x are the train x, with their own noise', () => {
    const { script } = exported('at-train', { ...SMALL, data: { ...SMALL.data, testAt: 'train' } });
    assert.ok(script.includes('    x_test = x_train.clone()\n    y_test = truth(x_test) + s.test_noise * torch.randn(len(x_test), 1)'));
    assert.doesNotMatch(script, /^    test: int/m, 'no test count among the settings');
    assert.match(exported('random', SMALL).script, /^    test: int = 10/m);
  });

  it("the normal init: biases at 0, or drawn like the weights as d2l's param.data.normal_()", () => {
    const linear = { ...SMALL, model: { hidden: [], init: 'normal', initStd: 1 }, variants: [] };
    const zeros = exported('init-zeros', linear).script;
    assert.ok(zeros.includes('            nn.init.normal_(layer.weight, std=s.init_std)\n            nn.init.zeros_(layer.bias)'));
    const d2l = exported('init-d2l', { ...linear, model: { ...linear.model, initBias: 'normal' } }).script;
    assert.ok(d2l.includes('            nn.init.normal_(layer.bias, std=s.init_std)  # d2l: param.data.normal_()'));
    assert.ok(!d2l.includes('zeros_'));
    const both = exported('init-both', { ...linear, variants: [{ name: 'zeros' }, { name: 'd2l', model: { initBias: 'normal' } }] }).script;
    assert.ok(both.includes('            if s.init_bias == "normal":\n                nn.init.normal_(layer.bias, std=s.init_std)\n            else:\n                nn.init.zeros_(layer.bias)'));
    assert.ok(both.includes('"d2l": Settings(init_bias="normal")'));
  });

  it('a sweep: its values, repeats and the replace() of the swept setting', () => {
    const file = { ...SMALL, sweep: { over: 'regularization.weightDecay', values: [0, 1e-5, 0.1], repeats: 3, variants: ['weight decay'] } };
    const { script } = exported('sweep', file);
    assert.ok(script.includes('SWEEP_VALUES = [0.0, 1e-05, 0.1]\nSWEEP_REPEATS = 3\nSWEPT_VARIANTS = ["weight decay"]'));
    assert.ok(script.includes('                s = replace(base, weight_decay=value, seed=base.seed + repeat)'));
    assert.ok(script.includes('from dataclasses import dataclass, replace'));
  });

  it('swept values print as the CLI prints them (2.512), and train with every digit (2.51188643151)', () => {
    const file = { ...SMALL, sweep: { over: 'regularization.weightDecay', logspace: { from: 0.01, to: 100, count: 11 }, repeats: 1, variants: ['weight decay'] } };
    const { script } = exported('logspace', file);
    const values = logspace(0.01, 100, 11);
    assert.equal(values[6], 2.51188643151);
    assert.ok(script.includes('2.51188643151,') && script.includes('SWEEP_VALUES = ['), 'the runs train with the full value');
    const texts = values.map((v) => valueText(v));
    assert.deepEqual(texts.slice(5, 8), ['1', '2.512', '6.31']);
    const dict = /VALUE_TEXT = \{([^}]*)\}/.exec(script)![1]!;
    for (const [i, v] of values.entries()) assert.ok(dict.includes(`${pyFloat(v)}: "${texts[i]}"`), `${v} → ${texts[i]}`);
    assert.ok(script.includes('label = f"{name} weight_decay={VALUE_TEXT[value]}"'), 'the run labels');
    assert.ok(script.includes('f"[{name}] weight_decay={VALUE_TEXT[value]}: "'), 'the sweep table');
    assert.ok(!/\{(value|grid_value|g)!r/.test(script), 'no value printed by repr');
    // Two values the same to four digits: as many digits as tell them apart, so run labels stay distinct.
    const close = exported('close', { ...SMALL, sweep: { over: 'regularization.weightDecay', values: [1.0001, 1.0002, 2], variants: ['weight decay'] } }).script;
    assert.ok(close.includes('VALUE_TEXT = {1.0001: "1.0001", 1.0002: "1.0002", 2.0: "2"}'), close.slice(close.indexOf('VALUE_TEXT'), close.indexOf('VALUE_TEXT') + 80));
    assert.deepEqual(valueTexts([1.0001, 1.0002, 2]), ['1.0001', '1.0002', '2']);
  });

  it('cross-validation: Reglab\'s folds per seed, a run per fold, the validation loss, λ_min and λ_1se', () => {
    const file = { ...SMALL, data: { ...SMALL.data, folds: 3 }, sweep: { over: 'regularization.weightDecay', values: [0, 0.1], repeats: 2 } };
    const { script } = exported('cv', file, { exact: true });
    // The folds Reglab draws for the run seeds 1 and 2 (its holdout stream), written as they are.
    for (const seed of [1, 2]) {
      const folds = Array.from(foldAssignment(SMALL.data.train, 3, deriveSeed(seed, 'holdout')));
      const written = new RegExp(`\\n    \\(${seed}, ${SMALL.data.train}\\): \\[\\n([\\d, \\n]+)\\n    \\],`).exec(script);
      assert.ok(written, `FOLD_OF[${seed}]`);
      assert.deepEqual(written[1]!.split(',').map((v) => v.trim()).filter((v) => v !== '').map(Number), folds);
    }
    assert.ok(script.includes('FOLDS = 3\n'));
    assert.ok(script.includes('    (x_train, y_train), (x_val, y_val) = hold_out(x_train, y_train, s.seed, fold)'));
    assert.ok(script.includes('        validation_loss=criterion(model(x_val), y_val).item(),'));
    assert.ok(script.includes('                for fold in range(FOLDS):'));
    assert.ok(script.includes('                    trained[label], _, final = run(label, s, run_saved, fold)'));
    assert.ok(script.includes('        return self.run(self.file["sweep"][name][value_index][repeat][fold])'));
    assert.ok(script.includes('("λ_min", best), ("λ_1se", one_se)'), 'weight decay: larger is simpler, so λ_1se');
    const held = exported('held', { ...SMALL, data: { ...SMALL.data, validation: 0.25 } }).script;
    const indices = holdOutIndices(SMALL.data.train, { validation: 0.25 }, deriveSeed(1, 'holdout'))!.validation;
    assert.ok(held.includes(`VALIDATION_SAMPLES = {\n    (1, 10): [\n        ${indices.join(', ')},\n    ],\n}`), 'the held-out indices');
    assert.ok(held.includes('    held[VALIDATION_SAMPLES[seed, len(x)]] = True'));
    assert.ok(held.includes('    (x_train, y_train), (x_val, y_val) = hold_out(x_train, y_train, s.seed)\n'));
    assert.ok(held.includes('def run(name, s):'), 'no fold to choose');
    assert.ok(!held.includes('def choose'), 'no sweep, no choice');
    const lr = exported('cv-lr', { ...file, sweep: { over: 'training.optimizer.lr', values: [0.01, 0.1] } }).script;
    assert.ok(lr.includes('[("λ_min", best)]:') && !lr.includes('one_se'), 'no λ_1se for a learning rate');
    // A learning curve: each training-set size has folds of its own (per seed and size).
    const curve = exported('cv-train', { ...file, sweep: { over: 'data.train', values: [10, 16] } }).script;
    assert.ok(curve.includes('    (1, 10): [') && curve.includes('    (1, 16): ['));
    // Early stopping watches the validation loss, as Reglab's does when there is one.
    const early = exported('cv-early', { ...file, regularization: { ...SMALL.regularization, earlyStopping: { patience: 5 } } }).script;
    assert.ok(early.includes('        loss = m["validation_loss"]'));
  });

  it('width sweeps: every hidden layer, or layer N alone, built per value', () => {
    const all = exported('width', { ...SMALL, sweep: { over: 'model.hidden', values: [4, 8] } }).script;
    assert.ok(all.includes('# The sweep: the width of every hidden layer takes each of SWEEP_VALUES'));
    assert.ok(all.includes('SWEEP_VALUES = [4, 8]\n'));
    assert.ok(all.includes('            hidden = (value,) * len(base.hidden)  # every hidden layer this wide\n            s = replace(base, hidden=hidden)'));
    assert.ok(all.includes('    for size in s.hidden:'), 'the model reads its sizes from the settings');
    const one = exported('width-1', { ...SMALL, sweep: { over: 'model.hidden.1', values: [2, 3], repeats: 2 } }).script;
    assert.ok(one.includes('                hidden = base.hidden[:1] + (value,) + base.hidden[2:]  # layer 1'));
    assert.ok(one.includes('                s = replace(base, hidden=hidden, seed=base.seed + repeat)'));
    assert.ok(one.includes('label = f"{name} hidden_1={VALUE_TEXT[value]} #{repeat}"'));
  });

  it('2-D grids: both fields looped over, a cell per point, the grid table, the chosen cell', () => {
    const file = { ...SMALL, sweep: { over: 'regularization.weightDecay', values: [0, 0.1], grid: { over: 'training.optimizer.lr', values: [0.01, 0.1] } } };
    const { script } = exported('grid', file, { exact: true });
    assert.ok(script.includes('SWEEP_VALUES = [0.0, 0.1]\n# A 2-D grid: every value of SWEEP_VALUES with every value of GRID_VALUES,'));
    assert.ok(script.includes('GRID_VALUES = [0.01, 0.1]\n'));
    assert.ok(script.includes('            for j, grid_value in enumerate(GRID_VALUES):'));
    assert.ok(script.includes('                s = replace(base, weight_decay=value, lr=grid_value)'));
    assert.ok(script.includes('                cell = f"weight_decay={VALUE_TEXT[value]} lr={VALUE_TEXT[grid_value]}"'));
    assert.ok(script.includes('VALUE_TEXT = {0.0: "0", 0.1: "0.1", 0.01: "0.01"}'), 'one text per value of either field');
    assert.ok(script.includes('                run_saved = saved.sweep(name, i, j, 0) if saved else None'));
    assert.ok(script.includes('            points.append((name, (value, grid_value), finals))'));
    assert.ok(script.includes('    grid_table(points)') && script.includes('mean final test loss per cell'), 'the test loss without validation data');
    assert.ok(!script.includes('def choose'));
    const cv = exported('grid-cv', { ...file, data: { ...SMALL.data, folds: 2 } }).script;
    assert.ok(cv.includes('mean final validation loss per cell') && cv.includes('[("chosen cell", best)]:'), 'a grid\'s cell: no λ_1se');
    assert.ok(cv.includes('            shown = f"{VALUE_TEXT[value[0]]} × {VALUE_TEXT[value[1]]}"'), 'the chosen cell printed as the CLI prints it: 0.1 × 0.01');
  });

  it('a file without variants is the one run "base"; a variant alone gets its own script name', () => {
    const { variants: _variants, ...base } = SMALL;
    assert.ok(exported('base', base).script.includes('VARIANTS = {\n    "base": Settings(),\n}'));
    const one = exported('small', SMALL, { variant: 'weight decay' });
    assert.equal(one.scriptName, 'small-weight-decay.py');
    assert.ok(one.script.includes('    "weight decay": Settings(weight_decay=0.01),\n}'));
  });

  it('says what cannot be exported', () => {
    assert.throws(() => exported('small', SMALL, { variant: 'nope' }), /no variant named "nope"/);
    const mixed = { ...SMALL, variants: [{ name: 'line' }, { name: 'sine', data: { generator: 'sine' } }] };
    assert.throws(() => exported('mixed', mixed), /different data generators \(line, sine\).*--variant/);
    const held = { ...SMALL, variants: [{ name: 'cv', data: { folds: 5 } }, { name: 'all' }] };
    assert.throws(() => exported('held-mixed', held), /hold out different validation data.*--variant/);
  });
});

/**
 * What a script defines but never uses: imported names, Settings fields no code reads,
 * top-level functions and classes nobody calls. (A pyflakes-like check, without pyflakes.)
 */
function unused(script: string): string[] {
  const found: string[] = [];
  const uses = (name: string, except: RegExp) => new RegExp(`\\b${name}\\b`).test(script.replace(except, ''));
  for (const m of script.matchAll(/^(?:from \S+ )?import (.+)$/gm)) {
    for (const part of m[1]!.split(', ')) {
      const name = part.includes(' as ') ? part.split(' as ')[1]! : part.split('.')[0]!;
      if (!uses(name, new RegExp(`^${m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'))) found.push(`import ${name}`);
    }
  }
  const settings = script.slice(script.indexOf('class Settings:'), script.indexOf('\nVARIANTS'));
  for (const m of settings.matchAll(/^ {4}(\w+): /gm)) {
    if (!new RegExp(`\\.${m[1]}\\b|\\b${m[1]}=value`).test(script)) found.push(`setting ${m[1]}`);
  }
  for (const m of script.matchAll(/^(?:def|class) (\w+)/gm)) {
    if (m[1] !== 'main' && m[1] !== 'Settings' && (script.match(new RegExp(`\\b${m[1]}\\b`, 'g')) ?? []).length < 2) found.push(`${m[1]}`);
  }
  return found;
}

describe('PyTorch export: every script', () => {
  const dir = tempDir('export-all');
  writeDataFiles(dir);
  const files: [string, Record<string, unknown>][] = [
    ['small', SMALL],
    ...EXPERIMENTS.map(({ name, file }): [string, Record<string, unknown>] => [name, file]),
    ['dropout', DROPOUT],
    ...SOURCES.map(({ name, data }): [string, Record<string, unknown>] => [`data-${name}`, sourceExperiment(name, data)]),
  ];
  const examples = join(import.meta.dirname, '../../../examples');
  const paths = [
    ...files.map(([name, content]) => {
      const path = join(dir, `${name}.reglab.json`);
      writeFileSync(path, JSON.stringify(content));
      return path;
    }),
    ...(existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith('.reglab.json')).map((f) => join(examples, f)) : []),
  ];

  it('the unused-code check finds unused imports, settings and functions', () => {
    const script = [
      'import json\nimport math\nfrom torch import nn\n',
      'class Settings:\n    lr: float = 0.1\n    l2: float = 0.0\n\nVARIANTS = {}\n',
      'def helper():\n    return math.pi\n\ndef main():\n    print(nn, s.lr)\n',
    ].join('');
    assert.deepEqual(unused(script), ['import json', 'setting l2', 'helper']);
  });

  it('defines nothing it does not use, within 88 columns, with and without exact mode', () => {
    for (const path of paths) {
      for (const exact of [false, true]) {
        const { script } = exportPytorch(parseFile(path), path, { exact, outDir: dir });
        assert.deepEqual(unused(script), [], `${path}${exact ? ' (exact)' : ''}: unused`);
        const long = script.split('\n').filter((l) => l.length > 88 && !l.startsWith('    python3 '));
        assert.deepEqual(long, [], `${path}: lines longer than 88 columns`);
      }
    }
  });

  it('compiles: python3 -m py_compile on every script (any python3; torch is not imported)', (t) => {
    const out = join(dir, 'compiled');
    const scripts = paths.flatMap((path) =>
      [false, true].map((exact) => {
        const exported = exportPytorch(parseFile(path), path, { exact, outDir: dir });
        return writePytorchExport({ ...exported, scriptName: `${exact ? 'exact-' : ''}${exported.scriptName}`, dataFiles: [] }, out)[0]!;
      }),
    );
    const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['--version']).status === 0);
    if (python === undefined) return t.skip('no python3');
    const compiled = spawnSync(python, ['-m', 'py_compile', ...scripts], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
  });
});

describe('PyTorch export: Python literals', () => {
  it('floats as repr writes them, so that Python reads back the same double', () => {
    const cases: [number, string][] = [
      [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [100, '100.0'], [1.5, '1.5'], [0.1, '0.1'], [0.0001, '0.0001'], [0.00001, '1e-05'],
      [1e-7, '1e-07'], [-2.5e-10, '-2.5e-10'], [123.456, '123.456'], [1e15, '1000000000000000.0'], [1e16, '1e+16'],
      [2 ** 53, '9007199254740992.0'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'], [0.30000000000000004, '0.30000000000000004'],
    ];
    for (const [x, repr] of cases) assert.equal(pyFloat(x), repr, String(x));
    assert.equal(pyValue([100, 100], true), '(100, 100)');
    assert.equal(pyValue([0.5]), '(0.5,)');
    assert.equal(pyValue(undefined), 'None');
    assert.equal(pyValue('λ = "3"'), '"λ = \\"3\\""');
  });

  it('calls and docstrings laid out within 88 columns', () => {
    assert.equal(call('f', ['a', 'b'], 1), '    f(a, b)');
    const long = call('optimizer = torch.optim.SGD', ['params', ...Array.from({ length: 6 }, (_, i) => `option_${i}=s.option_${i}`)], 1);
    assert.ok(long.split('\n').every((l) => l.length <= 88), long);
    assert.equal(docstring('Short.'), '    """Short."""');
    const wrapped = docstring('word '.repeat(40).trim());
    assert.ok(wrapped.split('\n').every((l) => l.length <= 88 && l.startsWith('    ')), wrapped);
    assert.ok(wrapped.endsWith('word"""'));
  });
});

// Puts the script together: docstring, imports, Settings and VARIANTS, then the functions
// in the order a reader follows them (data, model, penalties, evaluation, the training
// run, the sweep, main). The sections are generated first, since they decide which
// settings and imports the top of the file needs.
import { dataSection, type DataDirs } from './data.ts';
import { chooseFunction, holdOutConstant, holdOutFunction } from './holdout.ts';
import { dropoutReplay, dropsUnits, savedClass } from './exact.ts';
import { earlyStoppingClass, evaluationFunctions, loopShape, runFunction, savedOrderClass } from './loop.ts';
import { mainFunction, plotFunction, saveWeightsFunction, sweepFunction } from './main.ts';
import { modelSection } from './model.ts';
import { hasPenalty, maxNormFunction, penaltyFunction, penaltyUse, proximalFunction } from './penalties.ts';
import type { Plan } from './plan.ts';
import { lines, wrap } from './python.ts';
import { settingsSection } from './settings.ts';

export interface ScriptNames {
  /** The experiment file's name, as the docstring cites it. */
  source: string;
  script: string;
  /** The exact-mode JSON's name, when there is one. */
  exactFile?: string;
}

export function pythonScript(plan: Plan, names: ScriptNames, dirs: DataDirs): string {
  const data = dataSection(plan, dirs);
  const model = modelSection(plan);
  const use = penaltyUse(plan);
  const shape = loopShape(plan);
  const dataCall = /\bs\./.test(data) || /def make_data\(s\)/.test(data) ? 'make_data(s)' : 'make_data()';
  const sections = [
    heading('The data'),
    data,
    plan.holdOut && holdOutConstant(plan.holdOut),
    plan.holdOut && holdOutFunction(plan.holdOut),
    heading('The model'),
    model.code,
    (hasPenalty(use) || use.maxNorm) && heading('Regularization in the loss and after each step'),
    hasPenalty(use) && penaltyFunction(plan, use),
    use.proximal && proximalFunction(plan, use),
    use.maxNorm && maxNormFunction(),
    plan.exact && heading("Exact mode: Reglab's own numbers"),
    plan.exact && savedClass(plan),
    plan.exact && plan.some(dropsUnits) && dropoutReplay(),
    shape.savedOrder && savedOrderClass(),
    plan.some((c) => c.regularization.earlyStopping !== undefined) && earlyStoppingClass(plan),
    heading('Training'),
    evaluationFunctions(plan, shape, use),
    runFunction(plan, { dataCall, modelCall: model.call, use, shape }),
    plan.sweep && sweepFunction(plan),
    plan.sweep && plan.holdOut && chooseFunction(plan),
    plan.exact && saveWeightsFunction(),
    plotFunction(plan),
    mainFunction(plan),
  ].filter((s): s is string => typeof s === 'string');
  plan.needs('import argparse');
  plan.needs('import math');
  plan.needs('from dataclasses import dataclass');
  if (plan.sweep) {
    plan.needs('import statistics');
    plan.needs('from dataclasses import dataclass, replace');
  }
  if (plan.exact) plan.needs('import json');
  if (plan.exact && plan.some(dropsUnits)) plan.needs('import numpy as np');
  const settings = settingsSection(plan);
  const dtype =
    plan.value('dtype') === 'float64'
      ? lines('', '# The experiment computes in float64 ("dtype": "float64"), and so does this script.', 'torch.set_default_dtype(torch.float64)', '', '')
      : null;

  return `${lines(
    moduleDocstring(plan, names),
    imports(plan),
    '',
    dtype,
    dtype === null && '',
    settings,
    '',
    '',
    joinSections(sections),
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  )}\n`;
}

/** A section's heading comment, ruled out to 88 columns. */
const heading = (title: string) => `# ${title} `.padEnd(88, '-');

/** Top-level blocks two blank lines apart, each heading right above its first block. */
function joinSections(sections: string[]): string {
  const blocks: string[] = [];
  let pending: string | null = null;
  for (const s of sections) {
    if (s.startsWith('# ') && s.endsWith('--')) pending = s;
    else {
      blocks.push(pending === null ? s : `${pending}\n${s}`);
      pending = null;
    }
  }
  return blocks.join('\n\n\n');
}

function moduleDocstring(plan: Plan, names: ScriptNames): string {
  const e = plan.experiment;
  const safe = (s: string) => s.replace(/\\/g, '\\\\').replace(/"""/g, '\\"""');
  const paragraph = (text: string) => wrap(safe(text), 88);
  const usage = [`    python3 ${names.script}`];
  if (names.exactFile !== undefined) usage.push(`    python3 ${names.script} --exact ${names.exactFile}`);
  return lines(
    `"""${safe(e.title)}`,
    '',
    ...(e.description ? [...paragraph(e.description), ''] : []),
    ...paragraph(
      `The Reglab experiment ${names.source} as a PyTorch script: the same data generator, model, ` +
        'optimizer, regularization and training loop, printing the same metrics per epoch. Its random numbers ' +
        "come from torch's generator: the same distributions as Reglab's, not the same draws.",
    ),
    '',
    ...usage,
    ...(names.exactFile !== undefined
      ? [
          '',
          ...paragraph(
            `With --exact the script trains on Reglab's own data, initial weights and shuffling, saved in ${names.exactFile} ` +
              "by the export, and draws Reglab's dropout masks (its generator, re-implemented below); --save-weights FILE " +
              'writes the trained weights for comparison.',
          ),
          '',
          ...paragraph(
            'What matches, as measured in float64 ("dtype": "float64") on the lessons: every per-epoch train and test ' +
              'loss to about 1e-9 relative and the final weights, for SGD over 2000 epochs and for Adam as long as ' +
              'neither the loss nor most weights reach ≈ 0, dropout included. Adam and AdamW runs that drive the loss ' +
              'to ≈ 0 (or, with an L2 penalty, most weights) drift after hundreds of epochs: from epoch 539 to 1736 in ' +
              'lesson 05, and by epoch 1000 lesson 07\'s L2 run (losses within 3e-7, weights within 3e-4). There each ' +
              "Adam step is ≈ lr whatever the gradient's size, so rounding differences of 1e-16 grow into other " +
              'trajectories: rounding amplified, not a formula difference. In float32 rounding differs from the first step.',
          ),
        ]
      : []),
    '"""',
  );
}

function imports(plan: Plan): string {
  const all = [...plan.imports];
  const isTorch = (line: string) => /^(import|from) torch\b/.test(line);
  const order = (a: string, b: string) => {
    const key = (l: string) => `${l.startsWith('from') ? 1 : 0} ${l.split(' ')[1]}`;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  };
  // One line per module: a later, longer `from x import a, b` replaces `from x import a`.
  const byModule = new Map<string, string>();
  for (const line of all) {
    const module = line.split(' ')[1]!;
    const kept = byModule.get(`${line.split(' ')[0]} ${module}`);
    if (kept === undefined || line.length > kept.length) byModule.set(`${line.split(' ')[0]} ${module}`, line);
  }
  const unique = [...byModule.values()];
  const std = unique.filter((l) => !isTorch(l)).sort(order);
  const torch = ['import torch', 'from torch import nn', ...unique.filter(isTorch)].filter((l, i, a) => a.indexOf(l) === i).sort(order);
  return lines(...std, '', ...torch);
}

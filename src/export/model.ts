// The script's model: `make_model`, an nn.Sequential MLP laid out as Reglab's (Linear →
// activation → Dropout per hidden layer, a last Linear), so that the state_dict names
// ("0.weight", "2.bias", …) are the same on both sides. Written out layer by layer when
// every run has the same architecture, built in a loop over the settings otherwise.
import type { RunConfig } from '../experiment/schema/experiment.ts';
import type { Plan } from './plan.ts';
import { docstring, lines, pyFloat } from './python.ts';

const ACTIVATIONS: Record<string, string> = {
  relu: 'nn.ReLU',
  tanh: 'nn.Tanh',
  sigmoid: 'nn.Sigmoid',
  identity: 'nn.Identity',
  leaky_relu: 'nn.LeakyReLU',
};

export interface ModelSection {
  code: string;
  /** How run() calls it, e.g. "make_model(s)". */
  call: string;
}

/** Per run: [inputs, outputs] of the network. */
function modelSizes(plan: Plan): [number, number][] {
  return plan.runs.map((r) => [r.data.inputs, r.spec.config.training.loss === 'bce_with_logits' ? 1 : r.data.outputs]);
}

export function modelSection(plan: Plan): ModelSection {
  const sizes = modelSizes(plan);
  const fixedSizes = new Set(sizes.map((s) => s.join(','))).size === 1;
  const [inputs, outputs] = sizes[0]!;
  const anyDropout = plan.some((c) => dropoutsOf(c).some((p) => p > 0));
  const fixed =
    fixedSizes &&
    !plan.varies('model.hidden') &&
    !plan.varies('model.activation') &&
    (plan.value('model.activation') !== 'leaky_relu' || !plan.varies('model.negativeSlope')) &&
    !plan.varies('regularization.dropout');
  const body = fixed ? literalModel(plan, inputs, outputs) : loopModel(plan, fixedSizes ? { inputs: String(inputs), outputs: String(outputs) } : null);
  const init = initCode(plan);
  const params = [init.usesSettings || /\bs\./.test(body.code) ? 's' : null, fixedSizes ? null : 'inputs', fixedSizes ? null : 'outputs'].filter((p) => p !== null);
  const activation = plan.varies('model.activation') ? activationHelper(plan) : null;
  const doc = docstring(describe(plan, body.architecture, anyDropout));
  const code = lines(
    activation,
    activation && '',
    activation && '',
    `def make_model(${params.join(', ')}):`,
    doc,
    init.code === null ? body.code.replace(/^ {4}model = /m, '    return ') : body.code,
    init.code,
    init.code && '    return model',
  );
  const args = params.map((p) => (p === 'inputs' ? 'x_train.shape[1]' : p === 'outputs' ? outputsFromData(plan) : p));
  return { code, call: `make_model(${args.join(', ')})` };
}

/** The network's outputs read off the data, for runs whose sizes differ. */
function outputsFromData(plan: Plan): string {
  if (plan.every((c) => c.training.loss === 'bce_with_logits')) return '1';
  if (plan.runs[0]!.data.task === 'regression') return 'y_train.shape[1]';
  return 'int(torch.cat([y_train, y_test]).max()) + 1';
}

function describe(plan: Plan, architecture: string, anyDropout: boolean): string {
  const biases = new Set(plan.configs.filter((c) => c.model.init === 'normal').map((c) => c.model.initBias));
  const normal =
    biases.size > 1
      ? 'weights ~ N(0, init_std²) and biases 0 or, with init_bias "normal", N(0, init_std²) too'
      : biases.has('normal')
        ? "weights and biases ~ N(0, init_std²), as d2l's param.data.normal_()"
        : 'weights ~ N(0, init_std²) and zero biases';
  const init = plan.varies('model.init')
    ? `PyTorch's default initialisation, or with init "normal" ${normal}`
    : plan.value('model.init') === 'normal'
      ? normal
      : "PyTorch's default initialisation";
  const dropout = anyDropout ? '; dropout is active in model.train() mode only' : '';
  const frozen = plan.some((c) => c.model.freeze === 'first')
    ? `; ${plan.every((c) => c.model.freeze === 'first') ? 'the' : 'with freeze "first" the'} first layer keeps its initial weights (run() freezes it)`
    : '';
  return `${architecture}, ${init}${dropout}${frozen}.`;
}

function dropoutsOf(c: RunConfig): number[] {
  const d = c.regularization.dropout;
  return typeof d === 'number' ? c.model.hidden.map(() => d) : [...d];
}

/** One activation layer as Python: a constructor call, or the helper when runs differ. */
function activationLayer(plan: Plan): string {
  if (plan.varies('model.activation')) return 'activation(s)';
  const a = plan.value<string>('model.activation');
  return a === 'leaky_relu' ? `nn.LeakyReLU(${plan.ref('model.negativeSlope')})` : `${ACTIVATIONS[a]}()`;
}

/** The activation's class name, for docstrings. */
function activationName(plan: Plan): string {
  return plan.varies('model.activation') ? 'the activation' : ACTIVATIONS[plan.value<string>('model.activation')]!;
}

function literalModel(plan: Plan, inputs: number, outputs: number): { code: string; architecture: string } {
  const hidden = plan.value<number[]>('model.hidden');
  const dropouts = dropoutsOf(plan.configs[0]!);
  const activation = activationLayer(plan);
  const widths = [inputs, ...hidden];
  const rows = hidden.map((size, k) => {
    const p = dropouts[k]!;
    return `        nn.Linear(${widths[k]}, ${size}), ${activation},${p > 0 ? ` nn.Dropout(${pyFloat(p)}),` : ''}`;
  });
  rows.push(`        nn.Linear(${widths[hidden.length]}, ${outputs}),`);
  const architecture = hidden.length === 0 ? `A linear model, nn.Linear(${inputs}, ${outputs})` : `An MLP ${[inputs, ...hidden, outputs].join('-')} with ${activationName(plan)}`;
  const code = hidden.length === 0 ? `    model = nn.Sequential(nn.Linear(${inputs}, ${outputs}))` : lines('    model = nn.Sequential(', ...rows, '    )');
  return { code, architecture };
}

function loopModel(plan: Plan, sizes: { inputs: string; outputs: string } | null): { code: string; architecture: string } {
  const perLayer = plan.some((c) => Array.isArray(c.regularization.dropout));
  const anyDropout = plan.some((c) => dropoutsOf(c).some((p) => p > 0));
  const hidden = plan.ref('model.hidden');
  const activation = activationLayer(plan);
  let loop: string[];
  if (perLayer) {
    plan.transforms.set('regularization.dropout', (c) => dropoutsOf(c));
    const dropout = plan.ref('regularization.dropout');
    loop = [
      `    for size, p in zip(${hidden}, ${dropout}):`,
      `        layers += [nn.Linear(width, size), ${activation}]`,
      '        if p > 0:  # none at p = 0, as in Reglab: the same parameter names',
      '            layers.append(nn.Dropout(p))',
    ];
  } else {
    const p = anyDropout ? plan.ref('regularization.dropout') : null;
    const always = p !== null && !p.startsWith('s.');
    loop = [
      `    for size in ${hidden}:`,
      `        layers += [nn.Linear(width, size), ${activation}${always ? `, nn.Dropout(${p})` : ''}]`,
      ...(p !== null && !always
        ? [`        if ${p} > 0:  # none at p = 0, as in Reglab: the same parameter names`, `            layers.append(nn.Dropout(${p}))`]
        : []),
    ];
  }
  const code = lines(
    `    layers, width = [], ${sizes?.inputs ?? 'inputs'}`,
    ...loop,
    '        width = size',
    `    layers.append(nn.Linear(width, ${sizes?.outputs ?? 'outputs'}))`,
    '    model = nn.Sequential(*layers)',
  );
  const shape =
    sizes !== null && !plan.varies('model.hidden') ? `An MLP ${[sizes.inputs, ...plan.value<number[]>('model.hidden'), sizes.outputs].join('-')}:` : 'An MLP:';
  const dropout = anyDropout ? ' → nn.Dropout (none at p = 0)' : '';
  return { code, architecture: `${shape} nn.Linear → ${activationName(plan)}${dropout} per hidden layer, then nn.Linear` };
}

function activationHelper(plan: Plan): string {
  const used = plan.values('model.activation') as string[];
  const plain = used.filter((a) => a !== 'leaky_relu');
  const table = `{${plain.map((a) => `"${a}": ${ACTIVATIONS[a]}`).join(', ')}}`;
  return lines(
    'def activation(s):',
    docstring('The non-linearity after each hidden layer.'),
    used.includes('leaky_relu') && `    if ${plan.s('model.activation')} == "leaky_relu":`,
    used.includes('leaky_relu') && `        return nn.LeakyReLU(${plan.s('model.negativeSlope')})`,
    plain.length > 0 && `    return ${table}[${plan.s('model.activation')}]()`,
  );
}

function initCode(plan: Plan): { code: string | null; usesSettings: boolean } {
  if (!plan.some((c) => c.model.init === 'normal')) return { code: null, usesSettings: false };
  const varies = plan.varies('model.init');
  const loop = [
    '    for layer in model:',
    '        if isinstance(layer, nn.Linear):',
    `            nn.init.normal_(layer.weight, std=${plan.s('model.initStd')})`,
    ...biasInit(plan),
  ];
  return {
    code: varies ? lines(`    if ${plan.s('model.init')} == "normal":`, ...loop.map((l) => `    ${l}`)) : lines(...loop),
    usesSettings: true,
  };
}

/** The bias line(s) of the normal init: zeros, or N(0, std²) as d2l's `param.data.normal_()`. */
function biasInit(plan: Plan): string[] {
  const normal = `nn.init.normal_(layer.bias, std=${plan.s('model.initStd')})`;
  const normalRuns = plan.configs.filter((c) => c.model.init === 'normal');
  const kinds = new Set(normalRuns.map((c) => c.model.initBias));
  if (kinds.size > 1) {
    return [`            if ${plan.s('model.initBias')} == "normal":`, `                ${normal}`, '            else:', '                nn.init.zeros_(layer.bias)'];
  }
  return [kinds.has('normal') ? `            ${normal}  # d2l: param.data.normal_()` : '            nn.init.zeros_(layer.bias)'];
}

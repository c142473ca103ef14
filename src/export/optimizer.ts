// The parameter groups and the torch.optim optimizer, as Reglab's setup builds them: one
// group of every parameter, or (weight decay with applyTo "weights") the weights with decay
// and the biases in a group without; with a frozen first layer, only the parameters that
// still require grad (`trained`), as PyTorch code passes them. Only options that differ from PyTorch's defaults in
// some run are passed; AdamW's weight_decay always is, since PyTorch's default is 0.01.
import type { RunConfig } from '../experiment/schema/experiment.ts';
import type { Plan } from './plan.ts';
import { call, lines } from './python.ts';

type OptimizerClass = 'SGD' | 'RMSprop' | 'Adagrad' | 'AdamW' | 'Adam';

/** In the order of the if/elif chain when runs use several (the last one is the `else`). */
const CLASSES: readonly OptimizerClass[] = ['SGD', 'RMSprop', 'Adagrad', 'AdamW', 'Adam'];

export function optimizerClass(c: RunConfig): OptimizerClass {
  switch (c.training.optimizer.type) {
    case 'sgd':
      return 'SGD';
    case 'rmsprop':
      return 'RMSprop';
    case 'adagrad':
      return 'Adagrad';
    case 'adamw':
      return 'AdamW';
    case 'adam':
      return c.regularization.decoupled ? 'AdamW' : 'Adam';
  }
}

interface Option {
  keyword: string;
  path: string;
  /** PyTorch's default; undefined: always passed. */
  fallback?: unknown;
}

const opt = (keyword: string, name: string, fallback?: unknown): Option => ({ keyword, path: `training.optimizer.${name}`, fallback });
const weightDecay = (fallback?: number): Option => ({ keyword: 'weight_decay', path: 'regularization.weightDecay', fallback });
const adam = [opt('betas', 'betas', [0.9, 0.999]), opt('eps', 'eps', 1e-8), opt('amsgrad', 'amsgrad', false)];

const OPTIONS: Record<OptimizerClass, readonly Option[]> = {
  SGD: [opt('lr', 'lr'), opt('momentum', 'momentum', 0), opt('dampening', 'dampening', 0), opt('nesterov', 'nesterov', false), weightDecay(0)],
  Adam: [opt('lr', 'lr'), ...adam, weightDecay(0)],
  AdamW: [opt('lr', 'lr'), ...adam, weightDecay()],
  RMSprop: [opt('lr', 'lr'), opt('alpha', 'alpha', 0.99), opt('eps', 'eps', 1e-8), opt('momentum', 'momentum', 0), opt('centered', 'centered', false), weightDecay(0)],
  Adagrad: [opt('lr', 'lr'), opt('lr_decay', 'lrDecay', 0), opt('initial_accumulator_value', 'initialAccumulatorValue', 0), opt('eps', 'eps', 1e-10), weightDecay(0)],
};

const NOTES: Partial<Record<OptimizerClass, string>> = {
  Adam: "# Adam's weight decay is coupled: added to the gradient, then scaled like it.",
  AdamW: "# AdamW's weight decay is decoupled: w ← w·(1 − lr·weight_decay) every step.",
};

/** Whether some run puts the biases in a group of their own. */
export function needsBiasGroup(plan: Plan): boolean {
  return plan.some((c) => c.regularization.applyTo === 'weights' && c.regularization.weightDecay > 0);
}

/** Whether some run freezes a layer (`model.freeze`): the script then keeps a `trained` list. */
export const freezes = (plan: Plan): boolean => plan.some((c) => c.model.freeze !== 'none');

/** Every parameter the optimizer may move, as the script names them. */
export const allTrained = (plan: Plan): string => (freezes(plan) ? 'trained' : 'model.parameters()');

/** The lines of run() that build `optimizer` (the `weights` and `biases` lists exist before them). */
export function optimizerLines(plan: Plan): string {
  const classes = CLASSES.filter((cls) => plan.some((c) => optimizerClass(c) === cls));
  const params = needsBiasGroup(plan) ? 'params' : allTrained(plan);
  const construct = (cls: OptimizerClass, level: number) => {
    const runs = plan.configs.filter((c) => optimizerClass(c) === cls);
    const options = OPTIONS[cls].filter(
      (o) => o.fallback === undefined || runs.some((c) => JSON.stringify(plan.valueIn(c, o.path)) !== JSON.stringify(o.fallback)),
    );
    const args = [params, ...options.map((o) => `${o.keyword}=${plan.s(o.path)}`)];
    const decays = runs.some((c) => c.regularization.weightDecay > 0);
    return lines(decays && NOTES[cls] !== undefined && '    '.repeat(level) + NOTES[cls], call(`optimizer = torch.optim.${cls}`, args, level));
  };
  const groups = needsBiasGroup(plan) ? biasGroup(plan) : null;
  if (classes.length === 1) return lines(groups, construct(classes[0]!, 1));
  const chain = classes.map((cls, i) => {
    const head = i === classes.length - 1 ? '    else:' : `    ${i === 0 ? 'if' : 'elif'} ${condition(plan, cls)}:`;
    return lines(head, construct(cls, 2));
  });
  return lines(groups, ...chain);
}

function condition(plan: Plan, cls: OptimizerClass): string {
  const type = plan.s('training.optimizer.type');
  switch (cls) {
    case 'SGD':
    case 'RMSprop':
    case 'Adagrad':
      return `${type} == "${cls.toLowerCase()}"`;
    case 'AdamW': {
      const parts: string[] = [];
      if (plan.some((c) => c.training.optimizer.type === 'adamw')) parts.push(`${type} == "adamw"`);
      if (plan.some((c) => c.training.optimizer.type === 'adam' && c.regularization.decoupled)) parts.push(plan.s('regularization.decoupled'));
      return parts.join(' or ');
    }
    case 'Adam':
      return `${type} == "adam"`;
  }
}

function biasGroup(plan: Plan): string {
  const grouped = '[{"params": weights}, {"params": biases, "weight_decay": 0.0}]';
  if (!plan.varies('regularization.applyTo')) {
    return lines('    # Weight decay on the weights only (applyTo "weights"): biases in a group without.', `    params = ${grouped}`);
  }
  return lines(
    `    if ${plan.s('regularization.applyTo')} == "weights":  # the biases get a group without weight decay`,
    `        params = ${grouped}`,
    '    else:',
    `        params = ${allTrained(plan)}`,
  );
}

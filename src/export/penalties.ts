// The regularization that is not the optimizer's weight decay: the penalty added to the
// loss (L1, L2, ElasticNet, the unsquared norm), L1 as a proximal step, and max-norm. Each
// appears in the script only when some run uses it.
import type { RunConfig } from '../experiment/schema/experiment.ts';
import type { Plan } from './plan.ts';
import { docstring, lines } from './python.ts';

const l1Strength = (c: RunConfig) => c.regularization.l1 + c.regularization.elasticNet.lambda * c.regularization.elasticNet.l1Ratio;

export interface PenaltyUse {
  l1: boolean;
  l2: boolean;
  elasticNet: boolean;
  l2Norm: boolean;
  /** Some run applies its L1 strength as a proximal step. */
  proximal: boolean;
  maxNorm: boolean;
}

export function penaltyUse(plan: Plan): PenaltyUse {
  const r = (c: RunConfig) => c.regularization;
  return {
    l1: plan.some((c) => r(c).l1 > 0),
    l2: plan.some((c) => r(c).l2 > 0),
    elasticNet: plan.some((c) => r(c).elasticNet.lambda > 0),
    l2Norm: plan.some((c) => r(c).l2Norm > 0),
    proximal: plan.some((c) => r(c).l1Mode === 'proximal' && l1Strength(c) > 0),
    maxNorm: plan.some((c) => r(c).maxNorm !== undefined),
  };
}

export const hasPenalty = (u: PenaltyUse): boolean => u.l1 || u.l2 || u.elasticNet || u.l2Norm;

/** `penalty(params, s)`: the differentiable penalty, with a proximal L1 counted but detached. */
export function penaltyFunction(plan: Plan, use: PenaltyUse): string {
  const needL1 = use.l1 || use.elasticNet;
  const needL2 = use.l2 || use.elasticNet;
  const terms: string[] = [];
  const described: string[] = [];
  if (use.l1) {
    terms.push(`${plan.s('regularization.l1')} * l1`);
    described.push('L1 λ·Σ|w|');
  }
  if (use.l2) {
    terms.push(`${plan.s('regularization.l2')} * l2`);
    described.push('L2 λ·Σw² (no ½)');
  }
  if (use.elasticNet) {
    plan.s('regularization.elasticNet.l1Ratio');
    terms.push(`${plan.s('regularization.elasticNet.lambda')} * (r * l1 + (1 - r) * l2)`);
    described.push('ElasticNet λ·(r·Σ|w|+(1−r)·Σw²)');
  }
  if (use.l2Norm) {
    terms.push(`${plan.s('regularization.l2Norm')} * sum(p.norm() for p in params)`);
    described.push('the unsquared norms λ·Σ‖W‖₂');
  }
  const detach = use.proximal ? proximalDetach(plan) : [];
  const oneLine = `    return ${terms.join(' + ')}`;
  const ret = oneLine.length <= 88 ? [oneLine] : ['    return (', `        ${terms[0]}`, ...terms.slice(1).map((t) => `        + ${t}`), '    )'];
  return lines(
    'def penalty(params, s):',
    docstring(`The penalty added to the loss over \`params\`: ${described.join(', ')}.`),
    needL1 && '    l1 = sum(p.abs().sum() for p in params)',
    ...detach,
    needL2 && '    l2 = sum(p.pow(2).sum() for p in params)',
    use.elasticNet && '    r = s.elastic_net_l1_ratio',
    ...ret,
  );
}

/** Every run with an L1 strength applies it as a proximal step. */
const proximalEverywhere = (plan: Plan) => plan.every((c) => c.regularization.l1Mode === 'proximal' || l1Strength(c) === 0);

function proximalDetach(plan: Plan): string[] {
  const why = '# counted in the loss, applied by proximal_step';
  if (proximalEverywhere(plan)) return [`    l1 = l1.detach()  ${why}`];
  return [`    if ${plan.s('regularization.l1Mode')} == "proximal":`, `        l1 = l1.detach()  ${why}`];
}

/** `proximal_step(params, s)`: L1's soft-threshold after each optimizer step. */
export function proximalFunction(plan: Plan, use: PenaltyUse): string {
  plan.needs('import torch.nn.functional as F');
  const strength = use.elasticNet
    ? `(${plan.s('regularization.l1')} + ${plan.s('regularization.elasticNet.lambda')} * ${plan.s('regularization.elasticNet.l1Ratio')})`
    : plan.s('regularization.l1');
  return lines(
    'def proximal_step(params, s):',
    docstring(
      'L1 as a proximal step after the optimizer\'s: w ← sign(w)·max(|w| − lr·λ, 0), which sets small ' +
        'weights to exactly 0 (a subgradient in the loss only makes them hover around it).',
    ),
    `    threshold = ${plan.s('training.optimizer.lr')} * ${strength}`,
    '    with torch.no_grad():',
    '        for p in params:',
    '            p.copy_(F.softshrink(p, threshold))',
  );
}

/** The call to proximal_step in the training step, guarded when only some runs use it. */
export function proximalCall(plan: Plan): string {
  return proximalEverywhere(plan) ? 'proximal_step(regularized, s)' : `if ${plan.s('regularization.l1Mode')} == "proximal":\n    proximal_step(regularized, s)`;
}

export function maxNormFunction(): string {
  return lines(
    'def apply_max_norm(weights, max_norm):',
    docstring('Rescales the incoming weights of each unit (a row of a weight matrix) to an L2 norm of at most max_norm.'),
    '    with torch.no_grad():',
    '        for w in weights:',
    '            w.mul_((max_norm / w.norm(dim=1, keepdim=True)).clamp(max=1.0))',
  );
}

export function maxNormCall(plan: Plan): string {
  const always = plan.every((c) => c.regularization.maxNorm !== undefined);
  const call = `apply_max_norm(weights, ${plan.s('regularization.maxNorm')})`;
  return always ? call : `if s.max_norm is not None:\n    ${call}`;
}

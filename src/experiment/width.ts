// Sweeping a model's width: `model.hidden` is a list, so a sweep over it sets every hidden
// layer to the value ("model.hidden": [64, 64] at 8 is [8, 8]), and "model.hidden.N" sets
// layer N alone. Expansion, the checks and the time budget share these rules.
import type { RunConfig } from './schema/experiment.ts';

/** 'all' for "model.hidden", N for "model.hidden.N", undefined for any other path. */
export function widthTarget(over: string): 'all' | number | undefined {
  if (over === 'model.hidden') return 'all';
  const match = /^model\.hidden\.(\d+)$/.exec(over);
  return match === null ? undefined : Number(match[1]);
}

/** The hidden sizes with the swept width set, or undefined when `over` is not a width or the layer does not exist. */
export function hiddenWith(hidden: readonly number[], over: string, value: number): number[] | undefined {
  const target = widthTarget(over);
  if (target === undefined) return undefined;
  if (target === 'all') return hidden.map(() => value);
  if (target >= hidden.length) return undefined;
  return hidden.map((size, i) => (i === target ? value : size));
}

/** Why a width sweep cannot apply to a config (no hidden layer, or no layer N), or undefined when it can. */
export function widthProblem(config: RunConfig, over: string): string | undefined {
  const target = widthTarget(over);
  const hidden = config.model.hidden;
  if (target === undefined) return undefined;
  if (hidden.length === 0) return `sweep.over "${over}" needs hidden layers, but model.hidden is [] (a linear model has no width to sweep)`;
  if (target !== 'all' && target >= hidden.length) return `sweep.over "${over}": model.hidden has ${hidden.length} layer${hidden.length === 1 ? '' : 's'} (0 … ${hidden.length - 1})`;
  return undefined;
}

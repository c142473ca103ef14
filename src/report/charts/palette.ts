// Colours of the charts: one per variant, the same in every chart of an experiment, and one
// per class for decision boundaries. Okabe–Ito's palette stays distinct for colour-blind
// readers and keeps good contrast on white (its yellow is left out for that reason).
import type { ExperimentResults } from '../../results/model.ts';

export const VARIANT_COLORS: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#8C564B', // brown
  '#4D4D4D', // dark grey
];

/** Class colours of TensorFlow Playground (orange, blue) first, then distinct hues. */
export const CLASS_COLORS: readonly string[] = ['#F59322', '#0877BD', '#2CA02C', '#9467BD', '#D62728', '#17BECF', '#8C564B', '#E377C2', '#7F7F7F', '#BCBD22'];

/** Ink for data points and neutral marks. */
export const INK = '#222222';
export const MUTED_INK = '#6B6B6B';
export const GRID = '#E4E4E4';

/** The experiment's variants in first-seen order: variant runs first, then sweep-only ones. */
export function variantNames(results: Pick<ExperimentResults, 'runs' | 'sweep'>): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const run of results.runs) if (run.sweepValue === undefined) add(run.variant);
  for (const run of results.runs) add(run.variant);
  for (const point of results.sweep) add(point.variant);
  return names;
}

/** Variant name → colour, stable for one experiment's results. The panel passes VS Code's chart colours. */
export function variantColors(results: Pick<ExperimentResults, 'runs' | 'sweep'>, palette: readonly string[] = VARIANT_COLORS): Map<string, string> {
  const colors = palette.length > 0 ? palette : VARIANT_COLORS;
  return new Map(variantNames(results).map((name, i) => [name, colors[i % colors.length]!]));
}

export function colorOf(colors: ReadonlyMap<string, string>, variant: string): string {
  return colors.get(variant) ?? VARIANT_COLORS[0]!;
}

/** '#RRGGBB' with an alpha in [0, 1], as an rgba() string. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1, 7), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A variant's display name: the base experiment (no variants) has an empty one. */
export function displayName(variant: string): string {
  return variant === '' ? 'base' : variant;
}

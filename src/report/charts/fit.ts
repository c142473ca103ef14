// The Fit view: for a 1-D regression, the train and test points with each variant's final
// fitted curve; for a 2-D classifier, one small chart per variant with its last decision
// boundary painted under the points.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { RunRecord } from '../../results/model.ts';
import type { DataPoints, Snapshot } from '../../protocol.ts';
import { axis, baseOptions, extent, finite, LIGHT_THEME, niceBounds, pointReadout, type ChartTheme } from './common.ts';
import { runLabel } from './labels.ts';
import { CLASS_COLORS, colorOf } from './palette.ts';
import { boundaryPlugin, type BoundarySnapshot } from './plugins.ts';

type CurveSnapshot = Extract<Snapshot, { kind: 'curve' }>;
type Point = { x: number; y: number | null };

export function lastSnapshot<K extends Snapshot['kind']>(run: RunRecord, kind: K): Extract<Snapshot, { kind: K }> | undefined {
  for (let i = run.snapshots.length - 1; i >= 0; i--) {
    const s = run.snapshots[i]!;
    if (s.kind === kind) return s as Extract<Snapshot, { kind: K }>;
  }
  return undefined;
}

/** Runs whose fitted curve can be drawn. */
export function curveRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => lastSnapshot(r, 'curve') !== undefined);
}

export function boundaryRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => lastSnapshot(r, 'boundary') !== undefined);
}

/** The points and curves of the given runs (the variant runs, which share their data). */
export function fitChart(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'scatter'> {
  const withCurves = curveRuns(runs);
  const data = runs.find((r) => r.data !== undefined)?.data;
  const datasets: ChartDataset<'scatter', Point[]>[] = [];
  if (data !== undefined) {
    datasets.push({
      label: 'train points',
      data: points1d(data.train),
      backgroundColor: theme.text,
      borderColor: theme.background,
      borderWidth: 1,
      pointRadius: 4.5,
      pointStyle: 'circle',
      order: 0,
    });
    datasets.push({
      label: 'test points',
      data: points1d(data.test),
      backgroundColor: theme.background,
      borderColor: theme.muted,
      borderWidth: 1.5,
      pointRadius: 4,
      pointStyle: 'circle',
      order: 1,
    });
  }
  for (const run of withCurves) {
    const curve = lastSnapshot(run, 'curve')!;
    const color = colorOf(colors, run.variant);
    datasets.push({
      label: `${runLabel(run)} (epoch ${curve.epoch})`,
      data: curve.x.map((x, i) => ({ x, y: finite(curve.y[i]) })),
      showLine: true,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2.25,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: 'line',
      order: 2,
    });
  }
  const options = baseOptions<'scatter'>(theme);
  pointReadout(options);
  const curves = withCurves.map((r) => lastSnapshot(r, 'curve')!);
  const [yMin, yMax] = fitRange(data, curves);
  const xs = extent([...(data?.train.x ?? []), ...(data?.test.x ?? [])].map((p) => p[0] ?? null).concat(curves.flatMap((c) => c.x)));
  const [xMin, xMax] = xs === undefined ? [undefined, undefined] : niceBounds(...xs);
  options.scales = {
    x: { ...axis('x', theme), ...(xMin === undefined ? {} : { min: xMin, max: xMax }) },
    y: { ...axis('y', theme), ...(yMin === undefined ? {} : { min: yMin, max: yMax }) },
  };
  return { type: 'scatter', data: { datasets }, options };
}

/** One small chart: the run's last decision boundary with the train and test points on it. */
export function boundaryChart(run: RunRecord, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'scatter'> {
  const snapshot = lastSnapshot(run, 'boundary') as BoundarySnapshot;
  const datasets: ChartDataset<'scatter', Point[]>[] = [];
  const data = run.data;
  if (data !== undefined) {
    const classColor = (c: number) => CLASS_COLORS[c % CLASS_COLORS.length]!;
    datasets.push({
      label: 'train',
      data: data.train.x.map((x) => ({ x: x[0]!, y: x[1] ?? 0 })),
      backgroundColor: data.train.y.map(classColor),
      borderColor: theme.background,
      borderWidth: 1,
      pointRadius: 3.5,
    });
    datasets.push({
      label: 'test',
      data: data.test.x.map((x) => ({ x: x[0]!, y: x[1] ?? 0 })),
      backgroundColor: theme.background,
      borderColor: data.test.y.map(classColor),
      borderWidth: 1.5,
      pointRadius: 3,
    });
  }
  const options = baseOptions<'scatter'>(theme, false);
  pointReadout(options);
  const [[x0, x1], [y0, y1]] = snapshot.domain;
  // The axes end where the grid ends; ticks only at round values inside.
  const inside = (a: ReturnType<typeof axis>) => ({ ...a, ticks: { ...(a.ticks as object), includeBounds: false } });
  options.scales = {
    x: { ...inside(axis('x₁', theme)), min: x0, max: x1 },
    y: { ...inside(axis('x₂', theme)), min: y0, max: y1 },
  };
  return { type: 'scatter', data: { datasets }, options, plugins: [boundaryPlugin(snapshot, CLASS_COLORS, theme.background)] };
}

/** "weight decay", or "weight decay #2" for a repeat. */

function points1d(points: DataPoints): Point[] {
  return points.x.map((x, i) => ({ x: x[0]!, y: finite(points.y[i]) }));
}

/**
 * The y range: the points with room around them, widened for the curves but not beyond
 * twice the points' spread, so one wild overfitted curve cannot flatten everything else.
 */
function fitRange(data: { train: DataPoints; test: DataPoints } | undefined, curves: readonly CurveSnapshot[]): [number | undefined, number | undefined] {
  const ys = data === undefined ? [] : [...data.train.y, ...data.test.y].filter(Number.isFinite);
  if (ys.length === 0) return [undefined, undefined];
  const [lo, hi] = extent(ys)!;
  const spread = hi - lo || 1;
  const [cLo, cHi] = extent([lo, hi, ...curves.flatMap((c) => c.y)])!;
  return niceBounds(Math.max(cLo, lo - spread) - 0.05 * spread, Math.min(cHi, hi + spread) + 0.05 * spread);
}

// Legends that scale: one entry per variant in its colour, then one entry per series
// (test, train, penalty …) in neutral ink drawn in that series' line style, explained once.
// Seven variants with three series each give ten entries, not twenty-one. A click on a
// variant's entry hides or shows all its lines; on a series' entry, that series in every variant.
import type { Chart, ChartOptions, LegendItem } from 'chart.js';
import type { ChartTheme } from './common.ts';

export interface SeriesStyle {
  /** The series' name in the legend, e.g. "test (eval mode)". */
  label: string;
  dash?: number[];
  /** Drawn lighter than the variant's colour (the train line). */
  faded?: boolean;
  width?: number;
  /** A marker instead of a line (the ★ of a sweep's choice, the × of a divergence). */
  marker?: 'star' | 'crossRot' | 'circle';
}

/** What each dataset is: whose colour and which series. Parallel to `data.datasets`. */
export interface DatasetTag {
  variant?: string;
  series?: string;
}

export function variantLegend(
  options: ChartOptions<'line' | 'scatter'>,
  theme: ChartTheme,
  variants: readonly { variant: string; name: string; color: string }[],
  series: readonly (SeriesStyle & { id: string })[],
  tags: readonly DatasetTag[],
): void {
  const legend = options.plugins!.legend!;
  const indices = (match: (tag: DatasetTag) => boolean) => tags.flatMap((tag, i) => (match(tag) ? [i] : []));
  const allHidden = (chart: Chart, of: number[]) => of.length > 0 && of.every((i) => !chart.isDatasetVisible(i));
  legend.labels = {
    ...legend.labels,
    generateLabels: (chart: Chart): LegendItem[] => [
      ...variants
        .filter((v) => tags.some((t) => t.variant === v.variant))
        .map((v) => item(v.name, v.color, 2.5, [], 'line', allHidden(chart, indices((t) => t.variant === v.variant)), theme, `variant:${v.variant}`)),
      ...series
        .filter((s) => tags.some((t) => t.series === s.id))
        .map((s) => item(s.label, s.faded ? theme.muted : theme.text, s.width ?? 2, s.dash ?? [], s.marker ?? 'line', allHidden(chart, indices((t) => t.series === s.id)), theme, `series:${s.id}`)),
    ],
  };
  legend.onClick = (_event, legendItem, legendObject) => {
    const chart = legendObject.chart as unknown as Chart;
    const key = (legendItem as LegendItem & { key?: string }).key ?? '';
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const of = indices((t) => (kind === 'variant' ? t.variant === id : t.series === id));
    const show = allHidden(chart, of);
    for (const i of of) chart.setDatasetVisibility(i, show);
    chart.update('none');
  };
}

function item(text: string, color: string, lineWidth: number, lineDash: number[], pointStyle: LegendItem['pointStyle'], hidden: boolean, theme: ChartTheme, key: string): LegendItem {
  return {
    text,
    fillStyle: color,
    strokeStyle: color,
    fontColor: theme.text,
    lineWidth,
    lineDash,
    pointStyle,
    hidden,
    key,
  } as LegendItem;
}

// Two small Chart.js plugins: a decision-boundary heat map painted behind a scatter chart
// (inline, per chart), and vertical error bars (±std) over a line chart's points (registered
// once, its bars in the chart's options). They only touch the
// DOM when the chart draws, so the config builders stay usable (and testable) in Node.
import type { Chart, ChartOptions, Plugin } from 'chart.js';
import type { Snapshot } from '../../protocol.ts';

export type BoundarySnapshot = Extract<Snapshot, { kind: 'boundary' }>;

/** Paints the predicted class of each grid point, paler where the model is less sure; `background` is the chart's. */
export function boundaryPlugin(snapshot: BoundarySnapshot, classColors: readonly string[], background = '#FFFFFF'): Plugin<'scatter'> {
  let image: HTMLCanvasElement | null = null;
  return {
    id: 'reglabBoundary',
    beforeDatasetsDraw(chart: Chart<'scatter'>) {
      image ??= paintBoundary(chart.canvas.ownerDocument, snapshot, classColors, background);
      const { ctx, chartArea, scales } = chart;
      const x = scales['x']!, y = scales['y']!;
      const [[x0, x1], [y0, y1]] = snapshot.domain;
      // Grid points are cell centres: each cell reaches half a step beyond them.
      const hx = (x1 - x0) / Math.max(1, snapshot.size - 1) / 2;
      const hy = (y1 - y0) / Math.max(1, snapshot.size - 1) / 2;
      const left = x.getPixelForValue(x0 - hx), right = x.getPixelForValue(x1 + hx);
      const top = y.getPixelForValue(y1 + hy), bottom = y.getPixelForValue(y0 - hy);
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
      ctx.clip();
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(image, left, top, right - left, bottom - top);
      ctx.restore();
    },
  };
}

/** One pixel per grid point, row 0 at the top (the largest y); class colours mixed into the background (white, or a dark theme's). */
export function paintBoundary(doc: Document, snapshot: BoundarySnapshot, classColors: readonly string[], background = '#FFFFFF'): HTMLCanvasElement {
  const { size, classes, confidence } = snapshot;
  const canvas = doc.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const pixels = ctx.createImageData(size, size);
  const classCount = Math.max(2, ...classes.map((c) => c + 1));
  const rgb = classColors.map(hexToRgb);
  const [bgRed, bgGreen, bgBlue] = hexToRgb(background);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      const [red, green, blue] = rgb[(classes[i] ?? 0) % rgb.length]!;
      // 1/K (a coin toss) → pale, 1 (certain) → strong.
      const sure = Math.min(1, Math.max(0, ((confidence[i] ?? 0) - 1 / classCount) / (1 - 1 / classCount)));
      const alpha = 0.12 + 0.5 * sure;
      const o = ((size - 1 - r) * size + c) * 4;
      pixels.data[o] = Math.round(bgRed + (red - bgRed) * alpha);
      pixels.data[o + 1] = Math.round(bgGreen + (green - bgGreen) * alpha);
      pixels.data[o + 2] = Math.round(bgBlue + (blue - bgBlue) * alpha);
      pixels.data[o + 3] = 255;
    }
  }
  ctx.putImageData(pixels, 0, 0);
  return canvas;
}

export interface ErrorBars {
  datasetIndex: number;
  low: readonly (number | null)[];
  high: readonly (number | null)[];
  /** Horizontal shift in pixels, so bars of datasets at the same x do not hide each other. */
  offset?: number;
}

export const ERROR_BARS_ID = 'reglabErrorBars';

/**
 * Error bars on a chart: its options carry them (options.plugins.reglabErrorBars.bars), and
 * the plugin, registered once with Chart.js (errorBarsPlugin), draws them. Options, unlike an
 * inline plugin, can be swapped by chart.update(), so a streaming sweep chart is updated in
 * place instead of being destroyed and rebuilt at every finished run.
 */
export function withErrorBars(options: ChartOptions<'line'>, bars: readonly ErrorBars[]): void {
  (options.plugins as Record<string, unknown>)[ERROR_BARS_ID] = { bars };
}

/** Draws a vertical bar with caps from low to high at each point of the datasets its options name. */
export const errorBarsPlugin: Plugin<'line', { bars?: readonly ErrorBars[] }> = {
  id: ERROR_BARS_ID,
  afterDatasetsDraw(chart: Chart<'line'>, _args, options) {
    const bars = options.bars ?? [];
    if (bars.length === 0) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
    ctx.clip();
    for (const bar of bars) {
      if (!chart.isDatasetVisible(bar.datasetIndex)) continue;
      const meta = chart.getDatasetMeta(bar.datasetIndex);
      const scale = meta.yScale;
      if (scale === undefined) continue;
      const dataset = chart.data.datasets[bar.datasetIndex]!;
      ctx.strokeStyle = String(dataset.borderColor ?? '#000');
      ctx.lineWidth = 1.25;
      ctx.setLineDash([]);
      meta.data.forEach((point, i) => {
        const low = bar.low[i], high = bar.high[i];
        if (low === null || low === undefined || high === null || high === undefined || high <= low) return;
        const x = point.x + (bar.offset ?? 0);
        // On a log axis a lower end at or below zero runs to the bottom of the plot.
        const yLow = low <= 0 && scale.type === 'logarithmic' ? chartArea.bottom : scale.getPixelForValue(low);
        const yHigh = scale.getPixelForValue(high);
        ctx.beginPath();
        ctx.moveTo(x, yLow);
        ctx.lineTo(x, yHigh);
        ctx.moveTo(x - 3, yLow);
        ctx.lineTo(x + 3, yLow);
        ctx.moveTo(x - 3, yHigh);
        ctx.lineTo(x + 3, yHigh);
        ctx.stroke();
      });
    }
    ctx.restore();
  },
};

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// The PNG the host asks for (`requestChartImage`): the visible tab's charts drawn onto one
// canvas where they sit on screen, with their titles, over the editor background, so the
// image reads the same as the panel and needs no transparency support where it is pasted.
import type { Chart } from 'chart.js';
import type { PanelTheme } from './theme.ts';

export interface Drawn {
  chart: Chart;
  card: HTMLElement;
}

export function viewImage(charts: readonly Drawn[], theme: PanelTheme, emptyText: string): string {
  const ratio = Math.max(1, window.devicePixelRatio || 1);
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const font = (size: number, weight = 400) => `${weight} ${size}px ${theme.font}`;
  if (charts.length === 0) {
    out.width = 640 * ratio;
    out.height = 120 * ratio;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, 640, 120);
    ctx.fillStyle = theme.text;
    ctx.font = font(14);
    ctx.fillText(emptyText || 'Nothing to show yet.', 16, 64, 608);
    return out.toDataURL('image/png');
  }
  const rects = charts.map((c) => c.card.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const width = Math.max(...rects.map((r) => r.right)) - left;
  const height = Math.max(...rects.map((r) => r.bottom)) - top;
  const pad = 12;
  out.width = Math.ceil((width + 2 * pad) * ratio);
  out.height = Math.ceil((height + 2 * pad) * ratio);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width + 2 * pad, height + 2 * pad);
  charts.forEach(({ chart, card }) => {
    const title = card.querySelector('.chart-title');
    if (title !== null) {
      const r = title.getBoundingClientRect();
      ctx.fillStyle = theme.text;
      ctx.font = font(13, 600);
      ctx.textBaseline = 'middle';
      ctx.fillText(title.textContent ?? '', r.left - left + pad, r.top - top + pad + r.height / 2, r.width);
    }
    const r = chart.canvas.getBoundingClientRect();
    ctx.drawImage(chart.canvas, r.left - left + pad, r.top - top + pad, r.width, r.height);
  });
  return out.toDataURL('image/png');
}

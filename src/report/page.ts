// The report page's script (browser): reads the embedded results and draws a chart in
// every `<canvas data-chart>`, with the same builders the panel uses. Chart.js is the
// global `Chart` of its UMD build, inlined before this script.
import type { Chart as ChartClass, ChartConfiguration } from 'chart.js';
import { buildChart, type ChartKind } from './charts/index.ts';
import { DATA_ELEMENT_ID, type ReportPayload } from './payload.ts';
import { errorBarsPlugin } from './charts/plugins.ts';
import { heatmapPlugin } from './charts/heatmap.ts';

const Chart = (globalThis as unknown as { Chart: typeof ChartClass }).Chart;
Chart.register(errorBarsPlugin, heatmapPlugin);

function main(): void {
  const payload = JSON.parse(document.getElementById(DATA_ELEMENT_ID)?.textContent ?? '{}') as ReportPayload;
  const charts: ChartClass[] = [];
  let failed = 0;
  for (const canvas of Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]'))) {
    const results = payload.experiments[Number(canvas.dataset['experiment'])];
    try {
      if (results === undefined) throw new Error(`no experiment ${canvas.dataset['experiment'] ?? ''}`);
      const config = buildChart(results, canvas.dataset['chart'] as ChartKind, canvas.dataset['run']);
      charts.push(new Chart(canvas, config as ChartConfiguration));
    } catch (error) {
      failed++;
      const note = document.createElement('p');
      note.className = 'chart-error';
      note.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      canvas.replaceWith(note);
    }
  }
  // Printed pages are narrower than the screen: size the charts for the page, then back.
  addEventListener('beforeprint', () => {
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    charts.forEach((c) => c.resize());
  });
  addEventListener('afterprint', () => charts.forEach((c) => c.resize()));
  markScrollingTables();
  addEventListener('resize', markScrollingTables);
  document.documentElement.dataset['charts'] = String(charts.length);
  document.documentElement.dataset['chartErrors'] = String(failed);
}

/** A table wider than the page scrolls sideways: say so above it, and shade the cut edge. */
function markScrollingTables(): void {
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('.table-box'))) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle('scrolls', scrolls);
    let hint = box.previousElementSibling;
    if (!hint?.classList.contains('scroll-hint')) {
      if (!scrolls) continue;
      hint = document.createElement('p');
      hint.className = 'scroll-hint';
      hint.textContent = 'The table is wider than the page: scroll it sideways for more columns →';
      box.before(hint);
    }
    (hint as HTMLElement).hidden = !scrolls;
  }
}

main();

// The report in a real browser: every planned chart is drawn, none fails, nothing is
// fetched and nothing is logged. Uses Debian's Chromium through playwright-core (as the
// e2e suite does) and is skipped where there is none.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { renderReport } from '../../../src/report/index.ts';
import { planCharts } from '../../../src/report/charts/plan.ts';
import { allFixtures } from './fixtures.ts';

const CHROMIUM = process.env['REGLAB_CHROMIUM'] ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set REGLAB_CHROMIUM)`;

describe('the report in Chromium', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglab-report-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every chart offline, without errors', { timeout: 60_000 }, async () => {
    const fixtures = allFixtures();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(fixtures));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`${m.type()}: ${m.text()}`) : undefined));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => void (r.url().startsWith('file:') ? undefined : problems.push(`request: ${r.url()}`)));
      await page.goto(pathToFileURL(file).href);
      const state = await page.evaluate(() => {
        const Chart = (globalThis as unknown as { Chart: { getChart(c: HTMLCanvasElement): { chartArea: { width: number; height: number } } | undefined } }).Chart;
        return {
          charts: document.documentElement.dataset['charts'],
          errors: document.documentElement.dataset['chartErrors'],
          areas: Array.from(document.querySelectorAll('canvas')).map((c) => {
            const area = Chart.getChart(c)?.chartArea;
            return [c.id, Math.round(area?.width ?? 0), Math.round(area?.height ?? 0)] as const;
          }),
        };
      });
      const planned = fixtures.flatMap((f, i) => planCharts(f, `experiment-${i + 1}`));
      assert.deepEqual(problems, []);
      assert.equal(state.errors, '0');
      assert.equal(state.charts, String(planned.length));
      for (const [id, width, height] of state.areas) assert.ok(width > 100 && height > 100, `${id}: plot area ${width}×${height}`);
    } finally {
      await browser.close();
    }
  });
});

// The HTML report: one self-contained document that fetches nothing, whose embedded JSON
// gives back the (thinned) results, with a section per experiment and a canvas per chart.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderReport } from '../../../src/report/index.ts';
import { planCharts } from '../../../src/report/charts/plan.ts';
import { compactResults, DATA_ELEMENT_ID, MAX_CURVE_POINTS, type ReportPayload } from '../../../src/report/payload.ts';
import { allFixtures, classifierResults, HOSTILE_TITLE } from './fixtures.ts';

const GENERATED_AT = new Date('2024-05-01T12:00:00Z');
const fixtures = allFixtures();
const html = renderReport(fixtures, { generatedAt: GENERATED_AT });

function embeddedJson(text: string): string {
  const match = new RegExp(`<script type="application/json" id="${DATA_ELEMENT_ID}">([^]*?)</script>`).exec(text);
  assert.ok(match, 'the data script is present');
  return match[1]!;
}

/** The text of every <script> element, in order. */
function scripts(text: string): string[] {
  return [...text.matchAll(/<script\b[^>]*>([^]*?)<\/script>/g)].map((m) => m[1]!);
}

/** The document with its scripts' contents removed: what the HTML parser sees as markup. */
function markup(text: string): string {
  return text.replace(/(<script\b[^>]*>)[^]*?(<\/script>)/g, '$1$2');
}

function canvases(text: string): { id: string; chart: string; experiment: string; run?: string }[] {
  return [...text.matchAll(/<canvas([^>]*)>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1];
    const run = attr('data-run');
    return { id: attr('id')!, chart: attr('data-chart')!, experiment: attr('data-experiment')!, ...(run === undefined ? {} : { run }) };
  });
}

describe('renderReport', () => {
  it('writes one complete HTML document', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">\n<head>/);
    assert.match(html, /<\/body>\n<\/html>\n$/);
    const outside = markup(html);
    for (const tag of ['<html', '<head>', '</head>', '<body>', '</body>', '</html>', '<title>', '<main>']) {
      assert.equal(outside.split(tag).length - 1, 1, `one ${tag}`);
    }
    assert.match(outside, /<meta charset="utf-8">/);
    // Three scripts: the data, Chart.js, the page script; every <script> is closed by its own </script>.
    assert.equal(scripts(html).length, 3);
    assert.equal(html.split('<script').length - 1, 3);
    assert.equal(html.split('</script>').length - 1, 3);
    assert.equal(outside.split('<section class="experiment"').length - 1, fixtures.length);
    assert.equal(outside.split('</section>').length - 1, fixtures.length);
  });

  it('references nothing outside the file', () => {
    assert.doesNotMatch(html, /<script[^>]+src=/i);
    assert.doesNotMatch(html, /<link\b/i);
    assert.doesNotMatch(html, /<iframe|<img\b|<object|<embed/i);
    assert.doesNotMatch(html, /url\(\s*['"]?(https?:)?\/\//i);
    assert.doesNotMatch(html, /@import/i);
    assert.doesNotMatch(html, /\b(src|href)=["']?(https?:)?\/\//i);
    // The only URLs are in Chart.js's licence header and comments; everything else has none.
    const [data, chartJs, page] = scripts(html);
    assert.doesNotMatch(markup(html), /https?:\/\//);
    assert.doesNotMatch(data!, /https?:\/\//);
    assert.doesNotMatch(page!, /https?:\/\//);
    assert.match(chartJs!, /^\/\*!\n \* Chart\.js v4/);
    // And the page forbids any fetch even if something slipped in.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">/);
  });

  it('inlines scripts that compile', () => {
    const [, chartJs, page] = scripts(html);
    assert.ok(chartJs!.length > 100_000, 'Chart.js is inlined');
    assert.doesNotThrow(() => new Function(chartJs!));
    assert.doesNotThrow(() => new Function(page!));
    assert.doesNotMatch(chartJs! + page!, /sourceMappingURL/);
  });

  it('embeds the results as JSON that parses back to what went in (thinned)', () => {
    const payload = JSON.parse(embeddedJson(html)) as ReportPayload;
    assert.equal(payload.format, 'reglab-report');
    assert.equal(payload.generatedAt, GENERATED_AT.toISOString());
    assert.equal(payload.title, 'Reglab report');
    // NaN and Infinity (a diverged run) travel as null, as in any JSON.
    const expected = JSON.parse(JSON.stringify(fixtures.map((f) => compactResults(f))));
    assert.deepEqual(payload.experiments, expected);
    assert.equal(payload.experiments[2]!.title, HOSTILE_TITLE);
    // What thinning keeps: every summary and sweep point, bounded curves with both ends, the last snapshot.
    const [regression] = payload.experiments;
    assert.deepEqual(regression!.sweep, fixtures[0]!.sweep);
    const original = fixtures[0]!.runs[0]!;
    const kept = regression!.runs[0]!;
    assert.equal(original.metrics.length, 1001);
    assert.ok(kept.metrics.length <= MAX_CURVE_POINTS);
    assert.equal(kept.metrics[0]!.epoch, 0);
    assert.equal(kept.metrics[kept.metrics.length - 1]!.epoch, 1000);
    assert.deepEqual(kept.snapshots, [original.snapshots[original.snapshots.length - 1]]);
    assert.deepEqual(kept.summary, original.summary);
    assert.deepEqual(kept.data, original.data);
    const sweepRun = regression!.runs.find((r) => r.sweepValue !== undefined)!;
    assert.deepEqual([sweepRun.metrics, sweepRun.snapshots, sweepRun.data], [[], [], undefined]);
    assert.ok(sweepRun.summary !== undefined);
  });

  it('keeps a small experiment exactly', () => {
    const small = classifierResults();
    small.runs = small.runs.map((r) => ({ ...r, metrics: r.metrics.slice(0, 50), snapshots: r.snapshots.slice(-1) }));
    const payload = JSON.parse(embeddedJson(renderReport([small]))) as ReportPayload;
    assert.deepEqual(payload.experiments, JSON.parse(JSON.stringify([small])));
  });

  it('has a section per experiment and a canvas per planned chart', () => {
    const found = canvases(html);
    assert.equal(new Set(found.map((c) => c.id)).size, found.length, 'canvas ids are unique');
    fixtures.forEach((results, i) => {
      assert.match(html, new RegExp(`<section class="experiment" id="experiment-${i + 1}" data-experiment="${i}">`));
      const planned = planCharts(results, `experiment-${i + 1}`);
      const mine = found.filter((c) => c.experiment === String(i));
      assert.deepEqual(mine.map((c) => [c.id, c.chart, c.run]), planned.map((s) => [s.id, s.kind, s.runId]));
    });
    const kinds = (i: number) => found.filter((c) => c.experiment === String(i)).map((c) => c.chart);
    assert.deepEqual(kinds(0), ['fit', 'loss', 'penalty', 'sweep-loss', 'sweep-weights', 'histogram', 'histogram', 'weight-norm']);
    assert.deepEqual(kinds(1), ['boundary', 'boundary', 'loss', 'accuracy', 'histogram', 'histogram', 'weight-norm']);
    assert.deepEqual(kinds(2), ['loss', 'sweep-loss', 'sweep-weights', 'histogram', 'histogram', 'weight-norm']);
    // One small boundary chart per variant that has one, named by run; none for the diverged or failed run.
    assert.deepEqual(found.filter((c) => c.chart === 'boundary').map((c) => c.run), ['no-dropout', 'dropout']);
    // Sweep runs stay out of the Loss and Fit charts: the per-run charts name variant runs only.
    assert.ok(found.every((c) => c.run === undefined || !c.run.includes('@')));
    assert.match(html, /No fit view: it is drawn for regressions with one input and classifiers with two\./);
    for (const heading of ['Runs', 'Fit', 'Loss', 'Sweep', 'Weights']) assert.match(html, new RegExp(`<h3>${heading}</h3>`));
  });

  it('escapes titles, descriptions and file names', () => {
    const outside = markup(html);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(outside, /<h2>d2l &lt;\/script&gt;&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &lt;!-- &amp; \u2028 λ<\/h2>/);
    assert.match(outside, /Twenty samples, 200 features: &lt;b&gt;bold\?&lt;\/b&gt; &amp; &quot;quotes&quot; &lt;\/script&gt;/);
    assert.match(outside, /<code>examples\/d2l &lt;high-dim&gt;\.reglab\.json<\/code>/);
    const data = embeddedJson(html);
    assert.doesNotMatch(data, /<\/|<!--|\u2028/);
    assert.match(data, /d2l \\u003c\/script>\\u003cscript>alert/);
    // A title given as an option goes into <title> and <h1>, escaped.
    const titled = renderReport([classifierResults()], { title: 'A <b> & </title>' });
    assert.match(titled, /<title>A &lt;b&gt; &amp; &lt;\/title&gt;<\/title>/);
    assert.match(titled, /<h1>A &lt;b&gt; &amp; &lt;\/title&gt;<\/h1>/);
  });

  it('tabulates every run, with the message of diverged and failed ones', () => {
    const row = (id: string) => new RegExp(`<tr class="run run-(\\w+)" data-run="${id}">([^]*?)</tr>`).exec(html);
    const diverged = row('lr-5')!;
    assert.equal(diverged[1], 'diverged');
    assert.match(diverged[2]!, /Diverged at epoch 38: the training loss became Infinity at epoch 38 \(step 456\)/);
    const failed = row('from-csv')!;
    assert.equal(failed[1], 'failed');
    assert.match(failed[2]!, /column &quot;label&quot; is not in data\/moons\.csv/);
    assert.match(failed[2]!, /<code>data\.target<\/code>/);
    const plain = row('no-weight-decay')!;
    assert.match(plain[2]!, /<td class="num">0\.02007<\/td>/, 'final train loss (data term)');
    assert.match(plain[2]!, /<td class="num">13\.82<\/td>/, '‖w‖₂');
    // Every run of every experiment has a row, the sweep's included (in a folded table).
    for (const results of fixtures) for (const run of results.runs) assert.ok(row(run.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), run.id);
    assert.match(html, /<details class="sweep-runs"><summary>Sweep runs over <code>regularization\.l2<\/code>: <span class="count-problem">\d+ done · 1 (diverged|failed|stopped)/);
    assert.match(html, /the training loss became Infinity at step 37/);
    // Accuracy only where the runs have it.
    const sections = html.split('<section class="experiment"');
    assert.match(sections[2]!, /<th class="num">Test accuracy<\/th>/);
    assert.doesNotMatch(sections[1]!, /Test accuracy/);
  });

  it('names the best sweep value under the sweep charts', () => {
    assert.match(html, /Lowest mean test loss [\d.]+ ± [\d.e−]+ at L2 λ = 0\.01 \(3 repeats\)\./);
    assert.match(html, /1 of \d+ sweep runs did not finish \(1 (diverged|failed|stopped)\): the means leave them out\./);
  });

  it('uses the title and time it is given, and handles no experiments', () => {
    const one = renderReport([classifierResults()], { generatedAt: GENERATED_AT });
    assert.match(one, /<title>Dropout on two moons<\/title>/);
    assert.match(one, /Generated by Reglab on 2024-05-01 12:00:00 UTC · 1 experiment</);
    assert.doesNotMatch(one, /class="toc"/);
    const none = renderReport([]);
    assert.match(none, /No experiments\./);
    assert.deepEqual((JSON.parse(embeddedJson(none)) as ReportPayload).experiments, []);
  });

  it('renders the sample report to test-output/report/sample.html', () => {
    // For a look in a browser: chromium --headless --screenshot=sample.png --window-size=1200,3000 file://$PWD/test-output/report/sample.html
    mkdirSync('test-output/report', { recursive: true });
    writeFileSync('test-output/report/sample.html', html);
  });
});

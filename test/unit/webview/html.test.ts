// The panel's HTML: a strict CSP (nothing inline, scripts by nonce), no URL of the web, and
// an initial state that cannot break out of its <script> block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOOT_MESSAGES_ID, canInline, INITIAL_STATE_ID, jsonForScript, newNonce, panelCsp, panelHtml, withCodiconFont } from '../../../src/webview/html.ts';
import { regression } from './fixtures.ts';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const uris = {
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
  codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/node_modules/@vscode/codicons/dist/codicon.css',
};

function csp(html: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;|&apos;/g, "'");
}

test('the CSP starts from nothing and allows scripts only by nonce', () => {
  const nonce = newNonce();
  const html = panelHtml({ cspSource, nonce, ...uris });
  const policy = csp(html);
  assert.equal(policy, panelCsp(cspSource, nonce));
  assert.equal(policy, `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; font-src ${cspSource}; script-src 'nonce-${nonce}'`);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
});

test('every script carries the nonce; nothing is inline but the JSON state', () => {
  const nonce = newNonce();
  const html = panelHtml({ cspSource, nonce, ...uris, state: { file: 'a', results: regression(), knobs: [], view: 'loss', logScale: true } });
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
  assert.equal(scripts.length, 2);
  for (const attributes of scripts) assert.match(attributes, new RegExp(`nonce="${nonce}"`));
  assert.ok(scripts.some((a) => a.includes(`src="${uris.scriptUri}"`)));
  assert.ok(scripts.some((a) => a.includes('type="application/json"')));
  assert.ok(!/<style|\sstyle=|\son[a-z]+=/i.test(html), 'no inline styles or event handlers');
});

test('no URL of the web: only the webview resources passed in', () => {
  const html = panelHtml({ cspSource, nonce: newNonce(), ...uris });
  const urls = [...html.matchAll(/https?:\/\/[^\s"';)]+/g)].map((m) => m[0]);
  assert.ok(urls.length > 0);
  for (const url of urls) assert.ok(url.startsWith(cspSource), url);
  const local = panelHtml({ cspSource: 'vscode-webview:', nonce: newNonce(), scriptUri: 'vscode-webview://a/w.js', styleUri: 'vscode-webview://a/p.css', codiconsUri: 'vscode-webview://a/c.css' });
  assert.doesNotMatch(local, /https?:/);
});

test('the initial state is JSON that cannot close its script element', () => {
  const results = regression();
  results.title = '</script><script>alert(1)</script><!--';
  const html = panelHtml({ cspSource, nonce: newNonce(), ...uris, state: { file: 'a', results, knobs: [], view: 'fit', logScale: true } });
  assert.equal(html.match(/<\/script>/g)!.length, 2);
  const json = new RegExp(`<script type="application/json" id="${INITIAL_STATE_ID}"[^>]*>([^<]*)</script>`).exec(html)![1]!;
  assert.equal(JSON.parse(json).results.title, results.title);
  assert.equal(jsonForScript('a\u2028b&<>'), '"a\\u2028b\\u0026\\u003c\\u003e"');
});

test("a new page's boot messages: the session that opened it, as JSON that cannot close its script element", () => {
  const results = regression();
  results.title = '</script><script>alert(1)</script>';
  const messages = [
    { type: 'load' as const, state: { file: 'a', results: null, knobs: [], view: 'fit' as const, logScale: true } },
    { type: 'sessionStarted' as const, results, playground: false },
  ];
  const html = panelHtml({ cspSource, nonce: newNonce(), ...uris, messages });
  assert.equal(html.match(/<\/script>/g)!.length, 2);
  const json = new RegExp(`<script type="application/json" id="${BOOT_MESSAGES_ID}"[^>]*>([^<]*)</script>`).exec(html)![1]!;
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(messages)));
  assert.doesNotMatch(panelHtml({ cspSource, nonce: newNonce(), ...uris }), new RegExp(BOOT_MESSAGES_ID));
});

test('the script inline, with the nonce, when nothing in it can end its element; fetched otherwise', () => {
  const nonce = newNonce();
  const inline = panelHtml({ cspSource, nonce, ...uris, scriptText: 'document.body.dataset.x = "1 < 2";' });
  assert.match(inline, new RegExp(`<script nonce="${nonce}">document.body.dataset.x = "1 < 2";</script>`));
  assert.doesNotMatch(inline, /webview\.js/);
  for (const hostile of ['x = "</script><script>alert(1)";', 'x = "</SCRIPT >";', 'x = "<!--";']) {
    assert.equal(canInline(hostile), false, hostile);
    const fetched = panelHtml({ cspSource, nonce, ...uris, scriptText: hostile });
    assert.ok(fetched.includes(`src="${uris.scriptUri}"`));
    assert.ok(!fetched.includes(hostile));
  }
});

test('the stylesheets inline in one <style> with the nonce, which the CSP then names; linked otherwise', () => {
  const nonce = newNonce();
  const inline = panelHtml({ cspSource, nonce, ...uris, styleText: 'body { color: red; }' });
  assert.match(inline, new RegExp(`<style nonce="${nonce}">body \\{ color: red; \\}</style>`));
  assert.doesNotMatch(inline, /<link/);
  assert.equal(csp(inline), panelCsp(cspSource, nonce, true));
  assert.match(csp(inline), new RegExp(`style-src ${cspSource.replace(/[.+]/g, '\\$&')} 'nonce-${nonce}'`));
  assert.doesNotMatch(csp(inline), /unsafe-inline/);
  const linked = panelHtml({ cspSource, nonce, ...uris, styleText: 'a { content: "</style><script>alert(1)</script>" }' });
  assert.equal(linked.match(/<link rel="stylesheet"/g)!.length, 2);
  assert.doesNotMatch(linked, /<style/);
  assert.equal(csp(linked), panelCsp(cspSource, nonce));
});

test("an inline copy of codicon.css names its font by the webview's URL", () => {
  const css = readFileSync(join(process.cwd(), 'node_modules/@vscode/codicons/dist/codicon.css'), 'utf8');
  const font = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.ttf';
  const rebased = withCodiconFont(css, font);
  assert.ok(rebased.includes(`url("${font}")`));
  assert.doesNotMatch(rebased, /url\((["']?)\.\//);
  assert.equal(rebased.length - css.length, `url("${font}")`.length - /url\([^)]*codicon\.ttf[^)]*\)/.exec(css)![0].length);
});

test('nonces are long, URL-safe and new every time; a weak one is refused', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const nonce = newNonce();
    assert.match(nonce, /^[A-Za-z0-9_-]{32}$/);
    seen.add(nonce);
  }
  assert.equal(seen.size, 100);
  assert.throws(() => panelHtml({ cspSource, nonce: 'abc', ...uris }), /nonce/);
  assert.throws(() => panelHtml({ cspSource, nonce: 'x" onload="alert(1)xxxxxxxxxxxxxxx', ...uris }), /nonce/);
});

test('attribute values are escaped', () => {
  const html = panelHtml({ cspSource, nonce: newNonce(), ...uris, scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/a"b.js' });
  assert.match(html, /a&quot;b\.js/);
});

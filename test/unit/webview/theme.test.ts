// Chart colours from VS Code's theme variables, with fallbacks outside VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fade, mix, themeFromVariables, themeKind, toHex } from '../../../src/webview/theme.ts';

const classes = (...names: string[]) => ({ contains: (n: string) => names.includes(n) });

test('the theme kind comes from the body class VS Code sets', () => {
  assert.equal(themeKind(classes('vscode-light')), 'light');
  assert.equal(themeKind(classes('vscode-dark')), 'dark');
  assert.equal(themeKind(classes('vscode-high-contrast')), 'high-contrast');
  assert.equal(themeKind(classes('vscode-high-contrast', 'vscode-high-contrast-light')), 'high-contrast-light');
  assert.equal(themeKind(classes()), 'dark');
});

test('colours are read from --vscode-* variables', () => {
  const vars: Record<string, string> = {
    foreground: ' #616161 ',
    descriptionForeground: '#717171',
    'panel-border': '#e5e5e5',
    'editor-background': '#fffffe',
    'charts-blue': '#1a85ff',
    'charts-orange': 'rgb(209, 134, 22)',
    'font-family': 'Segoe WPC',
  };
  const theme = themeFromVariables((name) => vars[name] ?? '', 'light');
  assert.equal(theme.text, '#616161');
  assert.equal(theme.muted, '#717171');
  assert.equal(theme.grid, '#e5e5e5');
  assert.equal(theme.background, '#fffffe');
  assert.equal(theme.font, 'Segoe WPC');
  assert.deepEqual(theme.palette.slice(0, 2), ['#1a85ff', '#d18616']);
  assert.equal(theme.palette.length, 12);
  assert.equal(new Set(theme.palette).size, 12, 'seven to twelve variants get colours of their own');
  assert.equal(theme.palette[6], '#3e73b0', 'the blue again, halfway to the text colour');
  for (const c of theme.palette) assert.match(c, /^#[0-9a-f]{6}$/, 'hex: the report mixes alpha into it');
});

test('missing variables fall back to the VS Code defaults of the theme kind', () => {
  const dark = themeFromVariables(() => '', 'dark');
  const light = themeFromVariables(() => '', 'light');
  assert.equal(dark.background, '#1f1f1f');
  assert.equal(light.background, '#ffffff');
  assert.notEqual(dark.text, light.text);
  assert.equal(dark.palette[0], '#3794ff');
});

test('high contrast: full-strength text for muted labels, the contrast border (faded) for the grid', () => {
  const vars: Record<string, string> = { foreground: '#ffffff', descriptionForeground: '#ffffffb3', contrastBorder: '#6fc3df', 'editor-background': '#000000' };
  const theme = themeFromVariables((name) => vars[name] ?? '', 'high-contrast');
  assert.equal(theme.muted, '#ffffff');
  assert.equal(theme.grid, 'rgba(111, 195, 223, 0.45)');
  assert.equal(theme.background, '#000000');
});

test('toHex reads the colour notations VS Code uses', () => {
  assert.equal(toHex('#ABC'), '#aabbcc');
  assert.equal(toHex('#abcd'), '#aabbcc');
  assert.equal(toHex('#3794ff'), '#3794ff');
  assert.equal(toHex('#80808059'), '#808080');
  assert.equal(toHex('rgba(255, 0, 16, 0.5)'), '#ff0010');
  assert.equal(toHex('rgb(1 2 3)'), '#010203');
  assert.equal(toHex('red'), undefined);
  assert.equal(fade('#ff0000', 0.5), 'rgba(255, 0, 0, 0.5)');
  assert.equal(fade('red', 0.5), 'red');
  assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
  assert.equal(mix('#102030', '#102030', 0.3), '#102030');
});

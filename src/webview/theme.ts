// The charts' colours, read from VS Code's theme: the page's CSS variables (--vscode-*) that
// VS Code sets on <html>, read through getComputedStyle, and read again when the body's
// theme class changes (vscode-light, vscode-dark, vscode-high-contrast[-light]).
import type { ChartTheme } from '../report/charts/index.ts';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface PanelTheme extends ChartTheme {
  kind: ThemeKind;
  /** One colour per variant, in variant order (VS Code's chart colours, then the same mixed with the text colour). */
  palette: string[];
  /** Diverged and failed runs. */
  error: string;
  /** Chart tooltips look like VS Code's hovers. */
  hover: { background: string; text: string; border: string };
}

/** VS Code's chart colours, most distinct first; red late, since errors are red too. */
export const PALETTE_VARIABLES = ['charts-blue', 'charts-orange', 'charts-green', 'charts-purple', 'charts-red', 'charts-yellow'] as const;

/** VS Code's Dark Modern values, used when a variable is missing (outside VS Code, old versions). */
const DARK_FALLBACK: Record<string, string> = {
  foreground: '#cccccc',
  descriptionForeground: '#9d9d9d',
  'panel-border': '#80808059',
  'editor-background': '#1f1f1f',
  errorForeground: '#f85149',
  'editorHoverWidget-background': '#202020',
  'editorHoverWidget-foreground': '#cccccc',
  'editorHoverWidget-border': '#454545',
  'charts-blue': '#3794ff',
  'charts-orange': '#d18616',
  'charts-green': '#89d185',
  'charts-purple': '#b180d7',
  'charts-red': '#f14c4c',
  'charts-yellow': '#cca700',
};

const LIGHT_FALLBACK: Record<string, string> = {
  foreground: '#3b3b3b',
  descriptionForeground: '#717171',
  'panel-border': '#e5e5e5',
  'editor-background': '#ffffff',
  errorForeground: '#a1260d',
  'editorHoverWidget-background': '#f8f8f8',
  'editorHoverWidget-foreground': '#3b3b3b',
  'editorHoverWidget-border': '#c8c8c8',
  'charts-blue': '#1a85ff',
  'charts-orange': '#d18616',
  'charts-green': '#388a34',
  'charts-purple': '#652d90',
  'charts-red': '#e51400',
  'charts-yellow': '#bf8803',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function themeKind(bodyClasses: { contains(name: string): boolean }): ThemeKind {
  if (bodyClasses.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (bodyClasses.contains('vscode-high-contrast')) return 'high-contrast';
  if (bodyClasses.contains('vscode-light')) return 'light';
  return 'dark';
}

/** The theme from a getter of `--vscode-<name>` values ('' when unset). */
export function themeFromVariables(get: (name: string) => string, kind: ThemeKind): PanelTheme {
  const fallback = kind === 'light' || kind === 'high-contrast-light' ? LIGHT_FALLBACK : DARK_FALLBACK;
  const read = (name: string) => get(name).trim() || fallback[name] || '';
  const contrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const text = read('foreground');
  const background = toHex(read('editor-background')) ?? fallback['editor-background']!;
  const base = PALETTE_VARIABLES.map((name) => toHex(read(name)) ?? fallback[name]!);
  // VS Code has six chart colours; a seventh variant and on get them again, halfway to the text colour.
  const ink = toHex(text) ?? (kind === 'light' || kind === 'high-contrast-light' ? '#000000' : '#ffffff');
  const palette = [...base, ...base.map((c) => mix(c, ink, 0.5))];
  return {
    kind,
    text,
    // High contrast: muted text would lose the contrast the user asked for.
    muted: contrast ? text : read('descriptionForeground'),
    // High contrast: the border colour, faded, so the grid does not outshout the curves.
    grid: contrast ? fade(get('contrastBorder').trim() || read('panel-border'), 0.45) : read('panel-border'),
    background,
    font: get('font-family').trim() || FONT,
    palette,
    error: read('errorForeground'),
    hover: {
      background: read('editorHoverWidget-background'),
      text: read('editorHoverWidget-foreground') || text,
      border: contrast ? get('contrastBorder').trim() || read('editorHoverWidget-border') : read('editorHoverWidget-border'),
    },
  };
}

/** Reads the theme of the page now. */
export function readTheme(doc: Document = document): PanelTheme {
  const style = getComputedStyle(doc.documentElement);
  return themeFromVariables((name) => style.getPropertyValue(`--vscode-${name}`), themeKind(doc.body.classList));
}

/** Calls `onChange` when VS Code switches theme (it swaps the body's classes and the variables). */
export function watchTheme(onChange: () => void, doc: Document = document): () => void {
  const observer = new MutationObserver(() => onChange());
  observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  // Some theme switches only change the variables on <html> (its style attribute).
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['style'] });
  return () => observer.disconnect();
}

/** '#rgb', '#rgba', '#rrggbb', '#rrggbbaa', 'rgb(…)' or 'rgba(…)' as '#rrggbb' (alpha dropped). */
export function toHex(color: string): string | undefined {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3,4})$/.exec(c);
  if (m) return `#${[...m[1]!.slice(0, 3)].map((d) => d + d).join('')}`;
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(c);
  if (m) return `#${m[1]}`;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(c);
  if (m) return `#${[m[1], m[2], m[3]].map((v) => Math.round(Math.min(255, Number(v))).toString(16).padStart(2, '0')).join('')}`;
  return undefined;
}

/** A colour with an alpha, as rgba(); unparseable colours are returned as they are. */
export function fade(color: string, alpha: number): string {
  const hex = toHex(color);
  if (hex === undefined) return color;
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** '#rrggbb' between two '#rrggbb' colours (t = 0: a, 1: b). */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16), pb = parseInt(b.slice(1), 16);
  const channel = (shift: number) => Math.round(((pa >> shift) & 255) * (1 - t) + ((pb >> shift) & 255) * t);
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

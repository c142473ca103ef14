// "Save as variant": the playground's values written into the experiment file as a new
// variant, as text edits that keep the file's comments and layout (jsonc-parser's
// `modify`). saveVariant.ts applies them as one WorkspaceEdit, so Undo takes them back.
// Free of vscode (unit-tested).
import { findNodeAtLocation, getNodeValue, modify, type Edit, type FormattingOptions, type Node } from 'jsonc-parser';
import type { Knob } from '../webview/contract.ts';
import { clampKnob, type KnobValues } from './knobs.ts';

export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface SavedVariant {
  /** The name written (made unique in the file). */
  name: string;
  /** The variant the new one copies (its own overrides come along). */
  basedOn?: string;
  /** The knobs written into it. */
  written: Knob[];
  /** Moved knobs a variant cannot hold (the seed belongs to the whole experiment). */
  skipped: Knob[];
  edits: TextEdit[];
}

/** Variants (and the sweep's list) need this name for the base when a file had none. */
export const BASE_VARIANT_NAME = 'base';

export function saveVariantEdits(text: string, tree: Node | undefined, knobs: readonly Knob[], values: KnobValues, requestedName: string): SavedVariant {
  if (tree === undefined || tree.type !== 'object') throw new Error('the experiment file is not a JSON object');
  const moved = knobs.filter((k) => values[k.id] !== undefined && clampKnob(k, values[k.id]!) !== k.value);
  const written = moved.filter((k) => k.id !== 'seed');
  const skipped = moved.filter((k) => k.id === 'seed');

  const list = findNodeAtLocation(tree, ['variants']);
  const existing = list?.type === 'array' ? (list.children ?? []) : [];
  const names = existing.map((v) => findNodeAtLocation(v, ['name'])?.value).filter((n): n is string => typeof n === 'string');
  const basedOn = written.flatMap((k) => k.variants).find((n) => names.includes(n)) ?? names[0];
  const baseIndex = basedOn === undefined ? -1 : names.indexOf(basedOn);
  const source = baseIndex >= 0 ? (getNodeValue(existing[baseIndex]!) as Record<string, unknown>) : {};
  const { name: _name, description: _description, ...sections } = source;

  const name = uniqueName(requestedName, [...names, ...(existing.length === 0 ? [BASE_VARIANT_NAME] : [])]);
  const variant: Record<string, unknown> = {
    name,
    description: '',
    ...structuredClone(sections),
  };
  for (const knob of written) setPath(variant, knob.path.split('.'), clampKnob(knob, values[knob.id]!));
  const chosen = written.map((k) => ({ ...k, value: clampKnob(k, values[k.id]!) }));
  variant.description = describe(chosen, basedOn);

  const options = { formattingOptions: formatting(text) };
  let edits: Edit[];
  if (list?.type === 'array') {
    edits = modifyCompact(text, ['variants', existing.length], variant, { ...options, isArrayInsertion: true });
  } else {
    // A file without variants runs its base; with variants only they run. So the base
    // becomes a variant of its own, and a sweep over "every variant" stays on the base.
    edits = modifyCompact(text, ['variants'], [{ name: BASE_VARIANT_NAME }, variant], options);
    const sweep = findNodeAtLocation(tree, ['sweep']);
    if (sweep?.type === 'object' && findNodeAtLocation(sweep, ['variants']) === undefined) {
      const withVariants = applyAll(text, edits);
      edits = [...edits, ...shift(modifyCompact(withVariants, ['sweep', 'variants'], [BASE_VARIANT_NAME], options), text, withVariants, edits)];
    }
  }
  return { name, ...(basedOn === undefined ? {} : { basedOn }), written: chosen, skipped, edits: edits.map(({ offset, length, content }) => ({ offset, length, content })) };
}

/** "Saved from the playground: λ (weight decay) = 0.03, learning rate = 0.005 (from "weight decay")". */
function describe(written: readonly Knob[], basedOn: string | undefined): string {
  const values = written.map((k) => `${k.label} = ${formatValue(k.value)}`);
  return `Saved from the playground${values.length > 0 ? `: ${values.join(', ')}` : ''}${basedOn === undefined ? '' : ` (from "${basedOn}")`}.`;
}

/** Short and exact enough for a description: 0.03, 1e-4, 250. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(Number(value.toPrecision(3)));
  return text.length > 8 ? value.toExponential(2).replace(/\.?0+e/, 'e') : text;
}

const PLACEHOLDER = '\u0000reglab-value\u0000';

/**
 * jsonc-parser's `modify`, with the value laid out as people write these files: a variant's
 * keys one per line, and each key's value on that line (`"regularization": { "l2": 0.01 }`),
 * rather than one line per key at every depth.
 */
function modifyCompact(text: string, path: (string | number)[], value: unknown, options: Parameters<typeof modify>[3]): Edit[] {
  const fo = options.formattingOptions!;
  const unit = fo.insertSpaces === false ? '\t' : ' '.repeat(fo.tabSize ?? 2);
  return modify(text, path, PLACEHOLDER, options).map((edit) => {
    const quoted = JSON.stringify(PLACEHOLDER);
    const at = edit.content.indexOf(quoted);
    if (at < 0) return edit;
    const lineStart = edit.content.lastIndexOf('\n', at) + 1;
    const indent = lineStart > 0 ? /^[ \t]*/.exec(edit.content.slice(lineStart))![0] : currentIndent(text, edit.offset);
    const laidOut = layout(value, indent, unit, fo.eol ?? '\n');
    return { ...edit, content: edit.content.slice(0, at) + laidOut + edit.content.slice(at + quoted.length) };
  });
}

function currentIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Arrays of objects and objects with several keys one item per line; everything inside on one line. */
function layout(value: unknown, indent: string, unit: string, eol: string): string {
  const inner = indent + unit;
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return `[${eol}${value.map((v) => inner + layout(v, inner, unit, eol)).join(`,${eol}`)}${eol}${indent}]`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 1) {
    const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${oneLine(v)}`);
    return `{${eol}${entries.join(`,${eol}`)}${eol}${indent}}`;
  }
  return oneLine(value);
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function uniqueName(requested: string, taken: readonly string[]): string {
  if (!taken.includes(requested)) return requested;
  for (let n = 2; ; n++) if (!taken.includes(`${requested} (${n})`)) return `${requested} (${n})`;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function formatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const tabs = indent.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 4 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function applyAll(text: string, edits: readonly Edit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.content + t.slice(e.offset + e.length), text);
}

/**
 * Edits computed on `after` (= `before` with `first` applied) as edits of `before`. Only
 * edits that start after every edit of `first`, or before all of them, can be moved back.
 */
function shift(edits: readonly Edit[], before: string, after: string, first: readonly Edit[]): Edit[] {
  const delta = after.length - before.length;
  const firstStart = Math.min(...first.map((e) => e.offset));
  const firstEnd = Math.max(...first.map((e) => e.offset + e.length));
  return edits.map((e) => {
    if (e.offset + e.length <= firstStart) return e;
    if (e.offset >= firstEnd + delta) return { ...e, offset: e.offset - delta };
    throw new Error('overlapping edits');
  });
}

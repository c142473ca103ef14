// "Save as variant": the playground's values written into the experiment file as a new
// variant, as insertions that keep the file's comments and layout (nothing around them is
// reformatted). saveVariant.ts applies them as one WorkspaceEdit, so Undo takes them back.
// Free of vscode (unit-tested).
import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
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

  const fo = formatting(text);
  const edits: TextEdit[] = [];
  if (list?.type === 'array') {
    edits.push(appendToArray(text, list, variant, fo));
  } else {
    // A file without variants runs its base; with variants only they run. So the base
    // becomes a variant of its own, and a sweep over "every variant" stays on the base.
    edits.push(addProperty(text, tree, 'variants', [{ name: BASE_VARIANT_NAME }, variant], fo));
    const sweep = findNodeAtLocation(tree, ['sweep']);
    if (sweep?.type === 'object' && findNodeAtLocation(sweep, ['variants']) === undefined) {
      edits.push(addProperty(text, sweep, 'variants', [BASE_VARIANT_NAME], fo));
    }
  }
  return { name, ...(basedOn === undefined ? {} : { basedOn }), written: chosen, skipped, edits };
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

interface Layout {
  unit: string;
  eol: string;
}

/**
 * An insertion after the last item of `list` (or into an empty one), laid out like the item
 * before it. Nothing else in the file moves: no reformatting of the items around it.
 */
function appendToArray(text: string, list: Node, value: unknown, fo: Layout): TextEdit {
  const items = list.children ?? [];
  const last = items[items.length - 1];
  if (last === undefined) {
    const indent = indentOfLine(text, list.offset);
    return { offset: list.offset + 1, length: 0, content: `${fo.eol}${indent}${fo.unit}${layout(value, indent + fo.unit, fo)}${fo.eol}${indent}` };
  }
  const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', last.offset - 1) + 1, last.offset));
  const indent = ownLine ? indentOfLine(text, last.offset) : indentOfLine(text, list.offset) + fo.unit;
  const separator = ownLine ? `,${fo.eol}${indent}` : ', ';
  return { offset: last.offset + last.length, length: 0, content: `${separator}${layout(value, indent, fo)}` };
}

/** A new last property of `object`, on its own line, indented like the property before it. */
function addProperty(text: string, object: Node, key: string, value: unknown, fo: Layout): TextEdit {
  const properties = object.children ?? [];
  const last = properties[properties.length - 1];
  if (last === undefined) {
    const indent = indentOfLine(text, object.offset);
    return { offset: object.offset + 1, length: 0, content: `${fo.eol}${indent}${fo.unit}${JSON.stringify(key)}: ${layout(value, indent + fo.unit, fo)}${fo.eol}${indent}` };
  }
  const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', last.offset - 1) + 1, last.offset));
  const indent = ownLine ? indentOfLine(text, last.offset) : indentOfLine(text, object.offset) + fo.unit;
  const separator = ownLine ? `,${fo.eol}${indent}` : ', ';
  return { offset: last.offset + last.length, length: 0, content: `${separator}${JSON.stringify(key)}: ${layout(value, indent, fo)}` };
}

function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Arrays of objects and objects with several keys one item per line; everything inside on one line. */
function layout(value: unknown, indent: string, fo: Layout): string {
  const { unit, eol } = fo;
  const inner = indent + unit;
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return `[${eol}${value.map((v) => inner + layout(v, inner, fo)).join(`,${eol}`)}${eol}${indent}]`;
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

function formatting(text: string): Layout {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { unit: indent.startsWith('\t') ? '\t' : indent, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

// Words for schemas and values, shared by the validator's messages and the JSON Schema's
// descriptions: "a number > 0", "an integer ≥ 1 or \"full\"", "got -0.1".
import { MAX_QUOTED } from '../limits.ts';
import type { NumberNode, SchemaNode } from './types.ts';

export type Segment = string | number;
export type Path = readonly Segment[];

/** `training.optimizer.lr`, `model.hidden[1]`; the empty path is "the file". */
export function formatPath(path: Path): string {
  if (path.length === 0) return 'the file';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** "> 0", "≥ 1", "in [0, 1)", or "" when the number is unbounded. */
export function rangeText(n: NumberNode): string {
  const low = n.exclusiveMinimum ?? n.minimum;
  const high = n.exclusiveMaximum ?? n.maximum;
  if (low !== undefined && high !== undefined) {
    const open = n.exclusiveMinimum !== undefined ? '(' : '[';
    const close = n.exclusiveMaximum !== undefined ? ')' : ']';
    return `in ${open}${low}, ${high}${close}`;
  }
  if (n.exclusiveMinimum !== undefined) return `> ${n.exclusiveMinimum}`;
  if (n.minimum !== undefined) return `≥ ${n.minimum}`;
  if (n.exclusiveMaximum !== undefined) return `< ${n.exclusiveMaximum}`;
  if (n.maximum !== undefined) return `≤ ${n.maximum}`;
  return '';
}

/** Whether `value` lies within the node's bounds. */
export function inRange(n: NumberNode, value: number): boolean {
  if (n.minimum !== undefined && value < n.minimum) return false;
  if (n.exclusiveMinimum !== undefined && value <= n.exclusiveMinimum) return false;
  if (n.maximum !== undefined && value > n.maximum) return false;
  if (n.exclusiveMaximum !== undefined && value >= n.exclusiveMaximum) return false;
  return true;
}

function withRange(noun: string, n: NumberNode): string {
  const range = rangeText(n);
  return range === '' ? noun : `${noun} ${range}`;
}

/** What a value must be, as a noun phrase: "a number in [0, 1)", "one of \"relu\", \"tanh\"". */
export function expectedText(node: SchemaNode): string {
  switch (node.kind) {
    case 'number':
      return withRange(node.integer ? 'an integer' : 'a number', node);
    case 'string':
      return node.minLength ? 'a non-empty string' : 'a string';
    case 'boolean':
      return 'true or false';
    case 'literal':
      return JSON.stringify(node.value);
    case 'enum':
      return `one of ${node.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'array':
      return `an array of ${pluralText(node.items)}`;
    case 'tuple':
      return `an array of ${node.items.length} ${pluralText(node.items[0]!)}`;
    case 'object':
    case 'partial':
      return 'an object';
    case 'tagged':
      return `an object with "${node.tag}"`;
    case 'union':
      return node.options.map(expectedText).join(' or ');
  }
}

/** The plural of expectedText for array items: "integers ≥ 1", "strings". */
function pluralText(node: SchemaNode): string {
  switch (node.kind) {
    case 'number':
      return withRange(node.integer ? 'integers' : 'numbers', node);
    case 'string':
      return node.minLength ? 'non-empty strings' : 'strings';
    case 'boolean':
      return 'booleans';
    case 'object':
    case 'tagged':
    case 'partial':
      return 'objects';
    case 'array':
    case 'tuple':
      return 'arrays';
    default:
      return `values (each ${expectedText(node)})`;
  }
}

/** A value as a message quotes it: numbers and strings as JSON, containers by kind. */
export function formatValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length <= 6 && value.every((v) => typeof v !== 'object') ? JSON.stringify(value) : 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}

/** A piece of the file (a key, a name) short enough to quote in a message: long ones end in "…". */
export function clip(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

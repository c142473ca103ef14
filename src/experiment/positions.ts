// From offsets in the text to VS Code positions, and from JSON paths to ranges: where a
// diagnostic is underlined, where data-loading errors point, where CodeLenses go.
import type { Node } from 'jsonc-parser';
import type { Path } from './dsl/describe.ts';
import type { Position, Range } from './diagnostics.ts';

/** Offsets to 0-based line/character, counting \n, \r\n and a lone \r as line breaks. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low]! };
  }

  range(offset: number, length: number): Range {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

/**
 * The part of the text to underline for a problem about `node`. Scalars and arrays are
 * underlined whole; an object is often many lines long, so its key is underlined instead
 * (`"optimizer"`), or its opening brace when it has no key (the top level, a list item).
 */
export function anchorSpan(node: Node): { offset: number; length: number } {
  if (node.type === 'property') return anchorSpan(node.children?.[0] ?? node);
  if (node.type !== 'object') return { offset: node.offset, length: node.length };
  const parent = node.parent;
  const key = parent?.type === 'property' && parent.children?.[1] === node ? parent.children[0] : undefined;
  return key !== undefined ? { offset: key.offset, length: key.length } : { offset: node.offset, length: 1 };
}

/** The node at `path`, or its deepest ancestor that is written; depth = how many segments matched. */
export function deepestNode(root: Node, path: Path): { node: Node; depth: number } {
  let node = root;
  let depth = 0;
  for (const segment of path) {
    const next = childNode(node, segment);
    if (next === undefined) break;
    node = next;
    depth++;
  }
  return { node, depth };
}

function childNode(node: Node, segment: string | number): Node | undefined {
  if (typeof segment === 'number') return node.type === 'array' ? node.children?.[segment] : undefined;
  if (node.type !== 'object') return undefined;
  const property = node.children?.find((p) => p.children?.[0]?.value === segment);
  return property?.children?.[1];
}

/** Index of the variant called `name` in the file's `variants` list, or -1. */
export function variantIndex(tree: Node, name: string): number {
  const list = childNode(tree, 'variants');
  return list?.type === 'array' ? (list.children ?? []).findIndex((v) => childNode(v, 'name')?.value === name) : -1;
}

/**
 * The range of the field at `path` (as anchorSpan underlines it), or of its deepest
 * written ancestor when the field is not in the file (it took its default). With
 * `variant`, `path` is a path in that variant's run config (e.g. a data-loading error's
 * ['data', 'features', 1]): it points into the variant's overrides when they write the
 * field, into the base otherwise.
 */
export function rangeOfPath(tree: Node | undefined, text: string, path: Path, options: { variant?: string } = {}): Range {
  const lines = new LineIndex(text);
  if (tree === undefined) return lines.range(0, 0);
  let target = deepestNode(tree, path);
  const index = options.variant === undefined ? -1 : variantIndex(tree, options.variant);
  if (index >= 0) {
    const inVariant = deepestNode(tree, ['variants', index, ...path]);
    const variantDepth = inVariant.depth - 2;
    if (variantDepth >= 1 && variantDepth >= target.depth) target = inVariant;
  }
  const span = anchorSpan(target.node);
  return lines.range(span.offset, span.length);
}

export interface VariantSection {
  index: number;
  /** Absent when the variant has no (string) name yet. */
  name?: string;
  /** The whole variant object. */
  range: Range;
  /** The name's string, quotes included. */
  nameRange?: Range;
}

export interface Sections {
  /** The top-level object, when the file has one. */
  experiment?: Range;
  variants: VariantSection[];
  sweep?: Range;
}

/** Where the experiment, each variant and the sweep are: for CodeLenses ("Run", "Run sweep"). */
export function locateSections(tree: Node | undefined, text: string): Sections {
  const lines = new LineIndex(text);
  if (tree === undefined || tree.type !== 'object') return { variants: [] };
  const sections: Sections = { experiment: lines.range(tree.offset, tree.length), variants: [] };
  const list = childNode(tree, 'variants');
  (list?.type === 'array' ? (list.children ?? []) : []).forEach((variant, index) => {
    if (variant.type !== 'object') return;
    const section: VariantSection = { index, range: lines.range(variant.offset, variant.length) };
    const name = childNode(variant, 'name');
    if (name?.type === 'string') {
      section.name = name.value as string;
      section.nameRange = lines.range(name.offset, name.length);
    }
    sections.variants.push(section);
  });
  const sweep = childNode(tree, 'sweep');
  if (sweep !== undefined) sections.sweep = lines.range(sweep.offset, sweep.length);
  return sections;
}

// Checks a parsed JSON tree (jsonc-parser nodes, which know their offsets) against a
// schema and collects every problem, not just the first: wrong types, values out of
// range, unknown keys (with "did you mean"), duplicate keys and missing required fields.
// Each issue keeps the node it is about, so the caller can say where it is.
import { getNodeValue, type Node } from 'jsonc-parser';
import { MAX_DIAGNOSTICS } from '../limits.ts';
import { didYouMean } from '../suggest.ts';
import { own } from './values.ts';
import { clip, expectedText, formatPath, formatValue, inRange, rangeText, type Path, type Segment } from './describe.ts';
import type { LiteralNode, NumberNode, SchemaNode, TaggedNode } from './types.ts';

export type Severity = 'error' | 'warning';

export interface Issue {
  /** The node the problem is about (for a missing field: the object that lacks it). */
  node: Node;
  /** The field the problem is about, as a path in the value validated (e.g. the run config). */
  path: Path;
  /** Set when the value at `path` cannot be used, so checks that read it must not run. */
  invalid?: true;
  /** For a missing field, the path from `node` to where it should be. */
  missing?: Segment[];
  message: string;
  severity: Severity;
  /** Set on what the JSON Schema says too (VS Code reports those itself, see ownDiagnostics.ts). */
  schema?: true;
}

type Fields = Readonly<Record<string, SchemaNode>>;

/**
 * Appends to `issues` every way `node`, found at `path`, breaks `schema`. Properties of an
 * object in `skip` are taken as present and not checked (a variant's merged config skips
 * the base's sections it does not touch: the base's own check reports them).
 */
export function validateNode(schema: SchemaNode, node: Node, path: Path, issues: Issue[], skip?: ReadonlySet<Node>): void {
  const fail = (message: string): void => {
    issues.push({ node, path, invalid: true, message: `${formatPath(path)} ${message}`, severity: 'error' });
  };
  const mustBe = (): void => fail(`must be ${expectedText(schema)}, got ${gotText(node)}`);

  switch (schema.kind) {
    case 'number':
      return validateNumber(schema, node, fail);
    case 'string':
      if (node.type !== 'string' || (schema.minLength !== undefined && node.value.length < schema.minLength)) mustBe();
      return;
    case 'boolean':
      if (node.type !== 'boolean') mustBe();
      return;
    case 'literal':
      if (node.value !== schema.value) mustBe();
      return;
    case 'enum':
      if (node.type !== 'string' || !schema.values.includes(node.value)) {
        const hint = node.type === 'string' ? didYouMean(node.value, schema.values, '"') : '';
        fail(`must be ${expectedText(schema)}, got ${gotText(node)}${hint}`);
      }
      return;
    case 'array': {
      if (node.type !== 'array') return mustBe();
      const items = node.children ?? [];
      if (schema.minItems !== undefined && items.length < schema.minItems) {
        fail(`must have at least ${schema.minItems} ${schema.minItems === 1 ? 'item' : 'items'}, got ${items.length}`);
      }
      if (schema.maxItems !== undefined && items.length > schema.maxItems) {
        fail(`must have at most ${schema.maxItems} items, got ${items.length}`);
      }
      validateItems(schema.items, items, path, issues);
      return;
    }
    case 'tuple': {
      const items = node.children ?? [];
      if (node.type !== 'array' || items.length !== schema.items.length) return mustBe();
      items.forEach((item, i) => validateNode(schema.items[i]!, item, [...path, i], issues));
      return;
    }
    case 'object':
      if (node.type !== 'object') return mustBe();
      return validateFields(schema.fields, node, path, issues, undefined, skip);
    case 'tagged':
      if (node.type !== 'object') return mustBe();
      return validateTagged(schema, node, path, issues);
    case 'partial':
      // Overrides are checked in full once merged over the base (see parse.ts).
      if (node.type !== 'object') mustBe();
      return;
    case 'union': {
      const candidates = schema.options.filter((option) => acceptsJsonType(option, node.type));
      const only = candidates.length === 1 ? candidates[0]! : undefined;
      if (only !== undefined && only.kind !== 'literal' && only.kind !== 'enum') {
        return validateNode(only, node, path, issues);
      }
      const fits = candidates.some((option) => {
        const trial: Issue[] = [];
        validateNode(option, node, path, trial);
        return trial.length === 0;
      });
      if (!fits) mustBe();
      return;
    }
  }
}

/** An array's items; past MAX_DIAGNOSTICS wrong ones, one issue counts the rest (as for unknown keys). */
function validateItems(schema: SchemaNode, items: readonly Node[], path: Path, issues: Issue[]): void {
  let wrong = 0;
  let first: Node | undefined;
  items.forEach((item, i) => {
    if (wrong < MAX_DIAGNOSTICS) {
      const before = issues.length;
      validateNode(schema, item, [...path, i], issues);
      if (issues.length > before) wrong++;
      return;
    }
    const trial: Issue[] = [];
    validateNode(schema, item, [...path, i], trial);
    if (trial.length === 0) return;
    first ??= item;
    wrong++;
  });
  if (first !== undefined) {
    const message = `and ${(wrong - MAX_DIAGNOSTICS).toLocaleString('en-US')} more wrong items in ${formatPath(path)}`;
    issues.push({ node: first, path, invalid: true, message, severity: 'error' });
  }
}

function validateNumber(schema: NumberNode, node: Node, fail: (message: string) => void): void {
  if (node.type !== 'number' || !Number.isFinite(node.value)) {
    return fail(`must be ${expectedText(schema)}, got ${gotText(node)}`);
  }
  const value = node.value as number;
  if (schema.integer && !Number.isInteger(value)) return fail(`must be ${expectedText(schema)}, got ${value}`);
  if (!inRange(schema, value)) fail(`must be ${rangeText(schema)}, got ${value}`);
}

/**
 * The fields of an object. `foreignHint` explains a key that is valid elsewhere (an option
 * of another generator) rather than only suggesting a spelling.
 */
function validateFields(
  fields: Fields,
  node: Node,
  path: Path,
  issues: Issue[],
  foreignHint: (key: string) => string = () => '',
  skip?: ReadonlySet<Node>,
): void {
  const seen = new Set<string>();
  const where = path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
  const names = Object.keys(fields);
  // Only the first unknown keys of an object get a "did you mean": past MAX_DIAGNOSTICS they
  // are counted, not shown, and 100,000 of them must not cost 100,000 comparisons per name.
  let unknown = 0;
  let moreUnknown: Issue | undefined;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined) continue;
    const key = keyNode.value as string;
    if (skip?.has(property)) {
      seen.add(key);
      continue;
    }
    if (seen.has(key)) {
      const message = `duplicate property '${clip(key)}' ${where}: write each key once`;
      issues.push({ node: keyNode, path: [...path, key], invalid: true, message, severity: 'error' });
      continue;
    }
    seen.add(key);
    const field = own(fields, key);
    if (field === undefined) {
      // Past MAX_DIAGNOSTICS in one object, one issue counts the rest: every config that
      // holds the object (the base, each variant) would otherwise repeat thousands.
      if (++unknown <= MAX_DIAGNOSTICS) {
        const hint = foreignHint(key) || didYouMean(key, names);
        issues.push({ node: keyNode, path: [...path, key], message: `unknown property '${clip(key)}' ${where}${hint}`, severity: 'error' });
      } else if (unknown === MAX_DIAGNOSTICS + 1) {
        moreUnknown = { node: keyNode, path: [...path, key], message: '', severity: 'error' };
        issues.push(moreUnknown);
      }
    } else if (valueNode !== undefined) {
      validateNode(field, valueNode, [...path, key], issues);
    }
  }
  if (moreUnknown !== undefined) moreUnknown.message = `and ${(unknown - MAX_DIAGNOSTICS).toLocaleString('en-US')} more unknown properties ${where}`;
  for (const [key, field] of Object.entries(fields)) {
    if (field.presence === 'required' && !seen.has(key)) {
      const fieldPath = [...path, key];
      const message = `${formatPath(fieldPath)} is required: ${expectedText(field)}`;
      issues.push({ node, missing: [key], path: fieldPath, invalid: true, message, severity: 'error' });
    }
  }
}

function validateTagged(schema: TaggedNode, node: Node, path: Path, issues: Issue[]): void {
  const tagPath = [...path, schema.tag];
  const tagNode = propertyValue(node, schema.tag);
  const cases = Object.keys(schema.cases);
  const choices = cases.map((c) => JSON.stringify(c)).join(', ');
  if (tagNode === undefined) {
    const message = `${formatPath(tagPath)} is required: one of ${choices}`;
    issues.push({ node, missing: [schema.tag], path: tagPath, invalid: true, message, severity: 'error' });
    return;
  }
  const chosen = tagNode.type === 'string' ? own(schema.cases, tagNode.value as string) : undefined;
  if (chosen === undefined) {
    const hint = tagNode.type === 'string' ? didYouMean(tagNode.value, cases, '"') : '';
    const message = `${formatPath(tagPath)} must be one of ${choices}, got ${gotText(tagNode)}${hint}`;
    issues.push({ node: tagNode, path: tagPath, invalid: true, message, severity: 'error' });
    return;
  }
  const tagValue = tagNode.value as string;
  const fields: Fields = { [schema.tag]: tagLiteral(tagValue), ...chosen.fields };
  validateFields(fields, node, path, issues, (key) => {
    const owners = cases.filter((c) => c !== tagValue && Object.hasOwn(schema.cases[c]!.fields, key));
    if (owners.length === 0) return '';
    const named = owners.slice(0, 3).map((c) => `"${c}"`).join(', ') + (owners.length > 3 ? ', …' : '');
    return `: ${schema.tag} "${tagValue}" has no '${clip(key)}' (it is an option of ${named})`;
  });
}

function tagLiteral(value: string): LiteralNode {
  return { kind: 'literal', value, description: '', presence: 'required' };
}

/** The value node of `key` in an object node, if written. */
export function propertyValue(node: Node, key: string): Node | undefined {
  if (node.type !== 'object') return undefined;
  const property = node.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

/** Whether a value of this JSON type could fit the schema (used to pick a union's branch). */
export function acceptsJsonType(schema: SchemaNode, type: Node['type']): boolean {
  switch (schema.kind) {
    case 'number':
      return type === 'number';
    case 'string':
    case 'enum':
      return type === 'string';
    case 'boolean':
      return type === 'boolean';
    case 'literal':
      return type === typeof schema.value;
    case 'array':
    case 'tuple':
      return type === 'array';
    case 'object':
    case 'tagged':
    case 'partial':
      return type === 'object';
    case 'union':
      return schema.options.some((o) => acceptsJsonType(o, type));
  }
}

/** The value as a message quotes it, without building a large one just to call it "an array". */
function gotText(node: Node): string {
  if (node.type === 'object') return 'an object';
  if (node.type === 'array' && ((node.children?.length ?? 0) > 6 || node.children?.some((c) => c.type === 'object' || c.type === 'array'))) return 'an array';
  return formatValue(getNodeValue(node));
}

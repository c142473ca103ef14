// How a variant's overrides (and a sweep's value) combine with the base: objects merge
// key by key, lists and scalars are replaced whole. One exception: an override that
// changes a tagged union's tag (`data.generator`) replaces the whole object, because the
// base's other keys belong to the old generator (a line's `slope` means nothing to moons).
//
// The same rule exists twice: on plain values (for the runs), and on jsonc-parser nodes
// (for validation), where every merged value keeps the node it came from, so a problem
// is reported in the variant when the variant wrote the value and in the base otherwise.
import type { Node } from 'jsonc-parser';
import { isPlainObject, setOwn } from './dsl/values.ts';
import { schemaAt } from './dsl/paths.ts';
import { propertyValue } from './dsl/validate.ts';
import type { SchemaNode } from './dsl/types.ts';

/** `override` merged over `base`; neither is changed. `schema` describes `base`. */
export function mergeValues(schema: SchemaNode | undefined, base: unknown, override: unknown): unknown {
  if (override === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(override)) return structuredClone(override);
  if (schema?.kind === 'tagged') {
    const tag = override[schema.tag];
    if (tag !== undefined && tag !== base[schema.tag]) return structuredClone(override);
  }
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    setOwn(out, key, mergeValues(childSchema(schema, key, base), Object.hasOwn(base, key) ? base[key] : undefined, value));
  }
  return out;
}

/**
 * The node-tree form of mergeValues: `nodeValue(mergeNodes(s, b, o))` equals
 * `mergeValues(s, nodeValue(b), nodeValue(o))`. A merged object takes the override's
 * place in the file; its properties are the original nodes of the base or the override.
 */
export function mergeNodes(schema: SchemaNode | undefined, base: Node, override: Node): Node {
  if (base.type !== 'object' || override.type !== 'object') return override;
  if (schema?.kind === 'tagged') {
    const tag = propertyValue(override, schema.tag);
    if (tag !== undefined && tag.value !== propertyValue(base, schema.tag)?.value) return override;
  }
  return { ...override, children: mergeProperties(schema, base, override) };
}

/** Merges the top level of a run config: the result stands where the base does. */
export function mergeRootNodes(schema: SchemaNode, base: Node, override: Node): Node {
  return { ...base, children: mergeProperties(schema, base, override) };
}

function mergeProperties(schema: SchemaNode | undefined, base: Node, override: Node): Node[] {
  const overrides = override.children ?? [];
  const baseValue = valueShape(base);
  const used = new Set<Node>();
  const merged = (base.children ?? []).map((baseProperty) => {
    const key = keyOf(baseProperty);
    if (key === undefined) return baseProperty;
    const overrideProperty = overrides.find((p) => !used.has(p) && keyOf(p) === key);
    if (overrideProperty === undefined) return baseProperty;
    used.add(overrideProperty);
    const baseChild = baseProperty.children?.[1];
    const [overrideKey, overrideChild] = overrideProperty.children ?? [];
    if (baseChild === undefined || overrideChild === undefined || overrideKey === undefined) return overrideProperty;
    const child = mergeNodes(childSchema(schema, key, baseValue), baseChild, overrideChild);
    return child === overrideChild ? overrideProperty : { ...overrideProperty, children: [overrideKey, child] };
  });
  // Keys only the override writes, and any repeated key (which validation reports).
  return [...merged, ...overrides.filter((p) => !used.has(p))];
}

function childSchema(schema: SchemaNode | undefined, key: string, baseValue: unknown): SchemaNode | undefined {
  return schema === undefined ? undefined : schemaAt(schema, [key], baseValue);
}

function keyOf(property: Node): string | undefined {
  return property.children?.[0]?.value as string | undefined;
}

/** Just enough of an object node's value to choose a tagged union's case: its string-valued keys. */
function valueShape(node: Node): Record<string, unknown> {
  const shape: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const key = keyOf(property);
    const value = property.children?.[1];
    if (key !== undefined && value?.type === 'string') shape[key] = value.value;
  }
  return shape;
}

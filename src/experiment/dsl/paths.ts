// Finding fields in a schema by path: what `sweep.over` may name, and which schema a
// dotted path such as "regularization.elasticNet.lambda" leads to for a given config.
import { isPlainObject, own } from './values.ts';
import type { NumberNode, SchemaNode } from './types.ts';

/**
 * The schema at `path`, or undefined when no such field exists. Through a tagged union
 * the case is the one `value` (the config the path is read in) chooses; without a value,
 * the first case that has the field.
 */
export function schemaAt(schema: SchemaNode, path: readonly string[], value?: unknown): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  let current: unknown = value;
  for (const key of path) {
    node = node === undefined ? undefined : childSchema(node, key, current);
    current = isPlainObject(current) ? current[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function childSchema(node: SchemaNode, key: string, value: unknown): SchemaNode | undefined {
  if (node.kind === 'object') return own(node.fields, key);
  if (node.kind === 'tagged') {
    const tag = isPlainObject(value) ? value[node.tag] : undefined;
    const chosen = typeof tag === 'string' ? own(node.cases, tag) : undefined;
    if (chosen !== undefined) return own(chosen.fields, key);
    const withKey = Object.values(node.cases).find((c) => Object.hasOwn(c.fields, key));
    return withKey === undefined ? undefined : own(withKey.fields, key);
  }
  return undefined;
}

/** The number schema a numeric field accepts (a union's number branch), if any. */
export function numberSchemaOf(node: SchemaNode | undefined): NumberNode | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'number') return node;
  if (node.kind === 'union') return node.options.find((o): o is NumberNode => o.kind === 'number');
  return undefined;
}

/**
 * Dotted paths of every field that takes a single number, in schema order. Through a
 * tagged union: only the case `value` chooses, or, without a value, every case's fields.
 */
export function numericPaths(schema: SchemaNode, value?: unknown, prefix = ''): string[] {
  const join = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  const fieldsOf = (fields: Readonly<Record<string, SchemaNode>>, current: unknown): string[] =>
    Object.entries(fields).flatMap(([key, field]) => {
      if (numberSchemaOf(field) !== undefined) return [join(key)];
      return numericPaths(field, isPlainObject(current) ? current[key] : undefined, join(key));
    });
  if (schema.kind === 'object') return fieldsOf(schema.fields, value);
  if (schema.kind === 'tagged') {
    const tag = isPlainObject(value) ? value[schema.tag] : undefined;
    const chosen = typeof tag === 'string' ? own(schema.cases, tag) : undefined;
    const cases = chosen !== undefined ? [chosen] : Object.values(schema.cases);
    return [...new Set(cases.flatMap((c) => fieldsOf(c.fields, value)))];
  }
  return [];
}

// The JSON value of a jsonc-parser node. Like jsonc-parser's getNodeValue, but objects are
// ordinary ones (getNodeValue makes them with a null prototype, which surprises code that
// receives the parsed experiment, and deepEqual in tests).
import type { Node } from 'jsonc-parser';
import type { SchemaNode } from './dsl/types.ts';
import { acceptsJsonType, propertyValue } from './dsl/validate.ts';
import { own, setOwn } from './dsl/values.ts';

export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, child] = property.children ?? [];
        if (key !== undefined && child !== undefined) setOwn(value, key.value as string, nodeValue(child));
      }
      return value;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/**
 * The value of `node` with only the fields `schema` knows, at every depth: what the
 * cross-field checks read. Unknown keys are reported by the validator already, and leaving
 * them out keeps each variant's checks from copying thousands of them (a hostile file's).
 */
export function knownValue(schema: SchemaNode, node: Node): unknown {
  switch (schema.kind) {
    case 'object':
      return node.type === 'object' ? knownFields(schema.fields, node) : nodeValue(node);
    case 'tagged': {
      if (node.type !== 'object') return nodeValue(node);
      const tag = propertyValue(node, schema.tag);
      const chosen = tag?.type === 'string' ? own(schema.cases, tag.value as string) : undefined;
      // An unknown tag is an error at the tag; the rest of the object cannot be read without it.
      if (chosen === undefined) return tag === undefined ? {} : { [schema.tag]: nodeValue(tag) };
      return { [schema.tag]: tag!.value, ...knownFields(chosen.fields, node) };
    }
    case 'union': {
      const option = schema.options.find((o) => acceptsJsonType(o, node.type));
      return option === undefined ? nodeValue(node) : knownValue(option, node);
    }
    case 'array':
      return node.type === 'array' ? (node.children ?? []).map((item) => knownValue(schema.items, item)) : nodeValue(node);
    case 'tuple':
      return node.type === 'array' ? (node.children ?? []).map((item, i) => (schema.items[i] ? knownValue(schema.items[i], item) : nodeValue(item))) : nodeValue(node);
    default:
      return nodeValue(node);
  }
}

function knownFields(fields: Readonly<Record<string, SchemaNode>>, node: Node): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [key, child] = property.children ?? [];
    const field = key === undefined ? undefined : own(fields, key.value as string);
    if (field !== undefined && child !== undefined) setOwn(value, key!.value as string, knownValue(field, child));
  }
  return value;
}

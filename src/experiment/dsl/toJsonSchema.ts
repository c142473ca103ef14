// Turns a DSL schema into JSON Schema (draft-07) for VS Code's JSON language service:
// completion, hover documentation and squiggles in *.reglab.json for free. Every node
// gets `description` (plain text) and `markdownDescription` (what VS Code's hover shows),
// both ending with the default; enums get VS Code's per-value `markdownEnumDescriptions`.
import type { SchemaNode } from './types.ts';

export type JsonSchema = { [key: string]: unknown };

interface Options {
  /** Overrides (a variant's): nothing required, no defaults, since a left-out key keeps the base's value. */
  partial: boolean;
}

export function toJsonSchema(node: SchemaNode, options: Options = { partial: false }): JsonSchema {
  return { ...documentation(node, options), ...shape(node, options) };
}

function shape(node: SchemaNode, options: Options): JsonSchema {
  switch (node.kind) {
    case 'number': {
      const out: JsonSchema = { type: node.integer ? 'integer' : 'number' };
      for (const key of ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'] as const) {
        if (node[key] !== undefined) out[key] = node[key];
      }
      return out;
    }
    case 'string':
      return node.minLength !== undefined ? { type: 'string', minLength: node.minLength } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'literal':
      return { type: typeof node.value, const: node.value };
    case 'enum': {
      const texts = node.values.map((v) => node.valueDescriptions?.[v] ?? '');
      return { type: 'string', enum: node.values, enumDescriptions: texts.map(plain), markdownEnumDescriptions: texts };
    }
    case 'array': {
      const out: JsonSchema = { type: 'array', items: toJsonSchema(node.items, options) };
      if (node.minItems !== undefined) out.minItems = node.minItems;
      if (node.maxItems !== undefined) out.maxItems = node.maxItems;
      return out;
    }
    case 'tuple':
      return {
        type: 'array',
        items: node.items.map((item) => toJsonSchema(item, options)),
        minItems: node.items.length,
        maxItems: node.items.length,
        additionalItems: false,
      };
    case 'object':
      return objectShape(node.fields, options);
    case 'union':
      return { anyOf: node.options.map((o) => toJsonSchema(o, options)) };
    case 'tagged':
      return {
        type: 'object',
        anyOf: Object.entries(node.cases).map(([name, c]) => {
          const tag: SchemaNode = { kind: 'literal', value: name, description: `${node.tagDescription}\n\n"${name}": ${c.description}`, presence: 'required' };
          return { description: plain(c.description), ...objectShape({ [node.tag]: tag, ...c.fields }, options) };
        }),
      };
    case 'partial':
      return shape(node.inner, { partial: true });
  }
}

function objectShape(fields: Readonly<Record<string, SchemaNode>>, options: Options): JsonSchema {
  const properties = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, toJsonSchema(field, options)]));
  const required = options.partial ? [] : Object.keys(fields).filter((key) => fields[key]!.presence === 'required');
  return { type: 'object', properties, ...(required.length > 0 && { required }), additionalProperties: false };
}

function documentation(node: SchemaNode, options: Options): JsonSchema {
  const markdown = node.description + defaultSentence(node);
  const out: JsonSchema = { description: plain(markdown), markdownDescription: markdown };
  if (node.default !== undefined && !options.partial) out.default = node.default;
  if (node.examples !== undefined) out.examples = node.examples;
  return out;
}

function defaultSentence(node: SchemaNode): string {
  if (node.default !== undefined) return `\n\nDefault: \`${JSON.stringify(node.default)}\`.`;
  if (node.derivedDefault !== undefined) return `\n\nDefault: ${node.derivedDefault}.`;
  return '';
}

/** The text without Markdown's backticks, for clients that show `description` as is. */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

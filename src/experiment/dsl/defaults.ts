// Fills in the defaults a schema declares, on plain values (no positions needed): the
// parser uses it for the experiment it returns, expansion for every merged run config.
// Derived defaults (`derivedDefault`) are left out here: schema/derivedDefaults.ts adds
// them once the whole config is known.
import { acceptsJsonType } from './validate.ts';
import { isPlainObject, jsonTypeOf, own, setOwn } from './values.ts';
import type { SchemaNode } from './types.ts';

/** `value` with every missing defaulted field filled in, at every depth; `value` is not changed. */
export function fillDefaults(schema: SchemaNode, value: unknown): unknown {
  switch (schema.kind) {
    case 'object':
      return isPlainObject(value) ? fillFields(schema.fields, value) : value;
    case 'tagged': {
      if (!isPlainObject(value)) return value;
      const tag = value[schema.tag];
      const chosen = typeof tag === 'string' ? own(schema.cases, tag) : undefined;
      return chosen === undefined ? value : { [schema.tag]: tag, ...fillFields(chosen.fields, value) };
    }
    case 'union': {
      const option = schema.options.find((o) => acceptsJsonType(o, jsonTypeOf(value)));
      return option === undefined ? value : fillDefaults(option, value);
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => fillDefaults(schema.items, item)) : value;
    case 'tuple':
      return Array.isArray(value) ? value.map((item, i) => (schema.items[i] ? fillDefaults(schema.items[i], item) : item)) : value;
    default:
      // Scalars, and partial overrides, which must stay partial so they merge over a base.
      return value;
  }
}

/** The value a left-out field takes, or undefined when it stays absent. */
export function defaultOf(field: SchemaNode): unknown {
  if (field.default !== undefined) return structuredClone(field.default);
  if (field.kind === 'object' && field.presence === 'defaulted') return fillFields(field.fields, {});
  return undefined;
}

function fillFields(fields: Readonly<Record<string, SchemaNode>>, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const given = value[key];
    const filled = given === undefined ? defaultOf(field) : fillDefaults(field, given);
    if (filled !== undefined) setOwn(out, key, filled);
  }
  // Keys the schema does not know were reported by the validator; keep them rather than
  // silently dropping what the file says.
  for (const [key, given] of Object.entries(value)) if (!Object.hasOwn(fields, key) && !Object.hasOwn(out, key)) setOwn(out, key, given);
  return out;
}

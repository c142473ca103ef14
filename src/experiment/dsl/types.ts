// The nodes of the schema DSL. A schema is plain data (so the JSON Schema generator, the
// validator and the default filler can all walk it) that also carries, at the type level
// only, the TypeScript type of the values it describes: Infer<typeof schema> reads it.

/**
 * How a field may be absent from a file:
 * - required:  it must be written;
 * - defaulted: it may be left out and is then filled in (a static `default`, a
 *              `derivedDefault` computed from other fields, or an object whose fields
 *              all have defaults), so the parsed value always has it;
 * - optional:  it may be left out and then stays absent.
 */
export type Presence = 'required' | 'defaulted' | 'optional';

/** What every node has. `description` is light Markdown (backticks), shown in hovers. */
export interface Common {
  readonly description: string;
  readonly presence: Presence;
  /** A constant default, also written into the JSON Schema. */
  readonly default?: unknown;
  /** When the default depends on other fields: how, in words (the rule is in schema/derivedDefaults.ts). */
  readonly derivedDefault?: string;
  /** Values offered as completions in the editor; not enforced. */
  readonly examples?: readonly unknown[];
}

export interface NumberNode extends Common {
  readonly kind: 'number';
  readonly integer: boolean;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly exclusiveMaximum?: number;
}

export interface StringNode extends Common {
  readonly kind: 'string';
  readonly minLength?: number;
}

export interface BooleanNode extends Common {
  readonly kind: 'boolean';
}

export interface LiteralNode extends Common {
  readonly kind: 'literal';
  readonly value: string | number | boolean;
}

export interface EnumNode extends Common {
  readonly kind: 'enum';
  readonly values: readonly string[];
  /** One line per value, shown beside it in completion lists. */
  readonly valueDescriptions?: Readonly<Record<string, string>>;
}

export interface ArrayNode extends Common {
  readonly kind: 'array';
  readonly items: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** A fixed-length array whose positions have their own schemas, such as [low, high]. */
export interface TupleNode extends Common {
  readonly kind: 'tuple';
  readonly items: readonly SchemaNode[];
}

export interface ObjectNode extends Common {
  readonly kind: 'object';
  readonly fields: Readonly<Record<string, SchemaNode>>;
}

/** One of several shapes, told apart by the JSON type of the value (number vs array, …). */
export interface UnionNode extends Common {
  readonly kind: 'union';
  readonly options: readonly SchemaNode[];
}

/** Objects told apart by the string value of one key, `tag` (e.g. data.generator). */
export interface TaggedNode extends Common {
  readonly kind: 'tagged';
  readonly tag: string;
  readonly tagDescription: string;
  readonly cases: Readonly<Record<string, ObjectNode>>;
  readonly caseDescriptions: Readonly<Record<string, string>>;
}

/**
 * Overrides of `inner`: every field at every depth may be left out and nothing is
 * defaulted (a variant's `regularization: { dropout: 0.5 }`). The overrides are checked
 * in full once merged over the base, see merge.ts and parse.ts.
 */
export interface PartialNode extends Common {
  readonly kind: 'partial';
  readonly inner: SchemaNode;
}

export type SchemaNode =
  | NumberNode
  | StringNode
  | BooleanNode
  | LiteralNode
  | EnumNode
  | ArrayNode
  | TupleNode
  | ObjectNode
  | UnionNode
  | TaggedNode
  | PartialNode;

/** Exists only in types: the TypeScript type a node describes. */
declare const valueType: unique symbol;

/** A schema node that knows, in its type, what it describes and how it may be absent. */
export type Schema<N extends SchemaNode, T, P extends Presence> = N & {
  readonly presence: P;
  readonly [valueType]?: T;
};

/** Any schema node built by the DSL. */
export type AnySchema = SchemaNode & { readonly [valueType]?: unknown };

/** The TypeScript type of the values a schema describes, with defaults filled in. */
export type Infer<S> = S extends { readonly [valueType]?: infer T } ? Exclude<T, undefined> : never;

/** Every field optional, at every depth; arrays and scalars are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

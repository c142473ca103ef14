// The builders of the schema DSL: number(), integer(), string(), boolean(), literal(),
// enumOf(), array(), tuple(), object(), union(), tagged() and partial(). Each returns a
// plain node (see types.ts) whose type also records what Infer<> should produce.
import type {
  AnySchema,
  ArrayNode,
  BooleanNode,
  Common,
  DeepPartial,
  EnumNode,
  Infer,
  LiteralNode,
  NumberNode,
  ObjectNode,
  PartialNode,
  Presence,
  Schema,
  SchemaNode,
  StringNode,
  TaggedNode,
  TupleNode,
  UnionNode,
} from './types.ts';

interface Doc {
  /** Light Markdown: what the field does, PyTorch's equivalent, typical values. */
  description: string;
  examples?: readonly unknown[];
}

/** How a field may be left out; at most one of these. */
interface Absence<T> {
  default?: T;
  derivedDefault?: string;
  optional?: true;
}

type PresenceOf<O> = O extends { optional: true }
  ? 'optional'
  : O extends { default: unknown } | { derivedDefault: string }
    ? 'defaulted'
    : 'required';

function presenceOf(o: Absence<unknown>): Presence {
  if (o.optional) return 'optional';
  return o.default !== undefined || o.derivedDefault !== undefined ? 'defaulted' : 'required';
}

/** The fields every node shares, from a builder's options (`optional` becomes `presence`). */
function common(o: Doc & Absence<unknown>): Common {
  const node: { -readonly [K in keyof Common]: Common[K] } = { description: o.description, presence: presenceOf(o) };
  if (o.default !== undefined) node.default = o.default;
  if (o.derivedDefault !== undefined) node.derivedDefault = o.derivedDefault;
  if (o.examples !== undefined) node.examples = o.examples;
  return node;
}

/** Gives a plain node the type-level record of its values and presence. */
function typed<T, P extends Presence, N extends SchemaNode = SchemaNode>(node: N): Schema<N, T, P> {
  return node as Schema<N, T, P>;
}

function bounds(o: Bounds): Bounds {
  const { minimum, exclusiveMinimum, maximum, exclusiveMaximum } = o;
  return Object.fromEntries(
    Object.entries({ minimum, exclusiveMinimum, maximum, exclusiveMaximum }).filter(([, v]) => v !== undefined),
  );
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

interface Bounds {
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
}

type NumberOptions = Doc & Absence<number> & Bounds;

export function number<const O extends NumberOptions>(o: O): Schema<NumberNode, number, PresenceOf<O>> {
  return typed<number, PresenceOf<O>, NumberNode>({ kind: 'number', integer: false, ...common(o), ...bounds(o) });
}

export function integer<const O extends NumberOptions>(o: O): Schema<NumberNode, number, PresenceOf<O>> {
  return typed<number, PresenceOf<O>, NumberNode>({ kind: 'number', integer: true, ...common(o), ...bounds(o) });
}

export function string<const O extends Doc & Absence<string> & { minLength?: number }>(
  o: O,
): Schema<StringNode, string, PresenceOf<O>> {
  const node: StringNode = { kind: 'string', ...common(o), ...(o.minLength !== undefined && { minLength: o.minLength }) };
  return typed<string, PresenceOf<O>, StringNode>(node);
}

export function boolean<const O extends Doc & Absence<boolean>>(o: O): Schema<BooleanNode, boolean, PresenceOf<O>> {
  return typed<boolean, PresenceOf<O>, BooleanNode>({ kind: 'boolean', ...common(o) });
}

export function literal<const V extends string | number | boolean, const O extends Doc & Absence<V>>(
  value: V,
  o: O,
): Schema<LiteralNode, V, PresenceOf<O>> {
  return typed<V, PresenceOf<O>, LiteralNode>({ kind: 'literal', value, ...common(o) });
}

/** One of a fixed set of strings; `values` maps each to a one-line description. */
export function enumOf<const V extends Record<string, string>, const O extends Doc & Absence<keyof V & string>>(
  values: V,
  o: O,
): Schema<EnumNode, keyof V & string, PresenceOf<O>> {
  return typed<keyof V & string, PresenceOf<O>, EnumNode>({
    kind: 'enum', values: Object.keys(values), valueDescriptions: values, ...common(o),
  });
}

export function array<I extends AnySchema, const O extends Doc & Absence<Infer<I>[]> & { minItems?: number; maxItems?: number }>(
  items: I,
  o: O,
): Schema<ArrayNode, Infer<I>[], PresenceOf<O>> {
  const node: ArrayNode = {
    kind: 'array', items, ...common(o),
    ...(o.minItems !== undefined && { minItems: o.minItems }),
    ...(o.maxItems !== undefined && { maxItems: o.maxItems }),
  };
  return typed<Infer<I>[], PresenceOf<O>, ArrayNode>(node);
}

type TupleValue<I extends readonly AnySchema[]> = { -readonly [K in keyof I]: Infer<I[K]> };

export function tuple<const I extends readonly AnySchema[], const O extends Doc & Absence<TupleValue<I>>>(
  items: I,
  o: O,
): Schema<TupleNode, TupleValue<I>, PresenceOf<O>> {
  return typed<TupleValue<I>, PresenceOf<O>, TupleNode>({ kind: 'tuple', items, ...common(o) });
}

type Fields = Record<string, AnySchema>;
type IsOptional<S> = S extends { presence: 'optional' } ? true : false;

export type ObjectValue<F extends Fields> = Simplify<
  { -readonly [K in keyof F as IsOptional<F[K]> extends true ? never : K]: Infer<F[K]> } & {
    -readonly [K in keyof F as IsOptional<F[K]> extends true ? K : never]?: Infer<F[K]>;
  }
>;

type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends { presence: 'required' } ? K : never }[keyof F];

/** An object may be left out when it is optional, or when none of its fields is required. */
type ObjectPresence<F extends Fields, O> = O extends { optional: true }
  ? 'optional'
  : [RequiredKeys<F>] extends [never]
    ? 'defaulted'
    : 'required';

/** An object with exactly these fields: any other key is an error. */
export function object<const F extends Fields, const O extends Doc & { optional?: true }>(
  fields: F,
  o: O,
): Schema<ObjectNode, ObjectValue<F>, ObjectPresence<F, O>> {
  const anyRequired = Object.values(fields).some((f) => f.presence === 'required');
  const presence: Presence = o.optional ? 'optional' : anyRequired ? 'required' : 'defaulted';
  return typed<ObjectValue<F>, ObjectPresence<F, O>, ObjectNode>({ kind: 'object', fields, ...common(o), presence });
}

/** One of several schemas that differ in JSON type (e.g. a number or an array of numbers). */
export function union<const S extends readonly AnySchema[], const O extends Doc & Absence<Infer<S[number]>>>(
  options: S,
  o: O,
): Schema<UnionNode, Infer<S[number]>, PresenceOf<O>> {
  return typed<Infer<S[number]>, PresenceOf<O>, UnionNode>({ kind: 'union', options, ...common(o) });
}

type ObjectSchema = ObjectNode & AnySchema;

type TaggedValue<Tag extends string, C extends Record<string, ObjectSchema>> = {
  [K in keyof C & string]: Simplify<{ [T in Tag]: K } & Infer<C[K]>>;
}[keyof C & string];

/**
 * Objects told apart by `tag`: `cases` maps each tag value to the object of its other
 * fields (the tag field is added to each). A case's description describes that value.
 */
export function tagged<const Tag extends string, const C extends Record<string, ObjectSchema>, const O extends Doc & { tagDescription: string }>(
  tag: Tag,
  cases: C,
  o: O,
): Schema<TaggedNode, TaggedValue<Tag, C>, 'required'> {
  const caseDescriptions = Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, c.description]));
  const node: TaggedNode = {
    kind: 'tagged', tag, cases, caseDescriptions, description: o.description, tagDescription: o.tagDescription, presence: 'required',
  };
  return typed<TaggedValue<Tag, C>, 'required', TaggedNode>(node);
}

/** Overrides of `inner` (see PartialNode): always optional, nothing defaulted. */
export function partial<I extends AnySchema, const O extends Doc>(inner: I, o: O): Schema<PartialNode, DeepPartial<Infer<I>>, 'optional'> {
  return typed<DeepPartial<Infer<I>>, 'optional', PartialNode>({ kind: 'partial', inner, description: o.description, presence: 'optional' });
}

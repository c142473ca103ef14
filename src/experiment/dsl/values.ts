// Small helpers for plain JSON values read from users' files.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** record[key] when it is the record's own entry: a key from a file never reaches Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Sets an own property, whatever the key: a file may write "__proto__", which plain
 * assignment would turn into a prototype change instead of a (reported, unknown) key.
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  // Only "__proto__" needs defining: V8 makes each defineProperty on an object cost its size, so
  // thousands of keys (a hostile file's) would cost their square.
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The JSON type name of a plain value, as jsonc-parser names node types. */
export function jsonTypeOf(value: unknown): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

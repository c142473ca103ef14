// Python source text from TypeScript values: literals that read back as the same values
// (floats in `repr`'s shortest round-trip form) and a little help with indentation.

/** A float as Python's repr writes it: shortest round-trip digits, always a float literal. */
export function pyFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`no Python literal for ${x}`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest digits that round-trip, as repr.
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const sign = x < 0 ? '-' : '';
  // repr switches to exponent notation outside 1e-4 ≤ |x| < 1e16.
  if (e < -4 || e >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${rest}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const fraction = digits.slice(e + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

/** A Python string literal (JSON's escapes are all valid in Python). */
export const pyStr = (s: string): string => JSON.stringify(s);

export type PyValue = number | boolean | string | null | undefined | readonly PyValue[];

/**
 * Any setting's value: numbers as floats unless `integer`, lists as tuples (settings are
 * immutable), undefined and null as None.
 */
export function pyValue(value: PyValue, integer = false): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyStr(value);
  if (typeof value === 'number') return integer && Number.isInteger(value) ? String(value) : pyFloat(value);
  const items = value.map((v) => pyValue(v, integer));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** A Python list of numbers, for the sweep's values. */
export function pyList(values: readonly number[], integer = false): string {
  return `[${values.map((v) => pyValue(v, integer)).join(', ')}]`;
}

/** Indents every non-empty line of a block by `levels` × 4 spaces. */
export function indent(block: string, levels = 1): string {
  const pad = '    '.repeat(levels);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** Lines joined, with falsy entries (conditionally left out) dropped. */
export function lines(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

/** A `#` comment wrapped at `width` columns (including the indentation it will get). */
export function comment(text: string, width = 88): string {
  return wrap(text, width - 2).map((l) => `# ${l}`).join('\n');
}

/** Words of `text` on lines of at most `width` characters (a longer word gets its own line). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out;
}

/**
 * A call at `level` indentation, laid out as black would: on one line when it fits in 88
 * columns, else the arguments on one line of their own, else one argument per line.
 */
export function call(prefix: string, args: readonly string[], level = 0, width = 88): string {
  const pad = '    '.repeat(level);
  const one = `${pad}${prefix}(${args.join(', ')})`;
  if (one.length <= width) return one;
  const inner = `${pad}    ${args.join(', ')}`;
  if (inner.length <= width) return `${pad}${prefix}(\n${inner}\n${pad})`;
  return `${pad}${prefix}(\n${args.map((a) => `${pad}    ${a},`).join('\n')}\n${pad})`;
}

/**
 * A docstring at `level` indentation: on one line when it fits in 88 columns, else its
 * words wrapped, paragraphs (split on blank lines) kept apart, the quotes closing the
 * last line.
 */
export function docstring(text: string, level = 1, width = 88): string {
  const pad = '    '.repeat(level);
  const one = `${pad}"""${text}"""`;
  if (one.length <= width && !text.includes('\n')) return one;
  const paragraphs = `"""${text}"""`.split(/\n\s*\n/);
  return paragraphs.map((p) => wrap(p, width - pad.length).map((l) => pad + l).join('\n')).join('\n\n');
}

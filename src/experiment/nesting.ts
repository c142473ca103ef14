// The first place where a text nests objects and arrays deeper than a limit, found in one
// flat pass over its characters (strings and comments skipped, no recursion, no values
// built), before anything recursive walks the text.

const QUOTE = 34; // "
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** The offset and length of the bracket that goes one level past `limit`, or undefined. */
export function tooDeep(text: string, limit: number): { offset: number; length: number } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // To the closing quote, or the end of the line (jsonc-parser ends an unterminated string there too).
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE || s === NEWLINE || s === CARRIAGE_RETURN) break;
      }
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      while (i < text.length && text.charCodeAt(i) !== NEWLINE && text.charCodeAt(i) !== CARRIAGE_RETURN) i++;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return { offset: i, length: 1 };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

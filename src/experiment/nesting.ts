// The first place where a text nests objects and arrays deeper than a limit, found by
// jsonc-parser's scanner in one flat pass (no recursion, strings and comments skipped),
// before anything recursive walks the text.
import { createScanner } from 'jsonc-parser';

// jsonc-parser's SyntaxKind values: it is a const enum, which isolatedModules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** The offset and length of the bracket that goes one level past `limit`, or undefined. */
export function tooDeep(text: string, limit: number): { offset: number; length: number } | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > limit) return { offset: scanner.getTokenOffset(), length: 1 };
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

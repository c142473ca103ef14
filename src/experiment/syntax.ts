// JSON-with-comments syntax errors in plain words, at the place jsonc-parser found them.
import { printParseErrorCode, visit, type JSONPath, type ParseError } from 'jsonc-parser';
import { capDiagnostics, type Diagnostic } from './diagnostics.ts';
import { MAX_DIAGNOSTICS } from './limits.ts';
import type { LineIndex } from './positions.ts';

// Keyed by printParseErrorCode's names: ParseErrorCode is a const enum, which isolatedModules cannot read.
const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected text: expected a value (a number, a "string", true, false, null, an object or an array)',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' before this (a comma is missing between two items)",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'unexpected text after the end of the experiment object',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: "unterminated comment: '/*' needs a closing '*/'",
  UnexpectedEndOfString: 'unterminated string: a closing double quote is missing',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'invalid character in string (a line break or control character must be escaped)',
};

/**
 * One diagnostic per syntax error; errors at the same offset (one mistake seen twice) are
 * reported once, and past MAX_DIAGNOSTICS only counted.
 */
export function syntaxDiagnostics(text: string, errors: readonly ParseError[], lines: LineIndex): Diagnostic[] {
  const seen = new Set<number>();
  const distinct = errors.filter((error) => !seen.has(error.offset) && seen.add(error.offset));
  const paths = pathsBefore(text, new Set(distinct.slice(0, MAX_DIAGNOSTICS + 1).map((e) => e.offset)));
  return capDiagnostics(
    distinct,
    (error) => ({
      message: `syntax error: ${MESSAGES[printParseErrorCode(error.error)] ?? 'invalid JSON'}`,
      path: paths.get(error.offset) ?? [],
      range: lines.range(error.offset, error.length),
      severity: 'error',
    }),
    () => 'error',
  );
}

/**
 * The path of the last property or value that starts before each of `offsets`, in one pass
 * over the text (jsonc-parser's getLocation rescans the text from the start for each one).
 */
function pathsBefore(text: string, offsets: ReadonlySet<number>): Map<number, JSONPath> {
  const paths = new Map<number, JSONPath>();
  let current: () => JSONPath = () => [];
  const at = (supplier: () => JSONPath) => (current = supplier);
  visit(
    text,
    {
      onObjectBegin: (_o, _l, _sl, _sc, supplier) => void at(supplier),
      onArrayBegin: (_o, _l, _sl, _sc, supplier) => void at(supplier),
      onLiteralValue: (_v, _o, _l, _sl, _sc, supplier) => void at(supplier),
      onObjectProperty: (property, _o, _l, _sl, _sc, supplier) => void at(() => [...supplier(), property]),
      onError: (_e, offset) => {
        if (offsets.has(offset) && !paths.has(offset)) paths.set(offset, current());
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return paths;
}

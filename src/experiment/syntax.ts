// JSON-with-comments syntax errors in plain words, at the place jsonc-parser found them.
import { getLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { capDiagnostics, type Diagnostic } from './diagnostics.ts';
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
 * reported once, and past MAX_DIAGNOSTICS only counted (finding each one's path rescans the text).
 */
export function syntaxDiagnostics(text: string, errors: readonly ParseError[], lines: LineIndex): Diagnostic[] {
  const seen = new Set<number>();
  const distinct = errors.filter((error) => !seen.has(error.offset) && seen.add(error.offset));
  return capDiagnostics(
    distinct,
    (error) => ({
      message: `syntax error: ${MESSAGES[printParseErrorCode(error.error)] ?? 'invalid JSON'}`,
      path: getLocation(text, error.offset).path,
      range: lines.range(error.offset, error.length),
      severity: 'error',
    }),
    () => 'error',
  );
}

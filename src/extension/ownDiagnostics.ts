// Which of parseExperiment's problems Reglab reports itself. VS Code's JSON language
// service already underlines syntax errors and everything the JSON Schema says (types,
// ranges, unknown and missing keys) through `contributes.jsonValidation`; reporting those
// again would show every such problem twice. What is left is what a schema cannot say:
// cross-field checks (a loss that does not fit the data, a sweep over a field that does
// not exist, duplicate variant names, a variant's merged config), each at its place.
import { parseTree, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../experiment/diagnostics.ts';
import { validateNode, type Issue } from '../experiment/dsl/validate.ts';
import type { ParseResult } from '../experiment/parse.ts';
import { anchorSpan, LineIndex } from '../experiment/positions.ts';
import { experimentSchema } from '../experiment/schema/experiment.ts';

export function ownDiagnostics(parsed: ParseResult, text: string): Diagnostic[] {
  const syntax: ParseError[] = [];
  parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (syntax.length > 0 || parsed.tree === undefined || parsed.tree.type !== 'object') return [];
  const issues: Issue[] = [];
  validateNode(experimentSchema, parsed.tree, [], issues);
  const lines = new LineIndex(text);
  const schemaSays = new Set(
    issues.map((issue) => {
      const span = anchorSpan(issue.node);
      return keyOf(lines.range(span.offset, span.length), issue.message);
    }),
  );
  return parsed.diagnostics.filter((d) => !schemaSays.has(keyOf(d.range, d.message)));
}

function keyOf(range: Diagnostic['range'], message: string): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${message}`;
}

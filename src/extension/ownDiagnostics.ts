// Which of parseExperiment's problems Reglab reports itself. VS Code's JSON language
// service already underlines syntax errors and everything the JSON Schema says (types,
// ranges, unknown and missing keys) through `contributes.jsonValidation`; reporting those
// again would show every such problem twice. What is left is what a schema cannot say:
// cross-field checks (a loss that does not fit the data, a sweep over a field that does
// not exist, duplicate variant names, a variant's merged config), each at its place, and
// the count of problems past the per-file limit.
import type { Diagnostic } from '../experiment/diagnostics.ts';
import type { ParseResult } from '../experiment/parse.ts';

export function ownDiagnostics(parsed: ParseResult): Diagnostic[] {
  if (parsed.syntaxError || parsed.tree === undefined || parsed.tree.type !== 'object') return [];
  return parsed.diagnostics.filter((d) => !d.schema);
}

// Problems found in an experiment file, in VS Code's shape (0-based lines and
// characters), and their one-line form for the terminal (1-based, as compilers print).
import { MAX_DIAGNOSTICS } from './limits.ts';

export interface Position {
  /** 0-based. */
  line: number;
  /** 0-based, in UTF-16 code units as VS Code counts. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Says what is wrong and what was expected, naming the field: "training.optimizer.lr must be > 0, got -0.1". */
  message: string;
  /** Where in the file the field is (or would be), e.g. ['variants', 1, 'regularization', 'dropout']. */
  path: (string | number)[];
  range: Range;
  severity: Severity;
  /** Set when the JSON Schema says it too, so VS Code's JSON service already reports it. */
  schema?: true;
}

/** `examples/a.reglab.json:12:15: training.optimizer.lr must be > 0, got -0.1` (warnings say so). */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The first MAX_DIAGNOSTICS problems of `found` (in order), made into diagnostics by `make`,
 * and, when there are more, one last diagnostic at the next one counting the rest: a file
 * with 10,000 mistakes costs no more to report than one with a hundred.
 */
export function capDiagnostics<T>(found: readonly T[], make: (item: T) => Diagnostic, severity: (item: T) => Severity): Diagnostic[] {
  // One more is shown rather than counted.
  if (found.length <= MAX_DIAGNOSTICS + 1) return found.map(make);
  const shown = found.slice(0, MAX_DIAGNOSTICS).map(make);
  const rest = found.slice(MAX_DIAGNOSTICS);
  const next = make(rest[0]!);
  const anyError = rest.some((item) => severity(item) === 'error');
  const message = `and ${rest.length.toLocaleString('en-US')} more ${rest.length === 1 ? 'problem' : 'problems'} from here on, not listed: fix the ones above first`;
  return [...shown, { message, path: next.path, range: next.range, severity: anyError ? 'error' : 'warning' }];
}

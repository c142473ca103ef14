// Problems found in an experiment file, in VS Code's shape (0-based lines and
// characters), and their one-line form for the terminal (1-based, as compilers print).

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
}

/** `examples/a.reglab.json:12:15: training.optimizer.lr must be > 0, got -0.1` (warnings say so). */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

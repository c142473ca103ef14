// Where the CodeLenses of an experiment file go and what they say, from the parsed file:
// above the top-level object "Run all variants · Run sweep · Open results · Export to PyTorch", above each
// variant "Run this variant". Free of vscode, so the placement is unit-tested.
import type { Range } from '../experiment/diagnostics.ts';
import { hasErrors } from '../experiment/diagnostics.ts';
import { countRuns } from '../experiment/expand.ts';
import type { ParseResult } from '../experiment/parse.ts';
import { locateSections } from '../experiment/positions.ts';

export type LensAction =
  | { kind: 'runExperiment' }
  | { kind: 'runSweep' }
  | { kind: 'openResults' }
  | { kind: 'exportPytorch' }
  | { kind: 'runVariant'; variant: string }
  | { kind: 'showProblems' };

export interface LensSpec {
  /** An empty range at the start of the line the lens sits above. */
  range: Range;
  title: string;
  tooltip: string;
  action: LensAction;
}

export function planLenses(parsed: ParseResult, text: string): LensSpec[] {
  const sections = locateSections(parsed.tree, text);
  if (sections.experiment === undefined) return [];
  const top = lineStart(sections.experiment);
  const lenses: LensSpec[] = [];
  const experiment = parsed.experiment;

  if (experiment === undefined || hasErrors(parsed.diagnostics)) {
    // No count: the Problems view also lists data-file problems, found apart from the parse.
    lenses.push({
      range: top,
      title: '$(error) Fix the problems to run',
      tooltip: 'The experiment cannot run until these are fixed: show them in the Problems view',
      action: { kind: 'showProblems' },
    });
  } else {
    const variants = experiment.variants.length;
    lenses.push({
      range: top,
      title: variants > 0 ? '$(play) Run all variants' : '$(play) Run experiment',
      tooltip: variants > 0 ? `Train the ${variants} variant${variants === 1 ? '' : 's'} side by side (without the sweep)` : 'Train the experiment',
      action: { kind: 'runExperiment' },
    });
    if (experiment.sweep !== undefined) {
      // The count is the session's, as the panel and the status bar will count it: the
      // sweep's runs and the variants' own runs, which it trains too.
      const { variant, sweep } = countRuns(experiment, { includeSweep: true });
      lenses.push({
        range: top,
        title: `$(graph-line) Run sweep (${variant + sweep} runs)`,
        tooltip: `Train ${experiment.sweep.over} over its values, ${experiment.sweep.repeats} seed${experiment.sweep.repeats === 1 ? '' : 's'} each (${sweep} runs), beside the ${variant} variant run${variant === 1 ? '' : 's'}, and plot the final losses against it`,
        action: { kind: 'runSweep' },
      });
    }
  }
  lenses.push({ range: top, title: '$(history) Open results', tooltip: 'Show the last saved results of this experiment in the panel', action: { kind: 'openResults' } });
  if (experiment !== undefined && !hasErrors(parsed.diagnostics)) {
    lenses.push({
      range: top,
      title: '$(file-code) Export to PyTorch',
      tooltip: 'Write this experiment as an equivalent PyTorch script beside the file',
      action: { kind: 'exportPytorch' },
    });
  }

  if (experiment !== undefined && !hasErrors(parsed.diagnostics)) {
    const named = sections.variants.filter((v): v is typeof v & { name: string } => v.name !== undefined);
    const perLine = new Map<number, number>();
    for (const v of named) perLine.set(v.range.start.line, (perLine.get(v.range.start.line) ?? 0) + 1);
    for (const variant of named) {
      const shared = (perLine.get(variant.range.start.line) ?? 0) > 1;
      lenses.push({
        range: lineStart(variant.range),
        title: shared ? `$(play) Run "${variant.name}"` : '$(play) Run this variant',
        tooltip: `Train only the variant "${variant.name}"`,
        action: { kind: 'runVariant', variant: variant.name },
      });
    }
  }
  return lenses;
}

function lineStart(range: Range): Range {
  const at = { line: range.start.line, character: 0 };
  return { start: at, end: at };
}

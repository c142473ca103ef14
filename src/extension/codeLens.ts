// The CodeLenses of experiment files: placement and titles come from lensPlan.ts; this
// turns them into VS Code's CodeLenses and commands.
import * as vscode from 'vscode';
import { parseDocument } from './documents.ts';
import { planLenses, type LensAction } from './lensPlan.ts';

export class ExperimentCodeLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const { text, parsed } = parseDocument(document);
    return planLenses(parsed, text).map((lens) => {
      const range = new vscode.Range(lens.range.start.line, 0, lens.range.start.line, 0);
      return new vscode.CodeLens(range, { title: lens.title, tooltip: lens.tooltip, ...command(lens.action, document.uri) });
    });
  }
}

function command(action: LensAction, uri: vscode.Uri): { command: string; arguments?: unknown[] } {
  switch (action.kind) {
    case 'runExperiment':
      return { command: 'reglab.runExperiment', arguments: [uri] };
    case 'runSweep':
      return { command: 'reglab.runSweep', arguments: [uri] };
    case 'openResults':
      return { command: 'reglab.openResults', arguments: [uri] };
    case 'exportPytorch':
      return { command: 'reglab.exportPytorch', arguments: [uri] };
    case 'runVariant':
      return { command: 'reglab.runVariant', arguments: [uri, action.variant] };
    case 'showProblems':
      return { command: 'workbench.actions.view.problems' };
  }
}

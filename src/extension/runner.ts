// The Run commands: an experiment file (the editor's text, unsaved edits included) parsed,
// checked, expanded into runs and handed to the training service.
import * as vscode from 'vscode';
import { stepDone } from './walkthrough.ts';
import { formatDiagnostic, hasErrors } from '../experiment/diagnostics.ts';
import { planRuns } from '../experiment/session.ts';
import { displayPath, openExperiment, workspaceRootOf } from './documents.ts';
import { computeKnobs } from './knobs.ts';
import type { Training } from './training.ts';
import { ensureTrusted } from './trust.ts';

export interface RunMode {
  /** Only this variant ('?' asks which). */
  variant?: string;
  sweep: boolean;
}

export async function runExperiment(training: Training, uri: vscode.Uri, mode: RunMode): Promise<void> {
  if (!ensureTrusted('train')) return;
  const { parsed } = await openExperiment(uri);
  const file = displayPath(uri);
  const experiment = parsed.experiment;
  if (experiment === undefined || hasErrors(parsed.diagnostics)) {
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] === undefined ? '' : `: ${formatDiagnostic(file, errors[0])}`;
    const choice = await vscode.window.showErrorMessage(`${file} has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can run${first}`, 'Show Problems');
    if (choice !== undefined) void vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  let variant = mode.variant;
  if (variant === '?') {
    if (experiment.variants.length === 0) {
      void vscode.window.showInformationMessage(`${file} has no variants: "Run Experiment" runs it.`);
      return;
    }
    variant = (await vscode.window.showQuickPick(experiment.variants.map((v) => ({ label: v.name, detail: v.description })), { placeHolder: 'Which variant?' }))?.label;
    if (variant === undefined) return;
  }
  if (mode.sweep && experiment.sweep === undefined) {
    void vscode.window.showInformationMessage(`${file} has no sweep: add a "sweep" block to vary one field, e.g. { "over": "regularization.weightDecay", "values": [0, 0.001, 0.01, 0.1] }.`);
    return;
  }
  const workspaceRoot = workspaceRootOf(uri);
  const requests = planRuns(experiment, uri.fsPath, {
    ...(variant === undefined ? {} : { variant }),
    includeSweep: mode.sweep,
    ...(workspaceRoot === undefined ? {} : { workspaceRoot }),
  });
  training.start({ kind: 'experiment', uri, file, experiment, requests, workspaceRoot, knobs: computeKnobs(experiment) });
  stepDone(mode.sweep ? 'sweepRan' : 'ran');
}

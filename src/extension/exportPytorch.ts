// "Reglab: Export as PyTorch Script": writes the experiment as an equivalent PyTorch
// script beside its file (src/export/ does the writing), optionally with Reglab's exact
// data and initial weights for a step-by-step comparison, and opens the script.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { stepDone } from './walkthrough.ts';
import { hasErrors } from '../experiment/diagnostics.ts';
import { exportPytorch, writePytorchExport } from '../export/index.ts';
import { uriForPath } from './workspaceFs.ts';
import { openExperiment, workspaceRootOf } from './documents.ts';
import type { Log } from './log.ts';
import { ensureTrusted } from './trust.ts';

interface Choice extends vscode.QuickPickItem {
  exact: boolean;
}

const CHOICES: Choice[] = [
  { label: '$(file-code) Script', description: 'the same data generator, model and training in PyTorch', exact: false },
  {
    label: '$(beaker) Script and exact data',
    description: "also Reglab's data, initial weights, shuffling and dropout masks, so the two trajectories can be compared step by step",
    exact: true,
  },
];

export async function exportAsPytorch(uri: vscode.Uri, log: Log, variant?: string): Promise<void> {
  // Exact mode reads the experiment's data files and both modes write into the workspace.
  if (!ensureTrusted('export experiments')) return;
  const { parsed } = await openExperiment(uri);
  if (parsed.experiment === undefined || hasErrors(parsed.diagnostics)) {
    void vscode.window.showErrorMessage('Reglab: fix the problems of this experiment file before exporting it (see the Problems view).');
    return;
  }
  const choice = await vscode.window.showQuickPick(CHOICES, { title: 'Export as PyTorch script', placeHolder: 'What to write beside the experiment file' });
  if (choice === undefined) return;
  const outDir = dirname(uri.fsPath);
  const workspaceRoot = workspaceRootOf(uri);
  const exported = exportPytorch(parsed.experiment, uri.fsPath, {
    exact: choice.exact,
    outDir,
    ...(variant === undefined ? {} : { variant }),
    ...(workspaceRoot === undefined ? {} : { workspaceRoot }),
  });
  const [script, ...data] = await writePytorchExport(exported, outDir);
  log.info(`Exported ${uri.fsPath} as ${script}${data.length > 0 ? ` with ${data.join(', ')}` : ''}`);
  stepDone('exported');
  await vscode.window.showTextDocument(uriForPath(script!), { preview: false });
}

// The palette commands (category "Reglab"), registered in one place. Their titles, icons
// and `when` clauses are in package.json's contributes.commands and menus.
import * as vscode from 'vscode';
import { targetExperiment } from './documents.ts';
import type { Exports } from './export.ts';
import { downloadMnist } from './downloadMnist.ts';
import { exportAsPytorch } from './exportPytorch.ts';
import type { History } from './history.ts';
import type { Log } from './log.ts';
import type { PanelHost } from './panel.ts';
import { runExperiment } from './runner.ts';
import { openLesson } from './lessons.ts';
import { newExperiment } from './templates.ts';
import type { Training } from './training.ts';

export interface CommandServices {
  extensionUri: vscode.Uri;
  log: Log;
  training: Training;
  panel: PanelHost;
  history: History;
  exports: Exports;
}

export function registerCommands(s: CommandServices): vscode.Disposable[] {
  const withExperiment = (fn: (uri: vscode.Uri, ...rest: unknown[]) => Promise<unknown> | unknown) => async (arg?: unknown, ...rest: unknown[]) => {
    const uri = await targetExperiment(arg);
    if (uri !== undefined) await fn(uri, ...rest);
  };
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'reglab.runExperiment': withExperiment((uri) => runExperiment(s.training, uri, { sweep: false })),
    'reglab.runVariant': withExperiment((uri, variant) => runExperiment(s.training, uri, { variant: typeof variant === 'string' ? variant : '?', sweep: false })),
    'reglab.runSweep': withExperiment((uri) => runExperiment(s.training, uri, { sweep: true })),
    'reglab.openResults': withExperiment((uri) => s.history.openLatest(uri)),
    'reglab.stop': () => {
      if (!s.training.stop('stopped by the user')) void vscode.window.showInformationMessage('Nothing is training.');
    },
    'reglab.openPanel': () => s.panel.show(false),
    'reglab.newExperiment': (template?: unknown) => newExperiment(s.extensionUri, s.log, typeof template === 'string' ? template : undefined),
    'reglab.openLesson': (lesson?: unknown) => openLesson(s.extensionUri, s.log, typeof lesson === 'string' ? lesson : undefined),
    'reglab.showHistory': () => s.history.show(),
    'reglab.exportCsv': () => s.exports.csv(),
    'reglab.exportChart': () => s.exports.png(),
    'reglab.showLog': () => s.log.show(),
    'reglab.exportPytorch': withExperiment((uri, variant) => exportAsPytorch(uri, s.log, typeof variant === 'string' ? variant : undefined)),
    'reglab.downloadMnist': () => downloadMnist(s.log),
  };
  return Object.entries(commands).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        s.log.error(`${id} failed: ${error instanceof Error ? error.stack ?? message : message}`);
        void vscode.window.showErrorMessage(`Reglab: ${message}`);
        return undefined;
      }
    }),
  );
}

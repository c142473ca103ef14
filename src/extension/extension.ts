// The extension's entry point: builds the services, each a Disposable owning what it
// created, and hands them to VS Code's subscriptions so deactivation disposes everything.
import * as vscode from 'vscode';
import { ExperimentCodeLenses } from './codeLens.ts';
import { registerCommands } from './commands.ts';
import { ExperimentDiagnostics } from './diagnostics.ts';
import { EXPERIMENT_SELECTOR } from './documents.ts';
import { Exports } from './export.ts';
import { History, knobsOf } from './history.ts';
import { Log } from './log.ts';
import { PanelHost } from './panel.ts';
import { Playground } from './playground.ts';
import { saveAsVariant } from './saveVariant.ts';
import { registerPanelSerializer } from './serializer.ts';
import { SettingsService } from './settingsService.ts';
import { TrainingProgress } from './progress.ts';
import { Training } from './training.ts';
import { createTrainingPool, trainsInIdleTime } from './trainingPools.ts';
import { HOST } from '../platform/host.ts';
import { ensureTrusted } from './trust.ts';

export function activate(context: vscode.ExtensionContext): void {
  const log = new Log();
  const settings = new SettingsService();
  const training = new Training((workers, flushMs) => createTrainingPool(context.extensionUri, workers, flushMs), settings, log, trainsInIdleTime());
  const panel = new PanelHost(context.extensionUri, training, settings, log, context.workspaceState);
  const playground = new Playground(panel, training, log);
  const history = new History(panel, playground, settings, log);
  const exports = new Exports(panel, settings, log);

  panel.knobsFor = knobsOf;
  panel.actions = {
    playground: (values) => playground.moved(values),
    saveVariant: (name, values) => {
      const uri = panel.uri;
      if (uri === undefined) {
        void vscode.window.showWarningMessage('The experiment file of these results is not in this workspace, so there is no file to add the variant to.');
        return;
      }
      if (!ensureTrusted('write playground values into the file')) return;
      void saveAsVariant(uri, playground.stateFor(uri)?.knobs, values, name, log).then((saved) => {
        // The curve trained with these values is now the new variant's: it takes its name.
        if (saved !== undefined) panel.adoptPlaygroundRuns(saved.basedOn, saved.name);
      }).catch((error: unknown) =>
        log.error(`Save as variant failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    stop: () => training.stop('stopped from the panel'),
    exportCsv: () => void exports.csv(),
    exportChart: () => void exports.png(),
  };

  context.subscriptions.push(
    log,
    settings,
    training,
    panel,
    playground,
    new TrainingProgress(training, panel),
    new ExperimentDiagnostics(settings),
    vscode.languages.registerCodeLensProvider(EXPERIMENT_SELECTOR, new ExperimentCodeLenses()),
    registerPanelSerializer(panel),
    ...registerCommands({ extensionUri: context.extensionUri, log, training, panel, history, exports }),
  );
  void vscode.commands.executeCommand('setContext', 'reglab.running', false);

  const where = HOST === 'web' ? ' in the browser (training in Web Workers)' : '';
  log.info(`Reglab activated${where}${vscode.workspace.isTrusted ? '' : ' in Restricted Mode: experiments can be edited and saved results opened, but nothing trains'}`);
  // The end-to-end tests wait for this line in the browser console before using commands.
  console.log(`[reglab] activated${HOST === 'web' ? ' (web extension host)' : ''}`);
}

export function deactivate(): void {}

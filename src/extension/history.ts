// Saved results: "Show Runs History" (every experiment's saved runs, newest first, the
// current experiment's on top) and "Open results" (the newest of one experiment). Opening
// them shows the charts without retraining; it works in Restricted Mode too (it only reads
// files Reglab wrote into the results folder).
import * as vscode from 'vscode';
import { hasErrors } from '../experiment/diagnostics.ts';
import { experimentSlug, listResults, readResults } from '../experiment/results-io.ts';
import type { ExperimentResults } from '../results/model.ts';
import type { Knob } from '../webview/contract.ts';
import { displayPath, isExperimentUri, openExperiment } from './documents.ts';
import { historyItems, type SavedRun } from './historyItems.ts';
import { computeKnobs } from './knobs.ts';
import { trace, type Log } from './log.ts';
import { resolveFile, type PanelHost } from './panel.ts';
import type { Playground } from './playground.ts';
import { resultsDir } from './settings.ts';
import { pathExists } from './workspaceFs.ts';
import type { SettingsService } from './settingsService.ts';

export class History {
  constructor(
    private readonly panel: PanelHost,
    private readonly playground: Playground,
    private readonly settings: SettingsService,
    private readonly log: Log,
  ) {}

  private saved(): Promise<{ runs: SavedRun[]; root: string }[]> {
    return Promise.all((vscode.workspace.workspaceFolders ?? []).map(async (folder) => ({
      root: folder.uri.fsPath,
      runs: await listResults(resultsDir(folder.uri.fsPath, this.settings.current)),
    })));
  }

  async show(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const current = active !== undefined && isExperimentUri(active) ? experimentSlug(displayPath(active)) : this.panel.results !== null ? experimentSlug(this.panel.results.file) : undefined;
    const items = (await this.saved()).flatMap(({ runs, root }) => historyItems(runs, root, current));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(`No saved results yet: results are saved in ${this.settings.current.resultsFolder} when an experiment finishes.`);
      return;
    }
    const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Open saved results (newest first)', matchOnDescription: true, matchOnDetail: true });
    if (pick !== undefined) await this.open(pick.path);
  }

  /** The newest saved results of the experiment file `uri`; false when there are none. */
  async openLatest(uri: vscode.Uri): Promise<boolean> {
    const slug = experimentSlug(displayPath(uri));
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const runs = folder === undefined ? [] : (await listResults(resultsDir(folder.uri.fsPath, this.settings.current))).filter((r) => r.experiment === slug);
    if (runs.length === 0) {
      const run = vscode.workspace.isTrusted ? 'Run' : undefined;
      void vscode.window.showInformationMessage(`No saved results of ${displayPath(uri)} yet.`, ...(run === undefined ? [] : [run])).then((choice) => {
        if (choice === 'Run') void vscode.commands.executeCommand('reglab.runExperiment', uri);
      });
      return false;
    }
    await this.open(runs[0]!.path, uri);
    return true;
  }

  private async open(path: string, known?: vscode.Uri): Promise<void> {
    let results: ExperimentResults;
    try {
      results = await readResults(path);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not read ${vscode.workspace.asRelativePath(path, false)}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const uri = known ?? resolveFile(results.file);
    const exists = uri !== undefined && (await pathExists(uri.fsPath));
    const knobs = exists ? await knobsOf(uri) : [];
    if (exists) this.playground.reset(uri, knobs);
    this.panel.showResults(results, exists ? uri : undefined, knobs, path);
    this.log.info(`Opened saved results ${vscode.workspace.asRelativePath(path, false)}`);
    trace(`opened saved results: "${results.title}"`);
  }
}

/** The playground's knobs of an experiment file ([] when it does not parse). */
export async function knobsOf(uri: vscode.Uri): Promise<Knob[]> {
  try {
    const { parsed } = await openExperiment(uri);
    return parsed.experiment !== undefined && !hasErrors(parsed.diagnostics) ? computeKnobs(parsed.experiment) : [];
  } catch {
    return [];
  }
}

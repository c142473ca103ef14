// Exports of what the panel shows, into the workspace: the curves as CSV (one row per run and
// epoch) and the visible chart(s) as a PNG the page draws. Files go to reglab.exportFolder
// (default .reglab/exports) of the experiment's workspace folder.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { curvesCsv, experimentSlug } from '../experiment/results-format.ts';
import { trace, type Log } from './log.ts';
import type { PanelHost } from './panel.ts';
import { exportDir } from './settings.ts';
import type { SettingsService } from './settingsService.ts';
import { uriForPath, writePath } from './workspaceFs.ts';
import { decodeBase64 } from '../engine/wasm/base64.ts';

export class Exports {
  constructor(
    private readonly panel: PanelHost,
    private readonly settings: SettingsService,
    private readonly log: Log,
  ) {}

  async csv(): Promise<vscode.Uri | undefined> {
    const results = this.panel.results;
    if (results === null) return this.nothing();
    const target = this.target(results.file, 'csv');
    if (target === undefined) return undefined;
    await writePath(target.fsPath, curvesCsv(results));
    return this.done(target, 'curves');
  }

  async png(): Promise<vscode.Uri | undefined> {
    if (this.panel.results === null) return this.nothing();
    const target = this.target(this.panel.results.file, 'png');
    if (target === undefined) return undefined;
    let dataUrl: string;
    try {
      dataUrl = await this.panel.chartImage();
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not export the chart: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    await writePath(target.fsPath, decodeBase64(dataUrl.slice(dataUrl.indexOf(',') + 1)));
    return this.done(target, 'chart');
  }

  private target(file: string, extension: string): vscode.Uri | undefined {
    const folder = (this.panel.uri && vscode.workspace.getWorkspaceFolder(this.panel.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (folder === undefined) {
      void vscode.window.showWarningMessage('Open a folder to export into: exports are written into the workspace.');
      return undefined;
    }
    const dir = exportDir(folder.uri.fsPath, this.settings.current);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const view = extension === 'png' ? `-${this.panel.view}` : '';
    return uriForPath(join(dir, `${experimentSlug(file || 'results')}${view}-${stamp}.${extension}`));
  }

  private nothing(): undefined {
    void vscode.window.showInformationMessage('There are no results to export yet: run an experiment, or open saved results with "Reglab: Show Runs History".');
    return undefined;
  }

  private done(target: vscode.Uri, what: string): vscode.Uri {
    const shown = vscode.workspace.asRelativePath(target, false);
    this.log.info(`Exported the ${what} to ${shown}`);
    trace(`exported ${what}: ${shown}`);
    void vscode.window.showInformationMessage(`Exported the ${what} to ${shown}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
    return target;
  }
}

// The `reglab.*` settings as they are now, and an event when they change.
import * as vscode from 'vscode';
import { Disposable } from './disposable.ts';
import { useBudget } from './documents.ts';
import { readSettings, type Settings } from './settings.ts';

export class SettingsService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Settings>());
  readonly onDidChange = this.changed.event;
  private settings = readSettings(vscode.workspace.getConfiguration('reglab'));

  constructor() {
    super();
    this.applyBudget();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('reglab')) return;
        this.settings = readSettings(vscode.workspace.getConfiguration('reglab'));
        this.applyBudget();
        this.changed.fire(this.settings);
      }),
    );
  }

  get current(): Settings {
    return this.settings;
  }

  /** Experiment files are checked against the budget, with the runs trained at once as the workers setting says. */
  private applyBudget(): void {
    const { budget, workers } = this.settings;
    useBudget(workers > 0 ? { ...budget, parallel: workers } : budget);
  }
}

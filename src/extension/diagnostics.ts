// Reglab's own diagnostics in experiment files, updated as the user types (debounced):
// what the JSON Schema cannot say (ownDiagnostics.ts), and, in trusted workspaces, problems
// with the data files the experiment names (dataCheck.ts: a CSV column that does not
// exist, a missing file). Data checks rerun when such files change on disk or trust is given.
import * as vscode from 'vscode';
import type { Diagnostic } from '../experiment/diagnostics.ts';
import { DataChecker, readsFiles } from './dataCheck.ts';
import { HOST } from '../platform/host.ts';
import { Disposable, toDisposable } from './disposable.ts';
import { isExperimentDocument, parseDocument, workspaceRootOf } from './documents.ts';
import { trace } from './log.ts';
import { ownDiagnostics } from './ownDiagnostics.ts';
import type { SettingsService } from './settingsService.ts';

export const DIAGNOSTICS_DEBOUNCE_MS = 250;

export class ExperimentDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('reglab'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly checker = new DataChecker();
  /** Per document, which update is the latest: an older one still reading files must not overwrite it. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly settings: SettingsService) {
    super();
    this.register(toDisposable(() => {
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
    }));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DIAGNOSTICS_DEBOUNCE_MS)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()));
    this.register(settings.onDidChange(() => this.refreshAll()));
    // A data file created, changed or deleted may fix or break an experiment that names it.
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.{csv,CSV,gz,idx1-ubyte,idx3-ubyte,ubyte}'));
    const dataChanged = () => this.refreshAll(true);
    this.register(watcher.onDidCreate(dataChanged));
    this.register(watcher.onDidChange(dataChanged));
    this.register(watcher.onDidDelete(dataChanged));
    this.refreshAll();
  }

  private refreshAll(onlyData = false): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!isExperimentDocument(document)) continue;
      if (onlyData && !readsFiles(parseDocument(document).parsed)) continue;
      this.schedule(document, 0);
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isExperimentDocument(document)) return;
    const key = document.uri.toString();
    const previous = this.timers.get(key);
    if (previous !== undefined) clearTimeout(previous);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) void this.update(document);
    }, delay));
  }

  /**
   * Reglab's own problems, and the data files' once they are read (asynchronously: the host
   * never waits on a file). A newer update of the same document wins over an older one still reading.
   */
  private async update(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const { text, parsed } = parseDocument(document);
    const found = ownDiagnostics(parsed);
    // On the web the data files are read through vscode.workspace.fs, whatever the file system (dataFiles.web.ts).
    const readable = document.uri.scheme === 'file' || (HOST === 'web' && document.uri.scheme !== 'untitled');
    const checkData = vscode.workspace.isTrusted && this.settings.current.checkDataFiles && readable && readsFiles(parsed);
    if (checkData) {
      try {
        found.push(...(await this.checker.check(parsed, text, document.uri.fsPath, workspaceRootOf(document.uri))));
      } catch (error) {
        trace(`diagnostics: data check failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.isDisposed || document.isClosed || this.generations.get(key) !== generation) return;
    }
    found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    this.collection.set(document.uri, found.map(toVscode));
    trace(`diagnostics: ${document.uri.path.split('/').pop()} ${found.length} (${found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`).join(' ')})`);
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    this.generations.delete(key);
    this.collection.delete(document.uri);
  }
}

function toVscode(d: Diagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'reglab';
  return diagnostic;
}

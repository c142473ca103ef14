// Experiment files: which documents are ones, and their parse, cached per document version
// (the CodeLenses, the diagnostics and the commands all ask for it on every change).
import * as vscode from 'vscode';
import { BUDGET_DEFAULTS, type BudgetLimits } from '../experiment/budget.ts';
import { parseExperiment, type ParseResult } from '../experiment/parse.ts';

export const EXPERIMENT_SUFFIX = '.reglab.json';
export const EXPERIMENT_GLOB = '**/*.reglab.json';
export const EXPERIMENT_SELECTOR: vscode.DocumentSelector = [
  { pattern: EXPERIMENT_GLOB, scheme: 'file' },
  { pattern: EXPERIMENT_GLOB, scheme: 'untitled' },
  { pattern: EXPERIMENT_GLOB, scheme: 'vscode-remote' },
];

export function isExperimentUri(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith(EXPERIMENT_SUFFIX);
}

export function isExperimentDocument(document: vscode.TextDocument): boolean {
  return isExperimentUri(document.uri);
}

export interface ParsedDocument {
  document: vscode.TextDocument;
  text: string;
  parsed: ParseResult;
}

const cache = new WeakMap<vscode.TextDocument, { version: number; budget: BudgetLimits; parsed: ParseResult }>();

/** The resource budget files are checked against: the reglab.budget.* settings (SettingsService keeps it current). */
let budget: BudgetLimits = BUDGET_DEFAULTS;

export function useBudget(limits: BudgetLimits): void {
  budget = limits;
}

export function parseDocument(document: vscode.TextDocument): ParsedDocument {
  const text = document.getText();
  const hit = cache.get(document);
  if (hit !== undefined && hit.version === document.version && hit.budget === budget) return { document, text, parsed: hit.parsed };
  const parsed = parseExperiment(text, document.uri.fsPath, { budget });
  cache.set(document, { version: document.version, budget, parsed });
  return { document, text, parsed };
}

/** The experiment file as the editor has it (unsaved edits included), opened if need be. */
export async function openExperiment(uri: vscode.Uri): Promise<ParsedDocument> {
  return parseDocument(await vscode.workspace.openTextDocument(uri));
}

/** The workspace folder a file belongs to (its own folder when it is outside every one). */
export function workspaceRootOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
}

/** The file's path as the results and the panel name it: relative to its workspace folder. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/**
 * The experiment a command acts on: the one it was given (CodeLens, editor title), else the
 * active editor's, else the only one in the workspace, else one the user picks.
 */
export async function targetExperiment(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active !== undefined && isExperimentDocument(active)) return active.uri;
  const found = await vscode.workspace.findFiles(EXPERIMENT_GLOB, '**/node_modules/**', 200);
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    void vscode.window.showInformationMessage('There is no experiment file (*.reglab.json) in this workspace. Create one with "Reglab: New Experiment…".', 'New Experiment…').then((pick) => {
      if (pick !== undefined) void vscode.commands.executeCommand('reglab.newExperiment');
    });
    return undefined;
  }
  const items = found
    .map((uri) => ({ label: displayPath(uri), uri }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (await vscode.window.showQuickPick(items, { placeHolder: 'Which experiment?' }))?.uri;
}

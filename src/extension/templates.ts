// "New Experiment…": one template per lesson, read from the examples shipped in the
// extension (examples/*.reglab.json in the .vsix), written into the workspace under a free
// name and opened. Creating a file runs nothing, so it works in Restricted Mode too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { parseExperiment } from '../experiment/parse.ts';
import { trace, type Log } from './log.ts';

export interface Template {
  file: string;
  name: string;
  title: string;
  description: string;
}

export function listTemplates(extensionPath: string): Template[] {
  const dir = join(extensionPath, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.reglab.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const experiment = parseExperiment(text, f).experiment;
      const description = experiment?.description ?? '';
      return { file: join(dir, f), name: f, title: experiment?.title ?? f, description: firstSentence(description) };
    });
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

export async function newExperiment(extensionPath: string, log: Log, pickName?: string): Promise<vscode.Uri | undefined> {
  const templates = listTemplates(extensionPath);
  if (templates.length === 0) {
    void vscode.window.showErrorMessage('The Reglab extension has no templates (its examples folder is missing).');
    return undefined;
  }
  const picked = pickName !== undefined
    ? templates.find((t) => t.name === pickName)
    : (await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.title, description: t.name.replace(/\.reglab\.json$/, ''), detail: t.description, template: t })),
        { placeHolder: 'New experiment from a lesson', matchOnDescription: true, matchOnDetail: true },
      ))?.template;
  if (picked === undefined) return undefined;

  const folder = await targetFolder();
  if (folder === undefined) return undefined;
  const base = basename(picked.name, '.reglab.json').replace(/^\d+-/, '');
  let target = vscode.Uri.joinPath(folder, `${base}.reglab.json`);
  for (let n = 2; existsSync(target.fsPath); n++) target = vscode.Uri.joinPath(folder, `${base}-${n}.reglab.json`);
  await vscode.workspace.fs.writeFile(target, Buffer.from(workspaceCopy(picked.file)));
  await vscode.window.showTextDocument(target, { preview: false });
  log.info(`Created ${vscode.workspace.asRelativePath(target, false)} from the template "${picked.title}"`);
  trace(`new experiment: ${vscode.workspace.asRelativePath(target, false)}`);
  return target;
}

/**
 * A lesson's text as it goes into a workspace: without its "$schema" line, which points at
 * the repository's schemas/ folder (relative to examples/) and would not resolve there; the
 * extension gives VS Code the schema for every *.reglab.json anyway.
 */
export function workspaceCopy(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\s*"\$schema":\s*"[^"\n]*",?[ \t]*\r?\n/m, '');
}

/** The folder of the active file when it is in the workspace, else the (chosen) workspace folder. */
export async function targetFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active) !== undefined) return vscode.Uri.joinPath(active, '..');
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the new experiment go?' }))?.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the experiment here' });
  return chosen?.[0];
}

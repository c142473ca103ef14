// "New Experiment…": one template per lesson, read from the examples shipped in the
// extension (examples/*.reglab.json in the .vsix), written into the workspace under a free
// name and opened. Creating a file runs nothing, so it works in Restricted Mode too.
// Everything goes through vscode.workspace.fs: the extension's files and the workspace may
// both be virtual (a browser's extension host).
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { parseExperiment } from '../experiment/parse.ts';
import { trace, type Log } from './log.ts';

export interface Template {
  uri: vscode.Uri;
  /** The file's text. */
  text: string;
  name: string;
  title: string;
  description: string;
}

export async function listTemplates(extensionUri: vscode.Uri): Promise<Template[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'examples');
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const names = entries.map(([name]) => name).filter((f) => f.endsWith('.reglab.json')).sort();
  return Promise.all(names.map(async (f) => {
    const uri = vscode.Uri.joinPath(dir, f);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const experiment = parseExperiment(text, f).experiment;
    const description = experiment?.description ?? '';
    return { uri, text, name: f, title: experiment?.title ?? f, description: firstSentence(description) };
  }));
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

export async function newExperiment(extensionUri: vscode.Uri, log: Log, pickName?: string): Promise<vscode.Uri | undefined> {
  const templates = await listTemplates(extensionUri);
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
  for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(folder, `${base}-${n}.reglab.json`);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(workspaceCopy(picked.text)));
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
export function workspaceCopy(text: string): string {
  return text.replace(/^\s*"\$schema":\s*"[^"\n]*",?[ \t]*\r?\n/m, '');
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder of the active file when it is in the workspace, else the (chosen) workspace folder. */
export async function targetFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active !== undefined && active.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(active) !== undefined) return vscode.Uri.joinPath(active, '..');
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the new experiment go?' }))?.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the experiment here' });
  return chosen?.[0];
}

// "Reglab: Open Lesson…": the lessons shipped in the extension (examples/*.reglab.json),
// listed with their one-line lesson (the file's first comment, "// Lesson N — …"), and the
// chosen one copied into the workspace under its own name and opened. A lesson already
// copied is opened as it is: the user's edits are never overwritten. Writing a file runs
// nothing, so it works in Restricted Mode too.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { trace, type Log } from './log.ts';
import { listTemplates, targetFolder, workspaceCopy, type Template } from './templates.ts';
import { stepDone } from './walkthrough.ts';

export interface Lesson extends Template {
  /** "Lesson 1" */
  label: string;
  /** "weight decay on a tiny noisy regression." */
  lesson: string;
}

export function listLessons(extensionPath: string): Lesson[] {
  return listTemplates(extensionPath).map((t) => {
    const first = readFileSync(t.file, 'utf8').split('\n', 1)[0] ?? '';
    const match = /^\/\/\s*(Lesson \d+)\s*[—-]\s*(.+)$/.exec(first.trim());
    return { ...t, label: match?.[1] ?? t.name, lesson: match?.[2] ?? t.description };
  });
}

export async function openLesson(extensionPath: string, log: Log, pickName?: string): Promise<vscode.Uri | undefined> {
  const lessons = listLessons(extensionPath);
  if (lessons.length === 0) {
    void vscode.window.showErrorMessage('The Reglab extension has no lessons (its examples folder is missing).');
    return undefined;
  }
  const picked = pickName !== undefined
    ? lessons.find((l) => l.name === pickName || l.label === pickName)
    : (await vscode.window.showQuickPick(
        lessons.map((l) => ({ label: `${l.label}: ${l.lesson}`, detail: l.title, lesson: l })),
        { title: 'Open a Reglab lesson', placeHolder: 'Copies the lesson into your workspace and opens it', matchOnDetail: true },
      ))?.lesson;
  if (picked === undefined) return undefined;
  const folder = await targetFolder();
  if (folder === undefined) return undefined;
  const target = vscode.Uri.joinPath(folder, basename(picked.file));
  const relative = vscode.workspace.asRelativePath(target, false);
  if (existsSync(target.fsPath)) {
    log.info(`Opened ${relative}: the lesson was already in the workspace (left as it is)`);
  } else {
    await vscode.workspace.fs.writeFile(target, Buffer.from(workspaceCopy(picked.file)));
    log.info(`Copied ${picked.label} into ${relative}`);
  }
  await vscode.window.showTextDocument(target, { preview: false });
  trace(`lesson opened: ${relative}`);
  stepDone('lessonOpened');
  return target;
}

// "Reglab: Open Lesson…": the lessons shipped in the extension (examples/*.reglab.json),
// listed with their one-line lesson (the file's first comment, "// Lesson N — …"), and the
// chosen one copied into the workspace under its own name and opened. A lesson already
// copied is opened as it is: the user's edits are never overwritten. Writing a file runs
// nothing, so it works in Restricted Mode too.
import * as vscode from 'vscode';
import { trace, type Log } from './log.ts';
import { exists, listTemplates, targetFolder, workspaceCopy, type Template } from './templates.ts';
import { stepDone } from './walkthrough.ts';

export interface Lesson extends Template {
  /** "Lesson 1" */
  label: string;
  /** "weight decay on a tiny noisy regression." */
  lesson: string;
}

export async function listLessons(extensionUri: vscode.Uri): Promise<Lesson[]> {
  return (await listTemplates(extensionUri)).map((t) => {
    const first = t.text.split('\n', 1)[0] ?? '';
    const match = /^\/\/\s*(Lesson \d+)\s*[—-]\s*(.+)$/.exec(first.trim());
    return { ...t, label: match?.[1] ?? t.name, lesson: match?.[2] ?? t.description };
  });
}

export async function openLesson(extensionUri: vscode.Uri, log: Log, pickName?: string): Promise<vscode.Uri | undefined> {
  const lessons = await listLessons(extensionUri);
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
  const target = vscode.Uri.joinPath(folder, picked.name);
  const relative = vscode.workspace.asRelativePath(target, false);
  if (await exists(target)) {
    log.info(`Opened ${relative}: the lesson was already in the workspace (left as it is)`);
  } else {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(workspaceCopy(picked.text)));
    log.info(`Copied ${picked.label} into ${relative}`);
  }
  await vscode.window.showTextDocument(target, { preview: false });
  trace(`lesson opened: ${relative}`);
  stepDone('lessonOpened');
  return target;
}

// "Reglab: Download MNIST…": fetches MNIST or Fashion-MNIST (four IDX .gz files, checked
// against their published checksums) into a folder of the workspace, with progress and
// Cancel. The downloading is data/download.ts; this is the picking and the reporting.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DOWNLOADABLE, downloadIdxFiles, DownloadError, type DownloadableName } from '../data/download.ts';
import { folderInside } from './settings.ts';
import { folderInsideWorkspace } from '../experiment/workspaceFolder.ts';
import type { Log } from './log.ts';
import { ensureTrusted } from './trust.ts';

/** The settings naming each set's base URL (package.json declares them, with the defaults of DOWNLOADABLE). */
export const MIRROR_SETTINGS: Record<DownloadableName, string> = {
  mnist: 'download.mnistMirror',
  'fashion-mnist': 'download.fashionMnistMirror',
};

interface SetChoice extends vscode.QuickPickItem {
  set: DownloadableName;
}

const SET_CHOICES: SetChoice[] = [
  { label: 'MNIST', description: 'handwritten digits: 60,000 train + 10,000 test, about 11 MB', set: 'mnist' },
  { label: 'Fashion-MNIST', description: 'clothing in the same 28×28 format: 60,000 + 10,000, about 30 MB', set: 'fashion-mnist' },
];

export async function downloadMnist(log: Log): Promise<void> {
  if (!ensureTrusted('download data into this workspace')) return;
  const choice = await vscode.window.showQuickPick(SET_CHOICES, { title: 'Reglab: Download MNIST', placeHolder: 'Which data set' });
  if (choice === undefined) return;
  const set = DOWNLOADABLE[choice.set];
  const root = await workspaceRoot();
  if (root === undefined) return;
  const written = await vscode.window.showInputBox({
    title: `Download ${set.title}`,
    prompt: 'Folder, relative to the workspace folder',
    value: set.folder,
    validateInput: (value) => (folderInside(value) === undefined ? 'A folder inside the workspace, such as data/mnist' : undefined),
  });
  if (written === undefined) return;
  const dir = folderInsideWorkspace(root, join(root, folderInside(written)!), 'the download folder');
  const baseUrl = vscode.workspace.getConfiguration('reglab').get<string>(MIRROR_SETTINGS[choice.set])?.trim() || set.mirror;

  log.info(`Downloading ${set.title} from ${baseUrl} into ${dir}`);
  const controller = new AbortController();
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading ${set.title}`, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        let reported = 0;
        return downloadIdxFiles({
          dir, baseUrl, files: set.files, signal: controller.signal,
          onProgress: ({ file, index, count, received, total }) => {
            // Each file is a quarter of the bar; within it, its bytes when the size is known.
            const done = (100 * (index + (total === undefined ? 0 : Math.min(1, received / total)))) / count;
            const mb = (received / 1e6).toFixed(1);
            progress.report({ increment: Math.max(0, done - reported), message: `${file} (${total === undefined ? `${mb} MB` : `${mb} of ${(total / 1e6).toFixed(1)} MB`})` });
            reported = Math.max(reported, done);
          },
        });
      },
    );
    const relative = folderInside(written)!.split('\\').join('/');
    log.info(`${set.title}: downloaded ${result.downloaded.join(', ') || 'nothing'}; already there ${result.kept.join(', ') || 'nothing'}`);
    const copy = 'Copy the data block';
    const picked = await vscode.window.showInformationMessage(
      `${set.title} is in ${relative}/ (${result.downloaded.length} downloaded, ${result.kept.length} already there, all four checked). Name its four files in an experiment's "data" block to train on it.`,
      copy,
    );
    if (picked === copy) await vscode.env.clipboard.writeText(dataBlock(relative));
  } catch (error) {
    if (error instanceof DownloadError) {
      log.warn(`${set.title} download: ${error.message}`);
      if (error.kind === 'cancelled') void vscode.window.showInformationMessage(`Reglab: ${set.title}: ${error.message}.`);
      else void vscode.window.showErrorMessage(`Reglab could not download ${set.title}: ${error.message}`);
      return;
    }
    throw error;
  }
}

/** The `data` block naming the downloaded files, relative to an experiment at the workspace's root. */
export function dataBlock(folder: string): string {
  const [images, labels, testImages, testLabels] = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].map((f) => `${folder}/${f}`);
  return JSON.stringify({ generator: 'mnist', images, labels, testImages, testLabels }, null, 2);
}

async function workspaceRoot(): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Reglab: open a folder first; the data set is downloaded into it.');
    return undefined;
  }
  if (folders.length === 1) return folders[0]!.uri.fsPath;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Download into which workspace folder' });
  return picked?.uri.fsPath;
}

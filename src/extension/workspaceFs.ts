// Files by path through vscode.workspace.fs, for the places the extension host must work on
// any file system: a browser's extension host has no disk (github.dev's repository is a
// virtual file system), and there a workspace path is its URI's path. A path maps back to
// the URI of the workspace folder it lies in (the folder's scheme and authority, the path's
// path); a path in no folder keeps the first folder's scheme and authority (a file: URI
// when that is a disk).
import * as vscode from 'vscode';

export function uriForPath(path: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const slashed = path.replace(/\\/g, '/');
  for (const folder of folders) {
    const root = folder.uri.fsPath.replace(/\\/g, '/');
    if (slashed === root || slashed.startsWith(root.endsWith('/') ? root : `${root}/`)) {
      if (folder.uri.scheme === 'file') return vscode.Uri.file(path);
      return folder.uri.with({ path: folder.uri.path.replace(/\/?$/, '') + slashed.slice(root.replace(/\/$/, '').length) });
    }
  }
  const first = folders[0]?.uri;
  return first === undefined || first.scheme === 'file' ? vscode.Uri.file(path) : first.with({ path: slashed });
}

export async function statPath(path: string): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uriForPath(path));
  } catch {
    return undefined;
  }
}

export async function pathExists(path: string): Promise<boolean> {
  return (await statPath(path)) !== undefined;
}

export async function readPath(path: string): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uriForPath(path));
}

export async function readTextPath(path: string): Promise<string> {
  return new TextDecoder().decode(await readPath(path));
}

/** Writes the file, creating its folders. */
export async function writePath(path: string, content: string | Uint8Array): Promise<void> {
  const uri = uriForPath(path);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

/** The names in a folder ([] when it does not exist). */
export async function listPath(path: string): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uriForPath(path));
  } catch {
    return [];
  }
}

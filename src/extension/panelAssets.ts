// The panel page's script and stylesheets, read once from the extension's files so that each
// new page carries them in its HTML instead of fetching them: a webview's resources come
// through its service worker and the window's main thread, which is busy laying out the new
// panel just then, and a page's script waits for the stylesheets before it (measured on lesson
// 1: styles loaded 670 ms after the page started, the script ran right after them).
import * as vscode from 'vscode';
import { trace } from './log.ts';
import { withCodiconFont } from '../webview/html.ts';

export class PanelAssets {
  private script: string | undefined;
  private codicons: string | undefined;
  private panelStyles: string | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    const read = (path: string[], keep: (text: string) => void) =>
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...path)).then(
        (bytes) => keep(new TextDecoder().decode(bytes)),
        // Nothing is lost: the page fetches the file as before.
        (error: unknown) => trace(`panel asset ${path.join('/')} not read ahead: ${error instanceof Error ? error.message : String(error)}`),
      );
    void Promise.all([
      read(['dist', 'webview.js'], (text) => (this.script = text)),
      read(['dist', 'codicons', 'codicon.css'], (text) => (this.codicons = text)),
      read(['media', 'panel.css'], (text) => (this.panelStyles = text)),
    ]).then(() => trace(`panel assets read ahead: ${this.script !== undefined && this.codicons !== undefined && this.panelStyles !== undefined}`));
  }

  /** The page's script; undefined until read. */
  scriptText(): string | undefined {
    return this.script;
  }

  /** Both stylesheets for `webview`, the codicons' first, with the font's URL made the webview's own; undefined until read. */
  styleText(webview: vscode.Webview): string | undefined {
    if (this.codicons === undefined || this.panelStyles === undefined) return undefined;
    const font = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'codicons', 'codicon.ttf')).toString();
    return `${withCodiconFont(this.codicons, font)}\n${this.panelStyles}`;
  }
}

// The extension's entry point: everything that touches VS Code starts here.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Reglab', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('reglab.showLog', () => log.show(true)),
  );

  log.info('Reglab activated');
  // The end-to-end tests wait for this line in the browser console before using commands.
  console.log('[reglab] activated');
}

export function deactivate(): void {}

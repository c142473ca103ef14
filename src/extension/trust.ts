// Restricted Mode. In an untrusted workspace Reglab never trains and never reads data files:
// a workspace's experiment file decides what gets read and computed, and trust is the
// user's word that the folder may do that. CodeLenses, our own diagnostics (without the
// data-file checks) and saved results stay available.
import * as vscode from 'vscode';

export const MANAGE_TRUST = 'Manage Workspace Trust';

/** True in a trusted workspace; otherwise says why nothing happens, with a button to manage trust. */
export function ensureTrusted(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  console.log(`[reglab] restricted: ${what} refused`);
  void vscode.window
    .showWarningMessage(
      `Reglab does not ${what} in Restricted Mode: training reads the data files an experiment names and runs for as long as it asks. Trust this folder to ${what}; saved results can still be opened.`,
      MANAGE_TRUST,
    )
    .then((choice) => {
      if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}

// The web build's downloadMnist.ts. The desktop command streams the files to disk while it
// checks their MD5 (node:crypto; browsers' WebCrypto has no MD5), from mirrors a browser's
// extension host may not be allowed to fetch from (CORS). In a browser it says so and
// offers what works there: the 10,000 digits Reglab ships, or files already in the workspace.
import * as vscode from 'vscode';
import type * as Desktop from './downloadMnist.ts';

export const downloadMnist: typeof Desktop.downloadMnist = async (log) => {
  log.info('Download MNIST is not available in a browser');
  void vscode.window.showInformationMessage(
    'Downloading MNIST needs desktop VS Code (or the CLI: reglab download). In the browser, "generator": "mnist" without files trains on the 10,000 digits Reglab ships, and IDX files already in the workspace can be named.',
  );
};

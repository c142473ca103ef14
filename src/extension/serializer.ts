// Brings the panel back after VS Code restarts: VS Code keeps the page's setState and hands
// it back here with a fresh webview, and the page shows the last results without retraining.
import * as vscode from 'vscode';
import { PANEL_VIEW_TYPE } from '../webview/contract.ts';
import type { PanelHost } from './panel.ts';

export function registerPanelSerializer(panel: PanelHost): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
    async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
      await panel.revive(webviewPanel, state);
    },
  });
}

// "Save as variant": the playground's values written into the experiment file as a new
// variant through one WorkspaceEdit, so Undo in the editor takes it back and the file stays
// the source of truth. The file is saved when it had no other unsaved changes.
import * as vscode from 'vscode';
import { stepDone } from './walkthrough.ts';
import type { Knob } from '../webview/contract.ts';
import { parseDocument } from './documents.ts';
import { computeKnobs, type KnobValues } from './knobs.ts';
import { trace, type Log } from './log.ts';
import { locateSections } from '../experiment/positions.ts';
import { saveVariantEdits, type SavedVariant } from './variantEdit.ts';

/** Writes the variant; resolves with what was written, or undefined when nothing was. */
export async function saveAsVariant(uri: vscode.Uri, fileKnobs: readonly Knob[] | undefined, values: KnobValues, name: string, log: Log): Promise<SavedVariant | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const { text, parsed } = parseDocument(document);
  const knobs = fileKnobs ?? (parsed.experiment === undefined ? [] : computeKnobs(parsed.experiment));
  let saved;
  try {
    saved = saveVariantEdits(text, parsed.tree, knobs, values, name);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not add the variant to ${vscode.workspace.asRelativePath(uri, false)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  for (const e of saved.edits) {
    edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`VS Code refused the edit of ${vscode.workspace.asRelativePath(uri, false)}.`);
    return undefined;
  }
  if (!wasDirty) await document.save();

  // Show the new variant in the editor (beside the panel), selected.
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false, viewColumn: visibleColumn(uri) });
  const after = parseDocument(document);
  const section = locateSections(after.parsed.tree, after.text).variants.find((v) => v.name === saved.name);
  if (section !== undefined) {
    const range = new vscode.Range(section.range.start.line, section.range.start.character, section.range.end.line, section.range.end.character);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const written = saved.written.map((k) => `${k.label} = ${k.value}`).join(', ');
  log.info(`Saved the variant "${saved.name}" in ${vscode.workspace.asRelativePath(uri, false)}${saved.basedOn === undefined ? '' : ` (from "${saved.basedOn}")`}: ${written || 'no knob moved'}`);
  trace(`variant saved: "${saved.name}"`);
  stepDone('variantSaved');
  const skipped = saved.skipped.length > 0 ? ` The seed is the whole experiment's, so it was not saved with the variant.` : '';
  void vscode.window.showInformationMessage(`Added the variant "${saved.name}" to ${vscode.workspace.asRelativePath(uri, false)}. Undo in the editor takes it back.${skipped}`);
  return saved;
}

function visibleColumn(uri: vscode.Uri): vscode.ViewColumn | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn;
}

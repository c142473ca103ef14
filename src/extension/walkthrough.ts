// The "Learn regularization with Reglab" walkthrough (contributes.walkthroughs): each step
// completes on a context key set here when the real thing happened — a lesson written into
// the workspace, a run started, a slider retrained, a variant saved, a sweep started, a
// script exported — not merely when a command was invoked (a cancelled pick completes nothing).
import * as vscode from 'vscode';
import { trace } from './log.ts';

export type WalkthroughStep = 'lessonOpened' | 'ran' | 'sliderMoved' | 'variantSaved' | 'sweepRan' | 'exported';

export function stepDone(step: WalkthroughStep): void {
  void vscode.commands.executeCommand('setContext', `reglab.walkthrough.${step}`, true);
  trace(`walkthrough: ${step}`);
}

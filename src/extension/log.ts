// The "Reglab" output channel (a log channel: levels and time stamps, and a log file the
// e2e tests read), plus console lines for the extension host's console.
import * as vscode from 'vscode';
import { Disposable } from './disposable.ts';
import type { LogLine } from './runLog.ts';

export class Log extends Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    super();
    this.channel = this.register(vscode.window.createOutputChannel('Reglab', { log: true }));
  }

  info(text: string): void {
    this.channel.info(text);
  }

  warn(text: string): void {
    this.channel.warn(text);
  }

  error(text: string): void {
    this.channel.error(text);
  }

  line(line: LogLine): void {
    this.channel[line.level](line.text);
  }

  show(): void {
    this.channel.show(true);
  }
}

/**
 * A line in the extension host's console, which code-server forwards to the browser's:
 * the end-to-end tests wait on these ("[reglab] session finished") instead of sleeping.
 */
export function trace(text: string): void {
  console.log(`[reglab] ${text}`);
}

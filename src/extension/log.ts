// The "Reglab" output channel (a log channel: levels and time stamps, and a log file the
// e2e tests read), plus console lines for the extension host's console.
import * as vscode from 'vscode';
import { Disposable, toDisposable } from './disposable.ts';
import type { LogLine } from './runLog.ts';

/** How long after its creation the channel may still be unknown to the workbench. */
const FRESH_CHANNEL_MS = 3000;
const REVEAL_AGAIN_AFTER_MS = [500, 2000];

export class Log extends Disposable {
  readonly channel: vscode.LogOutputChannel;

  private readonly createdAt = Date.now();

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
    // VS Code learns of a new log channel through its logger service, on another path than
    // show() travels. When "Reglab: Show Log" is the command that activates Reglab, the
    // reveal can arrive before the channel exists in the workbench and is dropped (twice in
    // CI: the command ran, Reglab activated, the Output panel never opened). Revealing again
    // once the registration has had time makes the command work the first time; revealing a
    // channel that is already shown changes nothing.
    if (Date.now() - this.createdAt > FRESH_CHANNEL_MS) return;
    for (const delay of REVEAL_AGAIN_AFTER_MS) {
      const timer = setTimeout(() => this.channel.show(true), delay);
      this.register(toDisposable(() => clearTimeout(timer)));
    }
  }
}

/**
 * A line in the extension host's console, which code-server forwards to the browser's:
 * the end-to-end tests wait on these ("[reglab] session finished") instead of sleeping.
 */
export function trace(text: string): void {
  console.log(`[reglab] ${text}`);
}

// The Disposable discipline of the extension: every object that holds a listener, a timer, a
// process or a VS Code resource extends Disposable and registers what it owns with
// `register`; disposing it disposes them all, in reverse order, exactly once.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `item`; disposed at once when this object already is. */
  protected register<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.owned.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of this.owned.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        console.error('[reglab] dispose failed', error);
      }
    }
  }
}

/** A disposable that runs `fn` once. */
export function toDisposable(fn: () => void): vscode.Disposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      fn();
    },
  };
}

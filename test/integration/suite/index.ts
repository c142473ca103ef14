// The integration suite: runs inside a desktop VS Code's extension host, loaded by
// @vscode/test-electron (see ../run.mjs), on a workspace holding one demo.reglab.json.
// No test framework: a list of named async checks, reported one per line.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'reglab.reglab';

const tests: { name: string; fn: () => Promise<void> | void }[] = [];
const test = (name: string, fn: () => Promise<void> | void) => tests.push({ name, fn });

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('the extension is installed', () => {
  extension();
});

test('it activates by itself in a workspace with a *.reglab.json file', async () => {
  const ext = extension();
  await waitFor(() => ext.isActive, 30_000, 'the extension did not activate');
});

test('the manifest gives "Reglab: Show Log" its palette title', () => {
  const commands: { command: string; title: string; category?: string }[] =
    extension().packageJSON.contributes?.commands ?? [];
  const showLog = commands.find((c) => c.command === 'reglab.showLog');
  assert.ok(showLog, 'contributes.commands has no reglab.showLog');
  assert.equal(`${showLog.category}: ${showLog.title}`, 'Reglab: Show Log');
});

test('"reglab.showLog" is registered and runs', async () => {
  const all = await vscode.commands.getCommands(true);
  assert.ok(all.includes('reglab.showLog'), 'reglab.showLog is not a registered command');
  await vscode.commands.executeCommand('reglab.showLog');
});

/** Called by VS Code's test runner; throwing fails the run. */
export async function run(): Promise<void> {
  let failed = 0;
  for (const { name, fn } of tests) {
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (error) {
      failed += 1;
      console.error(`not ok - ${name}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} integration tests failed`);
}

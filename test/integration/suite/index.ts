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

const root = () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test opens a workspace folder');
  return folder.uri;
};

test('the manifest: every command under "Reglab", activation without "*", the schema for *.reglab.json', () => {
  const pkg = extension().packageJSON;
  const commands: { command: string; category?: string }[] = pkg.contributes.commands;
  assert.ok(commands.length >= 10);
  for (const c of commands) assert.equal(c.category, 'Reglab', c.command);
  assert.ok(!pkg.activationEvents.includes('*'));
  assert.ok(pkg.activationEvents.includes('onWebviewPanel:reglab.panel'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '*.reglab.json', url: './schemas/reglab.schema.json' }]);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
});

test('every contributed command is registered', async () => {
  const all = new Set(await vscode.commands.getCommands(true));
  for (const c of extension().packageJSON.contributes.commands as { command: string }[]) assert.ok(all.has(c.command), c.command);
});

test('an experiment file opens as JSON with comments and gets its CodeLenses', async () => {
  const uri = vscode.Uri.joinPath(root(), 'demo.reglab.json');
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, 'jsonc');
  let titles: string[] = [];
  async function poll() {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    titles = lenses.map((l) => l.command?.title ?? '');
  }
  for (let i = 0; i < 150 && !titles.includes('$(play) Run all variants'); i++) {
    await poll();
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(titles.includes('$(play) Run all variants'), titles.join(', '));
  assert.equal(titles.filter((t) => t === '$(play) Run this variant').length, 2);
});

test('a sweep over a field that does not exist is a "reglab" diagnostic on its value', async () => {
  const uri = vscode.Uri.joinPath(root(), 'broken.reglab.json');
  const text = '{ "title": "t", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } },\n  "sweep": { "over": "regularization.nope", "values": [0, 1] } }\n';
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'reglab');
  await waitFor(() => ours().length > 0, 15_000, 'no reglab diagnostic');
  const [d] = ours();
  assert.match(d!.message, /regularization\.nope/);
  assert.equal(d!.range.start.line, 1);
  assert.equal(d!.range.start.character, text.split('\n')[1]!.indexOf('"regularization.nope"'));
  await vscode.workspace.fs.delete(uri);
});

test('"Reglab: Run Experiment" trains on the worker pool and saves the results', async () => {
  const uri = vscode.Uri.joinPath(root(), 'demo.reglab.json');
  await vscode.commands.executeCommand('reglab.runExperiment', uri);
  const runs = vscode.Uri.joinPath(root(), '.reglab', 'runs', 'demo');
  let saved: [string, vscode.FileType][] = [];
  const deadline = Date.now() + 120_000;
  while (saved.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    saved = await vscode.workspace.fs.readDirectory(runs).then((e) => e.filter(([n]) => n.endsWith('.json')), () => []);
  }
  assert.ok(saved.length > 0, 'results saved in .reglab/runs/demo');
  const results = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(runs, saved[0]![0]))));
  assert.deepEqual(results.runs.map((r: { status: string }) => r.status), ['finished', 'finished']);
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

// Runs test/integration/suite inside a desktop VS Code with @vscode/test-electron.
//
// It needs a VS Code executable, which this project's machines cannot download (only the
// npm registry and Debian are reachable), so by default it uses, in this order:
//   1. REGLAB_VSCODE_EXECUTABLE, the path of a VS Code executable (e.g. /usr/share/code/code);
//   2. a VS Code that @vscode/test-electron downloaded earlier into .vscode-test/;
//   3. with REGLAB_VSCODE_DOWNLOAD=1, a fresh download by @vscode/test-electron;
// and otherwise skips with a message and exit code 0. On Linux without a display, run it
// under xvfb-run. The e2e tests (test/e2e) run a real VS Code on these machines instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, '.vscode-test');

/** The executable inside a download folder of @vscode/test-electron (vscode-<platform>-<version>). */
function executableIn(dir) {
  if (process.platform === 'win32') return join(dir, 'Code.exe');
  if (process.platform === 'darwin') return join(dir, 'Visual Studio Code.app/Contents/MacOS/Electron');
  return join(dir, 'code');
}

function findVSCode() {
  const given = process.env.REGLAB_VSCODE_EXECUTABLE;
  if (given) {
    if (!existsSync(given)) {
      console.error(`FAILED: REGLAB_VSCODE_EXECUTABLE=${given} does not exist`);
      process.exit(1);
    }
    return { executable: given, from: 'REGLAB_VSCODE_EXECUTABLE' };
  }
  const cached = (existsSync(CACHE) ? readdirSync(CACHE) : [])
    .filter((d) => /^vscode-[a-z0-9-]+-\d+\.\d+\.\d+$/.test(d) && existsSync(join(CACHE, d, 'is-complete')))
    .map((d) => join(CACHE, d))
    .filter((d) => existsSync(executableIn(d)))
    .sort()
    .reverse();
  if (cached.length > 0) return { executable: executableIn(cached[0]), from: cached[0] };
  if (process.env.REGLAB_VSCODE_DOWNLOAD === '1') return { executable: undefined, from: 'a fresh download' };
  return null;
}

const found = findVSCode();
if (!found) {
  console.log(
    'SKIPPED: the integration tests need a desktop VS Code, and none was given: set ' +
      'REGLAB_VSCODE_EXECUTABLE to its executable, or REGLAB_VSCODE_DOWNLOAD=1 where VS Code can be ' +
      `downloaded (nothing is cached in ${CACHE}). The e2e tests (node test/e2e/run.mjs) run a real ` +
      'VS Code on machines without one.',
  );
  process.exit(0);
}

const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const suite = join(ROOT, 'out/test/integration/suite.js');
await build({
  entryPoints: [join(ROOT, 'test/integration/suite/index.ts')],
  outfile: suite,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
});

const run = mkdtempSync(join(tmpdir(), 'reglab-integration-'));
const workspace = join(run, 'demo');
cpSync(join(ROOT, 'test/e2e/fixtures/demo'), workspace, { recursive: true });
console.log(`integration: VS Code from ${found.from}`);
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: found.executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    launchArgs: [
      workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      `--user-data-dir=${join(run, 'user-data')}`, `--extensions-dir=${join(run, 'extensions')}`,
    ],
  });
} catch (error) {
  console.error(`FAILED: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  rmSync(run, { recursive: true, force: true });
}
process.exit(code);

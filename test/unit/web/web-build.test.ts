// The web build (scripts/web-build.mjs): the browser bundles take the .web.ts twins, map
// node:path to the POSIX shim, and a Node built-in anywhere in their import graph fails the
// build, naming the file that imported it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
// @ts-expect-error: a plain .mjs build script, without types
import { assertNoNodeModules, webPlugins } from '../../../scripts/web-build.mjs';

const root = resolve(import.meta.dirname, '../../..');
const web: BuildOptions = { bundle: true, write: false, platform: 'browser', format: 'cjs', external: ['vscode'], metafile: true, logLevel: 'silent', plugins: webPlugins() };

describe('the web build', () => {
  for (const entry of ['src/extension/extension.ts', 'src/worker/webWorker.ts']) {
    it(`${entry} bundles for a browser with no Node module, on the web twins`, async () => {
      const result = await build({ ...web, entryPoints: [join(root, entry)], mainFields: ['browser', 'module', 'main'] });
      assertNoNodeModules(entry, result.metafile);
      const inputs = Object.keys(result.metafile!.inputs);
      assert.ok(!inputs.some((f) => f.endsWith('src/worker/pool.ts') || f.endsWith('src/data/paths.ts')), 'the desktop modules stay out');
      if (entry.includes('extension')) {
        for (const twin of ['src/extension/trainingPools.web.ts', 'src/experiment/results-io.web.ts', 'src/platform/posixPath.ts']) {
          assert.ok(inputs.some((f) => f.endsWith(twin)), `${twin} is in`);
        }
      } else {
        assert.ok(inputs.some((f) => f.endsWith('src/data/paths.web.ts')));
      }
    });
  }

  it('fails on a Node built-in, naming the importer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reglab-web-build-'));
    try {
      writeFileSync(join(dir, 'uses-fs.ts'), "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
      writeFileSync(join(dir, 'entry.ts'), "import { read } from './uses-fs.ts';\nconsole.log(read);\n");
      await assert.rejects(build({ ...web, entryPoints: [join(dir, 'entry.ts')] }), /cannot use the Node module "node:fs" \(imported by .*uses-fs\.ts\)/);
      assert.throws(
        () => assertNoNodeModules('x.js', { inputs: { 'a.ts': { imports: [{ path: 'worker_threads', external: true }] } } }),
        /imports worker_threads \(from a\.ts\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

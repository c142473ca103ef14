// The .vsix as `npm run package` makes it: production bundles (minified, no source maps)
// built into a staging folder (the repository's dist/ is left alone for the other tests),
// packaged by vsce with the user's README. It holds the icon, the README a user reads (no
// developer material, no remote images), and only what the extension loads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const stage = mkdtempSync(join(tmpdir(), 'reglab-vsix-'));
const vsix = join(stage, 'reglab.vsix');
let files: string[] = [];
let vsceOutput = '';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, args, { cwd: stage, env, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, `${command} ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

function entry(name: string): string {
  return run('unzip', ['-p', vsix, name]);
}

before(() => {
  for (const name of ['package.json', '.vscodeignore', 'LICENSE', 'MARKETPLACE.md', 'media', 'schemas', 'examples', 'data']) cpSync(join(root, name), join(stage, name), { recursive: true });
  symlinkSync(join(root, 'src'), join(stage, 'src'));
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'));
  run(process.execPath, [join(root, 'esbuild.config.mjs')], { ...process.env, REGLAB_PRODUCTION: '1' });
  mkdirSync(join(stage, 'dist/codicons'), { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) cpSync(join(root, 'node_modules/@vscode/codicons/dist', file), join(stage, 'dist/codicons', file));
  rmSync(join(stage, 'src'));
  rmSync(join(stage, 'node_modules'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const args = pkg.scripts.package!.split('&&').pop()!.trim().split(/\s+/).slice(2); // as `npm run package` calls vsce
  vsceOutput = run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', ...args.filter((a, i) => a !== '-o' && args[i - 1] !== '-o'), '-o', vsix]);
  files = run('unzip', ['-Z1', vsix]).trim().split('\n').filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).sort();
});

after(() => rmSync(stage, { recursive: true, force: true }));

describe('the packaged .vsix', () => {
  it('is packaged without a warning', () => {
    assert.doesNotMatch(vsceOutput, /WARNING|warn/i, vsceOutput);
  });

  it('has a PNG icon of at least 128×128', () => {
    const manifest = JSON.parse(entry('extension/package.json')) as { icon?: string };
    assert.equal(manifest.icon, 'media/icon.png');
    const png = Buffer.from(run('sh', ['-c', `unzip -p '${vsix}' extension/media/icon.png | base64 -w0`]), 'base64');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 128 && height >= 128, `${width}×${height}`);
  });

  it("its README is the user's page: commands, settings, Restricted Mode, images shipped inside, no developer material", () => {
    const readme = entry('extension/readme.md');
    assert.match(readme, /^# Reglab/);
    for (const section of ['## Commands', '## Settings', '## Restricted Mode', 'Reglab: Open Lesson…']) assert.ok(readme.includes(section), section);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 3, 'it shows screenshots');
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/i, `a remote image: ${image}`);
      assert.ok(files.includes(image), `the image ${image} is in the package`);
    }
    assert.doesNotMatch(readme, /npm test|npm run bench|\.ci\/run|test:unit/, 'no developer commands');
  });

  it('holds only what the extension loads: bundles without source maps, codicons, media, schema, lessons, bundled digits', () => {
    const unexpected = files.filter(
      (f) =>
        !['package.json', 'readme.md', 'LICENSE.txt', 'dist/extension.js', 'dist/worker.js', 'dist/webview.js', 'dist/web/extension.js', 'dist/web/worker.js', 'schemas/reglab.schema.json'].includes(f) &&
        !/^dist\/codicons\/codicon\.(css|ttf)$/.test(f) &&
        !/^examples\/\d\d-[a-z0-9-]+\.reglab\.json$/.test(f) &&
        !/^data\/mnist-10k\/(train|t10k)-(images-idx3|labels-idx1)-ubyte\.gz$/.test(f) &&
        !/^media\/(icon\.(png|svg)|panel\.css|reglab-(dark|light)\.svg|screenshots\/[a-z-]+\.png|walkthrough\/[a-z-]+\.md)$/.test(f),
    );
    assert.deepEqual(unexpected, []);
    assert.equal(files.filter((f) => f.startsWith('data/mnist-10k/')).length, 4, 'the bundled digits are shipped');
    for (const bundle of ['dist/extension.js', 'dist/worker.js', 'dist/webview.js', 'dist/web/extension.js', 'dist/web/worker.js']) {
      const js = entry(`extension/${bundle}`);
      assert.doesNotMatch(js, /sourceMappingURL/, `${bundle} names a source map the package does not ship`);
      assert.ok(js.split('\n').length < 100, `${bundle} is minified`);
    }
    // Chart.js registers only the parts the charts use: the other chart kinds are left out.
    const webview = entry('extension/dist/webview.js');
    assert.ok(webview.includes('"scatter"'), 'the scatter controller is in');
    for (const kind of ['doughnut', 'polarArea', 'radar', 'bubble', 'bar', 'pie']) assert.ok(!webview.includes(`"${kind}"`), `Chart.js's ${kind} chart is bundled`);
    // Every file VS Code reads from the manifest (main, browser, icon, contributes: walkthrough media, schema) is shipped.
    const manifest = JSON.parse(entry('extension/package.json')) as { main: string; browser: string; icon: string; contributes: unknown };
    assert.equal(manifest.browser, './dist/web/extension.js');
    const named = [manifest.main, manifest.browser, manifest.icon, JSON.stringify(manifest.contributes)].join(' ');
    const paths = [...named.matchAll(/(?:\.\/)?((?:media|dist|schemas)\/[\w./-]+)/g)].map((m) => m[1]!);
    assert.ok(paths.length >= 10, paths.join(', '));
    for (const path of paths) assert.ok(files.includes(path), `package.json names ${path}, which is not shipped`);
  });
});

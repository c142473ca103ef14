// What makes the web bundles (dist/web/extension.js for the browser's extension host,
// dist/web/worker.js for its training Web Workers) differ from the desktop ones:
//
// - A module `x.ts` with a sibling `x.web.ts` is replaced by it: the few places where the
//   desktop uses Node (worker threads, node:fs, the CPU count) have a web twin with the
//   same exports, on Web Workers and vscode.workspace.fs.
// - `node:path` becomes src/platform/posixPath.ts: on the web, paths are the URIs' paths.
// - Any other Node built-in fails the build, at the import that pulled it in, and
//   assertNoNodeModules checks the bundle's inputs once more after the build.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (path) => NODE_BUILTINS.has(path) || path.startsWith('node:');

export function webPlugins() {
  return [{
    name: 'reglab-web',
    setup(build) {
      build.onResolve({ filter: /^(node:)?path(\/posix)?$/ }, () => ({ path: join(root, 'src/platform/posixPath.ts') }));
      build.onResolve({ filter: /.*/ }, (args) => {
        if (isNodeBuiltin(args.path)) {
          return { errors: [{ text: `the web build cannot use the Node module "${args.path}" (imported by ${args.importer.replace(root + '/', '')}); give that file a .web.ts twin` }] };
        }
        if (!args.path.startsWith('.') || !args.path.endsWith('.ts') || args.path.endsWith('.web.ts')) return undefined;
        const twin = resolve(args.resolveDir, args.path.replace(/\.ts$/, '.web.ts'));
        return existsSync(twin) ? { path: twin } : undefined;
      });
    },
  }];
}

/** Throws when a Node built-in module is among a web bundle's inputs. */
export function assertNoNodeModules(outfile, metafile) {
  const found = Object.entries(metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter((i) => isNodeBuiltin(i.path)).map((i) => `${i.path} (from ${file})`));
  if (found.length > 0) throw new Error(`${outfile} must run in a browser but imports ${found.join(', ')}`);
}

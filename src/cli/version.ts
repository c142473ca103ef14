// `reglab --version`: the version in the package.json of the installed package — beside
// dist/ when bundled (dist/cli.js), two folders up when run from source (src/cli/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function cliVersion(): string {
  let dir = typeof __filename === 'string' && __filename !== '' ? dirname(__filename) : process.cwd();
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'reglab' && typeof pkg.version === 'string') return pkg.version;
  }
  throw new Error("reglab's package.json was not found beside the program");
}

// Copies Chart.js's UMD build into dist/chart.umd.js, where the CLI's HTML report reads it
// (src/report/assets.ts): chart.js is a devDependency, so an installed CLI (`npm pack`, then
// `npm install reglab-x.y.z.tgz` anywhere) has no node_modules/chart.js to read at run time.
// The sourceMappingURL comment goes: the map is not shipped. Part of the build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// chart.js's `exports` map does not list dist/chart.umd.js; its CJS entry sits beside it.
const main = createRequire(join(root, 'package.json')).resolve('chart.js');
const umd = readFileSync(join(dirname(main), 'chart.umd.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/chart.umd.js'), umd);

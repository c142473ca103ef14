// Copies the codicon font and its stylesheet from node_modules/@vscode/codicons into
// dist/codicons/, where the panel loads them (the .vsix is packaged with --no-dependencies,
// so node_modules is not shipped). Part of the build: node scripts/copy-codicons.mjs
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules/@vscode/codicons/dist');
const to = join(root, 'dist/codicons');
mkdirSync(to, { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(from, file), join(to, file));

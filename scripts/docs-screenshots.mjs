// Copies the end-to-end tests' screenshots that docs/extension.md shows into docs/extension/.
// Run the e2e tests first (node test/e2e/run.mjs), then: node scripts/docs-screenshots.mjs
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'test-output/e2e');
const to = join(root, 'docs/extension');

/** docs name ← e2e scenario/screenshot (the NN- prefix is matched loosely). */
const SHOTS = {
  'run-lenses.png': ['run-examples', '01-tiny-regression-weight-decay-lenses'],
  'fit-dark.png': ['run-examples', '01-tiny-regression-weight-decay-fit-final'],
  'loss-dark.png': ['run-examples', '05-penalty-vs-weight-decay-loss-final'],
  'boundary-dark.png': ['run-examples', '07-moons-decision-boundary-fit-final'],
  'weights-dark.png': ['run-examples', '04-l1-l2-elasticnet-weights'],
  'playground-light.png': ['playground', 'after-lambda'],
  'save-variant-light.png': ['playground', 'saved-variant'],
  'sweep-light.png': ['stop-sweep', 'sweep-running'],
  'diagnostics-light.png': ['diagnostics', 'problems'],
  'restricted-mode.png': ['restricted-mode', 'restricted-run-refused'],
};

mkdirSync(to, { recursive: true });
let missing = 0;
for (const [name, [scenario, shot]] of Object.entries(SHOTS)) {
  const dir = join(from, scenario);
  const file = existsSync(dir) ? (await import('node:fs')).readdirSync(dir).find((f) => f.replace(/^\d+-/, '') === `${shot}.png`) : undefined;
  if (file === undefined) {
    console.error(`missing: ${scenario}/${shot}.png (run: node test/e2e/run.mjs ${scenario})`);
    missing++;
    continue;
  }
  copyFileSync(join(dir, file), join(to, name));
  console.log(`docs/extension/${name} ← ${scenario}/${file}`);
}
process.exit(missing === 0 ? 0 : 1);

// Writes schemas/reglab.schema.json from the experiment schema in src/experiment.
//   node --import tsx scripts/generate-json-schema.ts          write the file
//   node --import tsx scripts/generate-json-schema.ts --check  exit 1 if the file is stale
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimentJsonSchemaText } from '../src/experiment/jsonSchema.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'reglab.schema.json');
const text = experimentJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (current !== text) {
    console.error(`${target} is out of date: run node --import tsx scripts/generate-json-schema.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}

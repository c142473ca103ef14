// Every example file parses without errors or warnings, explains itself (a description
// for the file and for each variant), and is listed in examples/README.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, exampleDiagnostics, exampleFiles, loadExample } from './helpers.ts';
import { planRuns, resultsHeader } from '../../../src/experiment/session.ts';

test('examples/ holds one file per lesson', () => {
  assert.ok(exampleFiles().length >= 7, `expected at least 7 example files, found ${exampleFiles().join(', ')}`);
});

for (const file of exampleFiles()) {
  test(`examples/${file} parses without diagnostics and explains itself`, () => {
    assert.deepEqual(exampleDiagnostics(file), []);
    const experiment = loadExample(file);
    assert.ok((experiment.description ?? '').length > 100, 'the file says what it shows in `description`');
    for (const variant of experiment.variants) assert.ok((variant.description ?? '').length > 20, `variant "${variant.name}" has a description`);
  });
}

test('examples/README.md lists every example file', () => {
  const readme = readFileSync(join(EXAMPLES_DIR, 'README.md'), 'utf8');
  for (const file of exampleFiles()) assert.ok(readme.includes(file), `README.md should list ${file}`);
});

test('only lesson 09 asks for the test loss against ‖w‖₂ (sweep.normPath), and its results say so to the views', () => {
  const asking = exampleFiles().filter((file) => loadExample(file).sweep?.normPath === true);
  assert.deepEqual(asking, ['09-early-stopping-vs-l2.reglab.json']);
  for (const file of ['09-early-stopping-vs-l2.reglab.json', '10-choosing-lambda-by-cross-validation.reglab.json']) {
    const experiment = loadExample(file);
    const header = resultsHeader(experiment, file, planRuns(experiment, join(EXAMPLES_DIR, file), { includeSweep: true }));
    assert.equal(header.normPath, file.startsWith('09'), file);
  }
});

// Saves the same results again and again into argv[2] until killed: the results-files test
// kills it with SIGKILL in the middle of a save.
import { readFileSync } from 'node:fs';
import { saveResults } from '../../../src/experiment/results-io.ts';
import type { ExperimentResults } from '../../../src/results/model.ts';

const results = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as ExperimentResults;
const start = Date.parse('2026-01-01T00:00:00Z');
for (let i = 0; ; i++) {
  results.startedAt = new Date(start + i * 1000).toISOString();
  saveResults(process.argv[2]!, results);
  if (i === 0) process.stdout.write('saved\n');
}

// The entry point: a data spec and a seed in, a Dataset out. Synchronous and free of
// vscode, so it runs alike in the worker, the CLI and the tests.
import { Random } from '../engine/random.ts';
import { blobsDataset } from './blobs.ts';
import { csvDataset } from './csv.ts';
import { lineDataset, polynomialDataset, sineDataset } from './curves.ts';
import { d2lDataset } from './d2l.ts';
import type { Dataset } from './dataset.ts';
import { DataError } from './errors.ts';
import { mnistDataset } from './mnist.ts';
import { moonsDataset } from './moons.ts';
import type { FileOptions } from './paths.ts';
import { playgroundDataset } from './playground.ts';
import { GENERATORS, type DataSpec } from './spec.ts';

export interface LoadOptions extends FileOptions {
  /** Seeds the generators and the CSV hold-out split; each data set draws from Random(seed). */
  seed: number;
}

export function loadDataset(spec: DataSpec, options: LoadOptions): Dataset {
  if (typeof spec !== 'object' || spec === null) throw new DataError('data: must be an object with a "generator"');
  const rng = new Random(options.seed);
  switch (spec.generator) {
    case 'line':
      return lineDataset(spec, rng);
    case 'sine':
      return sineDataset(spec, rng);
    case 'polynomial':
      return polynomialDataset(spec, rng);
    case 'd2l':
      return d2lDataset(spec, rng);
    case 'circles':
    case 'xor':
    case 'gaussian':
    case 'spiral':
      return playgroundDataset(spec, rng);
    case 'moons':
      return moonsDataset(spec, rng);
    case 'blobs':
      return blobsDataset(spec, rng);
    case 'csv':
      return csvDataset(spec, rng, options);
    case 'mnist':
      return mnistDataset(spec, options);
    default: {
      const unknown: unknown = (spec as { generator?: unknown }).generator;
      const known = GENERATORS.map((g) => `"${g}"`).join(', ');
      throw new DataError(`data: unknown generator ${JSON.stringify(unknown) ?? 'undefined'} (known: ${known})`, ['generator']);
    }
  }
}

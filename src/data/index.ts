// The public face of src/data: what the runner, the worker, the CLI and the schema use.
export type { Dataset, Split, Task } from './dataset.ts';
export { DataError, type FieldPath } from './errors.ts';
export { foldAssignment, holdOutIndices, validationCount, withHoldOut, type HoldOutSpec } from './holdout.ts';
export { loadDataset, type LoadOptions } from './load.ts';
export { featureStats, standardize, type FeatureStats } from './stats.ts';
export { defaultCenterScale } from './blobs.ts';
export {
  DATA_DEFAULTS,
  GENERATORS,
  type BlobsSpec,
  type CsvSpec,
  type CurveSpecBase,
  type D2lSpec,
  type DataSpec,
  type Generator,
  type LineSpec,
  type MnistNormalize,
  type MnistSpec,
  type MoonsSpec,
  type PlaygroundGenerator,
  type PlaygroundSpec,
  type PolynomialSpec,
  type SineSpec,
  type Spacing,
} from './spec.ts';

// The one error type of src/data. Its message says what went wrong and where (file, line,
// column); `path` is where the offending field sits inside the experiment's data block,
// such as ['features', 1], so the caller can underline it in the experiment file.

export type FieldPath = (string | number)[];

export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    message: string,
    readonly path: FieldPath = [],
  ) {
    super(message);
  }
}

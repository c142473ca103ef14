// Where the bundled digits are: data/mnist-10k/ at the package's root, beside dist/ (the
// bundles run from dist/, so one folder up) and two folders above this source file (tests
// run from src/data/). The web build reads them through bundled-digits-files.web.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUNDLED_DIGITS_FILES, BUNDLED_DIGITS_FOLDER, type MnistFileField } from './bundled-digits.ts';

/** The folder holding the bundled files; throws when the installation lacks it. */
export function bundledDigitsDir(): string {
  // `__filename`: defined by esbuild's CJS bundles and by tsx (this package is CommonJS).
  const here = typeof __filename === 'string' && __filename !== '' ? dirname(__filename) : process.cwd();
  const candidates = [join(here, '..', BUNDLED_DIGITS_FOLDER), join(here, '..', '..', BUNDLED_DIGITS_FOLDER)];
  const found = candidates.find((dir) => existsSync(join(dir, BUNDLED_DIGITS_FILES.images)));
  if (found === undefined) throw new Error(`Reglab's bundled digits are missing (looked in ${candidates.join(' and ')}); reinstall Reglab, or name your own IDX files`);
  return found;
}

export function bundledDigitsPath(field: MnistFileField): string {
  return join(bundledDigitsDir(), BUNDLED_DIGITS_FILES[field]);
}

/** The file's bytes: from `preloaded` (by its path) when given there, else from the installation. */
export function readBundledDigits(field: MnistFileField, preloaded?: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const path = bundledDigitsPath(field);
  return preloaded?.get(path) ?? readFileSync(path);
}

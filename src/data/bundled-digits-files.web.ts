// The web build's bundled-digits-files.ts: a browser's worker cannot read the extension's
// files, so the extension host reads the four files (extension/trainingPools.web.ts) and
// passes them, unpacked, as `preloaded` under these paths, which name no real file.
import { BUNDLED_DIGITS_FILES, BUNDLED_DIGITS_FOLDER, type MnistFileField } from './bundled-digits.ts';
import type * as Desktop from './bundled-digits-files.ts';

export const bundledDigitsDir: typeof Desktop.bundledDigitsDir = () => `/reglab-extension/${BUNDLED_DIGITS_FOLDER}`;

export const bundledDigitsPath: typeof Desktop.bundledDigitsPath = (field) => `${bundledDigitsDir()}/${BUNDLED_DIGITS_FILES[field]}`;

export const readBundledDigits: typeof Desktop.readBundledDigits = (field: MnistFileField, preloaded) => {
  const bytes = preloaded?.get(bundledDigitsPath(field));
  if (bytes === undefined) throw new Error(`Reglab's bundled digits (${BUNDLED_DIGITS_FILES[field]}) were not read before training`);
  return bytes;
};

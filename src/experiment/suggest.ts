// "Did you mean …?" for misspelt keys, enum values, variant names and sweep paths.
// Names are compared case-insensitively and without `_` or `-`, so PyTorch's snake_case
// (`weight_decay`) finds our camelCase (`weightDecay`); then by edit distance, where a
// swap of two neighbouring letters counts as one edit.

function normalize(word: string): string {
  return word.toLowerCase().replace(/[_\-\s]/g, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** How many edits still count as a typo: 1 for short words, up to 3 for long ones. */
function tolerance(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** Longer words are no typo of any name: comparing them would cost their length times the name's. */
const LONGEST_WORD = 100;

/** The candidate closest to `word`, if any is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > LONGEST_WORD) return undefined;
  const target = normalize(word);
  const allowed = tolerance(target.length);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const name = normalize(candidate);
    // The distance is at least the difference in length: skip the table when that is already too far.
    if (Math.abs(name.length - target.length) > allowed) continue;
    const distance = editDistance(target, name);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** "; did you mean 'momentum'?" or "" — ready to append to a message. */
export function didYouMean(word: string, candidates: Iterable<string>, quote = "'"): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean ${quote}${match}${quote}?`;
}

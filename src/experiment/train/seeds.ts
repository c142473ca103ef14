// One run seed feeds several independent random streams. The data set uses the seed
// itself, so every variant of an experiment trains on the same points; the other streams
// are derived, so changing, say, dropout never changes the initial weights.
export type Stream = 'init' | 'shuffle' | 'dropout' | 'noise' | 'holdout';

const STREAM_SALT: Record<Stream, number> = { init: 0x1b873593, shuffle: 0x2545f491, dropout: 0x68e31da4, noise: 0x3c6ef372, holdout: 0xa54ff53a };

/**
 * The init seed of a variant that draws its own initial weights (model.initPerVariant):
 * the seed mixed with the variant's name (FNV-1a), so each variant gets an independent
 * draw that stays the same when other variants are added, removed or reordered.
 */
export function variantInitSeed(seed: number, variant: string): number {
  let h = 0x811c9dc5;
  for (const ch of variant) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return deriveSeed((seed ^ h) >>> 0, 'init');
}

/** A well-mixed 32-bit seed for `stream` (murmur3's finaliser over seed ⊕ salt). */
export function deriveSeed(seed: number, stream: Stream): number {
  let h = (seed ^ STREAM_SALT[stream]) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Limits that keep any experiment file, however hostile, cheap to read: parsing and
// checking cost is bounded by the file's size, never by the numbers written in it.

/**
 * Deepest nesting of objects and arrays the parser accepts. The deepest legitimate value,
 * `variants[i].training.optimizer.betas[0]`, is 6 levels down; past this jsonc-parser and
 * every tree walk would recurse deep enough to overflow the stack (about 3,000 levels).
 */
export const MAX_NESTING = 64;

/** Problems reported per file; the rest are counted in one last "and N more" diagnostic. */
export const MAX_DIAGNOSTICS = 100;

/** Most values a log-space sweep may have (`sweep.logspace.count`). */
export const MAX_SWEEP_COUNT = 1000;

/** Most seeds a sweep may repeat each value with (`sweep.repeats`). */
export const MAX_SWEEP_REPEATS = 1000;

/** Longest piece of a file (a key, a name, a value) quoted in a message. */
export const MAX_QUOTED = 60;

/** Most variants a file may have; past them the variants are not checked one by one (each costs a full run config's checks). */
export const MAX_VARIANTS = 100;

/**
 * Longest experiment file read, in characters: the lessons are 3 KB, and past this even
 * a linear pass (jsonc-parser's own) takes the host a noticeable time.
 */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;

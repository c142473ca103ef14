// What a cross-field check sees: a run config with every default filled, and the node
// tree it came from, so it can tell written values from defaults and report at the right
// place: the field itself when written, else the nearest written object that holds it.
//
// Checks run even when other parts of the config are invalid (so one mistake does not
// hide the rest), but never on what they read being invalid: each declares its `reads`,
// and is skipped when a schema error made any of those values unusable.
import type { Node } from 'jsonc-parser';
import type { Path } from '../dsl/describe.ts';
import type { Issue, Severity } from '../dsl/validate.ts';
import { deepestNode } from '../positions.ts';
import type { RunConfig } from '../schema/experiment.ts';

export interface CheckContext {
  config: RunConfig;
  /** Whether the file (base or variant) writes this field, rather than leaving it to its default. */
  written(path: Path): boolean;
  /** The object literal of the file that writes this field (the base's or a variant's), if written. */
  writtenIn(path: Path): Node | undefined;
  report(path: Path, message: string, severity?: Severity): void;
}

export interface Check {
  /** The fields (or whole blocks) the check reads from the config. */
  reads: readonly Path[];
  run(ctx: CheckContext): void;
}

/** Runs every check whose reads are all valid; `invalid` are the paths schema errors made unusable. */
export function runChecks(checks: readonly Check[], config: RunConfig, root: Node, invalid: readonly Path[]): Issue[] {
  const issues: Issue[] = [];
  const ctx: CheckContext = {
    config,
    written: (path) => deepestNode(root, path).depth === path.length,
    writtenIn(path) {
      const { node, depth } = deepestNode(root, path);
      // Merged trees keep the file's own nodes: a value's property still points at its literal.
      return depth === path.length ? node.parent?.parent : undefined;
    },
    report(path, message, severity = 'error') {
      const { node, depth } = deepestNode(root, path);
      const issue: Issue = { node, path, message, severity };
      if (depth < path.length) issue.missing = path.slice(depth);
      issues.push(issue);
    },
  };
  for (const check of checks) {
    if (check.reads.some((read) => invalid.some((bad) => overlaps(read, bad)))) continue;
    check.run(ctx);
  }
  return issues;
}

/** Whether one path lies within the other (or they are equal). */
function overlaps(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

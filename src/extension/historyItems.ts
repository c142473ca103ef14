// The runs history as a list to pick from: saved results under the results folder, newest
// first, named by experiment and time. Free of vscode (unit-tested).
import { relative } from 'node:path';

export interface SavedRun {
  path: string;
  /** The experiment's slug (its file name without .reglab.json). */
  experiment: string;
  /** The file name's time stamp, e.g. 2026-11-23T02-49-12-345Z. */
  startedAt: string;
}

export interface HistoryItem {
  label: string;
  description: string;
  detail: string;
  path: string;
}

/** "2026-11-23T02-49-12-345Z" → a Date (invalid stamps give undefined). */
export function stampToDate(stamp: string): Date | undefined {
  const iso = stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d+)Z$/, 'T$1:$2:$3.$4Z');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Items for a quick pick: the current experiment's runs first (when `current` names its
 * slug), then everything else, newest first within each.
 */
export function historyItems(saved: readonly SavedRun[], workspaceRoot: string, current?: string, now = new Date()): HistoryItem[] {
  const sorted = [...saved].sort((a, b) => {
    const mine = Number(b.experiment === current) - Number(a.experiment === current);
    return mine !== 0 ? mine : b.startedAt.localeCompare(a.startedAt);
  });
  return sorted.map((run) => {
    const date = stampToDate(run.startedAt);
    return {
      label: `${run.experiment === current ? '$(beaker) ' : ''}${run.experiment}`,
      description: date === undefined ? run.startedAt : `${ago(date, now)} · ${date.toLocaleString()}`,
      detail: relative(workspaceRoot, run.path),
      path: run.path,
    };
  });
}

export function ago(date: Date, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

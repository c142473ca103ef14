// The `reglab.*` settings, read and clamped to their documented ranges (package.json's
// `contributes.configuration` declares the same keys, defaults and ranges). Free of vscode:
// it reads through anything with a `get`, so the tests give it a plain object.
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { BUDGET_DEFAULTS, type BudgetLimits } from '../experiment/budget.ts';
import { folderInsideWorkspace } from '../experiment/workspaceFolder.ts';

export interface Settings {
  /** Training workers; 0 = editorWorkerCount (one per core where training runs in idle time, else one less; 1 to 4). */
  workers: number;
  /** Milliseconds between the panel's chart updates while training. */
  chartUpdateRate: number;
  /** Where results are saved, relative to the workspace folder. */
  resultsFolder: string;
  /** Open the panel beside the file when a run starts. */
  openPanelOnRun: boolean;
  /** Check the CSV and MNIST files an experiment names while it is edited. */
  checkDataFiles: boolean;
  /** Where exported CSV and PNG files go, relative to the workspace folder. */
  exportFolder: string;
  /** The resource budget's limits (reglab.budget.*), checked as experiment files are edited. */
  budget: BudgetLimits;
}

export const SETTING_DEFAULTS: Settings = {
  workers: 0,
  chartUpdateRate: 250,
  resultsFolder: '.reglab/runs',
  openPanelOnRun: true,
  checkDataFiles: true,
  exportFolder: '.reglab/exports',
  budget: { ...BUDGET_DEFAULTS },
};

export const SETTING_LIMITS = {
  workers: { min: 0, max: 32 },
  chartUpdateRate: { min: 50, max: 5000 },
  memoryMB: { min: 16, max: 1024 * 1024 },
  minutes: { min: 1, max: 525_600 },
} as const;

export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
}

/** Reads `reglab.*` from a configuration section (vscode.workspace.getConfiguration('reglab')). */
export function readSettings(config: ConfigurationReader): Settings {
  return {
    workers: integerIn(config.get('workers'), SETTING_LIMITS.workers, SETTING_DEFAULTS.workers),
    chartUpdateRate: integerIn(config.get('chartUpdateRate'), SETTING_LIMITS.chartUpdateRate, SETTING_DEFAULTS.chartUpdateRate),
    resultsFolder: folderInside(config.get('resultsFolder')) ?? SETTING_DEFAULTS.resultsFolder,
    openPanelOnRun: typeof config.get('openPanelOnRun') === 'boolean' ? config.get<boolean>('openPanelOnRun')! : SETTING_DEFAULTS.openPanelOnRun,
    checkDataFiles: typeof config.get('checkDataFiles') === 'boolean' ? config.get<boolean>('checkDataFiles')! : SETTING_DEFAULTS.checkDataFiles,
    exportFolder: folderInside(config.get('exportFolder')) ?? SETTING_DEFAULTS.exportFolder,
    budget: {
      warnMemoryMB: integerIn(config.get('budget.warnMemoryMB'), SETTING_LIMITS.memoryMB, BUDGET_DEFAULTS.warnMemoryMB),
      maxMemoryMB: integerIn(config.get('budget.maxMemoryMB'), SETTING_LIMITS.memoryMB, BUDGET_DEFAULTS.maxMemoryMB),
      warnMinutes: integerIn(config.get('budget.warnMinutes'), SETTING_LIMITS.minutes, BUDGET_DEFAULTS.warnMinutes),
      maxMinutes: integerIn(config.get('budget.maxMinutes'), SETTING_LIMITS.minutes, BUDGET_DEFAULTS.maxMinutes),
    },
  };
}

function integerIn(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(limits.max, Math.max(limits.min, Math.round(value)));
}

/** A relative folder that stays inside the workspace, normalized; undefined otherwise. */
export function folderInside(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const folder = normalize(value.trim().replace(/[\\/]+/g, sep));
  if (isAbsolute(folder) || folder === '..' || folder.startsWith(`..${sep}`)) return undefined;
  return folder.replace(new RegExp(`\\${sep}+$`), '') || undefined;
}

/**
 * The absolute results folder of a workspace folder; always inside it, also once symbolic
 * links are resolved (else a FolderOutsideError saying so).
 */
export function resultsDir(workspaceRoot: string, settings: Pick<Settings, 'resultsFolder'>): string {
  return folderInsideWorkspace(workspaceRoot, inside(workspaceRoot, settings.resultsFolder, SETTING_DEFAULTS.resultsFolder), 'reglab.resultsFolder');
}

/** The absolute export folder of a workspace folder; always inside it, as resultsDir. */
export function exportDir(workspaceRoot: string, settings: Pick<Settings, 'exportFolder'>): string {
  return folderInsideWorkspace(workspaceRoot, inside(workspaceRoot, settings.exportFolder, SETTING_DEFAULTS.exportFolder), 'reglab.exportFolder');
}

function inside(root: string, folder: string, fallback: string): string {
  const dir = join(root, folder);
  const rel = relative(root, dir);
  return rel.startsWith('..') || isAbsolute(rel) ? join(root, fallback) : dir;
}

// A 2-D sweep's points as a matrix: rows are the values of `sweep.over`, columns those of
// `sweep.grid.over`, each cell the statistics of its runs (absent until one finished). The
// heat map, the CLI table and the tests read the same matrix.
import type { Stat, SweepPoint } from './stats.ts';

export interface Grid {
  variant: string;
  /** The values of sweep.over and of sweep.grid.over, ascending. */
  rows: number[];
  columns: number[];
  /** cells[r][c]: the point at rows[r] × columns[c]. */
  cells: (SweepPoint | undefined)[][];
  /** What the colour shows: the validation loss when every cell has one, else the test loss. */
  on: 'validation' | 'test';
}

/** Per variant, the grid of its cells; empty for a 1-D sweep. */
export function sweepGrids(points: readonly SweepPoint[]): Grid[] {
  const byVariant = new Map<string, SweepPoint[]>();
  for (const p of points) if (p.gridValue !== undefined) byVariant.set(p.variant, [...(byVariant.get(p.variant) ?? []), p]);
  return [...byVariant].map(([variant, cells]) => {
    const rows = [...new Set(cells.map((p) => p.value))].sort((a, b) => a - b);
    const columns = [...new Set(cells.map((p) => p.gridValue!))].sort((a, b) => a - b);
    const matrix = rows.map((row) => columns.map((column) => cells.find((p) => p.value === row && p.gridValue === column)));
    return { variant, rows, columns, cells: matrix, on: cells.every((p) => p.validationLoss !== undefined) ? 'validation' : 'test' };
  });
}

/** The statistic a grid shows in a cell. */
export function gridStat(grid: Pick<Grid, 'on'>, point: SweepPoint): Stat {
  return grid.on === 'validation' ? point.validationLoss! : point.testLoss;
}

// A 2-D sweep's points as a matrix: rows are the values of `sweep.over`, columns those of
// `sweep.grid.over`, each cell the statistics of its runs (absent until one finished), and
// each row's best cell: a grid is often read row by row ("the best λ at each learning rate",
// lesson 12), so the model says which cell that is and every view marks the same one. The
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
  /**
   * rowBest[r]: the column of row r's lowest mean (of `on`), the best grid.over value at that
   * sweep.over value, among the cells it has so far (a row is there once one of its cells is).
   * The first (smallest) column on a tie.
   */
  rowBest: number[];
}

/** Per variant, the grid of its cells; empty for a 1-D sweep. */
export function sweepGrids(points: readonly SweepPoint[]): Grid[] {
  const byVariant = new Map<string, SweepPoint[]>();
  for (const p of points) if (p.gridValue !== undefined) byVariant.set(p.variant, [...(byVariant.get(p.variant) ?? []), p]);
  return [...byVariant].map(([variant, cells]) => {
    const rows = [...new Set(cells.map((p) => p.value))].sort((a, b) => a - b);
    const columns = [...new Set(cells.map((p) => p.gridValue!))].sort((a, b) => a - b);
    const matrix = rows.map((row) => columns.map((column) => cells.find((p) => p.value === row && p.gridValue === column)));
    const on = cells.every((p) => p.validationLoss !== undefined) ? 'validation' : 'test';
    return { variant, rows, columns, cells: matrix, on, rowBest: matrix.map((row) => lowestIn(row, on)) };
  });
}

/** The index of the lowest mean in a row of cells, the first on a tie (-1 for a row without cells). */
function lowestIn(row: readonly (SweepPoint | undefined)[], on: Grid['on']): number {
  let best = -1;
  row.forEach((point, c) => {
    if (point !== undefined && (best < 0 || gridStat({ on }, point).mean < gridStat({ on }, row[best]!).mean)) best = c;
  });
  return best;
}

/** The statistic a grid shows in a cell. */
export function gridStat(grid: Pick<Grid, 'on'>, point: SweepPoint): Stat {
  return grid.on === 'validation' ? point.validationLoss! : point.testLoss;
}

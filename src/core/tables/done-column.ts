/**
 * Where "标记完成" writes (docs/design.md §4): the row a milestone cell belongs to and whether columns at a
 * table's right edge are free. Pure, so that the add-in (src/excel) and the .xlsx adapter (src/xlsx)
 * make the same decision.
 */
import { parseCellAddress } from "../address";
import type { CellValue, SheetGrid } from "../grid";
import type { RecognisedTable, TableRow } from "./types";

export const DONE_HEADER = "已完成节点";

function cellText(grid: SheetGrid, row: number, col: number): string {
  const v: CellValue | undefined = grid.values[row]?.[col];
  if (v === null || v === undefined) return "";
  return typeof v === "object" ? v.error : String(v);
}

/** True when the columns [first, last] hold nothing in the table's rows (so new columns fit there). */
export function columnsFree(grid: SheetGrid, table: RecognisedTable, first: number, last: number): boolean {
  for (let r = table.headerRow; r <= table.lastRow; r++) {
    for (let c = first; c <= last; c++) if (cellText(grid, r, c) !== "") return false;
  }
  return !grid.merges.some((m) => m.bottom >= table.headerRow && m.top <= table.lastRow && m.right >= first && m.left <= last);
}

/** The table and row a milestone cell belongs to (the row that owns a merged 市级辅助成果 cell). */
export function findRow(tables: RecognisedTable[], cell: string): { table: RecognisedTable; row: TableRow } | null {
  const { row, col } = parseCellAddress(cell.slice(cell.lastIndexOf("!") + 1).replace(/\$/g, "").split(":")[0]);
  for (const table of tables) {
    const owner = table.rows.find((r) => r.milestoneCell?.row === row && r.milestoneCell.col === col && r.ownsMilestoneCell);
    if (owner) return { table, row: owner };
  }
  for (const table of tables) {
    const same = table.rows.find((r) => r.row === row);
    if (same) return { table, row: same };
  }
  return null;
}

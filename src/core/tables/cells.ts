/** Reading a SheetGrid's cells as text, with merged areas and error values handled once, in one place. */
import { cellAddress } from "../address";
import { isCellError, type CellValue, type MergedArea, type Problem, type SheetGrid } from "../grid";

/**
 * Which merged area covers a cell, precomputed once per sheet so that every lookup is O(1)
 * (scanning the merge list per cell would make recognition quadratic on large sheets).
 * Areas are clipped to the grid, so the map never holds more entries than the grid has cells.
 */
export class MergeLookup {
  private readonly byCell = new Map<number, MergedArea>();
  private readonly width: number;

  constructor(merges: readonly MergedArea[], rowCount: number, columnCount: number) {
    this.width = columnCount + 1;
    for (const area of merges) {
      if (area.bottom === area.top && area.right === area.left) continue;
      const bottom = Math.min(area.bottom, rowCount - 1);
      const right = Math.min(area.right, columnCount - 1);
      for (let r = Math.max(0, area.top); r <= bottom; r++) {
        for (let c = Math.max(0, area.left); c <= right; c++) this.byCell.set(r * this.width + c, area);
      }
    }
  }

  areaAt(row: number, col: number): MergedArea | undefined {
    if (col >= this.width - 1) return undefined;
    return this.byCell.get(row * this.width + col);
  }
}

/** Numbers read as their text, without float noise (0.1 + 0.2 reads "0.3"). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

export class CellReader {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly merges: MergeLookup;
  private readonly reported = new Set<string>();

  constructor(
    private readonly sheet: SheetGrid,
    private readonly problems: Problem[],
  ) {
    this.rowCount = sheet.values.length;
    let columns = 0;
    for (const row of sheet.values) if (row && row.length > columns) columns = row.length;
    this.columnCount = columns;
    this.merges = new MergeLookup(sheet.merges ?? [], this.rowCount, columns);
  }

  raw(row: number, col: number): CellValue {
    const value = this.sheet.values[row]?.[col];
    return value === undefined ? null : value;
  }

  /** The cell's own value as text; an error value reads "" and is reported once (docs/design.md §6). */
  text(row: number, col: number): string {
    const value = this.raw(row, col);
    if (value === null) return "";
    if (typeof value === "string") return value.trim();
    if (typeof value === "number") return numberText(value);
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (isCellError(value)) {
      const address = cellAddress(row, col);
      if (!this.reported.has(address)) {
        this.reported.add(address);
        this.problems.push({
          sheet: this.sheet.name,
          cell: address,
          message: `单元格为错误值 ${value.error}，已按空白处理`,
        });
      }
      return "";
    }
    return "";
  }

  /** What a person sees in the cell: inside a merged area, the text of its top-left cell. */
  visibleText(row: number, col: number): string {
    const area = this.merges.areaAt(row, col);
    return area ? this.text(area.top, area.left) : this.text(row, col);
  }

  /** True when the row holds no value at all (cells covered by a merge from above count as empty). */
  isBlankRow(row: number): boolean {
    const cells = this.sheet.values[row];
    if (!cells) return true;
    for (const value of cells) {
      if (value === null || value === undefined) continue;
      if (typeof value === "string" && value.trim() === "") continue;
      return false;
    }
    return true;
  }

  /** Columns of the row holding a value (errors included: they are content, reported when read). */
  filledColumns(row: number): number[] {
    const cells = this.sheet.values[row];
    const filled: number[] = [];
    if (!cells) return filled;
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      if (value === null || value === undefined) continue;
      if (typeof value === "string" && value.trim() === "") continue;
      filled.push(c);
    }
    return filled;
  }

  /** The row's cells as text for header matching; errors read "" here without being reported. */
  headerTexts(row: number): string[] {
    const cells = this.sheet.values[row];
    if (!cells) return [];
    return cells.map((value) => {
      // Long texts are never header names: leave them untouched rather than trim 10,000 characters per row.
      if (typeof value === "string") return value.length > 200 ? value : value.trim();
      if (typeof value === "number") return numberText(value);
      return "";
    });
  }
}

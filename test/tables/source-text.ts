/**
 * The source document's two responsibility tables as exported text: lines 23–188 of
 * ../fixtures/source-2024-panjin-dalianbing.txt, the source text
 * (tab-separated; each page repeats the title and header rows; row 20 lost a cell).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, SheetGrid } from "../../src/core/grid";

export const FIRST_SOURCE_LINE = 23;
const LAST_SOURCE_LINE = 188;
const lines = readFileSync(join(__dirname, "..", "fixtures", "source-2024-panjin-dalianbing.txt"), "utf8")
  .split("\n")
  .slice(FIRST_SOURCE_LINE - 1, LAST_SOURCE_LINE);

/** The cells of source line n (1-based line number of the whole document). */
export function sourceCells(line: number): string[] {
  return lines[line - FIRST_SOURCE_LINE].split("\t");
}

/** A grid holding source lines [from, to], one line per row (row 0 = line `from`), no merges. */
export function gridFromSourceLines(name: string, from: number, to: number): SheetGrid {
  const values: CellValue[][] = [];
  for (let n = from; n <= to; n++) values.push(sourceCells(n).map((text) => (text === "" ? null : text)));
  return { name, values, merges: [] };
}

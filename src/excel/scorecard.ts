/**
 * "插入评分表" (issue 7 §2): writes the core's scorecardLayout of one rule set into a sheet of the open
 * workbook — values, live DALIANBING.SCORE formulas, the roles' styles, merged cells, widths and the
 * print setup. Rebuilding keeps what staff typed in the inputs (read back by the core's
 * typedScorecardInputs, so sheets of an earlier layout keep theirs too).
 */
import { cellAddress, columnName } from "../core/address";
import type { CellValue } from "../core/grid";
import { RULE_SETS } from "../core/rules";
import type { RuleSetId } from "../core/rules/types";
import {
  type CellRole,
  isFormulaCell,
  keptPlacements,
  type LayoutCell,
  numberFormatOf,
  ROLE_STYLES,
  scorecardLayout,
  type ScorecardLayout,
  typedScorecardInputs,
} from "../core/scorecard";
import { areaAddress } from "./addresses";
import { isOfficeError } from "./host";

export interface ScorecardOptions {
  /** ExcelApi 1.9 Worksheet.pageLayout: print landscape, A3, one page wide, header on every page. */
  pageLayout: boolean;
  /** 个人: the candidate's name (one sheet per candidate). */
  candidate?: string;
  /** A cell of the responsibility table whose font the new cells take (its header's first cell). */
  fontFrom?: { sheet: string; row: number; col: number };
}

export interface ScorecardInserted {
  sheet: string;
  items: number;
  /** Input cells kept from the sheet that was rebuilt. */
  kept: number;
}

/** Consecutive cells of one row with the same role: styled with one range. */
function runsOf(cells: LayoutCell[]): { row: number; first: number; last: number; role: CellRole }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; first: number; last: number; role: CellRole }[] = [];
  for (const c of sorted) {
    const prev = runs[runs.length - 1];
    if (prev && prev.row === c.row && prev.role === c.role && prev.last === c.col - 1) prev.last = c.col;
    else runs.push({ row: c.row, first: c.col, last: c.col, role: c.role });
  }
  return runs;
}

function writeStyles(sheet: Excel.Worksheet, layout: ScorecardLayout, fontName: string | null): void {
  const whole = sheet.getRange(areaAddress(0, 0, layout.lastRow, layout.lastCol));
  if (fontName) whole.format.font.name = fontName;
  whole.format.verticalAlignment = "Center";
  for (const run of runsOf(layout.cells)) {
    const style = ROLE_STYLES[run.role];
    const range = sheet.getRange(areaAddress(run.row, run.first, run.row, run.last));
    const width = run.last - run.first + 1;
    range.format.font.size = style.size;
    if (style.bold) range.format.font.bold = true;
    if (style.color) range.format.font.color = style.color;
    if (style.fill) range.format.fill.color = style.fill;
    if (style.numberFormat) range.numberFormat = [new Array<string>(width).fill(style.numberFormat)];
    if (style.horizontal) range.format.horizontalAlignment = style.horizontal;
    if (style.wrap) range.format.wrapText = true;
    // ExcelApi 1.2: input cells stay editable when the office protects the sheet.
    if (style.unlocked) range.format.protection.locked = false;
    if (style.border) {
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const) {
        range.format.borders.getItem(edge).style = "Continuous";
      }
    }
  }
}

function writeValues(sheet: Excel.Worksheet, layout: ScorecardLayout, typed: Map<string, CellValue[]>, candidateGiven: boolean): number {
  for (const cell of layout.cells) {
    if (cell.value === undefined) continue;
    const range = sheet.getRange(cellAddress(cell.row, cell.col));
    if (isFormulaCell(cell)) range.formulas = [[cell.value]];
    else {
      // Text is written after its "@" format, or Excel would parse it as if typed.
      const format = numberFormatOf(cell);
      if (format) range.numberFormat = [[format]];
      range.values = [[cell.value]];
    }
  }
  const kept = keptPlacements(layout, typed, candidateGiven);
  for (const { row, col, value } of kept) sheet.getRange(cellAddress(row, col)).values = [[value]];
  return kept.length;
}

/** The font name of the table's cell, or null (the sheet is gone, or cells differ): Excel's default then. */
async function tableFont(context: Excel.RequestContext, at: { sheet: string; row: number; col: number }): Promise<string | null> {
  try {
    const font = context.workbook.worksheets.getItem(at.sheet).getRange(cellAddress(at.row, at.col)).format.font.load("name");
    await context.sync();
    return typeof font.name === "string" && font.name !== "" ? font.name : null;
  } catch {
    return null;
  }
}

/**
 * ExcelApi 1.4: worksheets.getItemOrNullObject, getUsedRangeOrNullObject; 1.2: protection.protected,
 * Range.merge, format.protection; 1.1: worksheets.add, Worksheet.delete/name/position, Range.formulas/values/
 * numberFormat/format, font.name; 1.7: freezePanes.
 */
export async function insertScorecardSheet(
  context: Excel.RequestContext,
  set: RuleSetId,
  options: ScorecardOptions = { pageLayout: false },
): Promise<ScorecardInserted> {
  const layout = scorecardLayout(set, { candidate: options.candidate });
  const worksheets = context.workbook.worksheets;
  const old = worksheets.getItemOrNullObject(layout.sheetName);
  old.load("name,position");
  await context.sync();
  let typed = new Map<string, CellValue[]>();
  if (!old.isNullObject) {
    old.protection.load("protected");
    const used = old.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
    await context.sync();
    if (old.protection.protected) throw new Error(`工作表“${layout.sheetName}”受保护，无法重建；请先撤销工作表保护后重试。`);
    if (!used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0) {
      typed = typedScorecardInputs({ name: layout.sheetName, values: used.values as CellValue[][], merges: [] }, set);
    }
  }
  const fontName = options.fontFrom ? await tableFont(context, options.fontFrom) : null;

  // Build the new sheet next to the old one, then swap, so the workbook always has a visible sheet.
  const newName = old.isNullObject ? layout.sheetName : `${layout.sheetName.slice(0, 29)}_新`;
  const sheet = worksheets.add(newName);
  if (!old.isNullObject) {
    const position = old.position;
    old.delete();
    sheet.name = layout.sheetName;
    // worksheets.add appends: the rebuilt sheet goes back to the old one's tab.
    sheet.position = position;
  }
  writeStyles(sheet, layout, fontName);
  // 个人 rebuilt without a name given: the name typed in the sheet stays.
  const kept = writeValues(sheet, layout, typed, Boolean(options.candidate?.trim()));
  for (const m of layout.merges) sheet.getRange(areaAddress(m.top, m.left, m.bottom, m.right)).merge(false);
  layout.columnWidths.forEach((w, c) => {
    sheet.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = w;
  });
  // A row's height is the row's, whichever of its cells it is set through.
  for (const [r, h] of Object.entries(layout.rowHeights)) sheet.getRange(areaAddress(Number(r), 0, Number(r), layout.lastCol)).format.rowHeight = h;
  sheet.freezePanes.freezeRows(layout.headerRow + 1);
  if (options.pageLayout) {
    // ExcelApi 1.9 PageLayout: landscape A3 (as the 分解表 itself prints), all columns on one page
    // width (layout.printScale keeps that at ≥ 90 %), the header row repeated on every page.
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.paperSize = "A3";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
    sheet.pageLayout.centerHorizontally = true;
    sheet.pageLayout.setPrintTitleRows(`$${layout.headerRow + 1}:$${layout.headerRow + 1}`);
  }
  sheet.activate();
  try {
    await context.sync();
  } catch (error) {
    if (isOfficeError(error, "ItemAlreadyExists")) throw new Error(`已有名为“${newName}”的工作表，请先将其重命名或删除。`, { cause: error });
    throw error;
  }
  return { sheet: layout.sheetName, items: RULE_SETS[set].length, kept };
}

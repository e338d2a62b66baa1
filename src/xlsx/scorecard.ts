/**
 * The 评分表 into an ExcelJS workbook (`dalianbing scorecard`, the web page's 下载评分表): the same
 * scorecardLayout the add-in writes, with the same role styles, merges, widths and print setup.
 * The formulas are saved without results (ExcelJS calculates nothing): Excel with the add-in shows the
 * scores when the file is opened; everywhere else `dalianbing score` and the web page compute them.
 */
import type ExcelJS from "exceljs";
import type { RuleSetId } from "../core/rules/types";
import { RULE_SETS } from "../core/rules";
import { isFormulaCell, keptPlacements, numberFormatOf, ROLE_STYLES, scorecardLayout, type ScorecardLayout, typedScorecardInputs } from "../core/scorecard";
import type { CellValue } from "../core/grid";
import { argb } from "./colors";
import { readWorksheet } from "./read-workbook";

export interface XlsxScorecardOptions {
  candidate?: string;
  /** The font the new cells take (the responsibility table's), or the workbook's default. */
  fontName?: string | null;
}

const H_ALIGN = { Left: "left", Center: "center", Right: "right" } as const;

/** Excel's column width in characters from points (Calibri 11's 7-pixel digit, 5 pixels of padding). */
function widthInCharacters(points: number): number {
  return Math.max(1, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

/** The font name of a table cell (its header's first cell), for the new sheet; null when unset. */
export function cellFontName(wb: ExcelJS.Workbook, at: { sheet: string; row: number; col: number } | null): string | null {
  if (!at) return null;
  const name = wb.getWorksheet(at.sheet)?.getCell(at.row + 1, at.col + 1).font?.name;
  return typeof name === "string" && name !== "" ? name : null;
}

function writeLayout(ws: ExcelJS.Worksheet, layout: ScorecardLayout, fontName: string | null, typed: Map<string, CellValue[]>, candidateGiven: boolean): number {
  const thin = { style: "thin" as const };
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    const style = ROLE_STYLES[c.role];
    if (isFormulaCell(c)) cell.value = { formula: c.value.slice(1) } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
    // Each cell gets style objects of its own (ExcelJS cells may share one otherwise).
    cell.font = {
      ...(fontName ? { name: fontName } : {}),
      size: style.size,
      ...(style.bold ? { bold: true } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    };
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    cell.numFmt = numberFormatOf(c) ?? "General";
    cell.alignment = {
      vertical: "middle",
      ...(style.horizontal ? { horizontal: H_ALIGN[style.horizontal] } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
    if (style.border) cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    if (style.unlocked) cell.protection = { locked: false };
  }
  const kept = keptPlacements(layout, typed, candidateGiven);
  for (const { row, col, value } of kept) ws.getCell(row + 1, col + 1).value = value;
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  layout.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = widthInCharacters(w);
  });
  for (const [r, h] of Object.entries(layout.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  return kept.length;
}

/**
 * Adds the 评分表 of `set` to the workbook, or rebuilds it in place of the sheet of the same name,
 * keeping what was typed in its inputs. A protected sheet of that name is refused, in Chinese.
 */
export function addScorecardSheet(
  wb: ExcelJS.Workbook,
  set: RuleSetId,
  options: XlsxScorecardOptions = {},
): { sheet: string; items: number; kept: number } {
  const layout = scorecardLayout(set, { candidate: options.candidate });
  const old = wb.getWorksheet(layout.sheetName);
  let typed = new Map<string, CellValue[]>();
  let orderNo: number | undefined;
  if (old) {
    if ((old as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) {
      throw new Error(`工作表“${layout.sheetName}”受保护，无法重建；请先在 Excel 或 WPS 中撤销工作表保护后重试。`);
    }
    typed = typedScorecardInputs(readWorksheet(old), set);
    orderNo = (old as unknown as { orderNo?: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [{ state: "frozen", ySplit: layout.headerRow + 1 }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 8 as unknown as ExcelJS.PaperSize, // A3, as the 分解表 itself prints
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${layout.headerRow + 1}:${layout.headerRow + 1}`,
    },
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  const kept = writeLayout(ws, layout, options.fontName ?? null, typed, Boolean(options.candidate?.trim()));
  return { sheet: layout.sheetName, items: RULE_SETS[set].length, kept };
}

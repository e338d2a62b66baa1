/**
 * How each cell role of the 评分表 looks, as data: both writers (Office.js and ExcelJS) apply these, so
 * the sheet looks the same from the add-in and from `dalianbing scorecard`. Sizes are points; every
 * text is at least 9 pt after one-page-wide printing (layout.ts printScale keeps the scale ≥ 0.9
 * and the smallest size here is 10).
 */
import type { CellRole, LayoutCell } from "./layout";

export interface CellStyle {
  fill?: string; // "#RRGGBB"
  bold?: boolean;
  size: number;
  color?: string;
  numberFormat?: string;
  horizontal?: "Left" | "Center" | "Right";
  wrap?: boolean;
  border?: boolean;
  /** Input cells stay editable when the office protects the sheet. */
  unlocked?: boolean;
}

export const INPUT_FILL = "#FFF2CC";
const HEADER_FILL = "#D9E1F2";
const SECTION_FILL = "#D9D9D9";
const GROUP_FILL = "#F2F2F2";
const LABEL_COLOR = "#595959";
/** Scores to two decimals (rules give 0.5 and 1/3 points). */
export const SCORE_FORMAT = "0.00";
/** A veto item shows 否决 or 未否决, never 0. */
export const VETO_FORMAT = '"未否决";"未否决";"未否决";@';
export const RATIO_FORMAT = "0.00%";

export const ROLE_STYLES: Record<CellRole, CellStyle> = {
  title: { size: 16, bold: true, horizontal: "Center" },
  hint: { size: 10, color: LABEL_COLOR, wrap: true, horizontal: "Left" },
  candidateLabel: { size: 11, bold: true, border: true, horizontal: "Center" },
  candidate: { size: 11, fill: INPUT_FILL, border: true, unlocked: true, numberFormat: "@" },
  header: { size: 11, bold: true, fill: HEADER_FILL, border: true, horizontal: "Center", wrap: true },
  section: { size: 11, bold: true, fill: SECTION_FILL, border: true, horizontal: "Left" },
  group: { size: 11, bold: true, fill: GROUP_FILL, border: true, horizontal: "Left" },
  id: { size: 11, border: true, horizontal: "Center" },
  text: { size: 11, border: true, wrap: true },
  type: { size: 10, border: true, horizontal: "Center", wrap: true },
  max: { size: 11, border: true, horizontal: "Center" },
  score: { size: 11, border: true, horizontal: "Center", numberFormat: SCORE_FORMAT },
  vetoScore: { size: 11, border: true, horizontal: "Center", numberFormat: VETO_FORMAT },
  label: { size: 10, color: LABEL_COLOR, border: true, wrap: true },
  input: { size: 11, fill: INPUT_FILL, border: true, unlocked: true, horizontal: "Center" },
  ratioInput: { size: 11, fill: INPUT_FILL, border: true, unlocked: true, horizontal: "Center", numberFormat: RATIO_FORMAT },
  month: { size: 10, color: LABEL_COLOR, fill: GROUP_FILL, border: true, horizontal: "Center" },
  reference: { size: 11, color: LABEL_COLOR, border: true, horizontal: "Center", numberFormat: SCORE_FORMAT },
  summaryLabel: { size: 11, bold: true, border: true },
  summaryMax: { size: 11, bold: true, border: true, horizontal: "Center" },
  summaryScore: { size: 11, bold: true, border: true, horizontal: "Center", numberFormat: SCORE_FORMAT },
  totalLabel: { size: 12, bold: true, border: true },
  totalScore: { size: 12, bold: true, border: true, horizontal: "Center", numberFormat: SCORE_FORMAT },
};

/** Whether a layout cell holds a formula (its value starts with "="). */
export function isFormulaCell(cell: LayoutCell): cell is LayoutCell & { value: string } {
  return typeof cell.value === "string" && cell.value.startsWith("=");
}

/**
 * A cell's number format: text constants are "@" (so "2.1.1" stays text, not a date, and "—" is no
 * formula); otherwise the role's, if any.
 */
export function numberFormatOf(cell: LayoutCell): string | undefined {
  if (typeof cell.value === "string" && !isFormulaCell(cell)) return "@";
  return ROLE_STYLES[cell.role].numberFormat;
}

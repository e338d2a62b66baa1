/**
 * Builds a WorkbookSnapshot for the in-memory Excel from an .xlsx file (Node, ExcelJS): values as
 * Excel's API would return them (dates as serial numbers, formulas with their cached result), solid
 * fills, font colours, notes, merged areas, protection and visibility.
 */
import ExcelJS from "exceljs";
import type { SheetSnapshot, SnapshotCell, SnapshotValue, WorkbookSnapshot } from "./model";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MERGE_TYPE = 1;

function serialOf(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

function valueOf(value: unknown): { value: SnapshotValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { value };
  if (value instanceof Date) return { value: serialOf(value) };
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return { value: (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("") };
  if (typeof v.error === "string") return { value: { error: v.error } };
  if (typeof v.formula === "string" || typeof v.sharedFormula === "string") {
    const cached = valueOf(v.result).value;
    return { value: cached, formula: typeof v.formula === "string" ? `=${v.formula}` : undefined };
  }
  if ("text" in v) return valueOf(v.text);
  return { value: null };
}

function hex(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === "string" && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts ?? [];
  return texts.map((t) => t.text ?? "").join("");
}

/** Borders, wrap, alignment and font size as the in-memory Excel records them (RangeFormat …). */
function styleOf(cell: ExcelJS.Cell): Record<string, unknown> | undefined {
  const style: Record<string, unknown> = {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const b = cell.border?.[side];
    if (!b?.style) continue;
    const key = `border${side[0].toUpperCase()}${side.slice(1)}`;
    style[`${key}.style`] = "Continuous";
    style[`${key}.weight`] = b.style === "medium" ? "Medium" : b.style === "thick" ? "Thick" : b.style === "hair" ? "Hairline" : "Thin";
    const color = hex(b.color);
    if (color) style[`${key}.color`] = color;
  }
  const a = cell.alignment;
  if (a?.wrapText) style.wrapText = true;
  if (a?.horizontal) style.horizontalAlignment = { left: "Left", center: "Center", right: "Right" }[a.horizontal as string] ?? "General";
  if (a?.vertical) style.verticalAlignment = { top: "Top", middle: "Center", bottom: "Bottom" }[a.vertical as string] ?? "Bottom";
  if (typeof cell.font?.size === "number") style.fontSize = cell.font.size;
  if (typeof cell.font?.name === "string") style.fontName = cell.font.name;
  return Object.keys(style).length > 0 ? style : undefined;
}

/** { formats: true } also reads borders, wrap, alignment and font size into `style` (for rendering). */
export function snapshotFromWorkbook(wb: ExcelJS.Workbook, options: { formats?: boolean } = {}): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, SnapshotCell> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const out: SnapshotCell = cell.type === MERGE_TYPE ? { value: null } : valueOf(cell.value);
        const fill = cell.fill;
        if (fill && fill.type === "pattern" && fill.pattern === "solid") {
          const c = hex(fill.fgColor);
          if (c) out.fill = c;
        }
        const font = hex(cell.font?.color);
        if (font) out.fontColor = font;
        if (cell.font?.bold) out.bold = true;
        if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
        const note = noteText(cell.note);
        if (note !== undefined) out.note = note;
        const style = options.formats ? styleOf(cell) : undefined;
        if (style) out.style = style;
        if (out.value === null && out.formula === undefined && Object.keys(out).length === 1) return;
        cells[cell.address] = out;
      });
    });
    const internal = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
    const merges = Object.values(internal).map((m) => m.range);
    const state = (ws as unknown as { state?: string }).state;
    const sheet: SheetSnapshot = { name: ws.name, cells, merges };
    if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) sheet.protected = true;
    if (state === "hidden") sheet.visibility = "Hidden";
    if (state === "veryHidden") sheet.visibility = "VeryHidden";
    sheets.push(sheet);
  });
  return { sheets };
}

export async function snapshotFromXlsx(path: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return snapshotFromWorkbook(wb);
}

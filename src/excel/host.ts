/**
 * Where the adapter finds Office.js. In Excel these are the globals office.js defines; tests and the
 * browser e2e pass (or install as globals) the in-memory Excel instead.
 */
import type { NoteSupport } from "./types";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHost {
  Excel: { run: (...args: never[]) => Promise<unknown> };
  Office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
}

/**
 * The ExcelApi requirement sets the adapter relies on, checked with isSetSupported (never assumed):
 * the manifest asks only for SharedRuntime 1.1 (Office 2021+: ExcelApi ≥ 1.14), but an Excel that
 * lacks one of these gets a Chinese message or a fallback instead of an ApiNotFound.
 */
export const API = {
  /** Range.getCellProperties, RangeFill.pattern/tintAndShade, worksheets.onChanged. */
  cellProperties: "1.9",
  worksheetsOnChanged: "1.9",
  /** Workbook.comments (threaded comments): the note fallback. */
  comments: "1.10",
  /** Range.getMergedAreasOrNullObject. */
  mergedAreas: "1.13",
  /** Workbook.notes / Worksheet.notes (cell notes). */
  notes: "1.18",
} as const;

/** The host given, else the globals Excel and Office, looked up when first needed. */
export function resolveHost(host?: OfficeHost): { run: ExcelRun; isSetSupported: (version: string) => boolean } {
  const get = (): OfficeHost => {
    if (host) return host;
    const g = globalThis as unknown as Partial<OfficeHost>;
    if (!g.Excel || !g.Office) throw new Error("未找到 Excel：请在 Excel 中打开大练兵助手。");
    return { Excel: g.Excel, Office: g.Office };
  };
  return {
    run: (batch) => (get().Excel.run as unknown as ExcelRun)(batch),
    isSetSupported: (version) => {
      try {
        return get().Office.context.requirements.isSetSupported("ExcelApi", version);
      } catch {
        return false;
      }
    },
  };
}

/** Notes need ExcelApi 1.18 (not on volume-licensed Office); threaded comments 1.10; else fill only (docs/design.md §7). */
export function detectNoteSupport(isSetSupported: (version: string) => boolean): NoteSupport {
  if (isSetSupported(API.notes)) return "notes";
  if (isSetSupported(API.comments)) return "comments";
  return "fill-only";
}

/** The message of an Office error (or any error), for a Chinese sentence that quotes it; never "undefined" or "[object Object]". */
export function errorText(error: unknown): string {
  const message = error && typeof error === "object" && "message" in error ? (error as { message: unknown }).message : error;
  return typeof message === "string" && message.trim() ? message.trim() : "未知错误";
}

export function isOfficeError(error: unknown, code: string): boolean {
  return !!error && typeof error === "object" && (error as { code?: unknown }).code === code;
}

/**
 * Excel refuses a write to a protected sheet with the error code "AccessDenied" (Excel.ErrorCodes;
 * the adapter checks WorksheetProtection.protected before writing, so this only catches a sheet
 * protected in between, or protection the check cannot see).
 */
export function isProtectionError(error: unknown): boolean {
  return isOfficeError(error, "AccessDenied");
}

/** The Chinese message for an action Excel refuses (or would refuse) because the sheet is protected. */
export function protectedWriteMessage(sheetName: string, action: string): string {
  return `工作表“${sheetName}”受保护，无法${action}；请先撤销工作表保护（审阅 → 撤销工作表保护）后重试。`;
}

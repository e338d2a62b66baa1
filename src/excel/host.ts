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

/** Said when Excel stays in cell-edit mode through every retry. */
export const CELL_EDIT_MESSAGE = "Excel 正处于单元格编辑状态（光标还在某个单元格里），暂时无法操作工作簿：请按 Enter 或 Esc 结束编辑，然后重试。";

/** Waits between retries while Excel is in cell-edit mode (ms): about 7 s in all. */
export const CELL_EDIT_RETRY_MS = [1000, 2000, 4000];

/**
 * While the user edits a cell, Excel rejects every batch with InvalidOperationInCellEditMode
 * (Excel.ErrorCodes, ExcelApi 1.1) before running any of it. The batch is run again after a pause;
 * every batch here reads before it writes, so a rerun starts from what is in the workbook.
 */
async function runRetryingCellEdit<T>(run: () => Promise<T>, delays: number[], onWait?: (message: string) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isOfficeError(error, "InvalidOperationInCellEditMode")) throw error;
      if (attempt >= delays.length) throw new Error(CELL_EDIT_MESSAGE, { cause: error });
      onWait?.(`Excel 正处于单元格编辑状态，${Math.round(delays[attempt] / 1000)} 秒后重试；请按 Enter 或 Esc 结束编辑。`);
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

export interface RunOptions {
  /** Pauses before each retry in cell-edit mode (default CELL_EDIT_RETRY_MS). */
  cellEditRetryMs?: number[];
  /** Told (in Chinese) before each retry, e.g. to show in the pane. */
  onWait?: (message: string) => void;
}

/** The host given, else the globals Excel and Office, looked up when first needed. */
export function resolveHost(host?: OfficeHost, options: RunOptions = {}): { run: ExcelRun; isSetSupported: (version: string) => boolean } {
  const get = (): OfficeHost => {
    if (host) return host;
    const g = globalThis as unknown as Partial<OfficeHost>;
    if (!g.Excel || !g.Office) throw new Error("未找到 Excel：请在 Excel 中打开大练兵助手。");
    return { Excel: g.Excel, Office: g.Office };
  };
  return {
    run: (batch) => runRetryingCellEdit(() => (get().Excel.run as unknown as ExcelRun)(batch), options.cellEditRetryMs ?? CELL_EDIT_RETRY_MS, options.onWait),
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

/**
 * Excel on the web refuses a request or response over 5 MB (Excel.ErrorCodes
 * responsePayloadSizeLimitExceeded; the request side is reported as "RequestPayloadSizeLimitExceeded").
 */
export function isPayloadError(error: unknown): boolean {
  return isOfficeError(error, "ResponsePayloadSizeLimitExceeded") || isOfficeError(error, "RequestPayloadSizeLimitExceeded");
}

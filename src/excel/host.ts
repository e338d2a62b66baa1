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

/** Notes need ExcelApi 1.18 (not on volume-licensed Office); threaded comments 1.10; else fill only (DESIGN §7). */
export function detectNoteSupport(isSetSupported: (version: string) => boolean): NoteSupport {
  if (isSetSupported("1.18")) return "notes";
  if (isSetSupported("1.10")) return "comments";
  return "fill-only";
}

/** The message of an Office error (or any error), for a Chinese sentence that quotes it. */
export function errorText(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function isOfficeError(error: unknown, code: string): boolean {
  return !!error && typeof error === "object" && (error as { code?: unknown }).code === code;
}

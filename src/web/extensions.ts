/**
 * Extension point of the web page: more buttons next to 下载标注副本 / 下载清除标注副本.
 *
 * Planned, wired once those parts are merged (not shown before, so the page never offers a button
 * that does nothing):
 *   下载周报     src/report — a function returning docx bytes from a ScanResult:
 *                { label: "下载周报", hint: "…", run: async ({ scan, fileName }) =>
 *                  ({ message: "已下载周报…", download: { bytes: await weeklyReportDocx(scan),
 *                     fileName: copyFileName(fileName, "周报", ".docx"), type: DOCX_TYPE } }) }
 *   下载评分表   src/core/scorecard + src/xlsx/scorecard.ts — the 评分表 sheet added to the copy
 *   计算评分表   the same — scores of a filled 评分表 in the open workbook, as a message (and a copy)
 * Each entry becomes one button; its message and errors go through the pane's notices like the others.
 */
import type ExcelJS from "exceljs";
import type { ScanResult } from "../core/scan/types";

export interface WebToolContext {
  /** The open workbook with every change made on the page so far (flags, 已完成节点). */
  workbook: ExcelJS.Workbook;
  /** The newest scan shown on the page. */
  scan: ScanResult;
  /** The name of the file the user picked. */
  fileName: string;
}

export interface WebToolOutcome {
  /** Said in the pane's notice (Chinese). */
  message: string;
  /** A file to offer as a download. */
  download?: { bytes: Uint8Array; fileName: string; type?: string };
}

export interface WebTool {
  /** Button text, e.g. "下载周报". */
  label: string;
  /** Tooltip: what the button makes, in one sentence. */
  hint: string;
  run(context: WebToolContext): Promise<WebToolOutcome>;
}

/** The extra buttons, in order. Empty until 周报 and 评分表 are merged (see above). */
export const WEB_TOOLS: readonly WebTool[] = [];

/**
 * Extension point of the web page: more buttons next to 下载标注副本 / 下载清除标注副本. Each entry
 * becomes one button; its message and errors go through the pane's notices like the others.
 *   下载评分表   a copy of the workbook with the four 评分表 (攻坚, 基准市级, 基准县级, 个人) added by
 *                src/xlsx/scorecard.ts, as `dalianbing scorecard` writes them; the page's workbook
 *                itself is not changed, so later copies do not carry them.
 *   计算评分表   every filled 评分表 of the open workbook scored by the core (src/core/scorecard), as
 *                `dalianbing score` prints it: for WPS users, whose sheet computes nothing.
 */
import type ExcelJS from "exceljs";
import { RULE_SET_IDS } from "../core/rules/catalog";
import type { ScanResult } from "../core/scan/types";
import { isFilled, problemsHeading, readScorecards, scorecardBrief, tableFontCell } from "../core/scorecard";
import { openXlsxBytes, workbookBytes } from "../xlsx/adapter";
import { readWorkbook } from "../xlsx/read-workbook";
import { addScorecardSheet, cellFontName } from "../xlsx/scorecard";
import { copyFileName } from "./download";

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

/** A copy with the four 评分表 (a 评分表 already there is rebuilt, keeping what was typed). */
async function scorecardCopy({ workbook, scan, fileName }: WebToolContext): Promise<WebToolOutcome> {
  const { wb } = await openXlsxBytes(await workbookBytes(workbook), fileName);
  const font = cellFontName(wb, tableFontCell(scan));
  const sheets = RULE_SET_IDS.map((set) => addScorecardSheet(wb, set, { fontName: font }).sheet);
  const name = copyFileName(fileName, "评分表");
  return {
    message: `已下载“${name}”：加入了${sheets.map((s) => `“${s}”`).join("、")}。在黄色单元格中填写数据（个人评分表每位候选人复制一张），保存后回到本页打开它，点“计算评分表”即可算分。原文件未改动。`,
    download: { bytes: await workbookBytes(wb), fileName: name },
  };
}

/** The scores of every filled 评分表, said as the notice's text (empty ones are only counted). */
async function scoreWorkbook({ workbook }: WebToolContext): Promise<WebToolOutcome> {
  const { readings, problems } = readScorecards(readWorkbook(workbook));
  if (readings.length === 0) {
    const why = problems.map((p) => p.message).join(" ");
    return { message: `这个工作簿中没有评分表。${why}请先点“下载评分表”，填写后再打开该文件算分。` };
  }
  const filled = readings.filter(isFilled);
  if (filled.length === 0) return { message: `工作簿中的 ${readings.length} 张评分表都还没有填写：在黄色单元格中填写数据、保存后再打开算分。` };
  const parts = filled.map((r) => {
    const issues = r.problems.length > 0 ? `${problemsHeading(r)}：${r.problems.slice(0, 3).map((p) => p.message).join("；")}${r.problems.length > 3 ? "……" : ""}` : "";
    return scorecardBrief(r) + issues;
  });
  const empty = readings.length - filled.length;
  if (empty > 0) parts.push(`另有 ${empty} 张评分表尚未填写。`);
  return { message: parts.concat(problems.map((p) => p.message)).join(" ") };
}

/** The extra buttons, in order (周报 is the pane's own 生成周报 button). */
export const WEB_TOOLS: readonly WebTool[] = [
  { label: "下载评分表", hint: "另存一份副本，加入四套评分表（攻坚、基准市级、基准县级、个人），与命令行 dalianbing scorecard 相同", run: scorecardCopy },
  { label: "计算评分表", hint: "读取本工作簿中已填写的评分表，按省厅细则逐项算分，与命令行 dalianbing score 相同", run: scoreWorkbook },
];

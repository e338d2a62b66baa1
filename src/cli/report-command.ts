/**
 * `dalianbing report`: the 周报 of a scanned workbook, written as .docx (default) or .xlsx.
 * main.ts parses the arguments and scans; this file decides the output and writes it.
 */
import * as fs from "fs";
import { STATUS_SEVERITY, STATUS_ZH } from "../core/milestones/types";
import type { ScanResult } from "../core/scan/types";
import { weeklyReport } from "../core/weekly";
import type { WeeklyReport } from "../core/weekly/types";
import { CHART_HEIGHT, CHART_WIDTH, weeklyChartOption } from "../report/weekly-chart";
import { weeklyDocx } from "../report/weekly-docx";
import { weeklyXlsx } from "../report/weekly-xlsx";
import { chartPng } from "./chart-png";
import { CliError, sameFile, writeFileSafely } from "./workbook-file";

export type ReportFormat = "docx" | "xlsx";

export interface ReportRequest {
  input: string;
  output: string;
  format: ReportFormat;
  force: boolean;
}

const FORMATS: ReportFormat[] = ["docx", "xlsx"];

/**
 * Where and how to write, checked before the workbook is read: the format comes from --format, else
 * from the output's extension, else docx; the default name is 大练兵周报_<as-of>.<format> here.
 */
export function reportRequest(
  input: string,
  output: string | undefined,
  format: string | undefined,
  force: boolean,
  asOf: string,
): ReportRequest {
  if (format !== undefined && !FORMATS.includes(format as ReportFormat)) {
    throw new CliError(`--format 应为 docx 或 xlsx，收到“${format}”。\n运行 dalianbing help 查看用法。`, 2);
  }
  const fromName = output === undefined ? undefined : (/\.(docx|xlsx)$/i.exec(output)?.[1].toLowerCase() as ReportFormat | undefined);
  const chosen: ReportFormat = (format as ReportFormat | undefined) ?? fromName ?? "docx";
  const file = output ?? `大练兵周报_${asOf}.${chosen}`;
  if (!file.toLowerCase().endsWith(`.${chosen}`)) {
    throw new CliError(`输出文件应以 .${chosen} 结尾：${file}${format ? `（--format ${format}）` : ""}`, 2);
  }
  if (sameFile(input, file)) throw new CliError(`输出文件不能与输入文件相同：${file}。本工具从不覆盖原文件，请另取一个文件名。`, 2);
  if (fs.existsSync(file) && !force) {
    throw new CliError(`输出文件已存在：${file}。如需覆盖请加 --force，或用 -o 另取一个文件名。`);
  }
  return { input, output: file, format: chosen, force };
}

/** The chart PNG, or null with the reason kept for the message (the report is written without it). */
function chartFor(report: WeeklyReport, warnings: string[]): Uint8Array | null {
  if (report.months.length === 0) return null;
  try {
    return chartPng(weeklyChartOption(report), CHART_WIDTH, CHART_HEIGHT);
  } catch (e) {
    warnings.push(`注意：按月统计图未能生成（${e instanceof Error ? e.message : String(e)}），周报中没有该图。`);
    return null;
  }
}

/** One line a user reads after writing: the counts and who is behind. */
export function reportSummaryLine(report: WeeklyReport): string {
  const counts = STATUS_SEVERITY.map((s) => `${STATUS_ZH[s]} ${report.counts[s]}`).join("　");
  const late = report.departments.filter((d) => d.overdue > 0).length;
  const people = report.people.盯办人.length;
  return `截至${report.asOfText}：${counts}（合计 ${report.total}）；比上周新增逾期 ${report.newlyOverdue.length}；有逾期节点的牵头部门 ${late} 个，需催办的盯办人 ${people} 名。`;
}

export async function writeReport(scan: ScanResult, request: ReportRequest, stdout: (text: string) => void): Promise<number> {
  const report = weeklyReport(scan);
  const warnings: string[] = [];
  const bytes = request.format === "docx" ? await weeklyDocx(report, chartFor(report, warnings)) : await weeklyXlsx(report);
  writeFileSafely(bytes, request.output, { overwrite: request.force });
  const lines = [
    `已生成周报（${request.format === "docx" ? "Word 文档" : "Excel 工作簿"}）：${request.output}`,
    reportSummaryLine(report),
    ...warnings,
  ];
  if (scan.tables.length === 0) lines.unshift("未识别到责任分解表，周报中没有节点。");
  if (scan.problems.length > 0) lines.push(`有 ${scan.problems.length} 处单元格未能读取，详见 npx dalianbing scan "${request.input}"。`);
  stdout(lines.join("\n") + "\n");
  return 0;
}

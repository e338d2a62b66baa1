/**
 * The Chinese text report of `dalianbing scan`, read at a glance (issue 10 §2): the counts first, then
 * the people (or departments) with the most overdue items, each with their overdue and due-soon
 * milestones together; then rule discrepancies, problems, and commands to paste.
 * Every piece of cell text goes through printable(): a cell cannot send escape sequences to the terminal.
 */
import { tableYearText } from "../core/scan/text";
import { parseCellAddress } from "../core/address";
import type { Problem } from "../core/grid";
import { milestoneName } from "../core/milestones/name";
import { STATUS_SEVERITY, STATUS_ZH } from "../core/milestones/types";
import { chineseDate, shorten, type GroupBy } from "../core/scan";
import type { Discrepancy, ScannedMilestone, ScanResult } from "../core/scan/types";
import { groupsByUrgency, urgentMilestones } from "../core/scan/urgency";
import { printable, siblingName, suggestedCommand } from "./terminal";

export interface ReportOptions {
  file: string;
  /** ANSI colours, only for a terminal. */
  color: boolean;
  /** Whose lists: 盯办人 (default), 责任人, 分管领导 or 牵头部门. */
  by?: GroupBy;
  /** Every discrepancy and problem on its own line, none folded. */
  verbose?: boolean;
  /** The filters the milestones went through, said in the header. */
  filters?: ReportFilters;
  /** Where the suggested flag command writes its copy; next to the file by default. */
  copyPath?: string;
  /** Shell the suggested commands are quoted for (tests); the running platform otherwise. */
  platform?: NodeJS.Platform;
}

export interface ReportFilters {
  person?: string;
  lead?: string;
}

const ANSI = { red: "\x1b[31m", yellow: "\x1b[33m", bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m" };
type Paint = (code: keyof typeof ANSI, text: string) => string;

/** The roles shown under a milestone: all but the one the list is grouped by. */
const DETAIL_ROLES: Record<GroupBy, ("盯办人" | "责任人" | "分管领导" | "牵头部门")[]> = {
  盯办人: ["责任人", "分管领导", "牵头部门"],
  责任人: ["盯办人", "分管领导", "牵头部门"],
  分管领导: ["盯办人", "责任人", "牵头部门"],
  牵头部门: ["盯办人", "责任人", "分管领导"],
};

export function formatScanReport(result: ScanResult, options: ReportOptions): string {
  const paint: Paint = (code, text) => (options.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const by = options.by ?? "盯办人";
  const out: string[] = [];
  const file = printable(options.file);
  const tableList = result.tables.map((t) => `${printable(t.sheet)}（${t.kind}，${t.rows}行，${tableYearText(t)}）`).join("、");
  out.push(paint("bold", `大练兵助手 · 节点检查`));
  out.push(`文件：${file}`);
  out.push(`截至日期：${chineseDate(result.asOf)}（临期：${result.dueSoonDays}天内到期）`);
  out.push(`识别到 ${result.tables.length} 张责任分解表${tableList ? `：${tableList}` : ""}`);
  if (result.tables.length === 0 && result.unrecognised.length === 0) out.push("工作簿中没有任何工作表。");
  const filterText = describeFilters(options.filters);
  if (filterText) out.push(`筛选：${filterText}`);
  out.push("");

  out.push(
    paint("bold", "【节点统计】") +
      STATUS_SEVERITY.map((s) => `${STATUS_ZH[s]} ${result.counts[s]}`).join("　") +
      `　合计 ${result.milestones.length}`,
  );
  out.push("");

  const groups = groupsByUrgency(urgentMilestones(result.milestones), by);
  const noun = by === "牵头部门" ? "个部门" : "人";
  out.push(
    paint("bold", `【按${by}】`) +
      (groups.length === 0 ? "没有已逾期或临期的节点。" : `${groups.length}${noun}有已逾期或临期的节点，逾期多的在前`),
  );
  for (const group of groups) {
    const counts = [group.overdue > 0 ? `已逾期 ${group.overdue} 项` : "", group.dueSoon > 0 ? `临期 ${group.dueSoon} 项` : ""]
      .filter(Boolean)
      .join("，");
    out.push(`  ${by}：${printable(group.key)}（${counts}）`);
    for (const m of group.milestones) milestoneLines(out, m, by, paint);
  }
  out.push("");

  discrepancyLines(out, result.discrepancies, options.verbose === true, paint);
  out.push("");

  const problemCount = result.problems.length + result.unrecognised.length;
  out.push(paint("bold", `【问题】${problemCount}条`));
  if (problemCount === 0) out.push("  无");
  for (const u of result.unrecognised) out.push(`  · 工作表“${printable(u.sheet)}”未识别为责任分解表：${printable(u.reason)}`);
  const problems = options.verbose ? result.problems.map(problemPlace) : groupProblems(result.problems);
  for (const p of problems) out.push(`  · ${printable(p.place)}：${printable(p.message)}`);
  if (!options.verbose && problems.length < result.problems.length) {
    out.push(paint("dim", "  （同一列中相同的问题已合并为一行；加 --verbose 逐个列出）"));
  }

  if (result.tables.length > 0) {
    out.push("");
    out.push(paint("bold", "【下一步】"));
    const asOf = ["--as-of", result.asOf];
    const days = result.dueSoonDays === 7 ? [] : ["--due-soon-days", String(result.dueSoonDays)];
    const platform = options.platform;
    out.push("  另存一份标注副本（逾期标红、临期标黄，原文件不改动）：");
    out.push(`    ${suggestedCommand(["flag", { path: options.file }, "-o", { path: options.copyPath ?? siblingName(options.file, "标注") }, ...asOf, ...days], platform)}`);
    const other = by === "盯办人" ? "责任人" : "盯办人";
    out.push(`  按${other}查看：`);
    out.push(`    ${suggestedCommand(["scan", { path: options.file }, ...asOf, ...days, "--by", other], platform)}`);
  }
  return out.join("\n") + "\n";
}

function describeFilters(filters: ReportFilters | undefined): string {
  if (!filters) return "";
  const parts: string[] = [];
  if (filters.person !== undefined) parts.push(`人员“${printable(filters.person)}”（盯办人、责任人或分管领导）`);
  if (filters.lead !== undefined) parts.push(`牵头部门“${printable(filters.lead)}”`);
  return parts.join("，");
}

/** Two lines: name, how late, 评审项目 and text; then due date, place and the other people. */
function milestoneLines(out: string[], m: ScannedMilestone, by: GroupBy, paint: Paint): void {
  const when =
    m.status === "overdue"
      ? paint("red", `已逾期${m.daysOverdue}天`)
      : paint("yellow", m.daysLeft === 0 ? "今天到期" : `还剩${m.daysLeft}天`);
  const item = m.item.trim() ? `「${printable(shorten(m.item, 20))}」` : "";
  out.push(`    · ${printable(milestoneName(m))}${item} ${when}：${printable(shorten(m.text, 40))}`);
  const people = DETAIL_ROLES[by].map((role) => {
    const who = role === "牵头部门" ? m.lead : m.owners[role];
    return `${role}：${printable(who.trim()) || "—"}`;
  });
  const due = m.due ? chineseDate(m.due) : "—";
  out.push(paint("dim", `      截止：${due}　位置：${printable(m.sheet)}!${m.cell}　${people.join("　")}`));
}

/**
 * Each discrepancy once per workbook: the same message found in several places (copies of the 攻坚
 * table, a 序号 repeated after a page break) is one line naming the first place and how many there are.
 * With --verbose every place has its line.
 */
function discrepancyLines(out: string[], discrepancies: Discrepancy[], verbose: boolean, paint: Paint): void {
  const byMessage = new Map<string, Discrepancy[]>();
  for (const d of discrepancies) {
    const key = `${d.serial}\u0000${d.message}`;
    const list = byMessage.get(key);
    if (list) list.push(d);
    else byMessage.set(key, [d]);
  }
  const places = discrepancies.length === byMessage.size ? "" : `，共${discrepancies.length}处`;
  out.push(paint("bold", `【规则差异】${byMessage.size}项${places}（计分以省厅评审细则为准）`));
  if (discrepancies.length === 0) out.push("  无");
  for (const list of byMessage.values()) {
    const first = list[0];
    if (verbose) {
      for (const d of list) out.push(`  · ${printable(d.sheet)}!${d.cell}：${printable(d.message)}`);
      continue;
    }
    const more = list.length > 1 ? ` 等${list.length}处` : "";
    out.push(`  · ${printable(first.sheet)}!${first.cell}${more}：${printable(first.message)}`);
  }
  if (!verbose && places) out.push(paint("dim", "  （同一差异只列一次；加 --verbose 列出每一处）"));
}

function problemPlace(p: Problem): { place: string; message: string } {
  return { place: p.cell ? `${p.sheet}!${p.cell}` : p.sheet, message: p.message };
}

/**
 * The same problem down one column (a column of #N/A from a failed lookup) is one line naming its
 * rows, so that 20,000 of them do not bury the rest. The JSON report keeps every cell.
 */
export function groupProblems(problems: Problem[]): { place: string; message: string }[] {
  const groups = new Map<string, { sheet: string; column: string; message: string; rows: number[]; cell: string }>();
  const out: { place: string; message: string; group?: string }[] = [];
  for (const p of problems) {
    const column = /^([A-Z]{1,3})\d+$/.exec(p.cell)?.[1];
    if (column === undefined) {
      out.push(problemPlace(p));
      continue;
    }
    const key = `${p.sheet}\u0000${column}\u0000${p.message}`;
    const group = groups.get(key);
    const row = parseCellAddress(p.cell).row + 1;
    if (group) group.rows.push(row);
    else {
      groups.set(key, { sheet: p.sheet, column, message: p.message, rows: [row], cell: p.cell });
      out.push({ place: "", message: p.message, group: key });
    }
  }
  return out.map(({ place, message, group }) => {
    const g = group === undefined ? undefined : groups.get(group);
    if (!g) return { place, message };
    if (g.rows.length === 1) return { place: `${g.sheet}!${g.cell}`, message };
    const ranges = rowRanges(g.rows).map(([from, to]) => (from === to ? `${g.column}${from}` : `${g.column}${from}:${g.column}${to}`));
    const shown = ranges.slice(0, 3).join("、") + (ranges.length > 3 ? "等" : "");
    return { place: `${g.sheet}!${shown}（共${g.rows.length}个单元格）`, message };
  });
}

function rowRanges(rows: number[]): [number, number][] {
  const sorted = Array.from(new Set(rows)).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const row of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else ranges.push([row, row]);
  }
  return ranges;
}

/**
 * One pass over a workbook: recognise the responsibility tables, read every 市级辅助成果 cell once,
 * give each milestone its status as of a date, and collect what could not be read (DESIGN §4–§6).
 */
import { cellAddress } from "../address";
import { daysBetween, isoParts, type IsoDate } from "../dates";
import { chineseDate, shorten } from "./text";
import { milestoneName } from "../milestones/name";
import type { SheetGrid } from "../grid";
import { milestoneStatus, parseDoneList, parseMilestones } from "../milestones";
import { DEFAULT_DUE_SOON_DAYS, type MilestoneStatus } from "../milestones/types";
import { findDiscrepancies } from "../rules";
import { recognizeWorkbook } from "../tables";
import type { RecognisedTable } from "../tables/types";
import type { Discrepancy, ScanOptions, ScannedMilestone, ScannedTable, ScanResult } from "./types";

export { chineseDate, shorten } from "./text";
export type { Discrepancy, ScanOptions, ScannedMilestone, ScannedTable, ScanResult } from "./types";

export function emptyCounts(): Record<MilestoneStatus, number> {
  return { overdue: 0, "due-soon": 0, pending: 0, done: 0, "open-ended": 0 };
}

export function scanWorkbook(sheets: SheetGrid[], options: ScanOptions): ScanResult {
  const asOf = options.asOf;
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const recognition = recognizeWorkbook(sheets);
  const asOfYear = isoParts(asOf).year;

  const tables: ScannedTable[] = [];
  const milestones: ScannedMilestone[] = [];
  const discrepancies: Discrepancy[] = [];
  const counts = emptyCounts();

  for (const table of recognition.tables) {
    const year = table.year ?? asOfYear;
    tables.push({
      sheet: table.sheet,
      kind: table.kind,
      title: table.title,
      year,
      headerRow: table.headerRow + 1,
      rows: table.rows.length,
    });
    for (const m of scanTableMilestones(table, year, asOf, dueSoonDays)) {
      counts[m.status] += 1;
      milestones.push(m);
    }
    if (table.kind === "攻坚") discrepancies.push(...tableDiscrepancies(table));
  }

  return {
    asOf,
    dueSoonDays,
    tables,
    milestones,
    problems: recognition.problems,
    unrecognised: recognition.unrecognised,
    discrepancies,
    counts,
  };
}

function scanTableMilestones(
  table: RecognisedTable,
  year: number,
  asOf: IsoDate,
  dueSoonDays: number,
): ScannedMilestone[] {
  const out: ScannedMilestone[] = [];
  const doneCol = table.columns.done;
  for (const row of table.rows) {
    // A merged 市级辅助成果 cell covers several rows; it is read once, from the row that owns it.
    if (!row.ownsMilestoneCell || !row.milestoneCell || row.milestoneText.trim() === "") continue;
    const { row: cellRow, col: cellCol } = row.milestoneCell;
    const cell = cellAddress(cellRow, cellCol);
    const done = parseDoneList(row.done);
    for (const m of parseMilestones(row.milestoneText, year)) {
      const status = milestoneStatus(m, asOf, done, dueSoonDays);
      const daysOverdue = status === "overdue" && m.due ? daysBetween(m.due, asOf) : null;
      const daysLeft = (status === "due-soon" || status === "pending") && m.due ? daysBetween(asOf, m.due) : null;
      out.push({
        sheet: table.sheet,
        cell,
        row: cellRow,
        col: cellCol,
        serial: row.serial,
        item: row.item,
        label: m.label,
        text: m.text,
        due: m.due,
        kind: m.kind,
        status,
        daysOverdue,
        daysLeft,
        owners: { 盯办人: row.owners.盯办人, 责任人: row.owners.责任人, 分管领导: row.owners.分管领导 },
        lead: row.lead,
        doneCell: doneCol === undefined ? null : cellAddress(row.row, doneCol),
      });
    }
  }
  return out;
}

function tableDiscrepancies(table: RecognisedTable): Discrepancy[] {
  const taskCol = table.columns.task;
  if (taskCol === undefined) return [];
  const out: Discrepancy[] = [];
  for (const row of table.rows) {
    if (row.task.trim() === "" || row.serial === "") continue;
    for (const message of findDiscrepancies(row.serial, row.task)) {
      out.push({ sheet: table.sheet, cell: cellAddress(row.row, taskCol), serial: row.serial, message });
    }
  }
  return out;
}

/** The CLI's --json shape (issue 2 §5), keys in the documented order; counts, discrepancies and unrecognised added. */
export function toJsonReport(result: ScanResult): object {
  return {
    asOf: result.asOf,
    tables: result.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, headerRow: t.headerRow, rows: t.rows })),
    milestones: result.milestones.map((m) => ({
      sheet: m.sheet,
      cell: m.cell,
      serial: m.serial,
      item: m.item,
      label: m.label,
      text: m.text,
      due: m.due,
      kind: m.kind,
      status: m.status,
      daysOverdue: m.daysOverdue,
      daysLeft: m.daysLeft,
      owners: { 盯办人: m.owners.盯办人, 责任人: m.owners.责任人, 分管领导: m.owners.分管领导 },
      lead: m.lead,
    })),
    problems: result.problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message })),
    counts: { ...result.counts },
    discrepancies: result.discrepancies.map((d) => ({ sheet: d.sheet, cell: d.cell, serial: d.serial, message: d.message })),
    unrecognised: result.unrecognised.map((u) => ({ sheet: u.sheet, reason: u.reason })),
  };
}

export type GroupBy = "盯办人" | "责任人" | "分管领导" | "牵头部门";

/** Shown for a milestone whose person or department cell is empty. */
export const UNASSIGNED = "（未填写）";

/** Groups milestones by person or department, keeping first-seen order of the groups and of the milestones. */
export function groupMilestones(ms: ScannedMilestone[], by: GroupBy): Map<string, ScannedMilestone[]> {
  const groups = new Map<string, ScannedMilestone[]>();
  for (const m of ms) {
    const raw = by === "牵头部门" ? m.lead : m.owners[by];
    const key = raw.trim() === "" ? UNASSIGNED : raw.trim();
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return groups;
}

function reminderLine(m: ScannedMilestone, index: number): string {
  const place = `${milestoneName(m)}${m.item ? `「${shorten(m.item, 16)}」` : ""}`;
  const due = m.due ? `，应于${chineseDate(m.due)}前完成` : "";
  const late = m.daysOverdue !== null ? `，已逾期${m.daysOverdue}天` : m.daysLeft !== null ? `，还剩${m.daysLeft}天` : "";
  return `${index}. ${place}：${shorten(m.text, 40)}${due}${late}。`;
}

/** The person a reminder goes to, by the role the table gives them. */
export type ReminderRole = "盯办人" | "责任人" | "分管领导";

const ROLE_PHRASE: Record<ReminderRole, string> = { 盯办人: "您盯办的", 责任人: "您负责的", 分管领导: "您分管的" };

/** A short, polite 催办通知 for one person: their overdue milestones first, then those falling due soon. */
export function reminderText(person: string, ms: ScannedMilestone[], asOf: IsoDate, role: ReminderRole = "盯办人"): string {
  const yours = ROLE_PHRASE[role];
  const overdue = ms.filter((m) => m.status === "overdue").sort(byDue);
  const dueSoon = ms.filter((m) => m.status === "due-soon").sort(byDue);
  const lines: string[] = [];
  const name = person.trim() === "" || person === UNASSIGNED ? "各位同志" : `${person.trim()}同志`;
  if (overdue.length === 0 && dueSoon.length === 0) {
    lines.push(`${name}：截至${chineseDate(asOf)}，${yours}节点暂无逾期或临期事项。感谢支持！`);
    return lines.join("\n");
  }
  if (overdue.length > 0) {
    lines.push(`${name}：截至${chineseDate(asOf)}，${yours}以下节点已逾期，请抓紧推进：`);
    overdue.forEach((m, i) => lines.push(reminderLine(m, i + 1)));
  } else {
    lines.push(`${name}：截至${chineseDate(asOf)}，${yours}节点暂无逾期事项。`);
  }
  if (dueSoon.length > 0) {
    lines.push("以下节点即将到期，请提前安排：");
    dueSoon.forEach((m, i) => lines.push(reminderLine(m, i + 1)));
  }
  lines.push("请于完成后及时在“已完成节点”栏登记，如有困难请及时反馈。谢谢！");
  return lines.join("\n");
}

function byDue(a: ScannedMilestone, b: ScannedMilestone): number {
  return (a.due ?? "9999").localeCompare(b.due ?? "9999");
}

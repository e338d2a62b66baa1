/**
 * One pass over a workbook: recognise the responsibility tables, read every 市级辅助成果 cell once,
 * give each milestone its status as of a date, and collect what could not be read (docs/design.md §4–§6).
 */
import { cellAddress } from "../address";
import { daysBetween, isoFromExcelSerial, isoParts, parseIsoDate, type IsoDate } from "../dates";
import { chineseDate, shorten } from "./text";
import { milestoneName } from "../milestones/name";
import type { SheetGrid } from "../grid";
import { milestoneStatus, readDoneList, readMilestones, withStartDate } from "../milestones";
import { findDeadlines } from "../milestones/deadlines";
import { foldWidth } from "../milestones/normalize";
import { DEFAULT_DUE_SOON_DAYS, type MilestoneStatus } from "../milestones/types";
import { findDiscrepancies, findJizhunDiscrepancies, missingJizhunRows } from "../rules";
import { readScorecards, scoreStatusOf } from "../scorecard";
import { recognizeWorkbook } from "../tables";
import type { RecognisedTable } from "../tables/types";
import type { Discrepancy, ScanOptions, ScannedMilestone, ScannedTable, ScanProblem, ScanResult } from "./types";

export { chineseDate, shorten, tableYearText } from "./text";
export type { Discrepancy, ScanOptions, ScannedMilestone, ScannedTable, ScanProblem, ScanResult } from "./types";

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
  const problems: ScanProblem[] = [...recognition.problems];
  const counts = emptyCounts();

  for (const table of recognition.tables) {
    const year = table.year ?? asOfYear;
    const yearSource = table.year !== null ? "title" : "asOf";
    tables.push({
      sheet: table.sheet,
      kind: table.kind,
      title: table.title,
      year,
      yearSource,
      headerRow: table.headerRow + 1,
      rows: table.rows.length,
    });
    if (yearSource === "asOf") {
      // docs/design.md §4: the year comes from the title; without one the as-of date's year is used, and said.
      problems.push({
        sheet: table.sheet,
        cell: table.title === null ? cellAddress(table.headerRow, 0) : "",
        level: "warning",
        message:
          `${table.title === null ? "表格上方没有标题" : `标题“${shorten(table.title, 30)}”中没有年份`}，` +
          `节点日期按截至日期的年份${year}年读取；如果这不是${year}年的表，请在标题中写明年份（如“盘锦市2024年…”）`,
      });
    }
    for (const m of scanTableMilestones(table, year, asOf, dueSoonDays, problems)) {
      counts[m.status] += 1;
      milestones.push(m);
    }
    discrepancies.push(...tableDiscrepancies(table));
  }

  // 评分表 sheets are read too: they are not "unrecognised", and the first filled one is the 周报's
  // 评分情况; one whose set cannot be told says so.
  const cards = readScorecards(sheets);
  const cardSheets = new Set(cards.readings.map((r) => r.sheet).concat(cards.problems.map((p) => p.sheet)));
  for (const p of cards.problems) problems.push({ ...p, level: "warning" });

  return {
    asOf,
    dueSoonDays,
    tables,
    milestones,
    problems,
    unrecognised: recognition.unrecognised.filter((u) => !cardSheets.has(u.sheet)),
    discrepancies,
    counts,
    score: scoreStatusOf(cards.readings),
  };
}

/** A start date as staff type it: an ISO date, "2024年9月1日", or an Excel date serial. */
function readStartDate(text: string, year: number): IsoDate | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^\d{5}(?:\.\d+)?$/.test(trimmed)) {
    const serial = Number(trimmed);
    return serial >= 20000 && serial <= 80000 ? isoFromExcelSerial(serial) : null;
  }
  const iso = parseIsoDate(trimmed.slice(0, 10));
  if (iso !== null) return iso;
  const hits = findDeadlines(foldWidth(trimmed), year);
  return hits.length === 1 ? hits[0].due : null;
}

function scanTableMilestones(
  table: RecognisedTable,
  year: number,
  asOf: IsoDate,
  dueSoonDays: number,
  problems: ScanProblem[],
): ScannedMilestone[] {
  const out: ScannedMilestone[] = [];
  const doneCol = table.columns.done;
  const startCol = table.columns.start;
  for (const row of table.rows) {
    // A merged 市级辅助成果 cell covers several rows; it is read once, from the row that owns it.
    // An empty cell has no milestones and no status (docs/design.md §4).
    if (!row.ownsMilestoneCell || !row.milestoneCell || row.milestoneText.trim() === "") continue;
    const { row: cellRow, col: cellCol } = row.milestoneCell;
    const cell = cellAddress(cellRow, cellCol);
    const reading = readMilestones(row.milestoneText, year);
    for (const note of reading.notes) {
      const name = milestoneName({ serial: row.serial, label: note.label, row: row.row });
      problems.push({
        sheet: table.sheet,
        cell,
        serial: row.serial,
        milestone: name,
        clause: note.clause,
        message: `${name}「${shorten(note.clause, 40)}」：${note.reason}`,
      });
    }
    const doneCell = doneCol === undefined ? null : cellAddress(row.row, doneCol);
    const doneReading = readDoneList(row.done, reading.milestones.map((m) => m.label));
    const owner = row.serial !== "" ? `序号${row.serial}` : `第${row.row + 1}行`;
    if (doneCell !== null) {
      for (const token of doneReading.unreadable) {
        problems.push({
          sheet: table.sheet,
          cell: doneCell,
          serial: row.serial,
          message: `${owner}的已完成节点中“${token}”读不懂，已忽略（其余编号照常计入）；请写节点编号，如“1,2,4a”，或写“全部”`,
        });
      }
      if (doneReading.unknown.length > 0) {
        const labels = reading.milestones.map((m) => m.label).join("、") || "无";
        problems.push({
          sheet: table.sheet,
          cell: doneCell,
          serial: row.serial,
          message: `${owner}的已完成节点写了“${doneReading.unknown.join("、")}”，但这一行没有这样的节点（本行节点：${labels}）`,
        });
      }
    }
    const startText = startCol === undefined ? "" : row.start;
    const rowStart = readStartDate(startText, year);
    if (startText !== "" && rowStart === null && startCol !== undefined) {
      problems.push({
        sheet: table.sheet,
        cell: cellAddress(row.row, startCol),
        serial: row.serial,
        message: `${owner}的开始日期“${shorten(startText, 20)}”不是日期，相对期限无法据此算出截止日期；请写成“2024-09-01”或“2024年9月1日”`,
      });
    }
    for (const parsed of reading.milestones) {
      // A relative milestone gets its due date from the row's start (issue 9 §3), unless its clause wrote one.
      const m =
        rowStart !== null && parsed.kind === "relative" && parsed.due === null
          ? withStartDate(parsed, rowStart, `${cellAddress(row.row, startCol as number)}的开始日期`)
          : parsed;
      const status = milestoneStatus(m, asOf, doneReading.done, dueSoonDays);
      const daysOverdue = status === "overdue" && m.due ? daysBetween(m.due, asOf) : null;
      const daysLeft = (status === "due-soon" || status === "pending") && m.due ? daysBetween(asOf, m.due) : null;
      const scanned: ScannedMilestone = {
        sheet: table.sheet,
        cell,
        row: cellRow,
        col: cellCol,
        serial: row.serial,
        item: row.item,
        label: m.label,
        name: milestoneName({ serial: row.serial, label: m.label, row: row.row }),
        text: m.text,
        due: m.due,
        kind: m.kind,
        status,
        daysOverdue,
        daysLeft,
        owners: { 盯办人: row.owners.盯办人, 责任人: row.owners.责任人, 分管领导: row.owners.分管领导 },
        lead: row.lead,
        doneCell,
      };
      if (m.relative) scanned.relative = m.relative;
      if (m.needs !== undefined && m.due === null) scanned.needs = m.needs;
      out.push(scanned);
    }
  }
  return out;
}

function tableDiscrepancies(table: RecognisedTable): Discrepancy[] {
  // 攻坚: the 攻坚任务 column against 附件4; 基准: the 评审内容 column against 附件5 (issue 7 §1.7).
  const jizhun = table.kind === "基准";
  const taskCol = jizhun ? table.columns.content : table.columns.task;
  if (taskCol === undefined) return [];
  const out: Discrepancy[] = [];
  for (const row of table.rows) {
    if (row.task.trim() === "" || row.serial === "") continue;
    const messages = jizhun ? findJizhunDiscrepancies(row.serial, row.task) : findDiscrepancies(row.serial, row.task);
    for (const message of messages) {
      out.push({ sheet: table.sheet, cell: cellAddress(row.row, taskCol), serial: row.serial, message });
    }
  }
  const serialCol = table.columns.serial;
  if (jizhun && serialCol !== undefined && table.rows.length > 0) {
    // A 附件5 序号 the table has no row for (the source's table lacks 序号10), named at the 序号 header.
    const serial = /^基准序号(\d+)/;
    for (const message of missingJizhunRows(table.rows.map((r) => r.serial))) {
      out.push({ sheet: table.sheet, cell: cellAddress(table.headerRow, serialCol), serial: serial.exec(message)?.[1] ?? "", message });
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
      name: m.name,
      text: m.text,
      due: m.due,
      kind: m.kind,
      status: m.status,
      daysOverdue: m.daysOverdue,
      daysLeft: m.daysLeft,
      owners: { 盯办人: m.owners.盯办人, 责任人: m.owners.责任人, 分管领导: m.owners.分管领导 },
      lead: m.lead,
      ...(m.needs !== undefined ? { needs: m.needs } : {}),
    })),
    problems: result.problems.map((p) => ({
      sheet: p.sheet,
      cell: p.cell,
      message: p.message,
      ...(p.serial !== undefined ? { serial: p.serial } : {}),
      ...(p.milestone !== undefined ? { milestone: p.milestone } : {}),
      ...(p.clause !== undefined ? { clause: p.clause } : {}),
      ...(p.level !== undefined ? { level: p.level } : {}),
    })),
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

/**
 * The 周报 (issue 10 §1) as data: what the Word document, the 周报 workbook and the pane's download all
 * show. Built from one ScanResult; pure, so every face prints the same numbers.
 */
import { addDays, isoParts, type IsoDate } from "../dates";
import { milestoneStatus } from "../milestones";
import { milestoneName } from "../milestones/name";
import { STATUS_SEVERITY, STATUS_ZH, type MilestoneStatus } from "../milestones/types";
import { chineseDate, groupMilestones, reminderText, UNASSIGNED, type ReminderRole } from "../scan";
import type { ScannedMilestone, ScanResult } from "../scan/types";
import type {
  DepartmentTable,
  MonthBar,
  PersonCount,
  PersonRole,
  ScoreStatus,
  ScoreStatusInput,
  WeeklyReminder,
  WeeklyReport,
  WeeklyReportOptions,
  WeeklyRow,
} from "./types";

export type * from "./types";

export const PERSON_ROLES: PersonRole[] = ["盯办人", "责任人", "分管领导"];
const DEFAULT_CITY = "盘锦市";
const DEFAULT_TOP_LOSSES = 5;

export function weeklyReport(scan: ScanResult, options: WeeklyReportOptions = {}): WeeklyReport {
  const year = campaignYear(scan);
  const city = campaignCity(scan);
  const asOfText = chineseDate(scan.asOf);
  const previousWeek = addDays(scan.asOf, -7);
  const urgent = scan.milestones.filter((m) => m.status === "overdue" || m.status === "due-soon");
  const total = scan.milestones.length;

  const newlyOverdue = numbered(
    scan.milestones.filter((m) => m.status === "overdue" && !overdueOn(m, previousWeek, scan.dueSoonDays)).sort(byUrgency),
  );
  const { months, todayMonth } = monthBars(scan);
  const reminderRoles = options.reminderRoles ?? ["盯办人"];
  // The caller's 评分表 status, else the one the scan read from the workbook.
  const scoreInput = options.score !== undefined ? options.score : (scan.score ?? null);

  return {
    title: `${city}${year}年大练兵工作推进情况（截至${asOfText}）`,
    city,
    year,
    asOf: scan.asOf,
    asOfText,
    previousWeek,
    dueSoonDays: scan.dueSoonDays,
    counts: { ...scan.counts },
    total,
    newlyOverdue,
    summary: summaryText(scan, previousWeek, newlyOverdue),
    months,
    todayMonth,
    departments: departmentTables(urgent),
    people: {
      盯办人: personCounts(urgent, "盯办人"),
      责任人: personCounts(urgent, "责任人"),
      分管领导: personCounts(urgent, "分管领导"),
    },
    reminders: reminders(urgent, scan.asOf, reminderRoles),
    score: scoreInput ? scoreStatus(scoreInput, options.topLosses ?? DEFAULT_TOP_LOSSES) : null,
    sources: scan.tables.map((t) => `${t.sheet}（${t.kind}，${t.rows}行）`),
    notes: notes(scan),
  };
}

/** The year most tables give (their titles' year, else the as-of year, as the scan decided). */
function campaignYear(scan: ScanResult): number {
  const votes = new Map<number, number>();
  for (const t of scan.tables) votes.set(t.year, (votes.get(t.year) ?? 0) + 1);
  let best = isoParts(scan.asOf).year;
  let most = 0;
  for (const [year, n] of votes) {
    if (n > most) [best, most] = [year, n];
  }
  return best;
}

/** "盘锦市" from a title like "盘锦市2024年大练兵…"; the bureau's city when no title names one. */
function campaignCity(scan: ScanResult): string {
  for (const t of scan.tables) {
    const city = /^\s*([\u4e00-\u9fa5]{1,10}?[省市县区])\s*\d{4}年/.exec(t.title ?? "")?.[1];
    if (city) return city;
  }
  return DEFAULT_CITY;
}

/** Whether a milestone overdue now already was on `date` (it is not done now, so it was not then). */
function overdueOn(m: ScannedMilestone, date: IsoDate, dueSoonDays: number): boolean {
  return milestoneStatus({ label: m.label, text: m.text, due: m.due, kind: m.kind }, date, new Set(), dueSoonDays) === "overdue";
}

/** Overdue first, most days overdue first; then due-soon, soonest first; then sheet order. */
function byUrgency(a: ScannedMilestone, b: ScannedMilestone): number {
  const rank = (m: ScannedMilestone) => (m.status === "overdue" ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.status === "overdue") return (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
  return (a.daysLeft ?? 0) - (b.daysLeft ?? 0);
}

function daysText(m: ScannedMilestone): string {
  if (m.status === "overdue") return `逾期${m.daysOverdue ?? 0}天`;
  return m.daysLeft === 0 ? "今天到期" : `剩余${m.daysLeft ?? 0}天`;
}

function numbered(ms: ScannedMilestone[]): WeeklyRow[] {
  return ms.map((m, i) => ({
    index: i + 1,
    serial: m.serial,
    item: m.item,
    milestone: milestoneName(m),
    text: m.text,
    due: m.due,
    dueText: m.due ? chineseDate(m.due) : "—",
    status: m.status as WeeklyRow["status"],
    days: (m.status === "overdue" ? m.daysOverdue : m.daysLeft) ?? 0,
    daysText: daysText(m),
    盯办人: m.owners.盯办人,
    责任人: m.owners.责任人,
    分管领导: m.owners.分管领导,
    lead: m.lead,
    sheet: m.sheet,
    cell: m.cell,
  }));
}

function countOf(ms: ScannedMilestone[], status: MilestoneStatus): number {
  return ms.filter((m) => m.status === status).length;
}

/** Most overdue first, then most due-soon; ties keep the order the departments first appear in. */
function byCounts<T extends { overdue: number; dueSoon: number }>(a: T, b: T): number {
  return b.overdue - a.overdue || b.dueSoon - a.dueSoon;
}

function departmentTables(urgent: ScannedMilestone[]): DepartmentTable[] {
  return [...groupMilestones(urgent, "牵头部门")]
    .map(([lead, ms]) => ({
      lead,
      overdue: countOf(ms, "overdue"),
      dueSoon: countOf(ms, "due-soon"),
      rows: numbered([...ms].sort(byUrgency)),
    }))
    .sort(byCounts);
}

function personCounts(urgent: ScannedMilestone[], role: PersonRole): PersonCount[] {
  return [...groupMilestones(urgent, role)]
    .map(([name, ms]) => ({ name, overdue: countOf(ms, "overdue"), dueSoon: countOf(ms, "due-soon") }))
    .sort(byCounts);
}

function reminders(urgent: ScannedMilestone[], asOf: IsoDate, roles: ReminderRole[]): WeeklyReminder[] {
  const out: WeeklyReminder[] = [];
  for (const role of roles) {
    const people = [...groupMilestones(urgent, role)]
      .map(([person, ms]) => ({ person, ms, overdue: countOf(ms, "overdue"), dueSoon: countOf(ms, "due-soon") }))
      .sort(byCounts);
    for (const p of people) {
      out.push({ role, person: p.person, overdue: p.overdue, dueSoon: p.dueSoon, text: reminderText(p.person, p.ms, asOf, role) });
    }
  }
  return out;
}

/**
 * Dated milestones per month of their due date, from the campaign's first to its last month (the
 * as-of month included, so that the today line always has a place). Open-ended milestones have no month.
 */
function monthBars(scan: ScanResult): { months: MonthBar[]; todayMonth: number | null } {
  const dated = scan.milestones.filter((m) => m.due !== null && m.kind === "date");
  const key = (date: IsoDate) => date.slice(0, 7);
  const keys = dated.map((m) => key(m.due as IsoDate));
  if (keys.length === 0) return { months: [], todayMonth: null };
  keys.push(key(scan.asOf));
  const sorted = [...keys].sort();
  const months: MonthBar[] = [];
  const first = isoParts(`${sorted[0]}-01`);
  const last = isoParts(`${sorted[sorted.length - 1]}-01`);
  const spansYears = first.year !== last.year;
  for (let y = first.year, m = first.month; y < last.year || (y === last.year && m <= last.month); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.push({ month, label: spansYears ? `${y}年${m}月` : `${m}月`, done: 0, overdue: 0, pending: 0 });
  }
  const byMonth = new Map(months.map((b) => [b.month, b]));
  for (const m of dated) {
    const bar = byMonth.get(key(m.due as IsoDate));
    if (!bar) continue;
    if (m.status === "done") bar.done += 1;
    else if (m.status === "overdue") bar.overdue += 1;
    else bar.pending += 1;
  }
  const todayMonth = months.findIndex((b) => b.month === key(scan.asOf));
  return { months, todayMonth: todayMonth < 0 ? null : todayMonth };
}

function summaryText(scan: ScanResult, previousWeek: IsoDate, newlyOverdue: WeeklyRow[]): string {
  const parts = STATUS_SEVERITY.map((s) => `${STATUS_ZH[s]}${scan.counts[s]}个`);
  const tables = scan.tables.length;
  const head =
    tables === 0
      ? `截至${chineseDate(scan.asOf)}，未识别到责任分解表，没有可统计的节点。`
      : `截至${chineseDate(scan.asOf)}，${tables}张责任分解表共有节点${scan.milestones.length}个，其中${parts.join("、")}（临期指${scan.dueSoonDays}天内到期）。`;
  const changed =
    newlyOverdue.length === 0
      ? `与上周（${chineseDate(previousWeek)}）相比，没有新增逾期节点。`
      : `与上周（${chineseDate(previousWeek)}）相比，新增逾期节点${newlyOverdue.length}个：${listNames(newlyOverdue)}。`;
  return tables === 0 ? head : head + changed;
}

function listNames(rows: WeeklyRow[]): string {
  const shown = rows.slice(0, 10).map((r) => `${r.milestone}（${leadName(r.lead)}）`);
  return shown.join("、") + (rows.length > 10 ? `等` : "");
}

/** A 牵头部门 as a heading says it: "（未填写）" would read "（三）（未填写）：". */
export function leadName(lead: string): string {
  const name = lead.trim();
  return name === "" || name === UNASSIGNED ? "未填写牵头部门" : name;
}

function scoreStatus(input: ScoreStatusInput, top: number): ScoreStatus {
  const losses = input.items
    .filter((i): i is typeof i & { score: number } => i.score !== null && Number.isFinite(i.score) && i.max - i.score > 0)
    .map((i) => ({ serial: i.serial, item: i.item, max: i.max, score: i.score, lost: round(i.max - i.score) }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, Math.max(0, top));
  return {
    sheet: input.sheet,
    total: input.total,
    max: input.max,
    veto: input.veto ?? null,
    unscored: input.items.filter((i) => i.score === null).length,
    losses,
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function notes(scan: ScanResult): string[] {
  const out: string[] = [];
  if (scan.problems.length > 0) {
    out.push(`有${scan.problems.length}处单元格未能读取或有疑问（详见 dalianbing scan 或任务窗格的“问题”列表），相关节点未计入或可能不全。`);
  }
  for (const u of scan.unrecognised) out.push(`工作表“${u.sheet}”未识别为责任分解表：${u.reason}`);
  const undated = scan.counts["open-ended"];
  if (undated > 0) out.push(`无固定期限的${undated}个节点（每月、常态化或相对期限）不在按月统计图中。`);
  return out;
}

/** Labels the report uses for the chart's three series and the counts. */
export const MONTH_SERIES: { key: keyof Pick<MonthBar, "done" | "overdue" | "pending">; name: string; color: string }[] = [
  { key: "done", name: "已完成", color: "#5B9B5B" },
  { key: "overdue", name: "已逾期", color: "#C0392B" },
  { key: "pending", name: "未到期（含临期）", color: "#8FA9C8" },
];

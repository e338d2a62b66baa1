import type { IsoDate } from "../dates";
import type { MilestoneStatus } from "../milestones/types";
import type { ReminderRole } from "../scan";

export interface WeeklyReportOptions {
  /**
   * The 评分表 status; absent: the one the scan read (ScanResult.score), null: no score section. The
   * reading lives with the scorecard code; the report only shows what it is given.
   */
  score?: ScoreStatusInput | null;
  /** Whose 催办通知 the report carries, one per person of each role. Default: the 盯办人 (they chase). */
  reminderRoles?: ReminderRole[];
  /** How many items that lose most points are listed. Default 5. */
  topLosses?: number;
}

/** What a filled 评分表 says: the total so far and each item's points. */
export interface ScoreStatusInput {
  /** Sheet the scores were read from (shown in the report). */
  sheet: string;
  /** Total as the sheet computes it; null when it cannot be computed (an input missing or wrong). */
  total: number | null;
  /** Points available (100 for 攻坚, bonus not included). */
  max: number;
  /** A veto (否决项) that applies, in words; the total then does not count. */
  veto?: string | null;
  items: ScoreItemInput[];
}

export interface ScoreItemInput {
  serial: string;
  /** 评审项目 or 指标 name. */
  item: string;
  max: number;
  /** null: not filled in yet. */
  score: number | null;
}

export interface ScoreStatus {
  sheet: string;
  total: number | null;
  max: number;
  veto: string | null;
  /** Items not yet scored (score null). */
  unscored: number;
  /** The items that lose most points (max − score > 0), largest loss first. */
  losses: { serial: string; item: string; max: number; score: number; lost: number }[];
}

/** One overdue or due-soon milestone as a table row of the report. */
export interface WeeklyRow {
  /** 序号 in the report's table (1, 2, …), not the sheet's. */
  index: number;
  /** The sheet's 序号. */
  serial: string;
  item: string;
  /** milestoneName(): "序号33·节点2". */
  milestone: string;
  /** The milestone clause as written. */
  text: string;
  due: IsoDate | null;
  /** "2024年9月25日", "—" when undated. */
  dueText: string;
  status: Extract<MilestoneStatus, "overdue" | "due-soon">;
  /** Days overdue (> 0) or days left (≥ 0) as the status says. */
  days: number;
  /** "逾期12天", "剩余3天", "今天到期". */
  daysText: string;
  盯办人: string;
  责任人: string;
  分管领导: string;
  lead: string;
  sheet: string;
  cell: string;
}

export interface DepartmentTable {
  /** 牵头部门 ("（未填写）" when the cell is empty). */
  lead: string;
  overdue: number;
  dueSoon: number;
  /** Overdue first, most days overdue first; then due-soon, soonest first. */
  rows: WeeklyRow[];
}

export type PersonRole = "盯办人" | "责任人" | "分管领导";

export interface PersonCount {
  name: string;
  overdue: number;
  dueSoon: number;
}

/** Milestones due in one month of the campaign, by status. */
export interface MonthBar {
  /** "2024-05". */
  month: string;
  /** "5月" (with the year when the campaign spans two years: "2025年1月"). */
  label: string;
  done: number;
  overdue: number;
  /** Not yet due: 临期 and 未到期. */
  pending: number;
}

export interface WeeklyReminder {
  role: ReminderRole;
  person: string;
  overdue: number;
  dueSoon: number;
  /** reminderText() from src/core/scan, as the pane copies it. */
  text: string;
}

export interface WeeklyReport {
  /** "盘锦市2024年大练兵工作推进情况（截至2024年9月25日）". */
  title: string;
  city: string;
  year: number;
  asOf: IsoDate;
  asOfText: string;
  /** as-of − 7 days: "newly overdue" is measured against it. */
  previousWeek: IsoDate;
  dueSoonDays: number;
  counts: Record<MilestoneStatus, number>;
  total: number;
  /** Overdue now, not overdue a week before: most days overdue first. */
  newlyOverdue: WeeklyRow[];
  /** The summary paragraph, ready to print. */
  summary: string;
  months: MonthBar[];
  /** Index into months of the as-of month (the chart's today line), null when outside. */
  todayMonth: number | null;
  departments: DepartmentTable[];
  people: Record<PersonRole, PersonCount[]>;
  reminders: WeeklyReminder[];
  score: ScoreStatus | null;
  /** Tables read: "攻坚任务（攻坚，51行）". */
  sources: string[];
  /** Things the reader should know: cells that could not be read, sheets not recognised. */
  notes: string[];
}

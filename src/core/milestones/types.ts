import type { IsoDate } from "../dates";

/**
 * date: a fixed deadline; recurring: 每月/每日/常态化…; relative: needs a start event
 * ("下达处罚决定后,7日内"); undated: a task with no deadline in its words.
 */
export type MilestoneKind = "date" | "recurring" | "relative" | "undated";

export interface Milestone {
  /** Item number as written, with a/b/… when one item has several dated clauses: "1", "1a", "1b". */
  label: string;
  /** The clause as written (trimmed), without its list number. */
  text: string;
  /** For kind "date": the last day on which it is still on time. Otherwise null. */
  due: IsoDate | null;
  kind: MilestoneKind;
  /**
   * For kind "relative": how long after which event. `amount` 0 is "after the event" with no length
   * ("国庆节后"). `start` is the event's date when the clause or the row gives it; `due` is then set.
   */
  relative?: { amount: number; unit: RelativeUnit; after: string; start?: IsoDate; startFrom?: string };
  /** For a relative milestone without a due date: what it needs to get one, in Chinese (for the pane). */
  needs?: string;
}

export type RelativeUnit = "day" | "workingDay" | "month" | "week";

/**
 * Something in a 市级辅助成果 cell that could not be read as written (issue 9 §2): the clause, the
 * milestone label it belongs to and the reason, in Chinese. The scan adds sheet, cell and 序号.
 */
export interface MilestoneNote {
  label: string;
  /** The clause as written. */
  clause: string;
  /** What was not understood ("9月没有31日", "有时间词“本月底前”但读不出截止日期"). */
  reason: string;
}

export interface MilestoneReading {
  milestones: Milestone[];
  notes: MilestoneNote[];
}

export type MilestoneStatus = "overdue" | "due-soon" | "pending" | "done" | "open-ended";

export const STATUS_ZH: Record<MilestoneStatus, string> = {
  overdue: "已逾期",
  "due-soon": "临期",
  pending: "未到期",
  done: "已完成",
  "open-ended": "无固定期限",
};

export const KIND_ZH: Record<MilestoneKind, string> = {
  date: "定期",
  recurring: "周期性",
  relative: "相对期限",
  undated: "无期限",
};

/** Worst first: the status a cell or a row shows when its milestones differ. */
export const STATUS_SEVERITY: MilestoneStatus[] = ["overdue", "due-soon", "pending", "open-ended", "done"];

export const DEFAULT_DUE_SOON_DAYS = 7;

/**
 * The API that src/core/milestones/index.ts exports (implemented there):
 *
 *   parseMilestones(text: string, year: number): Milestone[]
 *   readMilestones(text: string, year: number): MilestoneReading   // milestones + what could not be read
 *   readDoneList(text: string, labels?: string[]): DoneReading       // done labels + unreadable/unknown tokens
 *   withStartDate(m: Milestone, start: IsoDate, from: string): Milestone  // a relative milestone's due from its start
 *   parseDoneList(text: string): Set<string>           // "1,2，4a、5" -> {"1","2","4a","5"}
 *   isMilestoneDone(label: string, done: Set<string>): boolean   // "1" done covers "1a", "1b"
 *   addDoneLabel(existing: string, label: string): string        // "1,2" + "4a" -> "1,2,4a" (no duplicates, order kept)
 *   milestoneStatus(m: Milestone, asOf: IsoDate, done: Set<string>, dueSoonDays?: number): MilestoneStatus
 *   worstStatus(statuses: MilestoneStatus[]): MilestoneStatus    // by STATUS_SEVERITY; [] -> "open-ended"
 *   addWorkingDays(start: IsoDate, days: number): { ok: true; date: IsoDate } | { ok: false; message: string }
 *   yearFromTitle(title: string): number | null             // "盘锦市2024年大练兵…" -> 2024
 */
export type { IsoDate };

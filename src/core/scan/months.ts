/**
 * Dated milestones per month of the campaign, by status: what the pane's chart (and the 周报's) shows.
 * Milestones without a due date (recurring, relative, undated) belong to no month and are counted apart.
 */
import { isoParts, type IsoDate } from "../dates";
import type { ScannedMilestone } from "./types";

export interface MonthCounts {
  year: number;
  /** 1–12. */
  month: number;
  overdue: number;
  dueSoon: number;
  pending: number;
  done: number;
  total: number;
}

export interface MonthlyMilestones {
  /** Every month from the earliest to the latest due date, empty months included. */
  months: MonthCounts[];
  /** Milestones with no due date (无固定期限). */
  undated: number;
}

export function milestonesByMonth(milestones: ScannedMilestone[]): MonthlyMilestones {
  const counts = new Map<number, MonthCounts>();
  let undated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const m of milestones) {
    if (!m.due) {
      undated += 1;
      continue;
    }
    const { year, month } = isoParts(m.due);
    const index = year * 12 + (month - 1);
    first = Math.min(first, index);
    last = Math.max(last, index);
    let c = counts.get(index);
    if (!c) counts.set(index, (c = emptyMonth(index)));
    if (m.status === "overdue") c.overdue += 1;
    else if (m.status === "due-soon") c.dueSoon += 1;
    else if (m.status === "done") c.done += 1;
    else c.pending += 1;
    c.total += 1;
  }
  const months: MonthCounts[] = [];
  for (let i = first; i <= last; i++) months.push(counts.get(i) ?? emptyMonth(i));
  return { months, undated };
}

function emptyMonth(index: number): MonthCounts {
  return { year: Math.floor(index / 12), month: (index % 12) + 1, overdue: 0, dueSoon: 0, pending: 0, done: 0, total: 0 };
}

/** Where a date falls on the month axis: the month's position plus the fraction of it gone by (0 ≤ x < months). */
export function monthPosition(months: MonthCounts[], date: IsoDate): number | null {
  if (months.length === 0) return null;
  const { year, month, day } = isoParts(date);
  const index = year * 12 + (month - 1) - (months[0].year * 12 + (months[0].month - 1));
  if (index < 0 || index >= months.length) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return index + (day - 0.5) / daysInMonth;
}

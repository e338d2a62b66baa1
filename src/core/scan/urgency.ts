/**
 * Which milestones need action and in what order, for every face that lists them (CLI report, pane,
 * 周报): overdue first, longest overdue first; then due soon, fewest days left first; groups of people
 * or departments with the most overdue items first.
 */
import { groupMilestones, UNASSIGNED, type GroupBy } from "./index";
import type { ScannedMilestone } from "./types";

/** Overdue (most days overdue first), then due soon (fewest days left first); ties in sheet and row order. */
export function urgentMilestones(milestones: ScannedMilestone[]): ScannedMilestone[] {
  const overdue = milestones
    .filter((m) => m.status === "overdue")
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || byPlace(a, b));
  const dueSoon = milestones
    .filter((m) => m.status === "due-soon")
    .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || byPlace(a, b));
  return overdue.concat(dueSoon);
}

function byPlace(a: ScannedMilestone, b: ScannedMilestone): number {
  return a.sheet.localeCompare(b.sheet, "zh-CN") || a.row - b.row || a.label.localeCompare(b.label, "zh-CN");
}

export interface UrgencyGroup {
  /** The person or department as written (trimmed), or UNASSIGNED for an empty cell. */
  key: string;
  /** In the order given (urgentMilestones' order when grouped from its result). */
  milestones: ScannedMilestone[];
  overdue: number;
  dueSoon: number;
}

/**
 * Groups milestones by a person column or 牵头部门 (core grouping) and orders the groups: most overdue
 * first, then most due soon, then by name (zh-CN); the group of empty cells last.
 */
export function groupsByUrgency(milestones: ScannedMilestone[], by: GroupBy): UrgencyGroup[] {
  const groups: UrgencyGroup[] = [];
  for (const [key, ms] of groupMilestones(milestones, by)) {
    let overdue = 0;
    let dueSoon = 0;
    for (const m of ms) {
      if (m.status === "overdue") overdue += 1;
      else if (m.status === "due-soon") dueSoon += 1;
    }
    groups.push({ key, milestones: ms, overdue, dueSoon });
  }
  return groups.sort(
    (a, b) =>
      Number(a.key === UNASSIGNED) - Number(b.key === UNASSIGNED) ||
      b.overdue - a.overdue ||
      b.dueSoon - a.dueSoon ||
      a.key.localeCompare(b.key, "zh-CN"),
  );
}

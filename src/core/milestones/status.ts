/**
 * Status of a milestone against an as-of date (docs/design.md §4): done > overdue > due-soon > pending;
 * recurring, relative and undated milestones that are not done are open-ended.
 * "X日前" includes day X, so a milestone is overdue only from the day after its due date.
 */
import { daysBetween, parseIsoDate, type IsoDate } from "../dates";
import { DEFAULT_DUE_SOON_DAYS, STATUS_SEVERITY, type Milestone, type MilestoneStatus } from "./types";
import { isMilestoneDone } from "./done";

export function milestoneStatus(
  m: Milestone,
  asOf: IsoDate,
  done: Set<string>,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): MilestoneStatus {
  if (isMilestoneDone(m.label, done)) return "done";
  // A relative milestone whose start is known has a due date and counts by it (issue 9 §3).
  if (m.due === null) return "open-ended";
  const due = parseIsoDate(m.due);
  const today = parseIsoDate(asOf);
  if (due === null || today === null) return "open-ended";
  const window = Number.isFinite(dueSoonDays) && dueSoonDays >= 0 ? Math.floor(dueSoonDays) : DEFAULT_DUE_SOON_DAYS;
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= window) return "due-soon";
  return "pending";
}

/** The status a cell or row shows when its milestones differ; [] -> "open-ended". */
export function worstStatus(statuses: MilestoneStatus[]): MilestoneStatus {
  let worst = STATUS_SEVERITY.length;
  for (const status of statuses) {
    const rank = STATUS_SEVERITY.indexOf(status);
    if (rank >= 0 && rank < worst) worst = rank;
  }
  return worst < STATUS_SEVERITY.length ? STATUS_SEVERITY[worst] : "open-ended";
}

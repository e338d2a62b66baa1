/**
 * Relative deadlines get a due date once their start is known (issue 9 §3): "下达处罚决定后,7日内"
 * with a 下达日期 in the row, or "自2024年9月1日起15个工作日内" with the start written in the clause.
 * Working days follow China's holidays and 调休 (workingDays.ts); a start outside the holiday data
 * leaves the milestone without a due date and says why.
 */
import { addDays, isoDate, isoParts, lastDayOfMonth, type IsoDate } from "../dates";
import type { Milestone } from "./types";
import { addWorkingDays } from "./workingDays";

const UNIT_ZH = { day: "日", workingDay: "个工作日", month: "个月", week: "周" } as const;

/** The due date `amount` units after `start`, or a Chinese reason when there is none. */
export function relativeDue(rel: NonNullable<Milestone["relative"]>, start: IsoDate): { ok: true; due: IsoDate } | { ok: false; message: string } {
  if (rel.amount <= 0) return { ok: false, message: `“${rel.after}后”没有写明期限长短，无法算出截止日期` };
  switch (rel.unit) {
    case "day":
      return { ok: true, due: addDays(start, rel.amount) };
    case "week":
      return { ok: true, due: addDays(start, rel.amount * 7) };
    case "month": {
      // "3个月内" from 2024-11-30 ends 2025-02-28: the same day of the month, or its last day.
      const { year, month, day } = isoParts(start);
      const total = month - 1 + rel.amount;
      const y = year + Math.floor(total / 12);
      const mo = (total % 12) + 1;
      return { ok: true, due: isoDate(y, mo, Math.min(day, lastDayOfMonth(y, mo))) };
    }
    case "workingDay": {
      const result = addWorkingDays(start, rel.amount);
      return result.ok ? { ok: true, due: result.date } : { ok: false, message: result.message };
    }
  }
}

/** What a relative milestone without a start needs, for the pane. */
export function startNeeded(rel: NonNullable<Milestone["relative"]>): string {
  const event = rel.after !== "" ? `“${rel.after}”的日期` : "起算日期";
  const length = rel.amount > 0 ? `${rel.amount}${UNIT_ZH[rel.unit]}内` : "期限";
  return `需要${event}才能算出截止日期（${length}）：请在本行的“开始日期”或“下达日期”列填写，或在节点中写明日期（如“自2024年9月1日起${length}”）`;
}

/** The milestone with its start and due date; unchanged (with `needs`) when no due date can be computed. */
export function withStartDate(m: Milestone, start: IsoDate, from: string): Milestone {
  if (m.kind !== "relative" || !m.relative) return m;
  const result = relativeDue(m.relative, start);
  if (!result.ok) return { ...m, needs: result.message };
  const { needs: _needs, ...rest } = m;
  return { ...rest, due: result.due, relative: { ...m.relative, start, startFrom: from } };
}

/**
 * Items without a fixed date (docs/design.md §4): recurring work (每月…, 每日…, 逐月…, 常态化…, 每轮次…;
 * source lines 33, 53, 68, 107, 127–128) is not overdue by date alone; relative deadlines
 * ("下达处罚决定后,7日内", source line 113; "15个工作日内", "3个月内") need a start event.
 */
import type { Milestone, RelativeUnit } from "./types";
import { AMOUNT, parseSmallNumber } from "./numerals";

const RECURRING = /每个?(?:月|日|天|周|星期|旬|季度?|半年|年|轮次?|批次?)|逐(?:月|日|周|季|年)|常态化/;

// "7日内", "7天以内", "15个工作日内", "15个工作日" (工作日 needs no 内), "3个月内", "2周内" (issue 9 §1:
// months count as a unit). Blanks are bounded so that the cost stays linear in the text's length.
const RELATIVE = new RegExp(
  `(?<![\\d])(?<amount>${AMOUNT})\\s{0,3}个?\\s{0,3}(?:(?<workingDay>工作日)|(?<unit>日|天|自然日|月|周|星期|年)\\s{0,3}(?:之内|以内|内))`,
);

/** The start event ends with 后/起 just before the amount ("下达处罚决定后,7日内"). */
const EVENT_END = /(?:之日起|之日后|之后|以后|后|起)[\s,]{0,3}$/;
const EVENT_LEAD = /^[\s,]{0,3}(?:自|从|在|于)?\s{0,3}/;

const UNIT: Record<string, RelativeUnit> = { 日: "day", 天: "day", 自然日: "day", 月: "month", 周: "week", 星期: "week", 年: "month" };
/** "2年内" counts as 24 months. */
const UNIT_FACTOR: Record<string, number> = { 年: 12 };

export interface OpenEnded {
  kind: "recurring" | "relative" | "undated";
  relative?: Milestone["relative"];
}

/** Positions [from, to) of the start event in the text before the amount, or null. */
function startEventSpan(folded: string, amountAt: number): [number, number] | null {
  // The event words end right before the amount; look at a bounded window (linear cost).
  const windowStart = Math.max(0, amountAt - 12);
  const endMatch = EVENT_END.exec(folded.slice(windowStart, amountAt));
  const before = folded.slice(0, amountAt);
  if (!endMatch) return null;
  // The event is the last phrase of its clause: after the last , ; 。 or line break.
  const to = windowStart + endMatch.index;
  let from = 0;
  for (const breakChar of [",", ";", "。", "\n"]) from = Math.max(from, before.lastIndexOf(breakChar, to - 1) + 1);
  const lead = EVENT_LEAD.exec(before.slice(from, to));
  if (lead) from += lead[0].length;
  return from < to ? [from, to] : null;
}

/**
 * `folded` is the width-folded item text (normalize.ts); `written` is the same text as written (same
 * length), from which the start event is quoted.
 */
export function classifyOpenEnded(folded: string, written: string = folded): OpenEnded {
  if (RECURRING.test(folded)) return { kind: "recurring" };
  const relative = RELATIVE.exec(folded);
  if (relative) {
    const g = relative.groups as Record<string, string | undefined>;
    const amount = parseSmallNumber(g.amount as string);
    if (Number.isInteger(amount) && amount > 0) {
      const span = startEventSpan(folded, relative.index);
      return {
        kind: "relative",
        relative: {
          amount: amount * (UNIT_FACTOR[g.unit as string] ?? 1),
          unit: g.workingDay !== undefined ? "workingDay" : UNIT[g.unit as string],
          after: span ? written.slice(span[0], span[1]).trim() : "",
        },
      };
    }
  }
  return { kind: "undated" };
}

const RELATIVE_ALL = new RegExp(RELATIVE.source, "g");
const RECURRING_ALL = new RegExp(RECURRING.source, "g");

/** Where recurring and relative phrases sit in the text: their time words are understood. */
export function openEndedSpans(folded: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const pattern of [RELATIVE_ALL, RECURRING_ALL]) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(folded)) !== null) {
      // "每月底前": the recurring word covers the time words right after it.
      spans.push({ start: m.index, end: m.index + m[0].length + (pattern === RECURRING_ALL ? 4 : 0) });
      if (m[0] === "") pattern.lastIndex++;
    }
  }
  return spans;
}

/**
 * Items without a fixed date (docs/design.md §4): recurring work (每月…, 每日…, 逐月…, 常态化…, 每轮次…;
 * source lines 33, 53, 68, 107, 127–128) is not overdue by date alone; relative deadlines
 * ("下达处罚决定后,7日内", source line 113; "15个工作日内") need a start event.
 */
import type { Milestone } from "./types";
import { AMOUNT, parseSmallNumber } from "./numerals";

const RECURRING = /每个?(?:月|日|天|周|星期|旬|季度?|半年|年|轮次?|批次?)|逐(?:月|日|周|季|年)|常态化/;

// 1 amount, 2 "工作日", 3 "日"/"天": "7日内", "7天以内", "15个工作日内", "15个工作日" (工作日 needs no 内).
const RELATIVE = new RegExp(`(${AMOUNT})\\s*个?\\s*(?:(工作日)|(日|天)\\s*(?:之内|以内|内))`);

/** The start event ends with 后/起 just before the amount ("下达处罚决定后,7日内"). */
const EVENT_END = /(?:之日起|之日后|之后|以后|后|起)[\s,]*$/;
const EVENT_LEAD = /^[\s,]*(?:自|从|在|于)?\s*/;

export interface OpenEnded {
  kind: "recurring" | "relative" | "undated";
  relative?: Milestone["relative"];
}

/** Positions [from, to) of the start event in the text before the amount, or null. */
function startEventSpan(folded: string, amountAt: number): [number, number] | null {
  const before = folded.slice(0, amountAt);
  const endMatch = EVENT_END.exec(before);
  if (!endMatch) return null;
  // The event is the last phrase of its clause: after the last , ; 。 or line break.
  const to = endMatch.index;
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
    const amount = parseSmallNumber(relative[1]);
    if (Number.isInteger(amount) && amount > 0) {
      const span = startEventSpan(folded, relative.index);
      return {
        kind: "relative",
        relative: {
          amount,
          unit: relative[2] !== undefined ? "workingDay" : "day",
          after: span ? written.slice(span[0], span[1]).trim() : "",
        },
      };
    }
  }
  return { kind: "undated" };
}

/**
 * "N个工作日内" (docs/design.md §4): working days follow China's statutory holidays and make-up days, not
 * Mon–Fri. A year with no holiday data is reported, never silently assumed.
 */
import { addDays, daysBetween, isoParts, parseIsoDate, type IsoDate } from "../dates";
import { hasHolidayData, isOfficialWorkday, knownHolidayYearsText } from "./holidayCalendar";

export type WorkingDaysResult = { ok: true; date: IsoDate } | { ok: false; message: string };

/** Longest count accepted: a year and a half of working days; more is surely a typing error. */
const MAX_WORKING_DAYS = 400;

/**
 * The date `days` working days after `start` (start itself not counted; "15个工作日内" ends on the
 * 15th working day after the start event). Negative `days` count backwards; 0 returns `start`.
 */
export function addWorkingDays(start: IsoDate, days: number): WorkingDaysResult {
  const startDate = parseIsoDate(String(start ?? ""));
  if (startDate === null) {
    return { ok: false, message: `开始日期“${String(start)}”不是有效日期，应为 YYYY-MM-DD 格式。` };
  }
  if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS) {
    return { ok: false, message: `工作日天数“${String(days)}”无效，应为 ${-MAX_WORKING_DAYS} 到 ${MAX_WORKING_DAYS} 之间的整数。` };
  }
  const step = days >= 0 ? 1 : -1;
  let date = startDate;
  let remaining = Math.abs(days);
  while (remaining > 0) {
    date = addDays(date, step);
    const { year } = isoParts(date);
    if (!hasHolidayData(year)) {
      return {
        ok: false,
        message: `没有${year}年的法定节假日和调休数据，无法按工作日计算（从 ${startDate} 起 ${days} 个工作日）；已知年份为${knownHolidayYearsText()}。请更新节假日数据后再试。`,
      };
    }
    if (isOfficialWorkday(date)) remaining--;
  }
  return { ok: true, date };
}

export type WorkingDayCountResult = { ok: true; days: number } | { ok: false; message: string };

/** Longest span counted: ten years; more is surely a typing error. */
const MAX_SPAN_DAYS = 3700;

/**
 * Working days from `start` to `end`, both counted when they are working days (as Excel's
 * NETWORKDAYS); negative when `end` is before `start`. Every year on the way must have holiday data.
 */
export function countWorkingDays(start: IsoDate, end: IsoDate): WorkingDayCountResult {
  const from = parseIsoDate(String(start ?? ""));
  const to = parseIsoDate(String(end ?? ""));
  if (from === null) return { ok: false, message: `开始日期“${String(start)}”不是有效日期，应为 YYYY-MM-DD 格式。` };
  if (to === null) return { ok: false, message: `结束日期“${String(end)}”不是有效日期，应为 YYYY-MM-DD 格式。` };
  const sign = to >= from ? 1 : -1;
  const [first, last] = sign > 0 ? [from, to] : [to, from];
  const span = daysBetween(first, last);
  if (span > MAX_SPAN_DAYS) {
    return { ok: false, message: `开始日期与结束日期相隔${span}天，超过${MAX_SPAN_DAYS}天，请检查日期。` };
  }
  for (let year = isoParts(first).year; year <= isoParts(last).year; year++) {
    if (!hasHolidayData(year)) {
      return {
        ok: false,
        message: `没有${year}年的法定节假日和调休数据，无法按工作日计算（${first} 至 ${last}）；已知年份为${knownHolidayYearsText()}。`,
      };
    }
  }
  let count = 0;
  for (let date = first, i = 0; i <= span; i++, date = addDays(date, 1)) if (isOfficialWorkday(date)) count++;
  return { ok: true, days: sign * count };
}

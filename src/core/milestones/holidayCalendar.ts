/**
 * China's statutory holidays and make-up working days (调休), from the chinese-days package
 * (pure data + functions). The only module that imports it, so the rest of the core sees a small
 * typed surface and the package can be swapped without touching callers.
 */
import { getDayDetail } from "chinese-days";
import { isoParts, type IsoDate } from "../dates";

const coveredYears = new Map<number, boolean>();

/**
 * Whether the package has the State Council's holiday arrangement for this year. Every published
 * arrangement includes 元旦 on 1 January; a year without data reads 1 January as a plain weekday.
 */
export function hasHolidayData(year: number): boolean {
  let covered = coveredYears.get(year);
  if (covered === undefined) {
    covered = getDayDetail(new Date(year, 0, 1)).name.includes("元旦");
    coveredYears.set(year, covered);
  }
  return covered;
}

/** Working day under the official arrangement (make-up Saturdays/Sundays count, holidays do not). */
export function isOfficialWorkday(date: IsoDate): boolean {
  const { year, month, day } = isoParts(date);
  // A local-time Date: the package reads local calendar fields (its string parser uses UTC, which
  // shifts the day in time zones west of UTC).
  return getDayDetail(new Date(year, month - 1, day)).work;
}

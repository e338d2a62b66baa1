/**
 * China's statutory holidays and make-up working days (调休), from the chinese-days package
 * (pure data + functions). The only module that imports it, so the rest of the core sees a small
 * typed surface and the package can be swapped without touching callers.
 */
import { getDayDetail, getSolarDateFromLunar, getSolarTermDate } from "chinese-days";
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

/** The years with holiday data, found once: the package covers a run of consecutive years. */
let knownYears: { first: number; last: number } | null | undefined;

export function knownHolidayYears(): { first: number; last: number } | null {
  if (knownYears === undefined) {
    const covered: number[] = [];
    for (let year = 2000; year <= 2100; year++) if (hasHolidayData(year)) covered.push(year);
    knownYears = covered.length > 0 ? { first: covered[0], last: covered[covered.length - 1] } : null;
  }
  return knownYears;
}

/** "2004–2026年": the years the working-day functions can answer for. */
export function knownHolidayYearsText(): string {
  const years = knownHolidayYears();
  if (years === null) return "（无节假日数据）";
  return years.first === years.last ? `${years.first}年` : `${years.first}–${years.last}年`;
}

export type Festival = "元旦" | "春节" | "清明" | "五一" | "端午" | "中秋" | "国庆";

const festivalDates = new Map<string, IsoDate | null>();

/**
 * The day of a festival in a year (issue 9 §1): 元旦 1 Jan, 五一 1 May, 国庆 1 Oct; 春节, 端午 and 中秋
 * from the lunar calendar (正月初一, 五月初五, 八月十五); 清明 is the solar term. null when the
 * package cannot convert that year.
 */
export function festivalDate(festival: Festival, year: number): IsoDate | null {
  const key = `${festival}${year}`;
  if (festivalDates.has(key)) return festivalDates.get(key) ?? null;
  let date: IsoDate | null = null;
  try {
    switch (festival) {
      case "元旦":
        date = `${year}-01-01`;
        break;
      case "五一":
        date = `${year}-05-01`;
        break;
      case "国庆":
        date = `${year}-10-01`;
        break;
      case "清明":
        date = getSolarTermDate(year, 4, "pure_brightness");
        break;
      case "春节":
        date = getSolarDateFromLunar(`${year}-01-01`).date;
        break;
      case "端午":
        date = getSolarDateFromLunar(`${year}-05-05`).date;
        break;
      case "中秋":
        date = getSolarDateFromLunar(`${year}-08-15`).date;
        break;
    }
  } catch {
    date = null;
  }
  // Out of the lunar tables the package answers another year: that is no answer.
  if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date.slice(0, 4) !== String(year))) date = null;
  festivalDates.set(key, date);
  return date;
}

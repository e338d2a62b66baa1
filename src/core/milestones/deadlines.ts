/**
 * Reading deadline phrases inside one item (docs/design.md §4 "Milestones"; cells on source lines 26–143).
 *
 *   X月Y日(前)            -> that day ("X日前" includes day X)
 *   X月底 / X月末 / X月份 -> last day of X;  bare "X月" (e.g. "9月完成") likewise
 *   X月上旬/中旬/下旬      -> 10th / 20th / last day;  X月初 -> 10th (the first 旬)
 *   X月前                 -> last day of the month before X ("before September")
 *   上半年 -> 30 June;  下半年, 年底, 年末 -> 31 December;  第N季度(末) -> last day of the quarter
 *   "8-9月" / "8月至9月"   -> last day of the later month (source line 76)
 *   an explicit year ("2024年9月30日前") is used instead of the table's year
 *   a numeric date "2024-09-30", "2024/9/30", "2024.9.30" -> that day (typed dates, and date cells,
 *   which the CLI reads as ISO text)
 *
 * Not deadlines (source lines 45, 90, 107): a bare year ("2023年国家大练兵"), a year range
 * ("2022-2024年"), a baseline date ("以2024年11月30日…为基准"), a start ("自…起", "…以来"),
 * a period ("2023年12月至2024年11月期间"; a range across years, or followed by 期间/之间).
 *
 * The input is width-folded text (normalize.ts), so digits are ASCII here.
 */
import { isoDate, type IsoDate } from "../dates";
import { MONTH_OR_DAY as N, parseSmallNumber } from "./numerals";

export interface DeadlineHit {
  due: IsoDate;
  /** Position of the phrase in the text that was searched. */
  start: number;
  end: number;
}

const YEAR = "(?:(\\d{4})\\s*年\\s*)?";
const MONTH_PART = "(上旬|中旬|下旬|底|末|份|初)?";

// One precompiled pattern; alternatives are tried in this order at each position. The leading
// lookahead lets the engine skip most characters of running text at once.
const DEADLINE = new RegExp(
  "(?=[0-9一二三四五六七八九十上下年第])(?:" +
  [
    // 1 year, 2 month, 3 year, 4 month, 5 part: "8-9月", "8月至9月底", "2023年12月至2024年11月"
    `${YEAR}(${N})\\s*月?\\s*[-~—–至到]\\s*${YEAR}(${N})\\s*月${MONTH_PART}`,
    // 6 year, 7 month, 8 day, 9 part: "10月15日", "5月底", "6月中旬", "2024年9月30日"
    `${YEAR}(${N})\\s*月\\s*(?:(${N})\\s*[日号]|${MONTH_PART.slice(0, -1)})?`,
    // 10 year, 11 half: "上半年", "2024年下半年"
    `${YEAR}(上半年|下半年)`,
    // 12 year: "年底", "2024年末"
    `(?:(\\d{4})\\s*)?年(?:底|末)`,
    // 13 year, 14 quarter: "第三季度末"
    `${YEAR}第?([一二三四1-4])\\s*季度(?:末|底)?`,
    // 15 year, 16 month, 17 day: "2024-09-30", "2024/9/30", "2024.9.30"
    `(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d)`,
  ].join("|") +
    ")",
  "g",
);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Same as dates.lastDayOfMonth, without building a Date (this runs for every phrase). */
function lastDayOfMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Words just before a date that make it a baseline or a start, not a deadline. */
const NOT_DEADLINE_BEFORE = /(?:以|自|从|截至)\s*$/;
/** Words just after a date that make it a start, a baseline or a period. */
const NOT_DEADLINE_AFTER = /^\s*(?:起|以来|开始|期间|之间|为基准|为准|以后|之后|后)/;
/** "…日至…", "…月-…": the phrase is the start of a range. */
const RANGE_CONNECTOR = /^\s*[-~—–至到]\s*(?=[\d一二三四五六七八九十])/;
const BEFORE_THE_MONTH = /^\s*(?:前|之前|以前)/;

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function yearOf(text: string | undefined, defaultYear: number): number {
  return text === undefined ? defaultYear : Number(text);
}

function dayInMonth(year: number, month: number, part: string | undefined): number {
  switch (part) {
    case "上旬":
    case "初":
      return 10;
    case "中旬":
      return 20;
    default:
      return lastDayOfMonth(year, month);
  }
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

export function findDeadlines(text: string, defaultYear: number): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  // After a range start ("2023年12月1日至"), the year it was in and where its end phrase must begin.
  let rangeStartYear: number | null = null;
  let rangeEndAt = -1;

  DEADLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEADLINE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && /\d/.test(text[start - 1])) {
      // Inside a longer number ("12024年", "112月"): retry one character later.
      DEADLINE.lastIndex = start + 1;
      continue;
    }
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(end, end + 6);
    const isRangeEnd = start === rangeEndAt;
    const startYearOfRange = rangeStartYear;
    rangeStartYear = null;
    rangeEndAt = -1;
    if (NOT_DEADLINE_BEFORE.test(before) || NOT_DEADLINE_AFTER.test(after)) continue;

    let year: number;
    let due: IsoDate;
    if (m[2] !== undefined) {
      // A month range: due at the end of the later month, unless it spans years (a period).
      year = yearOf(m[1], defaultYear);
      const endYear = yearOf(m[3], year);
      const from = parseSmallNumber(m[2]);
      const to = parseSmallNumber(m[4]);
      if (endYear !== year || !validMonth(from) || !validMonth(to) || from >= to) continue;
      due = isoDate(year, to, dayInMonth(year, to, m[5]));
    } else if (m[7] !== undefined) {
      year = yearOf(m[6], defaultYear);
      const month = parseSmallNumber(m[7]);
      if (!validMonth(month)) continue;
      const connector = RANGE_CONNECTOR.exec(after);
      if (connector) {
        rangeStartYear = year;
        rangeEndAt = end + connector[0].length;
        continue;
      }
      if (isRangeEnd && startYearOfRange !== year) continue;
      if (m[8] !== undefined) {
        const day = parseSmallNumber(m[8]);
        if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) continue;
        due = isoDate(year, month, day);
      } else if (m[9] === undefined && BEFORE_THE_MONTH.test(after)) {
        due = month === 1 ? isoDate(year - 1, 12, 31) : isoDate(year, month - 1, lastDayOfMonth(year, month - 1));
      } else {
        due = isoDate(year, month, dayInMonth(year, month, m[9]));
      }
    } else if (m[15] !== undefined) {
      year = Number(m[15]);
      const month = Number(m[16]);
      const day = Number(m[17]);
      if (!validMonth(month) || day < 1 || day > lastDayOfMonth(year, month)) continue;
      const connector = RANGE_CONNECTOR.exec(after);
      if (connector) {
        rangeStartYear = year;
        rangeEndAt = end + connector[0].length;
        continue;
      }
      if (isRangeEnd && startYearOfRange !== year) continue;
      due = isoDate(year, month, day);
    } else if (m[11] !== undefined) {
      year = yearOf(m[10], defaultYear);
      due = m[11] === "上半年" ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
    } else if (m[14] !== undefined) {
      year = yearOf(m[13], defaultYear);
      const lastMonth = QUARTER[m[14]] * 3;
      due = isoDate(year, lastMonth, lastDayOfMonth(year, lastMonth));
    } else {
      year = yearOf(m[12], defaultYear);
      due = isoDate(year, 12, 31);
    }
    hits.push({ due, start, end });
  }
  return hits;
}

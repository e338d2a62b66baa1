/**
 * Reading deadline phrases inside one item (docs/design.md §4 "Milestones"; cells on source lines 26–143;
 * the office phrasings of issue 9 §1).
 *
 *   X月Y日(前) / X月Y号前  -> that day ("X日前" includes day X)
 *   X月底 / X月末 / X月份 -> last day of X;  bare "X月" (e.g. "9月完成") likewise
 *   X月上旬/中旬/下旬      -> 10th / 20th / last day;  X月初 -> 10th (the first 旬);  X月中 -> 15th
 *   X月前                 -> last day of the month before X ("before September")
 *   "9.30前" "9/30前" "9-30前" -> 30 September (month.day followed by 前; "9.完成…" stays a list number)
 *   上半年 -> 30 June;  下半年, 年底, 年末, 年内, 年前, 本年度, 全年 -> 31 December
 *   (第)一季度(末) … 四季度 -> last day of the quarter
 *   元旦前 -> 31 December (the 元旦 that ends the year);  春节前, 清明前, 五一前, 端午前, 中秋前,
 *   国庆(节)前 / 十一前 -> the day before that festival of the year (国庆前 = 30 September), dates from
 *   chinese-days;  "国庆节后" is relative (a start event, not a deadline)
 *   "8-9月" / "8月至9月"   -> last day of the later month (source line 76)
 *   "9月1日至9月30日" / "9月1日至30日" -> the later day
 *   an explicit year ("2024年9月30日前", "二〇二四年…") is used instead of the table's year;
 *   次年/明年/翌年X月 -> the next year, 去年 -> the year before, 今年/本年 -> the table's year
 *   a numeric date "2024-09-30", "2024/9/30", "2024.9.30" -> that day (typed dates, and date cells,
 *   which the CLI reads as ISO text)
 *
 * Not deadlines (source lines 45, 90, 107): a bare year ("2023年国家大练兵"), a year range
 * ("2022-2024年"), a baseline date ("以2024年11月30日…为基准"), a start ("自…起", "…以来"),
 * a period ("2023年12月至2024年11月期间"; a range across years, or followed by 期间/之间). These are
 * returned as `ignored` so that the caller does not call them unreadable.
 * Impossible dates ("13月底前", "9月31日前") are returned as `invalid`, with the reason in Chinese.
 *
 * The input is width-folded text (normalize.ts), so digits are ASCII here. Every quantifier over
 * blanks is bounded, so the cost stays linear in the text's length whatever the cell holds.
 */
import { isoDate, type IsoDate } from "../dates";
import { festivalDate, type Festival } from "./holidayCalendar";
import { MONTH_OR_DAY as N, parseSmallNumber } from "./numerals";
import { compileNamed } from "./pattern";

export interface Span {
  start: number;
  end: number;
}

export interface DeadlineHit extends Span {
  due: IsoDate;
}

export interface InvalidDeadline extends Span {
  /** What is impossible about it, in Chinese ("9月没有31日"). */
  reason: string;
}

export interface DeadlineScan {
  hits: DeadlineHit[];
  /** Date phrases read and deliberately not deadlines (baselines, starts, periods, "国庆节后"). */
  ignored: Span[];
  invalid: InvalidDeadline[];
  /** "国庆节后…": a festival as a start event. */
  afterFestival: { event: string; start: number; end: number }[];
  /**
   * Time words that promise a deadline but give none ("本月底前", "30日前" without a month, "重阳节前"),
   * found in the same pass; recurring ("每月底前") and relative ("7日内") ones are understood, not listed.
   */
  timeWords: Span[];
}

/** At most a few blanks between the parts of a phrase (bounded: no backtracking over long runs). */
const S = "\\s{0,3}";
const CN_YEAR = "[〇零一二三四五六七八九]{4}";

/** An optional year in front of a phrase; `g` makes the group names unique per alternative. */
function yearPrefix(g: string): string {
  return (
    `(?:(?<${g}Y>\\d{4}|${CN_YEAR})${S}年${S}` +
    `|(?<${g}Next>次年|明年|翌年|来年|下一年度?|下年度?)${S}` +
    `|(?<${g}Prev>去年|上一年度?|上年度?)${S}` +
    `|(?:今年|本年度?|当年)${S})?`
  );
}

function monthPart(g: string): string {
  // "中" alone is the 15th ("9月中"), but not the first character of 中央, 中国, 中心 …
  return `(?<${g}>上旬|中旬|下旬|底|末|份|初|中(?![央国心间部华共省级层期]))?`;
}

// One precompiled pattern, one pass per item; the year prefix is shared by the phrases that take
// one, so it is read once per position. (A leading lookahead of first characters was slower than
// the engine's own first-character check.)
/**
 * Time words that promise a deadline (tried last, so a readable phrase always wins): a number with a
 * unit and a deadline word ("30日前", "3个月内"), "月底/季末/周初", "本月/下周", "节前", "底前".
 * Bare years ("2023年国家大练兵") and counts ("6类") are not time words.
 */
const TIME_WORD = [
  `(?:\\d{1,4}|[〇零一二三四五六七八九十]{1,4})${S}(?:个${S})?(?:月|日|号|周|星期|季度|旬|年)${S}(?:上旬|中旬|下旬|底|末|初|中|份)?${S}(?:之|以)?(?:前|内|止)`,
  `(?:月|季度?|周|旬)${S}(?:底|末|初)(?:${S}(?:之|以)?前)?`,
  `(?:本|当|这|下|上)个?${S}(?:月|周|星期|季度)${S}(?:底|末|初|中)?${S}(?:之|以)?(?:前|内)?`,
  `节${S}(?:之|以)?前`,
  `(?:底|末)${S}(?:之|以)?前`,
].join("|");
/** A time word that is a relative length ("7日内", "3个月内"): understood by openEnded.ts. */
const RELATIVE_LENGTH = /^[\d〇零一二三四五六七八九十]{1,4}\s{0,3}个?\s{0,3}(?:日|天|月|周|星期|年)\s{0,3}(?:之|以)?内$/;
/** "每月底前", "逐月…": a recurring word just before. */
const RECURRING_BEFORE = /[每逐]个?\s{0,3}$/;
const DEADLINE_SOURCE =
  "(?:" +
    yearPrefix("p") +
    "(?:" +
    [
      // "8-9月", "8月至9月底", "2023年12月至2024年11月"
      `(?<raMonth>${N})${S}月?${S}[-~—–至到]${S}${yearPrefix("rb")}(?<rbMonth>${N})${S}月${monthPart("rbPart")}`,
      // "10月15日", "10月20号", "5月底", "6月中旬", "9月中", "2024年9月30日", "次年3月"
      `(?<month>${N})${S}月${S}(?:(?<day>${N})${S}[日号]|${monthPart("part").slice(0, -1)})?`,
      // "上半年", "2024年下半年"
      `(?<half>上半年|下半年)`,
      // "第三季度末", "一季度"
      `第?${S}(?<quarter>[一二三四1-4])${S}季度${S}(?:末|底)?`,
      // "国庆节前", "十一前", "春节后", "次年春节前"
      `(?<festival>元旦|春节|清明节?|五一|劳动节|端午节?|中秋节?|国庆节?|十一)${S}(?<when>前|之前|以前|后|之后|以后)`,
    ].join("|") +
    ")|" +
    [
      // "年底", "2024年末", "年内", "年前", "次年底"
      `(?:(?<endY>\\d{4})${S}|(?<endNext>次|明|翌|来)|(?<endPrev>去)|今|本|当)?年${S}(?<yearEnd>底|末|内|前)`,
      // "本年度(内)", "全年"
      `(?<wholeYear>(?:本|今|当)年度(?:内)?|全年(?:度)?)`,
      // "2024-09-30", "2024/9/30", "2024.9.30"
      `(?<isoY>\\d{4})${S}[-/.]${S}(?<isoM>\\d{1,2})${S}[-/.]${S}(?<isoD>\\d{1,2})(?!\\d)`,
      // "9.30前", "9/30前", "9-30前"
      `(?<mdMonth>\\d{1,2})${S}[./-]${S}(?<mdDay>\\d{1,2})(?!\\d)(?=${S}(?:前|之前|以前|止))`,
      `(?<timeWord>${TIME_WORD})`,
    ].join("|") +
    ")";

const GROUPS = [
  "pY", "pNext", "pPrev", "raMonth", "rbY", "rbNext", "rbPrev", "rbMonth", "rbPart", "month", "day", "part",
  "half", "quarter", "festival", "when", "endY", "endNext", "endPrev", "yearEnd", "wholeYear",
  "isoY", "isoM", "isoD", "mdMonth", "mdDay", "timeWord",
] as const;
/** Characters that can begin a phrase: the engine skips every other position at once. */
const FIRST = "(?=[0-9〇零一二三四五六七八九十第上下年次明翌来去今本当全元春清劳端中国月季周旬这节底末])";
const { regex: DEADLINE, group: G } = compileNamed(FIRST + DEADLINE_SOURCE, "g", GROUPS);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Same as dates.lastDayOfMonth, without building a Date (this runs for every phrase). */
function lastDayOfMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Words just before a date that make it a baseline or a start, not a deadline. */
function startsAfterBaselineWord(text: string, start: number): boolean {
  // "以", "自", "从", "截至", then at most three blanks: checked by character, no slice per phrase.
  let i = start - 1;
  for (let blanks = 0; i >= 0 && blanks < 3 && /\s/.test(text[i]); blanks++) i--;
  if (i < 0) return false;
  const ch = text[i];
  return ch === "以" || ch === "自" || ch === "从" || (ch === "至" && i > 0 && text[i - 1] === "截");
}
/** Words just after a date that make it a start, a baseline or a period. */
const NOT_DEADLINE_AFTER = /\s{0,3}(?:起|以来|开始|期间|之间|为基准|为准|以后|之后|后)/y;
/** "…日至…", "…月-…": the phrase is the start of a range. */
const RANGE_CONNECTOR = /\s{0,3}[-~—–至到]\s{0,3}(?=[\d一二三四五六七八九十])/y;
/** "9月1日至30日": the end of a range in the same month. */
const SAME_MONTH_END = new RegExp(`^(?<day>${N})${S}[日号]`);
const BEFORE_THE_MONTH = /\s{0,3}(?:前|之前|以前)/y;

/** Sticky patterns are tried at `at` in the whole text: no slice per phrase. */
function stickyTest(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

function stickyExec(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}
/** A count before 年 ("三年内", "多年前") makes it a length of time, not this year. */
const COUNT_BEFORE = /[\d〇零一二三四五六七八九十两几多数]$/;

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const CN_YEAR_DIGIT: Record<string, string> = {
  〇: "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
};
const FESTIVAL: Record<string, Festival> = {
  元旦: "元旦", 春节: "春节", 清明: "清明", 清明节: "清明", 五一: "五一", 劳动节: "五一",
  端午: "端午", 端午节: "端午", 中秋: "中秋", 中秋节: "中秋", 国庆: "国庆", 国庆节: "国庆", 十一: "国庆",
};


/** The year a prefix names: written out, next, previous, or the default. */
function prefixYear(written: string | undefined, next: string | undefined, prev: string | undefined, defaultYear: number): number {
  if (written !== undefined) {
    return Number(/^\d+$/.test(written) ? written : Array.from(written, (ch) => CN_YEAR_DIGIT[ch]).join(""));
  }
  if (next !== undefined) return defaultYear + 1;
  if (prev !== undefined) return defaultYear - 1;
  return defaultYear;
}

function dayInMonth(year: number, month: number, part: string | undefined): number {
  switch (part) {
    case "上旬":
    case "初":
      return 10;
    case "中":
      return 15;
    case "中旬":
      return 20;
    default:
      return lastDayOfMonth(year, month);
  }
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

function validDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= lastDayOfMonth(year, month);
}

function dayBefore(date: IsoDate): IsoDate {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  if (d > 1) return isoDate(y, m, d - 1);
  return m === 1 ? isoDate(y - 1, 12, 31) : isoDate(y, m - 1, lastDayOfMonth(y, m - 1));
}

export function scanDeadlines(text: string, defaultYear: number): DeadlineScan {
  const result: DeadlineScan = { hits: [], ignored: [], invalid: [], afterFestival: [], timeWords: [] };
  const { hits, ignored, invalid } = result;
  // After a range start ("2023年12月1日至"), the year it was in and where its end phrase must begin.
  let rangeStartYear: number | null = null;
  let rangeEndAt = -1;

  DEADLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEADLINE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0] === "") {
      DEADLINE.lastIndex = start + 1;
      continue;
    }
    const previous = start > 0 ? text[start - 1] : "";
    if (previous >= "0" && previous <= "9") {
      // Inside a longer number ("12024年", "112月"): retry one character later.
      DEADLINE.lastIndex = start + 1;
      continue;
    }
    if (m[G.timeWord] !== undefined) {
      if (RELATIVE_LENGTH.test(m[0]) || RECURRING_BEFORE.test(text.slice(Math.max(0, start - 4), start))) continue;
      // "本月" + "底前": one time word, one note.
      const last = result.timeWords[result.timeWords.length - 1];
      if (last && start <= last.end) last.end = end;
      else result.timeWords.push({ start, end });
      continue;
    }
    if ((m[G.yearEnd] !== undefined && m[0][0] === "年") || m[G.festival] === "十一") {
      // "三年内" is a length of time; "二十一前", "月十一前" are not 国庆.
      if (COUNT_BEFORE.test(previous) || (m[G.festival] === "十一" && previous === "月")) {
        DEADLINE.lastIndex = start + 1;
        continue;
      }
    }
    const isRangeEnd = start === rangeEndAt;
    const startYearOfRange = rangeStartYear;
    rangeStartYear = null;
    rangeEndAt = -1;
    if (m[G.festival] === undefined && (startsAfterBaselineWord(text, start) || stickyTest(NOT_DEADLINE_AFTER, text, end))) {
      ignored.push({ start, end });
      continue;
    }

    let due: IsoDate;
    if (m[G.raMonth] !== undefined) {
      // A month range: due at the end of the later month, unless it spans years (a period).
      const year = prefixYear(m[G.pY], m[G.pNext], m[G.pPrev], defaultYear);
      const endYear = m[G.rbY] !== undefined || m[G.rbNext] !== undefined || m[G.rbPrev] !== undefined ? prefixYear(m[G.rbY], m[G.rbNext], m[G.rbPrev], defaultYear) : year;
      const from = parseSmallNumber(m[G.raMonth]);
      const to = parseSmallNumber(m[G.rbMonth] as string);
      if (!validMonth(from) || !validMonth(to)) {
        invalid.push({ start, end, reason: `没有${validMonth(from) ? to : from}月` });
        continue;
      }
      if (endYear !== year || from >= to) {
        ignored.push({ start, end });
        continue;
      }
      due = isoDate(year, to, dayInMonth(year, to, m[G.rbPart]));
    } else if (m[G.month] !== undefined) {
      const year = prefixYear(m[G.pY], m[G.pNext], m[G.pPrev], defaultYear);
      const month = parseSmallNumber(m[G.month]);
      if (!validMonth(month)) {
        invalid.push({ start, end, reason: `没有${m[G.month]}月` });
        continue;
      }
      if (m[G.day] !== undefined && !validDay(year, month, parseSmallNumber(m[G.day]))) {
        invalid.push({ start, end, reason: `${month}月没有${m[G.day]}日` });
        continue;
      }
      const connector = stickyExec(RANGE_CONNECTOR, text, end);
      if (connector) {
        const endAt = end + connector[0].length;
        const sameMonth = m[G.day] !== undefined ? SAME_MONTH_END.exec(text.slice(endAt, endAt + 8)) : null;
        if (sameMonth && !/^\s{0,3}月/.test(text.slice(endAt + sameMonth[0].length - 1))) {
          // "9月1日至30日": the range ends on that day of the same month.
          const day = parseSmallNumber(sameMonth.groups!.day as string);
          const rangeEnd = endAt + sameMonth[0].length;
          DEADLINE.lastIndex = rangeEnd;
          if (!validDay(year, month, day)) {
            invalid.push({ start, end: rangeEnd, reason: `${month}月没有${sameMonth.groups!.day}日` });
            continue;
          }
          hits.push({ due: isoDate(year, month, day), start, end: rangeEnd });
          continue;
        }
        ignored.push({ start, end });
        rangeStartYear = year;
        rangeEndAt = endAt;
        continue;
      }
      if (isRangeEnd && startYearOfRange !== year) {
        ignored.push({ start, end });
        continue;
      }
      if (m[G.day] !== undefined) {
        due = isoDate(year, month, parseSmallNumber(m[G.day]));
      } else if (m[G.part] === undefined && stickyTest(BEFORE_THE_MONTH, text, end)) {
        due = month === 1 ? isoDate(year - 1, 12, 31) : isoDate(year, month - 1, lastDayOfMonth(year, month - 1));
      } else {
        due = isoDate(year, month, dayInMonth(year, month, m[G.part]));
      }
    } else if (m[G.isoY] !== undefined) {
      const year = Number(m[G.isoY]);
      const month = Number(m[G.isoM]);
      const day = Number(m[G.isoD]);
      if (!validMonth(month)) {
        invalid.push({ start, end, reason: `没有${month}月` });
        continue;
      }
      if (!validDay(year, month, day)) {
        invalid.push({ start, end, reason: `${year}年${month}月没有${day}日` });
        continue;
      }
      const connector = stickyExec(RANGE_CONNECTOR, text, end);
      if (connector) {
        ignored.push({ start, end });
        rangeStartYear = year;
        rangeEndAt = end + connector[0].length;
        continue;
      }
      if (isRangeEnd && startYearOfRange !== year) {
        ignored.push({ start, end });
        continue;
      }
      due = isoDate(year, month, day);
    } else if (m[G.mdMonth] !== undefined) {
      const month = Number(m[G.mdMonth]);
      const day = Number(m[G.mdDay]);
      if (!validMonth(month)) {
        invalid.push({ start, end, reason: `没有${month}月（“${m[0]}”按“月.日”读）` });
        continue;
      }
      if (!validDay(defaultYear, month, day)) {
        invalid.push({ start, end, reason: `${month}月没有${day}日（“${m[0]}”按“月.日”读）` });
        continue;
      }
      due = isoDate(defaultYear, month, day);
    } else if (m[G.half] !== undefined) {
      const year = prefixYear(m[G.pY], m[G.pNext], m[G.pPrev], defaultYear);
      due = m[G.half] === "上半年" ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
    } else if (m[G.quarter] !== undefined) {
      const year = prefixYear(m[G.pY], m[G.pNext], m[G.pPrev], defaultYear);
      const lastMonth = QUARTER[m[G.quarter]] * 3;
      due = isoDate(year, lastMonth, lastDayOfMonth(year, lastMonth));
    } else if (m[G.festival] !== undefined) {
      const year = prefixYear(m[G.pY], m[G.pNext], m[G.pPrev], defaultYear);
      const festival = FESTIVAL[m[G.festival]];
      if (m[G.when] !== undefined && m[G.when].endsWith("后")) {
        // "国庆节后": the festival is a start event; the item is relative (openEnded.ts).
        ignored.push({ start, end });
        result.afterFestival.push({ event: m[G.festival] === "十一" ? "国庆节" : m[G.festival], start, end });
        continue;
      }
      // 元旦 opens a year: "元旦前" in a year's plan is the end of that year.
      const day = festival === "元旦" ? festivalDate("元旦", year + 1) : festivalDate(festival, year);
      if (day === null) {
        invalid.push({ start, end, reason: `没有${year}年${festival}的日期数据` });
        continue;
      }
      due = dayBefore(day);
    } else if (m[G.wholeYear] !== undefined) {
      due = isoDate(defaultYear, 12, 31);
    } else {
      const year =
        m[G.endY] !== undefined ? Number(m[G.endY]) : m[G.endNext] !== undefined ? defaultYear + 1 : m[G.endPrev] !== undefined ? defaultYear - 1 : defaultYear;
      due = isoDate(year, 12, 31);
    }
    hits.push({ due, start, end });
  }
  return result;
}

/** The deadlines only (kept for callers that need no more). */
export function findDeadlines(text: string, defaultYear: number): DeadlineHit[] {
  return scanDeadlines(text, defaultYear).hits;
}

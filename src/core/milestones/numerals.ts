/**
 * Small numbers as written in deadlines: ASCII digits (after width folding) or Chinese numerals
 * up to 99 ("十月十五日前", "十二月底", "三十一日"). docs/design.md §4: they read the same as digits.
 */

const CN_DIGIT: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Regex source for a month or day number; used inside the precompiled deadline patterns. */
export const MONTH_OR_DAY = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";

/** Regex source for an amount of days ("7日内", "15个工作日内", "三十日内"). */
export const AMOUNT = "(?:\\d{1,3}|[一二三四五六七八九十]{1,3})";

/** Parses "15", "十五", "二十", "三十一", "十"; NaN for anything else ("十十", "一二三"). */
export function parseSmallNumber(token: string): number {
  const first = token.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    // ASCII digits, the common case: no regex, no allocation.
    let n = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      n = n * 10 + (c - 48);
    }
    return n;
  }
  const ten = token.indexOf("十");
  if (ten < 0) return token.length === 1 && CN_DIGIT[token] ? CN_DIGIT[token] : NaN;
  if (token.indexOf("十", ten + 1) >= 0) return NaN;
  const tensPart = token.slice(0, ten);
  const unitsPart = token.slice(ten + 1);
  if (tensPart.length > 1 || unitsPart.length > 1) return NaN;
  const tens = tensPart === "" ? 1 : CN_DIGIT[tensPart];
  const units = unitsPart === "" ? 0 : CN_DIGIT[unitsPart];
  if (tens === undefined || units === undefined) return NaN;
  return tens * 10 + units;
}

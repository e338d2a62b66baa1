/**
 * Splitting a 市级辅助成果 cell into its numbered items.
 *
 * Source lines 26–143 (攻坚 table, column 市级辅助成果) number items as "1." "1、" "1. " and
 * "（1）", separated by ASCII or full-width semicolons, "。 " or line breaks. A list number is only a
 * list number where an item can start (text start or after a separator), so "1.5月底前" is item 1
 * due end of May and "4.10月15日前" is item 4 (source lines 26, 52). Numbers must rise: a repeated
 * number with the same text is a page-break duplicate (source lines 75–76 repeat item 3) and is
 * dropped; any other non-rising number stays part of the previous item's text. Chinese numbering
 * "一、" "（一）" counts like "1、" "（1）" (issue 9 §1).
 */
import { parseSmallNumber } from "./numerals";
import { compileNamed } from "./pattern";

export interface ItemSpan {
  /** The item number as written ("1" for "（1）" or "①"); "" for text before the first number. */
  label: string;
  /** Where the item's own text starts (after its list number) and ends (exclusive). */
  start: number;
  end: number;
}

// sep: the separator before the number (none needed before a circled one); num: "1." / "1、";
// paren: "(1)" / "(一)"; circled: "①"; cn: "一、". Blanks are bounded ({0,3}) so that a long run of
// spaces costs one step per character, not one scan per character. "9.30前" is a date (month.day),
// not item 9: a number followed by "." and a day and 前 is left to deadlines.ts.
const { regex: ITEM_MARKER, group: M } = compileNamed(
  "(?<sep>^|[\\s;。:]|(?=[①-⑳]))[ ]{0,3}(?:" +
    "(?<num>\\d{1,2})[ ]{0,3}(?:、|\\.(?![ ]{0,3}\\d{1,2}(?!\\d)[ ]{0,3}(?:前|之前|以前|止)))" +
    "|\\([ ]{0,3}(?<paren>\\d{1,2}|[一二三四五六七八九十]{1,3})[ ]{0,3}\\)" +
    "|(?<circled>[①-⑳])" +
    "|(?<cn>[一二三四五六七八九十]{1,3})[ ]{0,3}、" +
    ")[ ]{0,3}",
  "g",
  ["sep", "num", "paren", "circled", "cn"],
);

const CIRCLED_ONE = "①".charCodeAt(0);

const LEADING_NOISE = " \t\n\r\u3000\u00a0;；,，。:：、";
const TRAILING_NOISE = " \t\n\r\u3000\u00a0;；,，:：、";

/** The text between start and end without surrounding blanks and separators (a final 。 stays). */
export function trimClause(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && LEADING_NOISE.indexOf(text[from]) >= 0) from++;
  while (to > from && TRAILING_NOISE.indexOf(text[to - 1]) >= 0) to--;
  return text.slice(from, to);
}

interface Marker {
  num: number;
  markerStart: number;
  contentStart: number;
  repeat: boolean;
}

/** `folded` is the width-folded cell text (see normalize.ts). */
export function splitItems(folded: string): ItemSpan[] {
  const accepted: Marker[] = [];
  ITEM_MARKER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ITEM_MARKER.exec(folded)) !== null) {
    const numText = match[M.num] ?? match[M.paren] ?? match[M.cn];
    const num = numText !== undefined ? parseSmallNumber(numText) : match[M.circled].charCodeAt(0) - CIRCLED_ONE + 1;
    const markerStart = match.index + match[M.sep].length;
    const contentStart = match.index + match[0].length;
    if (!(num >= 1)) continue;
    const last = accepted[accepted.length - 1];
    if (!last || num > last.num) accepted.push({ num, markerStart, contentStart, repeat: false });
    else if (num === last.num) accepted.push({ num, markerStart, contentStart, repeat: true });
  }

  if (accepted.length === 0) return [{ label: "1", start: 0, end: folded.length }];

  const spans: ItemSpan[] = [];
  if (trimClause(folded, 0, accepted[0].markerStart) !== "") {
    spans.push({ label: "", start: 0, end: accepted[0].markerStart });
  }
  for (let i = 0; i < accepted.length; i++) {
    const marker = accepted[i];
    const end = i + 1 < accepted.length ? accepted[i + 1].markerStart : folded.length;
    const previous = spans[spans.length - 1];
    if (marker.repeat && previous) {
      const sameText =
        trimClause(folded, marker.contentStart, end) === trimClause(folded, previous.start, previous.end);
      // A duplicate is dropped (previous keeps its end); a different text is a continuation.
      if (!sameText) previous.end = end;
      continue;
    }
    spans.push({ label: String(marker.num), start: marker.contentStart, end });
  }
  return spans;
}

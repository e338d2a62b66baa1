/**
 * Splitting a 市级辅助成果 cell into its numbered items.
 *
 * Source lines 26–143 (攻坚 table, column 市级辅助成果) number items as "1." "1、" "1. " and
 * "（1）", separated by ASCII or full-width semicolons, "。 " or line breaks. A list number is only a
 * list number where an item can start (text start or after a separator), so "1.5月底前" is item 1
 * due end of May and "4.10月15日前" is item 4 (source lines 26, 52). Numbers must rise: a repeated
 * number with the same text is a page-break duplicate (source lines 75–76 repeat item 3) and is
 * dropped; any other non-rising number stays part of the previous item's text.
 */

export interface ItemSpan {
  /** The item number as written ("1" for "（1）" or "①"); "" for text before the first number. */
  label: string;
  /** Where the item's own text starts (after its list number) and ends (exclusive). */
  start: number;
  end: number;
}

// Group 1: the separator before the number (none needed before a circled one); 2: "1." / "1、";
// 3: "(1)"; 4: "①".
const ITEM_MARKER = /(^|[\s;。:]|(?=[①-⑳]))[ ]*(?:(\d{1,2})[ ]*[.、]|\([ ]*(\d{1,2})[ ]*\)|([①-⑳]))[ ]*/g;

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
    const numText = match[2] ?? match[3];
    const num = numText !== undefined ? Number(numText) : match[4].charCodeAt(0) - CIRCLED_ONE + 1;
    const markerStart = match.index + match[1].length;
    const contentStart = match.index + match[0].length;
    if (num < 1) continue;
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

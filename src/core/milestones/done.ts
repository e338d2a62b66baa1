/**
 * The 已完成节点 column (docs/design.md §4): milestone labels done, as staff type them — "1,2,4a",
 * "1，2、4a", "1 2 4a", "1;2", a bare number (a cell holding 3 arrives as "3"), "1-3" for 1 to 3.
 * Anything else in the cell is ignored, never an error, and never removed when a label is added.
 */
import { foldWidth } from "./normalize";

const SEPARATORS = /[\s,;:、/|]+/;
const LABEL = /^(\d{1,3})([a-z]{0,2})$/;
const NUMBER_RANGE = /^(\d{1,3})[-~～—](\d{1,3})$/;
const MAX_RANGE = 50;
const FIRST_SEPARATOR = /[,，、;；]|\s+/;

function tokens(text: string): string[] {
  return foldWidth(String(text ?? ""))
    .replace(/[.。]+$/, "")
    .split(SEPARATORS)
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== "");
}

/** Normalises one label as the parser writes it: "4A" -> "4a", "03" -> "3"; null when not a label. */
function normaliseLabel(token: string): string | null {
  const match = LABEL.exec(token);
  if (!match) return null;
  const num = Number(match[1]);
  return num === 0 && match[2] === "" ? "0" : `${num}${match[2]}`;
}

export function parseDoneList(text: string): Set<string> {
  const done = new Set<string>();
  for (const token of tokens(text)) {
    const label = normaliseLabel(token);
    if (label !== null) {
      done.add(label);
      continue;
    }
    const range = NUMBER_RANGE.exec(token);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < to && to - from <= MAX_RANGE) for (let n = from; n <= to; n++) done.add(String(n));
      continue;
    }
    // "3.0": a number that went through a float formatter.
    if (/^\d{1,3}\.0+$/.test(token)) done.add(String(Number(token)));
  }
  return done;
}

/** Done when the label itself is listed, or its item number is ("1" covers "1a" and "1b"). */
export function isMilestoneDone(label: string, done: Set<string>): boolean {
  if (done.has(label)) return true;
  const item = /^(\d+)[a-z]+\d*$/.exec(label);
  return item !== null && done.has(item[1]);
}

/**
 * Appends a label to the column's text, keeping everything already there and its separator style.
 * A label already covered (listed, or its item is) returns the text unchanged.
 */
export function addDoneLabel(existing: string, label: string): string {
  const current = String(existing ?? "");
  const wanted = normaliseLabel(foldWidth(String(label).trim()).toLowerCase()) ?? String(label).trim();
  if (wanted === "" || isMilestoneDone(wanted, parseDoneList(current))) return current;
  const body = current.replace(/[\s,，、;；]+$/, "");
  if (body === "") return wanted;
  const separator = FIRST_SEPARATOR.exec(body)?.[0] ?? ",";
  return `${body}${/^\s+$/.test(separator) ? " " : separator}${wanted}`;
}

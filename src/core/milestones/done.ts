/**
 * The 已完成节点 column (docs/design.md §4): milestone labels done, as staff type them — "1,2,4a",
 * "1，2、4a", "1 2 4a", "1;2", a bare number (a cell holding 3 arrives as "3"), "1-3" for 1 to 3,
 * "第1项" / "第1个节点" / "节点1", and 全部/已完成/完成/√ for every milestone of the row (issue 9 §2).
 * A token that names nothing is reported by readDoneList (the scan makes it a problem naming the
 * cell); the readable part still counts. Nothing is removed when a label is added.
 */
import { foldWidth } from "./normalize";

// "." too: labels never hold one ("1.2" is 1 and 2), once numbers from a float formatter ("3.0") are read.
const SEPARATORS = /[\s,;:、/|.。]+/;
const FLOAT_NUMBER = /(^|[^\d.])(\d{1,3})\.0+(?![\d.])/g;
/** The label every milestone of the row matches ("全部", "已完成", "√"). */
export const ALL_DONE = "*";
const ALL_WORDS = /^(?:全部|全部完成|已全部完成|全部已完成|已完成|完成|已办结|办结|√|✓|✔|☑)$/;
/** "已完成:1,2" / "完成1、2": the word before the labels is not a token of its own. */
const DONE_PREFIX = /^\s{0,3}(?:已完成|完成)\s{0,3}[:：]?\s{0,3}(?=[\d０-９第节])/;
/** "第1项", "第1个节点", "第2节点", "节点3", "第4a项". */
const WORDED_LABEL = /^(?:第(\d{1,3}[a-z]{0,2})(?:个)?(?:项|个|节点|条)?|节点(\d{1,3}[a-z]{0,2})|(\d{1,3}[a-z]{0,2})(?:项|个节点|节点|条))$/;
const LABEL = /^(\d{1,3})([a-z]{0,2})$/;
const NUMBER_RANGE = /^(\d{1,3})[-~～—](\d{1,3})$/;
const MAX_RANGE = 50;
const FIRST_SEPARATOR = /[,，、;；]|\s+/;

function tokens(text: string): string[] {
  return foldWidth(String(text ?? ""))
    .replace(DONE_PREFIX, "")
    .replace(FLOAT_NUMBER, "$1$2")
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

export interface DoneReading {
  done: Set<string>;
  /** Tokens that name no label, as written ("abc", "9-2"). */
  unreadable: string[];
  /** Labels the row does not have (when its labels were given): "9" where it has 1–3. */
  unknown: string[];
}

/** Reads one token into `done`; false when it names nothing. */
function readToken(token: string): string[] | null {
  if (ALL_WORDS.test(token)) return [ALL_DONE];
  const label = normaliseLabel(token);
  if (label !== null) return [label];
  const worded = WORDED_LABEL.exec(token);
  if (worded) return [normaliseLabel(worded[1] ?? worded[2] ?? worded[3]) as string];
  const range = NUMBER_RANGE.exec(token);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (!(from < to && to - from <= MAX_RANGE)) return null;
    const labels: string[] = [];
    for (let n = from; n <= to; n++) labels.push(String(n));
    return labels;
  }
  // "3.0": a number that went through a float formatter.
  if (/^\d{1,3}\.0+$/.test(token)) return [String(Number(token))];
  return null;
}

/** Whether the row has a milestone this done label covers ("1" covers "1a"). */
function labelExists(label: string, labels: readonly string[]): boolean {
  if (label === ALL_DONE) return true;
  return labels.some((l) => l === label || (/^\d+$/.test(label) && new RegExp(`^${label}[a-z]`).test(l)));
}

/**
 * The 已完成节点 cell read in full: the labels done, and what in it names nothing. With `labels`
 * (the row's milestone labels), labels the row does not have are listed in `unknown` (they still
 * count, harmlessly: nothing carries them).
 */
export function readDoneList(text: string, labels?: readonly string[]): DoneReading {
  const done = new Set<string>();
  const unreadable: string[] = [];
  const unknown: string[] = [];
  const whole = foldWidth(String(text ?? "")).trim().replace(/[.。!！]+$/, "");
  if (ALL_WORDS.test(whole)) {
    done.add(ALL_DONE);
    return { done, unreadable, unknown };
  }
  for (const token of tokens(text)) {
    const read = readToken(token);
    if (read === null) {
      unreadable.push(token);
      continue;
    }
    for (const label of read) {
      done.add(label);
      if (labels && !labelExists(label, labels) && !unknown.includes(label)) unknown.push(label);
    }
  }
  return { done, unreadable, unknown };
}

export function parseDoneList(text: string): Set<string> {
  return readDoneList(text).done;
}

/** Done when the label itself is listed, or its item number is ("1" covers "1a" and "1b"). */
export function isMilestoneDone(label: string, done: Set<string>): boolean {
  if (done.has(label) || done.has(ALL_DONE)) return true;
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

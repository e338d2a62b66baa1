/**
 * parseMilestones / readMilestones: one 市级辅助成果 cell -> its milestones (DESIGN §4 "Milestones"),
 * and what in it could not be read (issue 9 §2).
 *
 * Each numbered item (items.ts) gives one milestone per distinct deadline in it (deadlines.ts).
 * One deadline keeps the item's number ("2"); several get letters in reading order ("1a", "1b"),
 * e.g. "1.8月30日前,完成…;9月30日前完成…" (source line 32), "1.6月底和9月底前,…" (line 120),
 * "4.以上稿件9月30日前完成,10月15日前,…" (line 52). An item without a deadline is recurring,
 * relative or undated (openEnded.ts). Text before the first number becomes item "0" only when it
 * holds a deadline, a recurring or a relative clause; otherwise it is a heading and ignored.
 *
 * Notes: an impossible date ("13月底前", "9月31日前"), or a time word that gives no deadline
 * ("本月底前", "30日前" without a month), is a note with its clause. Plain undated work
 * ("强化案卷质量管控") is not. A relative item whose clause writes its start ("自2024年9月1日起
 * 15个工作日内") gets its due date; otherwise it says what it needs (relative.ts).
 */
import type { Milestone, MilestoneNote, MilestoneReading } from "./types";
import { cleanCellText, foldWidth } from "./normalize";
import { splitItems, trimClause, type ItemSpan } from "./items";
import { scanDeadlines, type DeadlineHit, type Span } from "./deadlines";
import { classifyOpenEnded, openEndedSpans } from "./openEnded";
import { startNeeded, withStartDate } from "./relative";

const CLAUSE_SEPARATOR = /[;,。\n]/;

/**
 * Time words that promise a deadline: a number with a unit and a deadline word ("30日前", "13月底前"),
 * "月底/季末/年初", "本月/下周", "节前", "底前". Bare years ("2023年国家大练兵") and counts ("6类") are
 * not time words. Bounded blanks keep it linear.
 */
const TIME_WORD = new RegExp(
  [
    "(?:\\d{1,4}|[〇零一二三四五六七八九十]{1,4})\\s{0,3}(?:个\\s{0,3})?(?:月|日|号|周|星期|季度|旬|年)\\s{0,3}(?:上旬|中旬|下旬|底|末|初|中|份)?\\s{0,3}(?:之|以)?(?:前|内|止)",
    "(?:月|季度?|周|旬)\\s{0,3}(?:底|末|初)",
    "(?:本|当|这|下|上)个?\\s{0,3}(?:月|周|星期|季度)\\s{0,3}(?:底|末|初|中)?\\s{0,3}(?:之|以)?(?:前|内)?",
    "节\\s{0,3}(?:之|以)?前",
    "(?:底|末)\\s{0,3}(?:之|以)?前",
  ].join("|"),
  "g",
);

/** Where the clause containing `position` starts: after the nearest separator before it. */
function clauseStart(folded: string, from: number, position: number): number {
  for (let i = position - 1; i >= from; i--) if (CLAUSE_SEPARATOR.test(folded[i])) return i + 1;
  return from;
}

function clauseEnd(folded: string, position: number, to: number): number {
  for (let i = position; i < to; i++) if (CLAUSE_SEPARATOR.test(folded[i])) return i;
  return to;
}

/** The clause as written around [start, end) of an item; at most a line's worth. */
function clauseAround(written: string, folded: string, item: ItemSpan, start: number, end: number): string {
  const from = Math.max(clauseStart(folded, item.start, item.start + start), item.start + start - 60);
  const to = Math.min(clauseEnd(folded, item.start + end, item.end), item.start + end + 60);
  return trimClause(written, from, to);
}

function letter(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `z${index - 25}`;
}

function datedMilestones(label: string, written: string, folded: string, item: ItemSpan, hits: DeadlineHit[]): Milestone[] {
  // One deadline per distinct date, in reading order.
  const distinct: DeadlineHit[] = [];
  for (const hit of hits) if (!distinct.some((d) => d.due === hit.due)) distinct.push(hit);

  if (distinct.length === 1) {
    return [{ label, text: trimClause(written, item.start, item.end), due: distinct[0].due, kind: "date" }];
  }
  // Deadlines in the same clause ("6月底和9月底前") share its text; otherwise each clause runs
  // from its own start to the start of the next dated clause.
  const starts = distinct.map((hit, i) =>
    i === 0 ? item.start : clauseStart(folded, item.start, item.start + hit.start),
  );
  return distinct.map((hit, i) => {
    let next = i + 1;
    while (next < starts.length && starts[next] === starts[i]) next++;
    const to = next < starts.length ? starts[next] : item.end;
    return { label: label + letter(i), text: trimClause(written, starts[i], to), due: hit.due, kind: "date" as const };
  });
}

function overlaps(a: Span, spans: readonly Span[]): boolean {
  for (const b of spans) if (a.start < b.end && a.end > b.start) return true;
  return false;
}

/** Time words of the item that no phrase it read explains. */
function unexplainedTimeWords(itemFolded: string, understood: Span[]): Span[] {
  const out: Span[] = [];
  TIME_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME_WORD.exec(itemFolded)) !== null) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, understood)) continue;
    // "本月" + "底前": one time word, one note.
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = span.end;
    else out.push(span);
  }
  return out;
}

export function readMilestones(text: string, year: number): MilestoneReading {
  const written = cleanCellText(String(text ?? ""));
  const milestones: Milestone[] = [];
  const notes: MilestoneNote[] = [];
  if (written.trim() === "") return { milestones, notes };
  const folded = foldWidth(written);
  for (const item of splitItems(folded)) {
    const itemFolded = folded.slice(item.start, item.end);
    const itemWritten = written.slice(item.start, item.end);
    const scan = scanDeadlines(itemFolded, year);
    const isPreamble = item.label === "";
    const label = isPreamble ? "0" : item.label;
    const note = (span: Span, reason: string) =>
      notes.push({ label, clause: clauseAround(written, folded, item, span.start, span.end), reason });
    for (const bad of scan.invalid) {
      note(bad, `“${itemWritten.slice(bad.start, bad.end).trim()}”不是有效日期：${bad.reason}`);
    }
    const understood: Span[] = [...scan.hits, ...scan.ignored, ...scan.invalid];

    if (scan.hits.length > 0) {
      milestones.push(...datedMilestones(label, written, folded, item, scan.hits));
      understood.push(...openEndedSpans(itemFolded));
      for (const span of unexplainedTimeWords(itemFolded, understood)) {
        note(span, `有时间词“${itemWritten.slice(span.start, span.end).trim()}”，但读不出截止日期`);
      }
      continue;
    }
    const itemText = trimClause(written, item.start, item.end);
    if (itemText === "") continue;
    const openEnded = classifyOpenEnded(itemFolded, itemWritten);
    let milestone: Milestone = { label, text: itemText, due: null, kind: openEnded.kind };
    if (openEnded.relative) {
      milestone.relative = openEnded.relative;
    } else if (openEnded.kind === "undated" && scan.afterFestival.length > 0) {
      // "国庆节后完成…": after the festival, with no length given.
      milestone = { ...milestone, kind: "relative", relative: { amount: 0, unit: "day", after: scan.afterFestival[0].event } };
    }
    if (milestone.kind === "relative" && milestone.relative) {
      // A start written in the clause ("自2024年9月1日起15个工作日内") gives the due date.
      const start = milestone.relative.after !== "" ? scanDeadlines(foldWidth(milestone.relative.after), year).hits[0] : undefined;
      milestone = start ? withStartDate(milestone, start.due, "节点文字") : milestone;
      if (milestone.due === null && milestone.needs === undefined) milestone.needs = startNeeded(milestone.relative!);
    }
    if (milestone.kind === "undated") {
      for (const span of unexplainedTimeWords(itemFolded, understood)) {
        note(span, `有时间词“${itemWritten.slice(span.start, span.end).trim()}”，但读不出截止日期`);
      }
    }
    if (isPreamble && milestone.kind === "undated") continue;
    milestones.push(milestone);
  }
  return { milestones, notes };
}

export function parseMilestones(text: string, year: number): Milestone[] {
  return readMilestones(text, year).milestones;
}

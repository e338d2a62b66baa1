/**
 * parseMilestones / readMilestones: one 市级辅助成果 cell -> its milestones (docs/design.md §4 "Milestones"),
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
import { classifyOpenEnded } from "./openEnded";
import { startNeeded, withStartDate } from "./relative";

const CLAUSE_SEPARATOR = /[;,。\n]/;

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

function pushNote(notes: MilestoneNote[], label: string, written: string, folded: string, item: ItemSpan, span: Span, reason: string): void {
  notes.push({ label, clause: clauseAround(written, folded, item, span.start, span.end), reason });
}

function noteTimeWords(notes: MilestoneNote[], label: string, written: string, folded: string, item: ItemSpan, spans: Span[]): void {
  for (const span of spans) {
    const words = written.slice(item.start + span.start, item.start + span.end).trim();
    pushNote(notes, label, written, folded, item, span, `有时间词“${words}”，但读不出截止日期`);
  }
}

/**
 * Readings of cells already read, by year and text. Workbooks repeat cells (merged areas, page
 * copies, the same 市级辅助成果 in several tables), and the volatile custom functions re-read every
 * cell on every recalculation; the reading is a pure function of (text, year), so it is kept.
 * Bounded in entries and in text length, so memory stays small; callers get copies.
 */
const CACHE_LIMIT = 5000;
const CACHEABLE_LENGTH = 4000;
const cache = new Map<string, MilestoneReading>();

function copyReading(reading: MilestoneReading): MilestoneReading {
  return {
    milestones: reading.milestones.map((m) => (m.relative ? { ...m, relative: { ...m.relative } } : { ...m })),
    notes: reading.notes.map((n) => ({ ...n })),
  };
}

export function readMilestones(text: string, year: number): MilestoneReading {
  const raw = String(text ?? "");
  if (raw.length > CACHEABLE_LENGTH) return readMilestonesUncached(raw, year);
  const key = `${year}|${raw}`;
  let reading = cache.get(key);
  if (reading === undefined) {
    reading = readMilestonesUncached(raw, year);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, reading);
  }
  return copyReading(reading);
}

/** The reading itself, without the cache (the bench measures both). */
export function readMilestonesUncached(text: string, year: number): MilestoneReading {
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
    for (const bad of scan.invalid) {
      const words = itemWritten.slice(bad.start, bad.end).trim();
      pushNote(notes, label, written, folded, item, bad, `“${words}”不是有效日期：${bad.reason}`);
    }
    const timeWords = scan.timeWords;

    if (scan.hits.length > 0) {
      milestones.push(...datedMilestones(label, written, folded, item, scan.hits));
      if (timeWords.length > 0) noteTimeWords(notes, label, written, folded, item, timeWords);
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
    if (milestone.kind === "undated" && timeWords.length > 0) noteTimeWords(notes, label, written, folded, item, timeWords);
    if (isPreamble && milestone.kind === "undated") continue;
    milestones.push(milestone);
  }
  return { milestones, notes };
}

export function parseMilestones(text: string, year: number): Milestone[] {
  return readMilestones(text, year).milestones;
}

/**
 * parseMilestones: one 市级辅助成果 cell -> its milestones (docs/design.md §4 "Milestones").
 *
 * Each numbered item (items.ts) gives one milestone per distinct deadline in it (deadlines.ts).
 * One deadline keeps the item's number ("2"); several get letters in reading order ("1a", "1b"),
 * e.g. "1.8月30日前,完成…;9月30日前完成…" (source line 32), "1.6月底和9月底前,…" (line 120),
 * "4.以上稿件9月30日前完成,10月15日前,…" (line 52). An item without a deadline is recurring,
 * relative or undated (openEnded.ts). Text before the first number becomes item "0" only when it
 * holds a deadline, a recurring or a relative clause; otherwise it is a heading and ignored.
 */
import type { Milestone } from "./types";
import { cleanCellText, foldWidth } from "./normalize";
import { splitItems, trimClause, type ItemSpan } from "./items";
import { findDeadlines, type DeadlineHit } from "./deadlines";
import { classifyOpenEnded } from "./openEnded";

const CLAUSE_SEPARATOR = /[;,。\n]/;

/** Where the clause containing `position` starts: after the nearest separator before it. */
function clauseStart(folded: string, from: number, position: number): number {
  for (let i = position - 1; i >= from; i--) if (CLAUSE_SEPARATOR.test(folded[i])) return i + 1;
  return from;
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

export function parseMilestones(text: string, year: number): Milestone[] {
  const written = cleanCellText(String(text ?? ""));
  if (written.trim() === "") return [];
  const folded = foldWidth(written);
  const milestones: Milestone[] = [];
  for (const item of splitItems(folded)) {
    const itemFolded = folded.slice(item.start, item.end);
    const hits = findDeadlines(itemFolded, year);
    const isPreamble = item.label === "";
    const label = isPreamble ? "0" : item.label;
    if (hits.length > 0) {
      milestones.push(...datedMilestones(label, written, folded, item, hits));
      continue;
    }
    const itemText = trimClause(written, item.start, item.end);
    if (itemText === "") continue;
    const openEnded = classifyOpenEnded(itemFolded, written.slice(item.start, item.end));
    if (isPreamble && openEnded.kind === "undated") continue;
    const milestone: Milestone = { label, text: itemText, due: null, kind: openEnded.kind };
    if (openEnded.relative) milestone.relative = openEnded.relative;
    milestones.push(milestone);
  }
  return milestones;
}

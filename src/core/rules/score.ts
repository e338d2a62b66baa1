/**
 * scoreItem: coerce the raw cells, run the item's scorer, and hold the docs/design.md §4 guarantees in one
 * place: 4 decimals; a score or bonus within [0, 分值] (or the entry's ceiling, 攻坚42); a deduction
 * within [−cap, 0]; a veto as a veto.
 */
import { InputError } from "../scoring/errors";
import { round4 } from "../scoring/round";
import { entryOf, renamedNote } from "./catalog";
import { coerceInputs } from "./coerce";
import { VETO } from "./define";
import type { RawInput, RuleItem, ScoreOutcome } from "./types";

export const VETO_TEXT = "否决";
const VETO_OUTCOME: ScoreOutcome = Object.freeze({ kind: "veto", text: VETO_TEXT }) as ScoreOutcome;

function failed(item: RuleItem, message: string): ScoreOutcome {
  // An id whose meaning changed in this release says so next to the error (个人-3.2).
  const note = renamedNote(item.id);
  return { kind: "error", message: note ? `${message}（${note}）` : message };
}

export function scoreItem(item: RuleItem, inputs: readonly RawInput[]): ScoreOutcome {
  const entry = entryOf(item);
  if (!entry) return { kind: "error", message: `没有序号为${item?.id}的评审项目` };
  const values = coerceInputs(entry.item, inputs);
  if (typeof values === "string") return failed(entry.item, values);
  let raw: number | typeof VETO;
  try {
    raw = entry.score(values);
  } catch (e) {
    if (e instanceof InputError) return failed(entry.item, e.message);
    throw e;
  }
  if (raw === VETO) return VETO_OUTCOME;
  const cap = entry.item.maxPoints;
  let points = raw;
  if (entry.item.type === "deduction") {
    if (points > 0) points = 0;
    if (points < -cap) points = -cap;
  } else {
    const ceiling = entry.ceiling ?? cap;
    if (points < 0) points = 0;
    if (points > ceiling) points = ceiling;
  }
  return { kind: "points", points: round4(points) };
}

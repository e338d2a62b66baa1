/**
 * Building blocks for the catalog files: input specs, the scorer signature and the catalog entry
 * that pairs an item (plain data, the contract's RuleItem) with the code that scores it.
 */
import type { InputSpec, RuleItem } from "./types";

/** An input after coercion: a number (flags are 1/0), null when an optional cell is empty, or the
 *  twelve monthly cells (null for an empty month). */
export type Coerced = number | null | (number | null)[];

/** Returned by a veto item's scorer when the veto applies. */
export const VETO = Symbol("veto");
export type Scorer = (values: Coerced[]) => number | typeof VETO;

/** A check of the points written in a 攻坚任务 cell against the catalog (docs/design.md §4 cases). */
export type DiscrepancyProbe = (taskText: string) => string | null;

export interface CatalogEntry {
  item: RuleItem;
  score: Scorer;
  probe?: DiscrepancyProbe;
  /**
   * The most a score item can give when another item's 分值 moves into it (攻坚42 reaches 20 when
   * the candidate is not in the remote rounds, line 215); its 分值 (maxPoints) stays the printed one.
   */
  ceiling?: number;
  /**
   * A "该项不得分" clause (攻坚44, 基准8.3): a deduction that empties its heading (this name) by
   * taking back the scores its scoreOf inputs carry; not a veto (docs/design.md §4).
   */
  forfeits?: string;
}

export type EntrySpec = Omit<RuleItem, "set"> & {
  score: Scorer;
  probe?: DiscrepancyProbe;
  ceiling?: number;
  forfeits?: string;
};

export function entry(set: RuleItem["set"], spec: EntrySpec): CatalogEntry {
  const { score, probe, ceiling, forfeits, ...rest } = spec;
  const item: RuleItem = { ...rest, set };
  const out: CatalogEntry = { item, score };
  if (probe) out.probe = probe;
  if (ceiling !== undefined) out.ceiling = ceiling;
  if (forfeits !== undefined) out.forfeits = forfeits;
  return out;
}

// ---- input specs -------------------------------------------------------------------------------

export const ratio = (name: string, optional?: boolean): InputSpec =>
  optional ? { name, kind: "ratio", unit: "%", min: 0, max: 1, optional } : { name, kind: "ratio", unit: "%", min: 0, max: 1 };
export const count = (name: string, unit: string, max?: number): InputSpec =>
  max === undefined ? { name, kind: "count", unit, min: 0 } : { name, kind: "count", unit, min: 0, max };
/** A whole number ≥ 1, e.g. a 基准案件数 that is divided by. */
export const positiveCount = (name: string, unit: string): InputSpec => ({ name, kind: "count", unit, min: 1 });
export const rank = (name: string): InputSpec => ({ name, kind: "rank", unit: "名", min: 1 });
export const flag = (name: string, optional?: boolean): InputSpec =>
  optional ? { name, kind: "flag", unit: "是/否", optional } : { name, kind: "flag", unit: "是/否" };
export const points = (name: string, max: number, optional?: boolean): InputSpec =>
  optional ? { name, kind: "points", unit: "分", min: 0, max, optional } : { name, kind: "points", unit: "分", min: 0, max };
/** Earned points of other items (ids in the same set), passed by reference by the 评分表. */
export const scoreOf = (name: string, max: number, ids: string[]): InputSpec => ({
  name,
  kind: "points",
  unit: "分",
  min: 0,
  max,
  optional: true,
  scoreOf: ids,
});
/** A 0–max score that may also be the word `word` ("未纳入"), which coerces to null. */
export const pointsOrWord = (name: string, max: number, word: string): InputSpec => ({
  name,
  kind: "points",
  unit: "分",
  min: 0,
  max,
  orText: word,
});
/** Twelve months (2023年12月 … 2024年11月) as one range; min/max bound each month's value. */
export const months = (name: string, unit: string, max?: number): InputSpec =>
  max === undefined ? { name, kind: "monthly", unit, min: 0 } : { name, kind: "monthly", unit, min: 0, max };

// ---- small scoring helpers used by the scorers (numbers only: no allocation) --------------------

export const num = (v: Coerced): number => (typeof v === "number" ? v : 0);
export const min = Math.min;
export const max = Math.max;

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
}

export type EntrySpec = Omit<RuleItem, "set"> & { score: Scorer; probe?: DiscrepancyProbe };

export function entry(set: RuleItem["set"], spec: EntrySpec): CatalogEntry {
  const { score, probe, ...rest } = spec;
  const item: RuleItem = { ...rest, set };
  return probe ? { item, score, probe } : { item, score };
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
/** Twelve months (2023年12月 … 2024年11月) as one range; min/max bound each month's value. */
export const months = (name: string, unit: string, max?: number): InputSpec =>
  max === undefined ? { name, kind: "monthly", unit, min: 0 } : { name, kind: "monthly", unit, min: 0, max };

// ---- small scoring helpers used by the scorers (numbers only: no allocation) --------------------

export const num = (v: Coerced): number => (typeof v === "number" ? v : 0);
export const min = Math.min;
export const max = Math.max;

/**
 * Totals of one rule set from its item scores (issue 7 §2): subtotals per 一级指标, bonus, veto and
 * total, as the 评分表 and `dalianbing score` show them. One implementation for every shell.
 *
 * - A score or deduction counts in its 一级指标's subtotal; a bonus (加分项) sits on top of 100 and
 *   the bonus sum is capped at the 附件's bonus maximum (攻坚 3分, line 218).
 * - A 分解表自设项 (outsideProvince, 攻坚21) is reported apart and counted nowhere (docs/design.md §4).
 * - A deduction whose inputs name scoreOf items ("扣完该项分值为止" 攻坚13 …, "该项不得分" 攻坚44,
 *   基准8.3) never takes more than those items earned, whatever the sheet says: no heading goes
 *   below 0. When one of those items has no score, the floor is the deduction's cap (its heading's 分值).
 * - Only a veto item answering 否决 (取消参评资格: 攻坚51, 基准11, 个人5) turns the total into 否决;
 *   the subtotals are still given.
 */
import { round4 } from "../scoring/round";
import { entryOf, LEVEL1_TOTALS, RULE_SETS } from "./catalog";
import { VETO_TEXT } from "./score";
import type { RuleItem, RuleSetId } from "./types";

/** One item's score as read or computed: points, 否决, or null (not filled, or an input error). */
export type ItemScore = number | typeof VETO_TEXT | null;

export interface SetTotals {
  set: RuleSetId;
  /** Per 一级指标 with a stated 分值, in the 附件's order: score items plus deductions. */
  subtotals: Record<string, number>;
  /** The province's bonus items, summed and capped at bonusMaximum(set). */
  bonus: number;
  /** 分解表自设项 (攻坚21) by id: shown apart, not counted. */
  outside: Record<string, number>;
  /** A veto item answered 否决. */
  veto: boolean;
  /** Σ subtotals + bonus, or 否决. */
  total: number | typeof VETO_TEXT;
  /** Every item's score as counted (deductions after their floors), by id; null when missing. */
  items: Record<string, ItemScore>;
  /** Ids of items without a score (they count 0). */
  missing: string[];
}

/** The 基础分 of a set: the sum of its 一级指标 (攻坚 100, 基准市 100, 基准县 95, 个人 100). */
export function baseMaximum(set: RuleSetId): number {
  return Object.values(LEVEL1_TOTALS[set]).reduce((a, b) => a + b, 0);
}

/** The most the province's bonus items of a set can add (攻坚 3, 基准 2, 个人 1). */
export function bonusMaximum(set: RuleSetId): number {
  let sum = 0;
  for (const item of RULE_SETS[set]) if (item.type === "bonus" && !item.outsideProvince) sum += item.maxPoints;
  return round4(sum);
}

/**
 * The most an item can score: its 分值, or more when another item's 分值 moves into it (攻坚42 20,
 * 基准8.1 24: 未纳入远程监督帮扶, lines 215, 244). For a deduction, its cap.
 */
export function maxReachable(item: RuleItem): number {
  return entryOf(item)?.ceiling ?? item.maxPoints;
}

/** For a "该项不得分" clause (攻坚44, 基准8.3): the heading it empties ("大气监督帮扶"); else null. */
export function forfeitedHeading(item: RuleItem): string | null {
  return entryOf(item)?.forfeits ?? null;
}

/** The ids whose earned points floor a deduction (from its inputs' scoreOf), or []. */
export function floorIdsOf(item: RuleItem): string[] {
  const ids: string[] = [];
  for (const spec of item.inputs) if (spec.scoreOf) ids.push(...spec.scoreOf);
  return ids;
}

/**
 * Totals of `set` from item scores keyed by item id (ids as in RULE_SETS: "1", "基准市-2.1.1",
 * "个人-3.1.1"). Ids not in the set are ignored; items without a score count 0 and are listed in
 * `missing`.
 */
export function computeTotals(set: RuleSetId, scores: Readonly<Record<string, ItemScore | undefined>>): SetTotals {
  const items: Record<string, ItemScore> = {};
  const missing: string[] = [];
  const numberOf = (id: string): number | null => {
    const v = scores[id];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const subtotals: Record<string, number> = {};
  const outside: Record<string, number> = {};
  let bonus = 0;
  let veto = false;
  for (const item of RULE_SETS[set]) {
    const raw = scores[item.id];
    if (item.type === "veto") {
      items[item.id] = raw === VETO_TEXT ? VETO_TEXT : typeof raw === "number" ? 0 : null;
      if (raw === VETO_TEXT) veto = true;
      else if (typeof raw !== "number") missing.push(item.id);
      continue;
    }
    let value = numberOf(item.id);
    if (value === null) {
      items[item.id] = null;
      missing.push(item.id);
      if (item.type !== "bonus" && !item.outsideProvince) subtotals[item.level1] = subtotals[item.level1] ?? 0;
      continue;
    }
    if (item.type === "deduction") {
      value = Math.min(0, Math.max(value, -item.maxPoints));
      const floorIds = floorIdsOf(item);
      const earned = floorIds.map(numberOf);
      if (floorIds.length > 0 && earned.every((e) => e !== null)) {
        // "扣完该项分值为止" / "该项不得分": never more than the heading earned (when it is known;
        // otherwise the heading's 分值, already applied above).
        value = Math.max(value, -earned.reduce((a: number, e) => a + Math.max(0, e as number), 0));
      }
    }
    value = round4(value);
    items[item.id] = value;
    if (item.outsideProvince) outside[item.id] = value;
    else if (item.type === "bonus") bonus += value;
    else subtotals[item.level1] = (subtotals[item.level1] ?? 0) + value;
  }
  for (const key of Object.keys(subtotals)) subtotals[key] = round4(subtotals[key]);
  bonus = round4(Math.min(bonus, bonusMaximum(set)));
  const sum = round4(Object.values(subtotals).reduce((a, b) => a + b, 0) + bonus);
  return { set, subtotals, bonus, outside, veto, total: veto ? VETO_TEXT : sum, items, missing };
}

/**
 * The DALIANBING custom functions (issue 3 §2–§4): thin wrappers over the pure core. Each one only
 * coerces its arguments (coerce.ts), calls src/core and turns a failure into an Excel error with a
 * Chinese message. None of them writes to the workbook.
 *
 * The JSDoc below is the function metadata: custom-functions-metadata-plugin reads it to write
 * functions.json (English help) and appends `CustomFunctions.associate(id, fn)` for each function at
 * build time; the Chinese help is in zh-cn.ts. Parameters are typed `any` on purpose: Excel then hands
 * the raw cell over (null for an empty cell, text as text) and the function can answer a mistake
 * with a Chinese message instead of a bare #VALUE!.
 *
 * Today: OVERDUE, STATUS, NEXTDUE and MILESTONES fall back to today's date (or its year) when asOf
 * (year) is omitted. Such a result changes when the day changes, so they are @volatile: Excel
 * recalculates them on every recalculation. That costs little (parsing a cell takes microseconds),
 * and the formula columns the task pane inserts pass TODAY() explicitly anyway.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { isoParts, localToday, type IsoDate } from "../core/dates";
import {
  addWorkingDays,
  countWorkingDays,
  isMilestoneDone,
  milestoneStatus,
  parseDoneList,
  parseMilestones,
  worstStatus,
} from "../core/milestones";
import { DEFAULT_DUE_SOON_DAYS, KIND_ZH, STATUS_ZH, type Milestone } from "../core/milestones/types";
import { findItem, retiredIdMessage, ruleWithNote, scoreItem } from "../core/rules";
import type { RuleItem } from "../core/rules/types";
// `step` is also a parameter name of STEP (its name in Excel's help), hence the alias.
import { deduct, monthly, perUnit, proportion, step as stepScore, tier, tierRank } from "../core/scoring";
import {
  InputError,
  toCellList,
  toExcelSerial,
  toItemId,
  toNumber,
  toOptionalIsoDate,
  toOptionalNumber,
  toOptionalYear,
  toRawInputs,
  toText,
} from "./coerce";
import { paramName, type FunctionId, type ParamOf } from "./zh-cn";

/** Runs a function body; any failure becomes a CustomFunctions.Error carrying a Chinese message. */
function answer<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}

function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof InputError) {
    const code =
      error.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  // Anything else (a bug) is still answered in Chinese, its own text kept for the maintainers.
  const message = (error instanceof Error ? error.message : typeof error === "string" ? error : "").trim();
  if (/[\u4e00-\u9fff]/.test(message)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    message ? `计算出错，请检查输入或联系维护人员（${message}）` : "计算出错，请检查输入或联系维护人员",
  );
}

/** A scalar number argument; an empty cell counts as 0, as in Excel's own functions. */
function num<F extends FunctionId>(fn: F, param: ParamOf<F>, value: any): number {
  return toOptionalNumber(value, paramName(fn, param)) ?? 0;
}

function cells<F extends FunctionId>(fn: F, param: ParamOf<F>, value: any): (number | null)[] {
  return toCellList(value, paramName(fn, param));
}

// ---------------------------------------------------------------- tier calculators (issue 3 §2)

/**
 * Points of the highest threshold the value reaches (≥); below every threshold → 0.
 * @customfunction TIER
 * @param value The measured value (a percentage as a fraction: 12% is 0.12).
 * @param thresholds The thresholds, as a row or a column, in any order.
 * @param points The points of each threshold, in the same order.
 * @returns The points earned.
 */
export function tierFunction(value: any, thresholds: any[][], points: any[][]): number {
  return answer(() =>
    tier(num("TIER", "value", value), cells("TIER", "thresholds", thresholds), cells("TIER", "points", points)),
  );
}

/**
 * Points per unit with a cap: min(count × per, cap).
 * @customfunction PERUNIT
 * @param count The number of units (a whole number ≥ 0).
 * @param per Points per unit.
 * @param cap The most points the item can give.
 * @returns The points earned.
 */
export function perUnitFunction(count: any, per: any, cap: any): number {
  return answer(() => perUnit(num("PERUNIT", "count", count), num("PERUNIT", "per", per), num("PERUNIT", "cap", cap)));
}

/**
 * A deduction: −min(count × per, cap); never above 0, never below −cap.
 * @customfunction DEDUCT
 * @param count How many times points are deducted (a whole number ≥ 0).
 * @param per Points deducted each time (positive).
 * @param cap The most points that can be deducted (positive).
 * @returns The deduction, ≤ 0.
 */
export function deductFunction(count: any, per: any, cap: any): number {
  return answer(() => deduct(num("DEDUCT", "count", count), num("DEDUCT", "per", per), num("DEDUCT", "cap", cap)));
}

/**
 * Monthly points: every month reaching the threshold gives allMonths; otherwise perMonth × the months that reach it.
 * @customfunction MONTHLY
 * @param values One value per month, as a row or a column; an empty cell is a month that did not reach it.
 * @param threshold The value a month must reach (≥).
 * @param perMonth Points per month reaching the threshold, when not all months do.
 * @param allMonths Points when every month reaches the threshold.
 * @returns The points earned.
 */
export function monthlyFunction(values: any[][], threshold: any, perMonth: any, allMonths: any): number {
  return answer(() =>
    monthly(
      cells("MONTHLY", "values", values),
      num("MONTHLY", "threshold", threshold),
      num("MONTHLY", "perMonth", perMonth),
      num("MONTHLY", "allMonths", allMonths),
    ),
  );
}

/**
 * Points by rank band: rank = 1 + peers strictly greater (ties share a rank, as RANK.EQ); the first band whose end ≥ rank gives its points; value ≤ 0 → 0.
 * @customfunction TIERRANK
 * @param value This unit's value (e.g. cases handled).
 * @param peers The values of every unit ranked (may include this one).
 * @param rankEnds The last rank of each band, ascending (e.g. 3, 6, 99).
 * @param points The points of each band.
 * @returns The points earned.
 */
export function tierRankFunction(value: any, peers: any[][], rankEnds: any[][], points: any[][]): number {
  return answer(() =>
    tierRank(
      num("TIERRANK", "value", value),
      cells("TIERRANK", "peers", peers),
      cells("TIERRANK", "rankEnds", rankEnds),
      cells("TIERRANK", "points", points),
    ),
  );
}

/**
 * Proportional points: count ≥ baseline gives full, otherwise full × count ÷ baseline; 0 → 0.
 * @customfunction PROPORTION
 * @param count The number achieved (a whole number ≥ 0).
 * @param baseline The number that earns full points (> 0).
 * @param full The item's full points.
 * @returns The points earned.
 */
export function proportionFunction(count: any, baseline: any, full: any): number {
  return answer(() =>
    proportion(num("PROPORTION", "count", count), num("PROPORTION", "baseline", baseline), num("PROPORTION", "full", full)),
  );
}

/**
 * Stepped points: below start → 0; otherwise startPoints + stepPoints × whole steps above start, capped.
 * @customfunction STEP
 * @param value The measured value.
 * @param start The value from which points are given.
 * @param startPoints Points for reaching start.
 * @param step The size of one step (> 0), e.g. 0.01 for one percentage point.
 * @param stepPoints Points per whole step above start.
 * @param cap The most points the item can give.
 * @returns The points earned.
 */
export function stepFunction(value: any, start: any, startPoints: any, step: any, stepPoints: any, cap: any): number {
  return answer(() =>
    stepScore(
      num("STEP", "value", value),
      num("STEP", "start", start),
      num("STEP", "startPoints", startPoints),
      num("STEP", "step", step),
      num("STEP", "stepPoints", stepPoints),
      num("STEP", "cap", cap),
    ),
  );
}

// ---------------------------------------------------------------- item scores (issue 3 §3)

function lookUpItem(fn: "SCORE" | "MAXSCORE" | "RULE", item: any): RuleItem {
  const id = toItemId(item, paramName(fn, "item"));
  const found = findItem(id);
  if (!found) throw new InputError(retiredIdMessage(id) ?? `没有序号为${id}的评审项目`);
  return found;
}

/**
 * The score of one evaluation item under the province's rules (rounded to 4 decimals); deductions are negative; a triggered veto answers the text 否决.
 * @customfunction SCORE
 * @param item The item: 1–51 for the 攻坚 tasks (or "攻坚5"); other sets by their ids (see `dalianbing rules`).
 * @param inputs The item's measured values, in order (see RULE and `dalianbing rules`); a monthly item takes one range of twelve months.
 * @returns The points, or 否决 for a veto.
 */
export function scoreFunction(item: any, inputs: any[][][]): number | string {
  return answer(() => {
    const rule = lookUpItem("SCORE", item);
    const outcome = scoreItem(rule, toRawInputs(inputs, paramName("SCORE", "inputs")));
    if (outcome.kind === "points") return outcome.points;
    if (outcome.kind === "veto") return outcome.text;
    throw new InputError(outcome.message);
  });
}

/**
 * The item's full points (分值); for a deduction its cap, for a veto 0.
 * @customfunction MAXSCORE
 * @param item The item: 1–51 for the 攻坚 tasks (or "攻坚5"); other sets by their ids.
 * @returns The item's points.
 */
export function maxScoreFunction(item: any): number {
  return answer(() => lookUpItem("MAXSCORE", item).maxPoints);
}

/**
 * The item's scoring rule, in the words of the province's rules (with the catalog's reading of it, where noted).
 * @customfunction RULE
 * @param item The item: 1–51 for the 攻坚 tasks (or "攻坚5"); other sets by their ids.
 * @returns The rule text.
 */
export function ruleFunction(item: any): string {
  // The province's words, plus the catalog's note on how it reads them where it had to choose.
  return answer(() => ruleWithNote(lookUpItem("RULE", item)));
}

// ---------------------------------------------------------------- milestones (issue 3 §4)

interface MilestoneQuery {
  milestones: Milestone[];
  asOf: IsoDate;
  done: Set<string>;
}

/** Reads text, asOf (default today), done and year (default asOf's year) and parses the milestones. */
function milestoneQuery(fn: "OVERDUE" | "STATUS" | "NEXTDUE", text: any, asOf: any, done: any, year: any): MilestoneQuery {
  const day = toOptionalIsoDate(asOf, paramName(fn, "asOf")) ?? localToday(new Date());
  const y = toOptionalYear(year, paramName(fn, "year")) ?? isoParts(day).year;
  return {
    milestones: parseMilestones(toText(text, paramName(fn, "text")), y),
    asOf: day,
    // A done list spread over several cells reads as one list.
    done: parseDoneList(toText(done, paramName(fn, "done"), ",")),
  };
}

/**
 * The milestones in a 市级辅助成果 text, one row each: label | due date (an Excel date; empty when undated) | kind.
 * @customfunction MILESTONES
 * @volatile
 * @param text The milestone text, e.g. "1.5月底前,出台…; 2.9月底前,上报…".
 * @param [year] The year of the dates, e.g. 2024; default: this year.
 * @returns Rows of label, due date and kind.
 */
export function milestonesFunction(text: any, year?: any): any[][] {
  return answer(() => {
    const y = toOptionalYear(year, paramName("MILESTONES", "year")) ?? isoParts(localToday(new Date())).year;
    const milestones = parseMilestones(toText(text, paramName("MILESTONES", "text")), y);
    if (milestones.length === 0) throw new InputError("没有识别出时间节点", "", "notAvailable");
    return milestones.map((m) => [m.label, m.due ? toExcelSerial(m.due) : "", KIND_ZH[m.kind]]);
  });
}

/**
 * The number of overdue milestones: due date passed (the due day itself is still on time) and not done.
 * @customfunction OVERDUE
 * @volatile
 * @param text The milestone text.
 * @param [asOf] The day to judge by (an Excel date); default: today.
 * @param [done] The labels done, e.g. "1,2,4a" ("1" covers 1a and 1b).
 * @param [year] The year of the dates; default: asOf's year.
 * @returns The count of overdue milestones.
 */
export function overdueFunction(text: any, asOf?: any, done?: any, year?: any): number {
  return answer(() => {
    const q = milestoneQuery("OVERDUE", text, asOf, done, year);
    return q.milestones.filter((m) => milestoneStatus(m, q.asOf, q.done, DEFAULT_DUE_SOON_DAYS) === "overdue").length;
  });
}

/**
 * The worst status of the milestones: 已逾期, 临期 (due within 7 days), 未到期, 已完成 or 无固定期限; an empty text has no milestones and answers "".
 * @customfunction STATUS
 * @volatile
 * @param text The milestone text.
 * @param [asOf] The day to judge by (an Excel date); default: today.
 * @param [done] The labels done, e.g. "1,2,4a".
 * @param [year] The year of the dates; default: asOf's year.
 * @returns The status in Chinese.
 */
export function statusFunction(text: any, asOf?: any, done?: any, year?: any): string {
  return answer(() => {
    const q = milestoneQuery("STATUS", text, asOf, done, year);
    // An empty 市级辅助成果 cell has no milestones and no status (docs/design.md §4), not 无固定期限.
    if (q.milestones.length === 0) return "";
    const statuses = q.milestones.map((m) => milestoneStatus(m, q.asOf, q.done, DEFAULT_DUE_SOON_DAYS));
    return STATUS_ZH[worstStatus(statuses)];
  });
}

/**
 * The earliest due date on or after asOf among the milestones not yet done (an Excel date), or #N/A when there is none.
 * @customfunction NEXTDUE
 * @volatile
 * @param text The milestone text.
 * @param [asOf] The day to judge by (an Excel date); default: today.
 * @param [done] The labels done, e.g. "1,2,4a".
 * @param [year] The year of the dates; default: asOf's year.
 * @returns The next due date as an Excel date.
 */
export function nextDueFunction(text: any, asOf?: any, done?: any, year?: any): number {
  return answer(() => {
    const q = milestoneQuery("NEXTDUE", text, asOf, done, year);
    let next: IsoDate | null = null;
    for (const m of q.milestones) {
      if (m.due === null || m.due < q.asOf || isMilestoneDone(m.label, q.done)) continue;
      if (next === null || m.due < next) next = m.due;
    }
    if (next === null) throw new InputError("没有未完成的后续节点", "", "notAvailable");
    return toExcelSerial(next);
  });
}

// ---------------------------------------------------------------- working days (issue 9 §3)

/** A required date argument. */
function requiredDate<F extends FunctionId>(fn: F, param: ParamOf<F>, value: any): IsoDate {
  const date = toOptionalIsoDate(value, paramName(fn, param));
  if (date === null) throw new InputError(`请填写参数${paramName(fn, param)}（如 2024-09-01 或 Excel 日期）`);
  return date;
}

/**
 * The date a number of working days after a start date, with China's statutory holidays and make-up working days (调休); the start itself is not counted.
 * @customfunction WORKDAY
 * @param start The start date (an Excel date).
 * @param days The number of working days (negative counts backwards).
 * @returns The date as an Excel date.
 */
export function workdayFunction(start: any, days: any): number {
  return answer(() => {
    const from = requiredDate("WORKDAY", "start", start);
    const count = toNumber(days, paramName("WORKDAY", "days"), { integer: true });
    const result = addWorkingDays(from, count);
    if (!result.ok) throw new InputError(result.message);
    return toExcelSerial(result.date);
  });
}

/**
 * The number of working days from a start date to an end date, both counted, with China's statutory holidays and make-up working days (调休); negative when the end is earlier.
 * @customfunction NETWORKDAYS
 * @param start The start date (an Excel date).
 * @param end The end date (an Excel date).
 * @returns The number of working days.
 */
export function networkdaysFunction(start: any, end: any): number {
  return answer(() => {
    const from = requiredDate("NETWORKDAYS", "start", start);
    const to = requiredDate("NETWORKDAYS", "end", end);
    const result = countWorkingDays(from, to);
    if (!result.ok) throw new InputError(result.message);
    return result.days;
  });
}

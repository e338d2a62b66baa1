/**
 * Generic tier calculators (issue 3 §2). Each is pure, returns a number rounded to 4 decimals and
 * throws InputError with a Chinese message naming the parameter when an argument is wrong.
 * The Chinese parameter names come from the one parameter table, params.ts (CALCULATOR_PARAMS).
 */
import { InputError, showReceived } from "./errors";
import { CALCULATOR_PARAMS } from "./params";
import { EPSILON, reaches, round4 } from "./round";

export type Cell = number | null;

/** The Chinese name of a calculator parameter, as Excel's tooltip shows it. */
function zh<F extends keyof typeof CALCULATOR_PARAMS>(fn: F, param: keyof (typeof CALCULATOR_PARAMS)[F]): string {
  return (CALCULATOR_PARAMS[fn][param] as { zh: string }).zh;
}

function finite(param: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new InputError(`${param}应为数字，收到 ${showReceived(v)}`, param);
  }
  return v;
}

function nonNegative(param: string, v: unknown): number {
  const n = finite(param, v);
  if (n < 0) throw new InputError(`${param}不能为负数，收到 ${n}`, param);
  return n;
}

function wholeCount(param: string, v: unknown): number {
  const n = finite(param, v);
  if (n < 0 || !Number.isInteger(n)) {
    throw new InputError(`${param}应为不小于0的整数，收到 ${n}`, param);
  }
  return n;
}

/**
 * TIER: the points of the highest threshold that value reaches (≥). Thresholds may come in any
 * order; a pair left empty on both sides (a range selected too wide) is skipped; below every
 * threshold → 0.
 */
export function tier(value: number, thresholds: readonly Cell[], points: readonly Cell[]): number {
  const pValue = zh("TIER", "value"), pThresholds = zh("TIER", "thresholds"), pPoints = zh("TIER", "points");
  const v = finite(pValue, value);
  if (thresholds.length !== points.length) {
    throw new InputError(
      `${pThresholds}与${pPoints}的个数应相同，收到 ${thresholds.length} 个门槛、${points.length} 个分值`,
      pThresholds,
    );
  }
  let best = -Infinity;
  let bestPoints = 0;
  let pairs = 0;
  for (let i = 0; i < thresholds.length; i++) {
    const t = thresholds[i];
    const p = points[i];
    if ((t === null || t === undefined) && (p === null || p === undefined)) continue;
    const tn = finite(`${pThresholds}第${i + 1}个`, t);
    const pn = finite(`${pPoints}第${i + 1}个`, p);
    pairs++;
    for (let j = 0; j < i; j++) {
      const earlier = thresholds[j];
      if (typeof earlier === "number" && Math.abs(earlier - tn) < EPSILON) {
        throw new InputError(`${pThresholds}中有重复的值 ${tn}，无法确定分值`, pThresholds);
      }
    }
    if (reaches(v, tn) && tn > best) {
      best = tn;
      bestPoints = pn;
    }
  }
  if (pairs === 0) throw new InputError(`${pThresholds}不能为空`, pThresholds);
  return round4(bestPoints);
}

/** PERUNIT: min(count × per, cap). */
export function perUnit(count: number, per: number, cap: number): number {
  const pCount = zh("PERUNIT", "count"), pPer = zh("PERUNIT", "per"), pCap = zh("PERUNIT", "cap");
  const c = wholeCount(pCount, count);
  const p = nonNegative(pPer, per);
  const k = nonNegative(pCap, cap);
  return round4(Math.min(c * p, k));
}

/** DEDUCT: −min(count × per, cap); ≤ 0 and never below −cap. */
export function deduct(count: number, per: number, cap: number): number {
  const pCount = zh("DEDUCT", "count"), pPer = zh("DEDUCT", "per"), pCap = zh("DEDUCT", "cap");
  const c = wholeCount(pCount, count);
  const p = nonNegative(pPer, per);
  const k = nonNegative(pCap, cap);
  return round4(-Math.min(c * p, k));
}

/**
 * MONTHLY: every month reaching the threshold → allMonths; otherwise perMonth × the months that
 * reach it. An empty cell (null) is a month that did not reach it.
 */
export function monthly(
  values: readonly Cell[],
  threshold: number,
  perMonth: number,
  allMonths: number,
): number {
  const pValues = zh("MONTHLY", "values"), pThreshold = zh("MONTHLY", "threshold"), pPer = zh("MONTHLY", "perMonth"), pAll = zh("MONTHLY", "allMonths");
  const t = finite(pThreshold, threshold);
  const per = nonNegative(pPer, perMonth);
  const all = nonNegative(pAll, allMonths);
  if (values.length === 0) throw new InputError(`${pValues}不能为空`, pValues);
  let reached = 0;
  for (let i = 0; i < values.length; i++) {
    const m = values[i];
    if (m === null || m === undefined) continue;
    if (reaches(finite(`${pValues}第${i + 1}个月`, m), t)) reached++;
  }
  return round4(reached === values.length ? all : per * reached);
}

/**
 * TIERRANK: rank = 1 + the number of peers strictly greater than value (ties share a rank, as
 * RANK.EQ); the first band whose end ≥ rank gives its points; past the last end → 0; value ≤ 0 → 0
 * (未办理案件的不得分). Empty peer cells are ignored; the value itself may be among the peers.
 */
export function tierRank(
  value: number,
  peers: readonly Cell[],
  rankEnds: readonly Cell[],
  points: readonly Cell[],
): number {
  const pValue = zh("TIERRANK", "value"), pPeers = zh("TIERRANK", "peers"), pEnds = zh("TIERRANK", "rankEnds"), pPoints = zh("TIERRANK", "points");
  const v = finite(pValue, value);
  if (rankEnds.length !== points.length) {
    throw new InputError(
      `${pEnds}与${pPoints}的个数应相同，收到 ${rankEnds.length} 个名次档、${points.length} 个分值`,
      pEnds,
    );
  }
  if (rankEnds.length === 0) throw new InputError(`${pEnds}不能为空`, pEnds);
  let previousEnd = 0;
  for (let i = 0; i < rankEnds.length; i++) {
    const e = finite(`${pEnds}第${i + 1}个`, rankEnds[i]);
    finite(`${pPoints}第${i + 1}个`, points[i]);
    if (!Number.isInteger(e) || e <= previousEnd) {
      throw new InputError(`${pEnds}应为从小到大的正整数（如 3, 6, 99），第${i + 1}个收到 ${e}`, pEnds);
    }
    previousEnd = e;
  }
  let greater = 0;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i];
    if (p === null || p === undefined) continue;
    if (finite(`${pPeers}第${i + 1}个`, p) > v + EPSILON) greater++;
  }
  if (v <= 0) return 0;
  const rank = greater + 1;
  for (let i = 0; i < rankEnds.length; i++) {
    if ((rankEnds[i] as number) >= rank) return round4(points[i] as number);
  }
  return 0;
}

/** PROPORTION: count ≥ baseline → full, else full × count ÷ baseline; 0 → 0. */
export function proportion(count: number, baseline: number, full: number): number {
  const pCount = zh("PROPORTION", "count"), pBaseline = zh("PROPORTION", "baseline"), pFull = zh("PROPORTION", "full");
  const c = wholeCount(pCount, count);
  const b = finite(pBaseline, baseline);
  if (b <= 0) throw new InputError(`${pBaseline}应大于0，收到 ${b}`, pBaseline);
  const f = nonNegative(pFull, full);
  if (c === 0) return 0;
  return round4(c >= b ? f : (f * c) / b);
}

/** Whole steps of `size` from start to value, without float noise: 0.93 over 0.90 by 0.01 is 3. */
export function wholeSteps(value: number, start: number, size: number): number {
  const exact = (value - start) / size;
  return Math.floor(Math.round(exact * 1e6) / 1e6);
}

/**
 * STEP: below start → 0; otherwise startPoints + stepPoints × the whole steps above start,
 * capped at cap.
 */
export function step(
  value: number,
  start: number,
  startPoints: number,
  stepSize: number,
  stepPoints: number,
  cap: number,
): number {
  const pValue = zh("STEP", "value"), pStart = zh("STEP", "start"), pStartPoints = zh("STEP", "startPoints"), pStep = zh("STEP", "step"), pStepPoints = zh("STEP", "stepPoints"), pCap = zh("STEP", "cap");
  const v = finite(pValue, value);
  const s = finite(pStart, start);
  const sp = nonNegative(pStartPoints, startPoints);
  const size = finite(pStep, stepSize);
  if (size <= 0) throw new InputError(`${pStep}应大于0，收到 ${size}`, pStep);
  const stp = nonNegative(pStepPoints, stepPoints);
  const k = nonNegative(pCap, cap);
  if (!reaches(v, s)) return 0;
  return round4(Math.min(sp + stp * wholeSteps(v, s, size), k));
}

/**
 * A read 评分表 as the JSON of `dalianbing score --json` (issue 7 §2) and as Chinese lines for the
 * terminal and the web page: one shape and one wording for every shell.
 */
import { RULE_SETS } from "../rules/catalog";
import { shortId } from "../rules/coerce";
import { RULE_SET_ZH } from "../rules/format";
import { VETO_TEXT } from "../rules/score";
import { baseMaximum, bonusMaximum } from "../rules/totals";
import type { RuleSetId } from "../rules/types";
import { LEVEL1_TOTALS } from "../rules/catalog";
import type { ScoreStatusInput } from "../weekly/types";
import type { ScorecardReading } from "./read";

export interface ScorecardJson {
  sheet: string;
  set: RuleSetId;
  candidate?: string;
  total: number | typeof VETO_TEXT;
  subtotals: Record<string, number>;
  bonus: number;
  veto: boolean;
  /** 分解表自设项 (攻坚21): not counted. */
  outside: Record<string, number>;
  items: { id: string; name: string; score: number | typeof VETO_TEXT | null; problem?: string }[];
  problems: { sheet: string; cell: string; message: string }[];
}

export function scorecardJson(reading: ScorecardReading): ScorecardJson {
  const names = new Map(RULE_SETS[reading.set].map((i) => [i.id, i.name]));
  const json: ScorecardJson = {
    sheet: reading.sheet,
    set: reading.set,
    total: reading.totals.total,
    subtotals: reading.totals.subtotals,
    bonus: reading.totals.bonus,
    veto: reading.totals.veto,
    outside: reading.totals.outside,
    items: reading.items.map((i) => ({ id: i.id, name: names.get(i.id) ?? "", score: i.score, ...(i.problem ? { problem: i.problem } : {}) })),
    problems: reading.problems,
  };
  if (reading.candidate) json.candidate = reading.candidate;
  return json;
}

const points = (n: number): string => n.toFixed(2).replace(/\.?0+$/, "") || "0";

/** "队伍建设与管理 3/33" for each 一级指标. */
function subtotalTexts(reading: ScorecardReading): string[] {
  const stated = LEVEL1_TOTALS[reading.set];
  return Object.entries(reading.totals.subtotals).map(([level1, n]) => `${level1} ${points(n)}/${stated[level1] ?? "—"}`);
}

/** The items left empty (not those typed wrong: they have a problem). */
function unfilledIds(reading: ScorecardReading): string[] {
  return reading.items.filter((i) => i.score === null && !i.problem).map((i) => shortId(i.id));
}

/** The heading line and totals of one sheet, in Chinese. */
export function scorecardSummaryLines(reading: ScorecardReading): string[] {
  const { totals, set } = reading;
  const who = reading.candidate ? `，候选人 ${reading.candidate}` : "";
  const subtotal = subtotalTexts(reading).join("　");
  const base = Object.values(totals.subtotals).reduce((a, b) => a + b, 0);
  const total =
    totals.total === VETO_TEXT ? "否决（取消参评资格）" : `${points(totals.total)} 分（基础分 ${points(base)} + 加分 ${points(totals.bonus)}）`;
  const lines = [`工作表“${reading.sheet}”：${RULE_SET_ZH[set]}${who}`, `  总分：${total}`, `  ${subtotal}`];
  lines.push(`  加分 ${points(totals.bonus)}/${bonusMaximum(set)}　否决项：${totals.veto ? "有（取消参评资格）" : "无"}`);
  for (const [id, n] of Object.entries(totals.outside)) lines.push(`  分解表自设项 第${shortId(id)}项 ${points(n)} 分（附件4无此项，不计入总分）`);
  const unfilled = unfilledIds(reading);
  if (unfilled.length === reading.items.length) lines.push(`  ${unfilled.length} 项都还没有填写：在黄色单元格中填写数据后再算分。`);
  else if (unfilled.length > 0) lines.push(`  未填写 ${unfilled.length} 项（按0分计）：第${unfilled.join("、")}项`);
  return lines;
}

/** One line per item: 序号, 名称, 得分/分值. */
export function scorecardItemLines(reading: ScorecardReading): string[] {
  const byId = new Map(RULE_SETS[reading.set].map((i) => [i.id, i]));
  return reading.items.map((i) => {
    const item = byId.get(i.id)!;
    const shown = i.score === null ? (i.problem ? "未计分" : "未填写") : i.score === VETO_TEXT ? "否决" : points(i.score);
    const max = item.type === "veto" ? "否决项" : item.type === "deduction" ? `扣分项，最多扣${item.maxPoints}` : `${item.maxPoints}`;
    return `  ${shortId(i.id).padEnd(6)} ${item.name}：${shown}（${max}）`;
  });
}

/**
 * The 周报's 评分情况 from a read 评分表 (the first one filled), or null when no 评分表 has anything typed
 * in: an empty sheet would report 0 分 as if it were a result. Deductions count against 0 (a −2 is
 * 2 lost); veto items and 分解表自设项 are not items of the total.
 */
export function scoreStatusOf(readings: ScorecardReading[]): ScoreStatusInput | null {
  const reading = readings.find(isFilled);
  if (!reading) return null;
  const catalog = new Map(RULE_SETS[reading.set].map((i) => [i.id, i]));
  const items = reading.items
    .map((i) => ({ result: i, item: catalog.get(i.id)! }))
    .filter(({ item }) => item.type !== "veto" && !item.outsideProvince)
    .map(({ result, item }) => ({
      serial: shortId(item.id),
      item: item.name,
      max: item.type === "deduction" ? 0 : item.maxPoints,
      score: typeof result.score === "number" ? result.score : null,
    }));
  const { totals } = reading;
  const max = baseMaximum(reading.set);
  const vetoed = reading.items.filter((i) => i.score === VETO_TEXT).map((i) => `第${shortId(i.id)}项“${catalog.get(i.id)!.name}”`);
  return {
    sheet: reading.sheet,
    total: totals.total === VETO_TEXT || reading.problems.length > 0 ? null : totals.total,
    max,
    veto: totals.veto ? `${vetoed.join("、")}（取消参评资格）` : null,
    items,
  };
}

/** Whether anything was typed in the 评分表 (a score or an input that did not fit). */
export function isFilled(reading: ScorecardReading): boolean {
  return reading.items.some((i) => i.score !== null || i.problem !== undefined);
}

/** One sentence per 评分表, for a notice: total, subtotals, bonus, veto, how many items are unfilled. */
export function scorecardBrief(reading: ScorecardReading): string {
  const { totals, set } = reading;
  const who = reading.candidate ? `（候选人 ${reading.candidate}）` : "";
  const total = totals.total === VETO_TEXT ? "否决（取消参评资格）" : `${points(totals.total)} 分`;
  const unfilled = unfilledIds(reading).length;
  return `“${reading.sheet}”${who}总分 ${total}：${subtotalTexts(reading).join("，")}，加分 ${points(totals.bonus)}/${bonusMaximum(set)}${unfilled > 0 ? `；${unfilled} 项未填写，按0分计` : ""}。`;
}

/**
 * "有 2 处未能读取或计分": what precedes a 评分表's problems (inputs that do not fit, rows that name no
 * item, missing rows), in the terminal and on the web page alike.
 */
export function problemsHeading(reading: ScorecardReading): string {
  return `有 ${reading.problems.length} 处未能读取或计分（相关项目按0分计）`;
}

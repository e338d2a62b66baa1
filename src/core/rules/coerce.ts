/**
 * Raw cell inputs → numbers, with Chinese messages that name the parameter and what was expected
 * (issue 3 §3): numbers, "15%" text, 是/否, TRUE/FALSE, 1/0, empty cells (null) and, for monthly
 * inputs, one 2-D range of twelve cells. No regular expressions: this runs on every SCORE call.
 */
import type { InputSpec, RawInput, RuleItem } from "./types";
import type { Coerced } from "./define";
import { InputError, showReceived } from "../scoring/errors";
import { foldWidth } from "../width";

/** The twelve months an item's monthly range covers, for messages. */
export const CAMPAIGN_MONTHS = [
  "2023年12月", "2024年1月", "2024年2月", "2024年3月", "2024年4月", "2024年5月",
  "2024年6月", "2024年7月", "2024年8月", "2024年9月", "2024年10月", "2024年11月",
];

function rangeText(lo: number, hi: number, unit: string): string {
  return `${lo}–${hi}${unit}`;
}

/** What an input expects, in Chinese: "0%–100%之间的比例". */
export function expectedText(spec: InputSpec): string {
  switch (spec.kind) {
    case "ratio":
      return "0%–100%之间的比例";
    case "count":
      return spec.max === undefined
        ? `不小于${spec.min ?? 0}的整数（${spec.unit}）`
        : `${rangeText(spec.min ?? 0, spec.max, "")}之间的整数（${spec.unit}）`;
    case "rank":
      return "不小于1的整数名次";
    case "flag":
      return "“是”或“否”（也可填 TRUE/FALSE 或 1/0）";
    case "points":
      return `${rangeText(spec.min ?? 0, spec.max ?? 0, "分")}之间的分数${spec.orText ? `或“${spec.orText}”` : ""}`;
    case "monthly":
      return `12个月（2023年12月至2024年11月）的${
        spec.max === 1 ? "比例（0%–100%）" : `数值（${spec.unit}，不小于0）`
      }，选中一个含12个单元格的区域`;
  }
}

function isEmpty(raw: RawInput | undefined): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** A number from a cell: numbers as they are, numeric text ("12", "15%"); otherwise NaN. */
function numberOf(raw: RawInput, allowPercentText: boolean): number {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return NaN;
  const text = foldWidth(raw.trim());
  if (text === "") return NaN;
  if (allowPercentText && text.endsWith("%")) {
    const body = text.slice(0, -1).trim();
    return body === "" ? NaN : Number(body) / 100;
  }
  return Number(text);
}

function fail(spec: InputSpec, raw: RawInput, where = ""): never {
  throw new InputError(`${spec.name}${where}应为${expectedText(spec)}，收到 ${showReceived(raw)}`, spec.name);
}

function scalar(spec: InputSpec, raw: RawInput): number {
  switch (spec.kind) {
    case "ratio": {
      const n = numberOf(raw, true);
      if (!(n >= 0 && n <= 1)) {
        if (Number.isFinite(n)) throw new InputError(`${spec.name}应在0%–100%之间，收到 ${showReceived(raw)}`);
        fail(spec, raw);
      }
      return n;
    }
    case "count": {
      const n = numberOf(raw, false);
      if (!(Number.isInteger(n) && n >= (spec.min ?? 0) && (spec.max === undefined || n <= spec.max))) fail(spec, raw);
      return n;
    }
    case "rank": {
      const n = numberOf(raw, false);
      if (!(Number.isInteger(n) && n >= 1)) fail(spec, raw);
      return n;
    }
    case "points": {
      const n = numberOf(raw, false);
      if (!(n >= (spec.min ?? 0) && n <= (spec.max ?? Infinity))) fail(spec, raw);
      return n;
    }
    case "flag": {
      if (raw === true || raw === 1) return 1;
      if (raw === false || raw === 0) return 0;
      if (typeof raw === "string") {
        const t = raw.trim();
        if (t === "是" || t === "1" || t.toUpperCase() === "TRUE") return 1;
        if (t === "否" || t === "0" || t.toUpperCase() === "FALSE") return 0;
      }
      return fail(spec, raw);
    }
    case "monthly":
      return fail(spec, raw);
  }
}

function monthlyCells(spec: InputSpec, raw: RawInput): (number | null)[] {
  if (!Array.isArray(raw)) {
    throw new InputError(`${spec.name}应为${expectedText(spec)}，收到 ${showReceived(raw)}`);
  }
  const out: (number | null)[] = [];
  for (const row of raw) {
    if (Array.isArray(row)) for (const cell of row) out.push(monthCell(spec, cell, out.length));
    else out.push(monthCell(spec, row, out.length));
  }
  if (out.length !== 12) {
    throw new InputError(`${spec.name}应为${expectedText(spec)}，收到 ${out.length} 个单元格`);
  }
  return out;
}

function monthCell(spec: InputSpec, cell: RawInput, index: number): number | null {
  if (isEmpty(cell)) return null;
  const n = numberOf(cell, spec.max === 1);
  const lo = spec.min ?? 0;
  const hi = spec.max ?? Infinity;
  if (!(n >= lo && n <= hi)) {
    const month = index < 12 ? `（${CAMPAIGN_MONTHS[index]}）` : "";
    const expected = spec.max === 1 ? "应在0%–100%之间" : `应为不小于${lo}的数值（${spec.unit}）`;
    throw new InputError(`${spec.name}第${index + 1}个月${month}${expected}，收到 ${showReceived(cell)}`);
  }
  return n;
}

/** "1. 完成比例（0%–100%之间的比例）；2. …" */
export function listExpectedInputs(item: RuleItem): string {
  return item.inputs
    .map((s, i) => `${i + 1}. ${s.name}：${expectedText(s)}${s.optional ? "，可留空" : ""}${s.scoreOf ? `（评分表引用第${s.scoreOf.map(shortId).join("、")}项得分）` : ""}`)
    .join("；");
}

/** "42", "2.1.1" (the set prefix dropped), for help text. */
export function shortId(id: string): string {
  const dash = id.indexOf("-");
  return dash >= 0 ? id.slice(dash + 1) : id;
}

/** The id as staff would type it: 5 for 攻坚, "基准市-1.2.1" for the others. */
export function displayId(item: RuleItem): string {
  return item.id;
}

function countMessage(item: RuleItem, received: number): string {
  return `评审项目${displayId(item)}“${item.name}”需要${item.inputs.length}个输入：${listExpectedInputs(item)}；收到 ${received} 个`;
}

/**
 * Coerce and validate the raw inputs of one item. Returns the values, or a Chinese message.
 * Extra trailing empty inputs are ignored (optional function parameters arrive as null).
 */
export function coerceInputs(item: RuleItem, inputs: readonly RawInput[]): Coerced[] | string {
  const specs = item.inputs;
  let given = inputs.length;
  while (given > specs.length && isEmpty(inputs[given - 1])) given--;
  if (given > specs.length) return countMessage(item, given);
  const values: Coerced[] = new Array(specs.length);
  try {
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      const raw = i < inputs.length ? inputs[i] : null;
      if (spec.kind === "monthly") {
        values[i] = monthlyCells(spec, raw);
        continue;
      }
      let value = raw;
      if (Array.isArray(value)) {
        // A single-cell range is just that cell.
        const only = value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : undefined;
        if (only === undefined) throw new InputError(`${spec.name}应为单个单元格的${expectedText(spec)}，收到 一个区域`);
        value = only;
      }
      if (isEmpty(value)) {
        if (spec.optional) {
          values[i] = null;
          continue;
        }
        if (i >= given) return countMessage(item, given);
        throw new InputError(`缺少${spec.name}：应为${expectedText(spec)}`, spec.name);
      }
      if (spec.orText !== undefined && typeof value === "string" && value.trim() === spec.orText) {
        values[i] = null;
        continue;
      }
      values[i] = scalar(spec, value);
    }
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  return values;
}

/**
 * A bad argument to a calculator or an item score. The message is Chinese, names the parameter and
 * says what was expected (docs/design.md §4, issue 3 §3); the function layer answers #VALUE! with it.
 */
export class ScoringInputError extends Error {
  /** The Chinese parameter name the message is about, e.g. "完成比例". */
  readonly param: string;
  constructor(param: string, message: string) {
    super(message);
    this.name = "ScoringInputError";
    this.param = param;
  }
}

/** How a received value is shown in a message: 15, "abc", TRUE, 空. */
export function showReceived(value: unknown): string {
  if (value === null || value === undefined || value === "") return "空值";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "非数字";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `“${value.length > 30 ? value.slice(0, 30) + "…" : value}”`;
  if (Array.isArray(value)) return "一个区域";
  return "无法识别的值";
}

/** A percentage for messages: 0.15 → "15%". */
export function showPercent(fraction: number): string {
  return `${Math.round(fraction * 1e6) / 1e4}%`;
}

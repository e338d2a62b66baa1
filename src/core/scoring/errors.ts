/**
 * The one input-error type of the project (issue 8 §4): a bad argument to a calculator, an item
 * score or a custom function. The message is Chinese, names the parameter and says what was
 * expected (docs/design.md §4); the function layer answers #VALUE! (or #N/A for kind "notAvailable") with it.
 */
export type InputErrorKind = "invalidValue" | "notAvailable";

export class InputError extends Error {
  /** The Chinese parameter name the message is about, e.g. "完成比例"; "" when none. */
  readonly param: string;
  readonly kind: InputErrorKind;
  constructor(message: string, param = "", kind: InputErrorKind = "invalidValue") {
    super(message);
    this.name = "InputError";
    this.param = param;
    this.kind = kind;
  }
}

/** An error value handed over by Excel (CustomFunctions.Error or a bare {errorCode}/{code} object). */
export function isExcelErrorValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && ("errorCode" in value || "code" in value);
}

/**
 * The one way a received value is shown in a message: 15, “abc”, TRUE, 空值, 一个区域, 错误值
 * (never "NaN" or "[object Object]"); long text is cut at 30 characters.
 */
export function showReceived(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return "空值";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "无效的数字";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `“${value.length > 30 ? value.slice(0, 30) + "…" : value}”`;
  if (Array.isArray(value)) return "一个区域";
  if (isExcelErrorValue(value)) return "错误值";
  return "无法识别的值";
}

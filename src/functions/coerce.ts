/**
 * Argument coercion for the DALIANBING custom functions, kept apart from the wrappers so that it can
 * be tested without Office. How values arrive from Excel (docs/design.md §7):
 *   - an omitted optional parameter arrives as null; an empty cell as null or "" (and as 0 when Excel
 *     converts it to a number);
 *   - dates arrive as Excel serial numbers (1900 system);
 *   - a range arrives as a 2-D array (rows of cells); a repeating parameter arrives as ONE array with
 *     one entry per argument, each entry a 2-D array;
 *   - error values (#N/A…) normally never reach the function: Excel answers the error itself. Should
 *     one arrive anyway (an object with an error code), it is refused with a message.
 * Every failure is the core's one InputError (core/scoring/errors.ts) whose message is Chinese and
 * names the parameter (`label`, e.g. “参照日期”, the name Chinese Excel shows in the tooltip; see
 * paramName in zh-cn.ts); received values are shown by the core's showReceived.
 */
import { excelSerialFromIso, isoFromExcelSerial, parseIsoDate, type IsoDate } from "../core/dates";
import type { RawInput } from "../core/rules/types";
import { InputError, isExcelErrorValue, showReceived } from "../core/scoring/errors";
import { foldWidth } from "../core/width";

export { InputError };

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Row-major cells of a scalar, a 1-D list or a 2-D range. */
export function flattenCells(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const cells: unknown[] = [];
  for (const row of value) {
    if (Array.isArray(row)) cells.push(...row);
    else cells.push(row);
  }
  return cells;
}

function refuseError(value: unknown, label: string): void {
  if (isExcelErrorValue(value)) throw new InputError(`参数${label}含有错误值，请先更正该单元格`, label);
}

/** A number from a number, or from text such as "15", "１５", "12%" (0.12). Null when not numeric. */
function parseNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = foldWidth(value.trim()).replace(/,/g, "");
  const percent = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  return Number(text);
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
}

function checkNumber(n: number, label: string, rule: NumberRule, received: unknown): number {
  if (rule.integer && !Number.isInteger(n)) throw new InputError(`参数${label}应为整数，收到 ${showReceived(received)}`, label);
  if (rule.min !== undefined && n < rule.min) {
    throw new InputError(`参数${label}应不小于 ${rule.min}，收到 ${showReceived(received)}`, label);
  }
  if (rule.max !== undefined && n > rule.max) {
    throw new InputError(`参数${label}应不大于 ${rule.max}，收到 ${showReceived(received)}`, label);
  }
  return n;
}

/** A required number. */
export function toNumber(value: unknown, label: string, rule: NumberRule = {}): number {
  const n = toOptionalNumber(value, label, rule);
  if (n === null) throw new InputError(`参数${label}不能为空`, label);
  return n;
}

/** A number, or null when the argument is omitted or the cell is empty. */
export function toOptionalNumber(value: unknown, label: string, rule: NumberRule = {}): number | null {
  const cells = Array.isArray(value) ? flattenCells(value) : [value];
  if (cells.length > 1) throw new InputError(`参数${label}应为单个数值，收到 ${showReceived(value)}`, label);
  const cell = cells[0];
  refuseError(cell, label);
  if (isBlank(cell)) return null;
  const n = parseNumber(cell);
  if (n === null) throw new InputError(`参数${label}应为数字，收到 ${showReceived(cell)}`, label);
  return checkNumber(n, label, rule, cell);
}

/**
 * The cells of a range as numbers, keeping empty cells as null so that two ranges read side by side
 * (thresholds and their points, months) stay aligned. Numeric text reads as its number; other text
 * is refused with its position.
 */
export function toCellList(value: unknown, label: string): (number | null)[] {
  return flattenCells(value).map((cell, index) => {
    refuseError(cell, label);
    if (isBlank(cell)) return null;
    const n = parseNumber(cell);
    if (n === null) throw new InputError(`参数${label}的第 ${index + 1} 个值应为数字，收到 ${showReceived(cell)}`, label);
    return n;
  });
}

/**
 * Text of a cell or of a range (non-empty cells joined by `joiner`). Numbers read as written
 * (1 → "1"); booleans as TRUE/FALSE; blank → "".
 */
export function toText(value: unknown, label: string, joiner = "\n"): string {
  const parts: string[] = [];
  for (const cell of flattenCells(value)) {
    refuseError(cell, label);
    if (isBlank(cell)) continue;
    if (typeof cell === "string") parts.push(cell);
    else if (typeof cell === "number") parts.push(String(cell));
    else if (typeof cell === "boolean") parts.push(cell ? "TRUE" : "FALSE");
    else throw new InputError(`参数${label}应为文本，收到 ${showReceived(cell)}`, label);
  }
  return parts.join(joiner);
}

/** Excel's largest date serial (9999-12-31). */
const MAX_SERIAL = 2_958_465;

/**
 * A calendar day from an Excel date serial (the time of day is ignored) or from text "2024-09-01",
 * "2024/9/1", "2024年9月1日". Omitted, empty and 0 (what an empty cell becomes as a number: no real
 * date) read as null, so the caller can apply its default.
 */
export function toOptionalIsoDate(value: unknown, label: string): IsoDate | null {
  const cells = flattenCells(value);
  if (cells.length > 1) throw new InputError(`参数${label}应为单个日期，收到 ${showReceived(value)}`, label);
  const cell = cells[0];
  refuseError(cell, label);
  if (isBlank(cell) || cell === 0) return null;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell > MAX_SERIAL) {
      throw new InputError(`参数${label}应为 Excel 日期，收到 ${showReceived(cell)}`, label);
    }
    return isoFromExcelSerial(cell);
  }
  if (typeof cell === "string") {
    const text = foldWidth(cell.trim());
    const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
    const iso = match ? parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
    if (iso) return iso;
  }
  throw new InputError(`参数${label}应为日期（如 2024-09-01 或 Excel 日期），收到 ${showReceived(cell)}`, label);
}

/** A four-digit year, or null when omitted / empty / 0. */
export function toOptionalYear(value: unknown, label: string): number | null {
  const cells = flattenCells(value);
  if (cells.length === 1 && cells[0] === 0) return null;
  const year = toOptionalNumber(value, label, { integer: true });
  if (year === null) return null;
  if (year < 1900 || year > 9999) throw new InputError(`参数${label}应为四位年份，如 2024，收到 ${showReceived(year)}`, label);
  return year;
}

/** A scoring input from one argument: a single cell reads as a value, a larger range stays a range. */
function toRawInput(argument: unknown, label: string): RawInput {
  if (!Array.isArray(argument)) return toRawCell(argument, label);
  const rows = argument.map((row) => (Array.isArray(row) ? row : [row]));
  if (rows.length === 1 && rows[0].length === 1) return toRawCell(rows[0][0], label);
  return rows.map((row) => row.map((cell) => toRawCell(cell, label)));
}

function toRawCell(cell: unknown, label: string): RawInput {
  refuseError(cell, label);
  if (isBlank(cell)) return null;
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
  throw new InputError(`参数${label}含有无法识别的值`, label);
}

/**
 * The values of a repeating parameter (`inputs…` of SCORE): one entry per argument, an empty cell
 * as null (the rule says whether it may be empty: "缺少完成比例…").
 */
export function toRawInputs(argumentsList: unknown, label: string): RawInput[] {
  if (argumentsList === null || argumentsList === undefined) return [];
  const list = Array.isArray(argumentsList) ? argumentsList : [argumentsList];
  return list.map((argument, index) => toRawInput(argument, `${label}第${index + 1}个`));
}

/** An item id as typed: 5, "5", "攻坚5", "基准市-…" (numbers that are whole read as their digits). */
export function toItemId(value: unknown, label: string): string | number {
  const cells = flattenCells(value);
  if (cells.length !== 1) throw new InputError(`参数${label}应为单个序号，收到 ${showReceived(value)}`, label);
  const cell = cells[0];
  refuseError(cell, label);
  if (isBlank(cell)) throw new InputError(`参数${label}不能为空，请填写评审项目的序号`, label);
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (typeof cell === "string") return foldWidth(cell.trim());
  throw new InputError(`参数${label}应为评审项目的序号，收到 ${showReceived(cell)}`, label);
}

/** A due date as an Excel date serial, for cells formatted as dates. */
export function toExcelSerial(date: IsoDate): number {
  return excelSerialFromIso(date);
}

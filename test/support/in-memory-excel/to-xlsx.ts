/**
 * Writes a WorkbookSnapshot of the in-memory Excel to an .xlsx file (Node, ExcelJS), so what the add-in
 * wrote can be opened and looked at: values, formulas, fills, font colours, bold, number formats, notes,
 * merges, column widths, sheet visibility, conditional formats and — from a snapshot taken with
 * { formats: true } — wrap, alignment, borders, row heights, locked cells, frozen rows and page layout.
 *
 * Formulas get a cached result where one can be computed here, so a viewer that does not know the
 * add-in's functions shows numbers instead of #NAME?: DALIANBING.* calls over cell references and
 * constants run the real functions of src/functions (with the CustomFunctions mock), TODAY() is the
 * date passed in, and IF, IFNA, SUM, SUMIFS, COUNTIF, COUNTA, comparisons and + - * / & are evaluated.
 * Anything else is written without a result.
 *
 * With `base` (the workbook the snapshot was read from, e.g. by from-xlsx.ts) its sheets keep the
 * formatting the snapshot does not carry (fonts, borders, widths, heights, alignment). Cells are matched
 * by address: columns the add-in inserted in the middle of a base sheet shift its formatting.
 */
import ExcelJS from "exceljs";
import "../custom-functions-mock";
import { MockCustomFunctionsError } from "../custom-functions-mock";
import * as functions from "../../../src/functions/functions";
import { cellAddress } from "../../../src/core/address";
import { excelSerialFromIso, parseIsoDate } from "../../../src/core/dates";
import type { SheetSnapshot, SnapshotCell, SnapshotValue, WorkbookSnapshot } from "./model";
import { parseColumn, parseRect } from "./model";

export interface ToXlsxOptions {
  /** What TODAY() answers, "yyyy-mm-dd". */
  today: string;
  /** The workbook the snapshot came from: its sheets' own formatting is kept. */
  base?: ExcelJS.Workbook;
  /**
   * For rendering with LibreOffice only, which recalculates on load a volatile cell and a cell whose
   * cached result is empty text, and then shows #NAME? for the add-in's functions: TODAY() is written
   * as DATE(y,m,d) of `today`, and a formula whose result is "" as an empty cell.
   */
  libreOfficeView?: boolean;
}

// ------------------------------------------------------------------------------------------------
// Formula evaluation

type Scalar = number | string | boolean | null | { error: string };
type Matrix = Scalar[][];
type Value = Scalar | Matrix;

/** A formula this evaluator cannot compute: the cell is written without a cached result. */
class Unsupported extends Error {}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b: string | null }
  | { t: "fn"; v: string }
  | { t: "op"; v: string };

const REF = String.raw`(?:(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.]+))!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?`;
const TOKEN = new RegExp(
  String.raw`\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![A-Za-z(])|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_.]*)\(|${REF}|(<>|<=|>=|[-+*/&=<>(),]))`,
  "uy",
);

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const text = formula.replace(/^=/, "");
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Unsupported(`cannot read ${formula}`);
    if (m[1] !== undefined) tokens.push({ t: "num", v: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: "str", v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) tokens.push({ t: "fn", v: m[3].toUpperCase() });
    else if (m[6] !== undefined) {
      const sheet = m[4] !== undefined ? m[4].replace(/''/g, "'") : (m[5] ?? null);
      tokens.push({ t: "ref", sheet, a: m[6], b: m[7] ?? null });
    } else if (m[8] !== undefined) tokens.push({ t: "op", v: m[8] });
    else throw new Unsupported(`cannot read ${formula}`);
  }
  return tokens;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet: string | null; a: string; b: string | null }
  | { k: "call"; name: string; args: Node[] }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "neg"; e: Node };

function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (v: string): boolean => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Unsupported(`expected ${v} in ${formula}`);
    i++;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let l = next();
    while (peek()?.t === "op" && ops.includes((peek() as { v: string }).v)) {
      const op = (tokens[i++] as { v: string }).v;
      l = { k: "bin", op, l, r: next() };
    }
    return l;
  };
  const primary = (): Node => {
    const tok = tokens[i++];
    if (!tok) throw new Unsupported(`unexpected end of ${formula}`);
    if (tok.t === "num") return { k: "lit", v: tok.v };
    if (tok.t === "str") return { k: "lit", v: tok.v };
    if (tok.t === "ref") return { k: "ref", sheet: tok.sheet, a: tok.a, b: tok.b };
    if (tok.t === "fn") {
      const args: Node[] = [];
      if (!isOp(")")) {
        for (;;) {
          args.push(isOp(",") || isOp(")") ? { k: "lit", v: null } : comparison());
          if (isOp(",")) i++;
          else break;
        }
      }
      expect(")");
      return { k: "call", name: tok.v, args };
    }
    if (tok.v === "(") {
      const e = comparison();
      expect(")");
      return e;
    }
    if (tok.v === "-") return { k: "neg", e: primary() };
    if (tok.v === "+") return primary();
    throw new Unsupported(`unexpected ${tok.v} in ${formula}`);
  };
  const term = binary(["*", "/"], primary);
  const additive = binary(["+", "-"], term);
  const concat = binary(["&"], additive);
  const comparison = binary(["=", "<>", "<", ">", "<=", ">="], concat);
  const tree = comparison();
  if (i !== tokens.length) throw new Unsupported(`trailing input in ${formula}`);
  return tree;
}

/** Parameters of the DALIANBING functions that take a range (2-D array); `rest` repeats (SCORE's inputs). */
const CUSTOM_FUNCTIONS: Record<string, { fn: (...args: unknown[]) => unknown; ranges: number[]; rest?: number }> = {
  TIER: { fn: functions.tierFunction as never, ranges: [1, 2] },
  PERUNIT: { fn: functions.perUnitFunction as never, ranges: [] },
  DEDUCT: { fn: functions.deductFunction as never, ranges: [] },
  MONTHLY: { fn: functions.monthlyFunction as never, ranges: [0] },
  TIERRANK: { fn: functions.tierRankFunction as never, ranges: [1, 2, 3] },
  PROPORTION: { fn: functions.proportionFunction as never, ranges: [] },
  STEP: { fn: functions.stepFunction as never, ranges: [] },
  SCORE: { fn: functions.scoreFunction as never, ranges: [], rest: 1 },
  MAXSCORE: { fn: functions.maxScoreFunction as never, ranges: [] },
  RULE: { fn: functions.ruleFunction as never, ranges: [] },
  OVERDUE: { fn: functions.overdueFunction as never, ranges: [] },
  STATUS: { fn: functions.statusFunction as never, ranges: [] },
  NEXTDUE: { fn: functions.nextDueFunction as never, ranges: [] },
};

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;
const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

function scalarOf(v: Value): Scalar {
  if (!isMatrix(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  throw new Unsupported("a range where one value is expected");
}

function toNumber(v: Scalar): number | { error: string } {
  if (isError(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? n : { error: "#VALUE!" };
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  const norm = (x: Scalar): number | string | boolean => (x === null ? "" : typeof x === "string" ? x.toLowerCase() : (x as number | boolean));
  const x = norm(a);
  const y = norm(b);
  // Excel orders numbers < text < booleans; empty equals "" and 0.
  const rank = (v: number | string | boolean): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (a === null && typeof y === "number") c = 0 - y;
  else if (b === null && typeof x === "number") c = x;
  else if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else c = x < y ? -1 : x > y ? 1 : 0;
  return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op]!;
}

/** A SUMIFS/COUNTIF criterion: "text", "否决*" (wildcards), ">0", "<>x", or a number. */
function criterion(crit: Scalar): (v: Scalar) => boolean {
  if (typeof crit === "number" || typeof crit === "boolean") return (v) => v === crit;
  const text = crit === null || isError(crit) ? "" : crit;
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(text)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  const n = Number(operand);
  if (operand !== "" && Number.isFinite(n)) return (v) => typeof v === "number" && compare(op, v, n);
  if (op === "=" || op === "<>") {
    const pattern = new RegExp(`^${operand.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "is");
    const matches = (v: Scalar): boolean => typeof v === "string" && pattern.test(v) && (operand !== "" || v === "");
    return op === "=" ? (v) => (operand === "" ? v === null || v === "" : matches(v)) : (v) => !matches(v);
  }
  return (v) => typeof v === "string" && compare(op, v, operand);
}

function cellsOf(v: Value): Scalar[] {
  return isMatrix(v) ? v.flat() : [v];
}

class Evaluator {
  private readonly sheets = new Map<string, SheetSnapshot>();
  private readonly cache = new Map<string, Scalar>();
  private readonly busy = new Set<string>();
  constructor(
    snapshot: WorkbookSnapshot,
    private readonly today: number,
  ) {
    for (const s of snapshot.sheets) this.sheets.set(s.name.toLowerCase(), s);
  }

  /** The value a cell shows: a computed result for formulas, or Unsupported. */
  cell(sheetName: string, address: string): Scalar {
    const sheet = this.sheets.get(sheetName.toLowerCase());
    if (!sheet) return { error: "#REF!" };
    const id = `${sheet.name}!${address}`;
    if (this.cache.has(id)) return this.cache.get(id)!;
    const c = sheet.cells[address];
    if (!c) return null;
    if (c.formula === undefined) return c.value;
    if (this.busy.has(id)) throw new Unsupported(`circular reference at ${id}`);
    this.busy.add(id);
    try {
      const result = scalarOf(this.evaluate(parse(c.formula), sheet.name));
      this.cache.set(id, result);
      return result;
    } finally {
      this.busy.delete(id);
    }
  }

  private range(node: Extract<Node, { k: "ref" }>, here: string): Matrix {
    const sheet = node.sheet ?? here;
    const rect = parseRect(node.b ? `${node.a}:${node.b}` : node.a);
    const out: Matrix = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.cell(sheet, cellAddress(r, c)));
      out.push(row);
    }
    return out;
  }

  evaluate(node: Node, here: string): Value {
    switch (node.k) {
      case "lit":
        return node.v;
      case "ref":
        return this.range(node, here);
      case "neg": {
        const n = toNumber(scalarOf(this.evaluate(node.e, here)));
        return isError(n) ? n : -n;
      }
      case "bin":
        return this.binary(node.op, scalarOf(this.evaluate(node.l, here)), scalarOf(this.evaluate(node.r, here)));
      case "call":
        return this.call(node.name, node.args, here);
    }
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (op === "&") return `${a ?? ""}${b ?? ""}`;
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) return compare(op, a, b);
    const x = toNumber(a);
    const y = toNumber(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    if (op === "+") return x + y;
    if (op === "-") return x - y;
    if (op === "*") return x * y;
    if (y === 0) return { error: "#DIV/0!" };
    return x / y;
  }

  private call(name: string, args: Node[], here: string): Value {
    const arg = (i: number): Value => (args[i] ? this.evaluate(args[i], here) : null);
    const truthy = (v: Scalar): boolean | { error: string } => {
      if (isError(v)) return v;
      if (typeof v === "string") throw new Unsupported("text as a condition");
      return Boolean(v);
    };
    switch (name) {
      case "TODAY":
        return this.today;
      case "IF": {
        const c = truthy(scalarOf(arg(0)));
        if (isError(c)) return c;
        return c ? arg(1) : args.length > 2 ? arg(2) : false;
      }
      case "IFNA": {
        const v = scalarOf(arg(0));
        return isError(v) && v.error === "#N/A" ? arg(1) : v;
      }
      case "SUM": {
        let total = 0;
        for (let i = 0; i < args.length; i++) {
          const v = arg(i);
          for (const x of cellsOf(v)) {
            if (isError(x)) return x;
            // In a range only numbers count; a direct argument is converted.
            if (typeof x === "number") total += x;
            else if (!isMatrix(v) && x !== null) {
              const n = toNumber(x);
              if (isError(n)) return n;
              total += n;
            }
          }
        }
        return total;
      }
      case "N": {
        // A number stays, TRUE is 1, anything else (text, "") is 0; an error passes.
        const v = scalarOf(arg(0));
        if (isError(v)) return v;
        return typeof v === "number" ? v : v === true ? 1 : 0;
      }
      case "MIN": {
        let least: number | null = null;
        for (let i = 0; i < args.length; i++) {
          for (const x of cellsOf(arg(i))) {
            if (isError(x)) return x;
            if (typeof x === "number") least = least === null ? x : Math.min(least, x);
          }
        }
        return least ?? 0;
      }
      case "COUNTA": {
        // Cells that are not empty (an empty-text formula result counts, as in Excel).
        let count = 0;
        for (let i = 0; i < args.length; i++) for (const x of cellsOf(arg(i))) if (x !== null) count++;
        return count;
      }
      case "SUMIFS":
      case "COUNTIF": {
        const sumRange = name === "SUMIFS" ? cellsOf(arg(0)) : null;
        const pairs: [Scalar[], (v: Scalar) => boolean][] = [];
        for (let i = name === "SUMIFS" ? 1 : 0; i + 1 < args.length; i += 2) pairs.push([cellsOf(arg(i)), criterion(scalarOf(arg(i + 1)))]);
        const size = (sumRange ?? pairs[0][0]).length;
        if (pairs.some(([cells]) => cells.length !== size)) return { error: "#VALUE!" };
        let sum = 0;
        let count = 0;
        for (let k = 0; k < size; k++) {
          if (!pairs.every(([cells, test]) => test(cells[k]))) continue;
          count++;
          const x = sumRange?.[k];
          if (typeof x === "number") sum += x;
        }
        return name === "SUMIFS" ? sum : count;
      }
      default:
        if (name.startsWith("DALIANBING.")) return this.custom(name.slice("DALIANBING.".length), args.map((_, i) => arg(i)));
        throw new Unsupported(`function ${name}`);
    }
  }

  private custom(name: string, values: Value[]): Scalar {
    const spec = CUSTOM_FUNCTIONS[name];
    if (!spec) return { error: "#NAME?" };
    const shape = (v: Value, i: number): unknown => {
      const range = spec.ranges.includes(i) || (spec.rest !== undefined && i >= spec.rest);
      const m = isMatrix(v) ? v : [[v]];
      // Excel answers an error argument itself; the function is not called.
      const err = m.flat().find(isError);
      if (err) throw Object.assign(new Unsupported("error argument"), { value: err });
      return range ? m : scalarOf(v);
    };
    let args: unknown[];
    try {
      const shaped = values.map(shape);
      args = spec.rest !== undefined ? [...shaped.slice(0, spec.rest), shaped.slice(spec.rest)] : shaped;
    } catch (e) {
      if (e instanceof Unsupported && "value" in e) return (e as unknown as { value: Scalar }).value;
      throw e;
    }
    try {
      const result = spec.fn(...args);
      if (Array.isArray(result)) throw new Unsupported(`${name} spills`);
      return result as Scalar;
    } catch (e) {
      if (e instanceof MockCustomFunctionsError) return { error: e.code };
      throw e;
    }
  }
}

/** The value `formula` in `sheet` computes to, or undefined when this evaluator cannot tell. */
export function evaluateFormula(snapshot: WorkbookSnapshot, sheet: string, formula: string, today: string): SnapshotValue | undefined {
  try {
    return scalarOf(new Evaluator(snapshot, todaySerial(today)).evaluate(parse(formula), sheet));
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function todaySerial(today: string): number {
  const iso = parseIsoDate(today);
  if (!iso) throw new Error(`today must be yyyy-mm-dd, got ${today}`);
  return excelSerialFromIso(iso);
}

// ------------------------------------------------------------------------------------------------
// Writing

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** Office.js column width (points) → ExcelJS width (characters of the default font, 7 px + 5 px padding). */
function charactersOf(points: number): number {
  return Math.max(0, Math.round(((points * 96) / 72 - 5) / 7 * 100) / 100);
}

const H_ALIGN: Record<string, ExcelJS.Alignment["horizontal"]> = { Left: "left", Center: "center", Right: "right", General: undefined as never };
const V_ALIGN: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom" };

function borderOf(style: Record<string, unknown>, side: string): Partial<ExcelJS.Border> | undefined {
  const line = style[`border${side}.style`];
  if (line === undefined || line === "None") return undefined;
  const weight = String(style[`border${side}.weight`] ?? "Thin");
  const color = style[`border${side}.color`];
  const kind: ExcelJS.BorderStyle =
    line === "Dash" ? "dashed" : line === "Dot" ? "dotted" : line === "Double" ? "double" : weight === "Medium" ? "medium" : weight === "Thick" ? "thick" : weight === "Hairline" ? "hair" : "thin";
  return { style: kind, ...(typeof color === "string" ? { color: { argb: argb(color) } } : {}) };
}

/** Whether from-xlsx.ts read this fill / font colour (then the snapshot says whether it is still there). */
function hasArgbFill(cell: ExcelJS.Cell): boolean {
  const f = cell.fill;
  return !!f && f.type === "pattern" && f.pattern === "solid" && typeof f.fgColor?.argb === "string";
}

function writeCell(cell: ExcelJS.Cell, c: SnapshotCell, result: SnapshotValue | undefined, fromBase: boolean, today: string | null): void {
  if (c.formula !== undefined && today !== null && result === "") {
    cell.value = null;
  } else if (c.formula !== undefined) {
    let formula = c.formula.replace(/^=/, "");
    if (today !== null) {
      const [y, m, d] = today.split("-").map(Number);
      formula = formula.replace(/\bTODAY\(\)/gi, `DATE(${y},${m},${d})`);
    }
    const cached = result !== undefined ? result : c.value;
    cell.value = cached === null || cached === undefined ? ({ formula } as ExcelJS.CellFormulaValue) : ({ formula, result: cached } as ExcelJS.CellFormulaValue);
  } else {
    cell.value = c.value as ExcelJS.CellValue;
  }
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
  else if (fromBase && hasArgbFill(cell)) cell.fill = { type: "pattern", pattern: "none" };
  const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
  if (c.fontColor) font.color = { argb: argb(c.fontColor) };
  else if (fromBase && typeof font.color?.argb === "string") delete font.color;
  if (c.bold !== undefined || !fromBase) font.bold = c.bold ?? false;
  const style = c.style ?? {};
  if (typeof style.fontSize === "number") font.size = style.fontSize;
  if (typeof style.fontName === "string") font.name = style.fontName;
  if (typeof style.italic === "boolean") font.italic = style.italic;
  cell.font = font;
  if (c.numberFormat) cell.numFmt = c.numberFormat;
  if (c.note !== undefined || c.comment !== undefined) {
    cell.note = [c.note, c.comment, ...(c.commentReplies ?? [])].filter((t) => t !== undefined).join("\n—\n");
  }
  const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
  if (typeof style.wrapText === "boolean") alignment.wrapText = style.wrapText;
  if (typeof style.horizontalAlignment === "string") alignment.horizontal = H_ALIGN[style.horizontalAlignment];
  if (typeof style.verticalAlignment === "string") alignment.vertical = V_ALIGN[style.verticalAlignment];
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  const border: Partial<ExcelJS.Borders> = { ...(cell.border ?? {}) };
  for (const side of ["Top", "Bottom", "Left", "Right"] as const) {
    const b = borderOf(style, side);
    if (b) border[side.toLowerCase() as "top"] = b;
  }
  if (Object.keys(border).length > 0) cell.border = border;
  if (style.locked === false) cell.protection = { locked: false };
}

/**
 * Excel sizes a row whose height nobody set to its wrapped text (and the add-in asks for that with
 * autofitRows); an .xlsx written here carries no such height and LibreOffice keeps the default. So
 * rows with wrapped text and no height get an estimate: CJK characters one em wide, others ~0.55 em.
 */
function estimateRowHeights(ws: ExcelJS.Worksheet, merged: Set<string>): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.height !== undefined) return;
    let height = 0;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!cell.alignment?.wrapText || merged.has(cell.address)) return;
      const v = cell.value as unknown;
      const text = typeof v === "string" ? v : typeof v === "object" && v !== null && "result" in v ? String((v as { result: unknown }).result ?? "") : "";
      if (text === "") return;
      const size = cell.font?.size ?? 11;
      const widthPt = (((ws.getColumn(cell.col).width ?? 8.43) * 7 + 5) * 72) / 96 - 4;
      let lines = 0;
      for (const part of text.split("\n")) {
        let w = 0;
        for (const ch of part) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.55;
        lines += Math.max(1, Math.ceil(w / Math.max(widthPt, size)));
      }
      height = Math.max(height, lines * size * 1.3 + 3);
    });
    if (height > 15) row.height = Math.round(height * 10) / 10;
  });
}

function copyBaseSheet(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): void {
  from.columns?.forEach((col, i) => {
    if (col.width !== undefined) to.getColumn(i + 1).width = col.width;
  });
  from.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) to.getRow(r).height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      to.getCell(r, c).style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  });
  to.pageSetup = { ...from.pageSetup };
  if (from.views?.length) to.views = from.views.map((v) => ({ ...v }));
}

export function workbookFromSnapshot(snapshot: WorkbookSnapshot, options: ToXlsxOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const evaluator = new Evaluator(snapshot, todaySerial(options.today));
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    const base = options.base?.getWorksheet(s.name);
    if (base) copyBaseSheet(base, ws);
    if (s.visibility === "Hidden") ws.state = "hidden";
    if (s.visibility === "VeryHidden") ws.state = "veryHidden";
    // Base cells the snapshot no longer has were cleared through the API: keep their look, drop the value.
    if (base) {
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (!(cell.address in s.cells)) cell.value = null;
        }),
      );
    }
    const rowHeights = new Map<number, number>();
    for (const [address, c] of Object.entries(s.cells)) {
      let result: SnapshotValue | undefined;
      if (c.formula !== undefined) {
        try {
          result = evaluator.cell(s.name, address);
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
        }
      }
      const cell = ws.getCell(address);
      writeCell(cell, c, result, base !== undefined, options.libreOfficeView ? options.today : null);
      if (typeof c.style?.rowHeight === "number") rowHeights.set(Number(cell.row), c.style.rowHeight);
    }
    for (const [r, h] of rowHeights) ws.getRow(r).height = h;
    for (const [col, w] of Object.entries(s.columnWidths ?? {})) ws.getColumn(parseColumn(col) + 1).width = charactersOf(w);
    for (const m of s.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // Already merged (kept from the base sheet).
      }
    }
    for (const cf of s.conditionalFormats ?? []) {
      const style: Partial<ExcelJS.Style> = {};
      if (cf.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } };
      if (cf.fontColor) style.font = { color: { argb: argb(cf.fontColor) } };
      if (cf.type === "Custom" && cf.formula) {
        ws.addConditionalFormatting({ ref: cf.range, rules: [{ type: "expression", priority: 1, formulae: [cf.formula.replace(/^=/, "")], style }] });
      } else if (cf.type === "ContainsText" && cf.text !== undefined) {
        const operator = cf.operator === "BeginsWith" ? "beginsWith" : cf.operator === "EndsWith" ? "endsWith" : cf.operator === "NotContains" ? "notContains" : "containsText";
        ws.addConditionalFormatting({ ref: cf.range, rules: [{ type: "containsText", priority: 1, operator, text: cf.text, style } as ExcelJS.ConditionalFormattingRule] });
      }
    }
    const mergedCells = new Set<string>();
    for (const m of s.merges ?? []) {
      const rect = parseRect(m);
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) mergedCells.add(cellAddress(r, c));
    }
    estimateRowHeights(ws, mergedCells);
    if (s.frozenRows) ws.views = [{ state: "frozen", ySplit: s.frozenRows }];
    const layout = s.pageLayout;
    if (layout) {
      // OOXML paper codes: 8 = A3, 9 = A4.
      if (layout.paperSize === "A3" || layout.paperSize === "A4") ws.pageSetup.paperSize = (layout.paperSize === "A3" ? 8 : 9) as never;
      if (layout.orientation) ws.pageSetup.orientation = layout.orientation === "Landscape" ? "landscape" : "portrait";
      if (layout.zoom?.horizontalFitToPages !== undefined || layout.zoom?.verticalFitToPages !== undefined) {
        ws.pageSetup.fitToPage = true;
        ws.pageSetup.fitToWidth = layout.zoom.horizontalFitToPages ?? 0;
        ws.pageSetup.fitToHeight = layout.zoom.verticalFitToPages ?? 0;
      } else if (layout.zoom?.scale !== undefined) ws.pageSetup.scale = layout.zoom.scale;
      if (layout.printTitleRows) ws.pageSetup.printTitlesRow = layout.printTitleRows.replace(/\$/g, "").replace(/^(\d+)$/, "$1:$1");
      if (layout.centerHorizontally !== undefined) ws.pageSetup.horizontalCentered = layout.centerHorizontally;
    }
  }
  return wb;
}

export async function writeXlsx(snapshot: WorkbookSnapshot, path: string, options: ToXlsxOptions): Promise<void> {
  await workbookFromSnapshot(snapshot, options).xlsx.writeFile(path);
}

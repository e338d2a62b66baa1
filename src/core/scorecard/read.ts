/**
 * Reading filled 评分表 sheets back (issue 7 §2, `dalianbing score`, the web page's 计算评分表): any
 * set, filled in Excel, in WPS or by hand. Only what staff typed is read — the labelled input cells —
 * and every score, subtotal, bonus, veto and total is computed by the core (scoreItem, computeTotals),
 * so a copy whose formulas were never calculated (WPS without the add-in, ExcelJS) scores the same.
 * Inputs that are other items' scores (scoreOf) are taken from those items' computed scores, never
 * from the cell, as the sheet's own formulas do.
 *
 * A sheet is a 评分表 when a row in its first ten holds 序号 and 得分 and its title (or name) says
 * 评分表; the title names the set (攻坚 / 基准…市级 / 基准…县级 / 个人).
 */
import { cellAddress } from "../address";
import { isCellError, type CellValue, type Problem, type SheetGrid } from "../grid";
import { findItem, retiredIdMessage, RULE_SETS } from "../rules/catalog";
import { RULE_SET_ZH } from "../rules/format";
import { shortId } from "../rules/coerce";
import { scoreItem, VETO_TEXT } from "../rules/score";
import { computeTotals, type ItemScore, type SetTotals } from "../rules/totals";
import type { InputSpec, RawInput, RuleItem, RuleSetId } from "../rules/types";
import { foldWidth } from "../width";
import { CAMPAIGN_MONTHS } from "../rules/coerce";
import { CANDIDATE_KEY, inputLabel, MONTHS, SCORECARD_SHEET_NAMES } from "./layout";

export interface ScorecardItemResult {
  /** The catalog id, as DALIANBING.SCORE takes it ("1", "基准市-2.1.1", "个人-3.1.1"). */
  id: string;
  score: ItemScore;
  /** Why the item has no score although something was typed, or why its row was not found. */
  problem?: string;
}

export interface ScorecardReading {
  sheet: string;
  set: RuleSetId;
  /** 个人: the name in the 候选人姓名 cell, when filled. */
  candidate?: string;
  totals: SetTotals;
  items: ScorecardItemResult[];
  /** Each problem with its sheet and cell (also on the item it concerns). */
  problems: Problem[];
}

/** A located input: where its value cells are, and what they hold. */
interface FoundInput {
  spec: InputSpec;
  row: number;
  first: number;
  values: CellValue[];
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined || isCellError(value)) return "";
  return foldWidth(String(value)).replace(/\s+/g, "");
}

const cell = (grid: SheetGrid, r: number, c: number): CellValue => grid.values[r]?.[c] ?? null;

/** The set a title or sheet name speaks of, or null. */
export function setOfTitle(title: string): RuleSetId | null {
  const t = foldWidth(title).replace(/\s+/g, "");
  if (t.includes("攻坚")) return "攻坚";
  if (t.includes("基准")) return t.includes("县级") ? "基准县" : "基准市";
  if (t.includes("个人")) return "个人";
  return null;
}

export interface RecognisedScorecard {
  set: RuleSetId;
  headerRow: number;
  idCol: number;
}

/** Whether `grid` is a 评分表, and of which set; a 评分表 whose set cannot be told is a problem. */
export function recogniseScorecard(grid: SheetGrid): RecognisedScorecard | Problem | null {
  const limit = Math.min(grid.values.length, 10);
  for (let r = 0; r < limit; r++) {
    const row = grid.values[r] ?? [];
    const idCol = row.findIndex((v) => text(v) === "序号");
    if (idCol < 0 || !row.some((v) => text(v) === "得分")) continue;
    const above = grid.values.slice(0, r).flatMap((cells) => (cells ?? []).map(text)).join("");
    const named = Object.entries(SCORECARD_SHEET_NAMES).find(([, name]) => grid.name === name)?.[0] as RuleSetId | undefined;
    if (!above.includes("评分表") && !named && !grid.name.includes("评分表")) return null;
    const set = setOfTitle(above) ?? named ?? setOfTitle(grid.name);
    if (!set) {
      return {
        sheet: grid.name,
        cell: "A1",
        message: `工作表“${grid.name}”像是评分表，但标题中看不出是哪一套细则；请在第1行标题中写明“攻坚任务”“基准任务（市级/县级）”或“个人”。`,
      };
    }
    return { set, headerRow: r, idCol };
  }
  return null;
}

/** The item a 序号 cell names in `set`, or null. */
function itemOfIdCell(value: CellValue, set: RuleSetId): RuleItem | null {
  if (value === null || isCellError(value)) return null;
  if (typeof value === "number") return findItem(set === "攻坚" ? value : String(value), set);
  const t = text(value);
  return t === "" ? null : findItem(t, set);
}

/** Section and group titles in the 序号 column ("一、基础分", "（一）队伍建设与管理"), after text()'s width folding. */
const BAND_TITLE = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;

/**
 * Why a filled 序号 cell names no item of `set` (a retired 个人 id says its new one); null for an
 * empty cell or a section title.
 */
function unknownIdMessage(value: CellValue, set: RuleSetId): string | null {
  if (isCellError(value)) return `序号单元格是错误值 ${value.error}`;
  const t = text(value);
  if (t === "" || BAND_TITLE.test(t)) return null;
  return retiredIdMessage(t, set) ?? `序号“${t}”不是${RULE_SET_ZH[set]}中的评审项目`;
}

/**
 * A label cell for `spec` in row r: the exact label, or (sheets of an earlier layout, or typed by
 * hand) a cell that starts with the input's name and then its unit or a comma.
 */
function findLabel(grid: SheetGrid, r: number, from: number, spec: InputSpec): number {
  const row = grid.values[r] ?? [];
  const exact = foldWidth(inputLabel(spec)).replace(/\s+/g, "");
  const name = foldWidth(spec.name).replace(/\s+/g, "");
  let loose = -1;
  for (let c = from; c < row.length; c++) {
    const t = text(row[c]);
    if (t === exact) return c;
    if (loose < 0 && t.startsWith(name) && (t.length === name.length || "（(,，".includes(t[name.length]))) loose = c;
  }
  return loose;
}

/** The rows of the item whose 序号 is in row r: up to the next 序号 or band (at most 30 rows). */
function itemRows(grid: SheetGrid, r: number, idCol: number): number[] {
  const rows = [r];
  for (let k = r + 1; k < Math.min(grid.values.length, r + 30); k++) {
    const row = grid.values[k] ?? [];
    if (!isBlank(row[idCol] ?? null) || row.length === 0) break;
    rows.push(k);
  }
  return rows;
}

/**
 * Where each input of the item whose 序号 is in row r is, and what its cells hold; missing labels are
 * absent. Labels are looked for right of the 序号 in the item's rows (one per input in this layout,
 * all in one row in the first release's).
 */
function locateInputs(grid: SheetGrid, item: RuleItem, r: number, idCol: number): Map<InputSpec, FoundInput> {
  const found = new Map<InputSpec, FoundInput>();
  const rows = itemRows(grid, r, idCol);
  // Per row, where the next label may start (after the previous input's values).
  const next = new Map<number, number>();
  for (const spec of item.inputs) {
    let labelRow = -1;
    let label = -1;
    for (const k of rows) {
      label = findLabel(grid, k, next.get(k) ?? idCol + 1, spec);
      if (label >= 0) {
        labelRow = k;
        break;
      }
    }
    if (label < 0) continue;
    const width = spec.kind === "monthly" ? MONTHS : 1;
    // A monthly input's month names sit above its values (this release) or there are none (earlier).
    const monthsAbove = spec.kind === "monthly" && text(cell(grid, labelRow, label + 1)) === CAMPAIGN_MONTHS[0];
    const valueRow = monthsAbove ? labelRow + 1 : labelRow;
    const values: CellValue[] = [];
    for (let k = 0; k < width; k++) values.push(cell(grid, valueRow, label + 1 + k));
    found.set(spec, { spec, row: valueRow, first: label + 1, values });
    next.set(labelRow, label + 1 + width);
  }
  return found;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** The name in the 候选人姓名 cell above the header row ("" when none). */
function candidateOf(grid: SheetGrid, headerRow: number): string {
  for (const cells of grid.values.slice(0, headerRow)) {
    const at = (cells ?? []).findIndex((v) => text(v) === CANDIDATE_KEY);
    if (at >= 0) return text(cells[at + 1]);
  }
  return "";
}

/**
 * What staff typed into an old 评分表, kept on rebuild: item inputs by `${id}|${input name}`, and for
 * 个人 the candidate's name under CANDIDATE_KEY.
 */
export function typedScorecardInputs(grid: SheetGrid, set: RuleSetId): Map<string, CellValue[]> {
  const typed = new Map<string, CellValue[]>();
  const where = recogniseScorecard(grid);
  const headerRow = where && "set" in where ? where.headerRow : 0;
  const idCol = where && "set" in where ? where.idCol : 0;
  const candidate = set === "个人" ? candidateOf(grid, headerRow) : "";
  if (candidate !== "") typed.set(CANDIDATE_KEY, [candidate]);
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const item = itemOfIdCell(cell(grid, r, idCol), set);
    if (!item) continue;
    for (const input of locateInputs(grid, item, r, idCol).values()) {
      if (input.spec.scoreOf) continue;
      if (input.values.some((v) => !isBlank(v))) typed.set(`${item.id}|${input.spec.name}`, input.values);
    }
  }
  return typed;
}

function raw(v: CellValue): RawInput {
  return isCellError(v) ? null : v;
}

/** The input cell a message speaks of (it names the input), else the first input's cell. */
function cellOfMessage(message: string, inputs: FoundInput[], fallback: string): string {
  const named = inputs.filter((i) => message.includes(i.spec.name)).sort((a, b) => b.spec.name.length - a.spec.name.length)[0];
  const input = named ?? inputs.find((i) => !i.spec.scoreOf);
  if (!input) return fallback;
  const last = input.first + input.values.length - 1;
  return last === input.first ? cellAddress(input.row, input.first) : `${cellAddress(input.row, input.first)}:${cellAddress(input.row, last)}`;
}

export function readScorecard(grid: SheetGrid, where: RecognisedScorecard): ScorecardReading {
  const { set, headerRow, idCol } = where;
  const problems: Problem[] = [];
  const rows = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const id = cell(grid, r, idCol);
    const item = itemOfIdCell(id, set);
    if (!item) {
      const unknown = unknownIdMessage(id, set);
      if (unknown) problems.push({ sheet: grid.name, cell: cellAddress(r, idCol), message: `${grid.name}!${cellAddress(r, idCol)}：${unknown}，这一行未读取。` });
      continue;
    }
    if (rows.has(item.id)) {
      problems.push({ sheet: grid.name, cell: cellAddress(r, idCol), message: `第${r + 1}行的序号${shortId(item.id)}与第${rows.get(item.id)! + 1}行重复，只读取第${rows.get(item.id)! + 1}行。` });
      continue;
    }
    rows.set(item.id, r);
  }
  const scores: Record<string, ItemScore> = {};
  const results = new Map<string, ScorecardItemResult>();
  const place = (item: RuleItem): string => `第${shortId(item.id)}项“${item.name}”`;
  /** An item that cannot be scored: no score, and the reason said with its cell. */
  const unscored = (item: RuleItem, at: string, message: string): void => {
    problems.push({ sheet: grid.name, cell: at, message });
    results.set(item.id, { id: item.id, score: null, problem: message });
    scores[item.id] = null;
  };
  const catalog = RULE_SETS[set];
  // Items whose inputs are other items' scores come after those items.
  const order = [...catalog.filter((i) => !i.inputs.some((s) => s.scoreOf)), ...catalog.filter((i) => i.inputs.some((s) => s.scoreOf))];
  for (const item of order) {
    const r = rows.get(item.id);
    if (r === undefined) {
      unscored(item, "", `工作表“${grid.name}”中没有${place(item)}的行，该项按未填写计。`);
      continue;
    }
    const found = locateInputs(grid, item, r, idCol);
    const scoreCell = cellAddress(r, idCol + 5);
    const missingLabels = item.inputs.filter((s) => !s.scoreOf && !found.has(s));
    if (missingLabels.length > 0) {
      const at = cellAddress(r, idCol);
      unscored(item, at, `${grid.name}!${at}（${place(item)}）：找不到“${missingLabels.map((s) => s.name).join("”“")}”的填报单元格，该项未计分；请勿改动填报内容一列的文字。`);
      continue;
    }
    const typed = item.inputs.filter((s) => !s.scoreOf).map((s) => found.get(s)!);
    const errorCell = typed.flatMap((i) => i.values.map((v, k) => ({ v, at: cellAddress(i.row, i.first + k) }))).find(({ v }) => isCellError(v));
    if (errorCell) {
      unscored(item, errorCell.at, `${grid.name}!${errorCell.at}（${place(item)}）：单元格是错误值 ${(errorCell.v as { error: string }).error}，该项未计分。`);
      continue;
    }
    if (typed.length > 0 && typed.every((i) => i.values.every(isBlank))) {
      results.set(item.id, { id: item.id, score: null });
      scores[item.id] = null;
      continue;
    }
    const inputs: RawInput[] = item.inputs.map((spec) => {
      if (spec.scoreOf) {
        // As the sheet's N(…) references: an item without a score earned 0.
        return spec.scoreOf.reduce((sum: number, id) => sum + (typeof scores[id] === "number" ? (scores[id] as number) : 0), 0);
      }
      const input = found.get(spec)!;
      return spec.kind === "monthly" ? [input.values.map(raw)] : raw(input.values[0]);
    });
    const outcome = scoreItem(item, inputs);
    if (outcome.kind === "error") {
      const at = cellOfMessage(outcome.message, [...found.values()], scoreCell);
      unscored(item, at, `${grid.name}!${at}（${place(item)}）：${outcome.message}`);
      continue;
    }
    const score: ItemScore = outcome.kind === "veto" ? VETO_TEXT : outcome.points;
    results.set(item.id, { id: item.id, score });
    scores[item.id] = score;
  }
  const totals = computeTotals(set, scores);
  // Report each item as counted (a deduction after its floor), in the 附件's order.
  const items = catalog.map((item) => ({ ...results.get(item.id)!, score: totals.items[item.id] ?? null }));
  const reading: ScorecardReading = { sheet: grid.name, set, totals, items, problems };
  if (set === "个人") {
    const name = candidateOf(grid, headerRow);
    if (name !== "") reading.candidate = name;
  }
  return reading;
}

/** Every 评分表 in a workbook, in sheet order; sheets that look like one but name no set are problems. */
export function readScorecards(grids: SheetGrid[]): { readings: ScorecardReading[]; problems: Problem[] } {
  const readings: ScorecardReading[] = [];
  const problems: Problem[] = [];
  for (const grid of grids) {
    const where = recogniseScorecard(grid);
    if (!where) continue;
    if (!("set" in where)) problems.push(where);
    else readings.push(readScorecard(grid, where));
  }
  return { readings, problems };
}

/**
 * The 评分表 of one rule set as data (issue 7 §2): every cell's value or formula, its role (which the
 * shells turn into fills, fonts and borders through ROLE_STYLES), merged areas and column widths.
 * The add-in (src/excel/scorecard.ts) and the command line (src/xlsx/scorecard.ts) both write this
 * layout, so the sheet is the same wherever it is made; readScorecards (./read.ts) reads it back.
 *
 * Layout, top to bottom: title, hint (and for 个人 the candidate's name), header, then
 *   一、基础分: one group per 一级指标 (LEVEL1_TOTALS: 攻坚 33/41/26, 基准市 30/42/28, 基准县 25/42/28,
 *      个人 8/50/31/11), each closed by its 小计 over its own rows;
 *   加分项, capped at bonusMaximum (攻坚 3分, line 218);
 *   分解表自设项 (攻坚21, not in 附件4), shown apart and counted nowhere;
 *   否决项 (取消参评资格);
 *   合计: 基础分合计, 加分合计, 否决情况, 总分.
 * An item: 序号, 二级指标, 评审项目, 类型, 分值, 得分 (a live DALIANBING.SCORE), merged over the item's
 * rows; each input takes one row, its label in 填报内容 and its value in 填报数值. A monthly input takes
 * two: the twelve month names (2023年12月 … 2024年11月) above its twelve value cells.
 * Inputs that are other items' scores (scoreOf: "扣完该项分值为止", "该项不得分") are formulas that
 * refer to those items' 得分 cells, so a heading never goes below 0 in the sheet.
 */
import { cellAddress, columnName } from "../address";
import { LEVEL1_STATED, LEVEL1_TOTALS, RULE_SETS } from "../rules/catalog";
import { CAMPAIGN_MONTHS, shortId } from "../rules/coerce";
import { baseMaximum, bonusMaximum, forfeitedHeading } from "../rules/totals";
import type { InputSpec, RuleItem, RuleSetId } from "../rules/types";
import type { ScanResult } from "../scan/types";
import type { CellValue } from "../grid";

/** What a cell is; the shells style each role the same way (ROLE_STYLES in ./styles.ts). */
export type CellRole =
  | "title"
  | "hint"
  | "candidateLabel"
  | "candidate"
  | "header"
  | "section"
  | "group"
  | "id"
  | "text"
  | "type"
  | "max"
  | "score"
  | "vetoScore"
  | "label"
  | "input"
  | "ratioInput"
  | "month"
  | "reference"
  | "summaryLabel"
  | "summaryMax"
  | "summaryScore"
  | "totalLabel"
  | "totalScore";

export interface LayoutCell {
  row: number;
  col: number;
  role: CellRole;
  /** A constant (text or number), or a formula starting with "=". Absent: an empty styled cell. */
  value?: string | number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface InputPlace {
  spec: InputSpec;
  /** Label cell (row, column). */
  labelRow: number;
  label: number;
  /** Value cells: one row, columns first..last (twelve for a monthly input). */
  valueRow: number;
  first: number;
  last: number;
}

export interface ItemPlace {
  item: RuleItem;
  /** First row of the item (where 序号 and 得分 are); a monthly item spans row and row + 1. */
  row: number;
  inputs: InputPlace[];
}

export interface ScorecardLayout {
  set: RuleSetId;
  sheetName: string;
  title: string;
  headerRow: number;
  /** The last row and column any cell uses (0-based). */
  lastRow: number;
  lastCol: number;
  cells: LayoutCell[];
  merges: Rect[];
  /** Column widths in points, by column index. */
  columnWidths: number[];
  /** Rows whose text wraps over two lines (the hint): height in points. */
  rowHeights: Record<number, number>;
  items: ItemPlace[];
  /** The 总分 cell's row. */
  totalRow: number;
  /** For 个人: the cell that holds the candidate's name. */
  candidateCell?: { row: number; col: number };
}

export const SCORECARD_COLUMNS = ["序号", "二级指标", "评审项目", "类型", "分值", "得分"] as const;
export const COL = { id: 0, level2: 1, name: 2, type: 3, max: 4, score: 5 } as const;
export const FIRST_INPUT_COL = 6;
/** The label of the 个人 sheet's name cell; the reader and the rebuild find the name by it. */
export const CANDIDATE_KEY = "候选人姓名";

/** Sheet names: 攻坚 keeps the name of the first release's 评分表. */
export const SCORECARD_SHEET_NAMES: Record<RuleSetId, string> = {
  攻坚: "评分表",
  基准市: "评分表（基准市级）",
  基准县: "评分表（基准县级）",
  个人: "评分表（个人）",
};

/** The 附件 titles (source lines 191, 223, 253), with the level for 附件5's two sets. */
export const SCORECARD_TITLES: Record<RuleSetId, string> = {
  攻坚: "盘锦市2024年大练兵 表现突出集体攻坚任务评分表",
  基准市: "盘锦市2024年大练兵 表现突出集体基准任务评分表（市级）",
  基准县: "盘锦市2024年大练兵 表现突出集体基准任务评分表（县级）",
  个人: "盘锦市2024年大练兵 表现突出个人评分表",
};

const SOURCES: Record<RuleSetId, string> = {
  攻坚: "附件4 表现突出集体攻坚任务评审细则",
  基准市: "附件5 表现突出集体基准任务评审细则（市级）",
  基准县: "附件5 表现突出集体基准任务评审细则（县级）",
  个人: "附件6 表现突出个人评审细则",
};

export const TYPE_ZH: Record<RuleItem["type"], string> = { score: "得分项", bonus: "加分项", deduction: "扣分项", veto: "否决项" };
const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
export const MONTHS = CAMPAIGN_MONTHS.length;

/** The 序号 shown in the sheet: 攻坚's serial as a number, the 附件 number otherwise ("2.1.1"). */
export function shownId(item: RuleItem): string | number {
  return item.set === "攻坚" ? Number(item.id) : shortId(item.id);
}

/** The label in front of an input's value cells; the reader finds inputs by it. */
export function inputLabel(spec: InputSpec): string {
  const unit = spec.unit ? `（${spec.unit}）` : "";
  if (spec.scoreOf) return `${spec.name}（自动引用）`;
  const notes: string[] = [];
  if (spec.kind === "monthly") notes.push("按月填写");
  if (spec.orText) notes.push(`未参加填“${spec.orText}”`);
  if (spec.optional) notes.push("可空");
  return `${spec.name}${unit}${notes.length > 0 ? `，${notes.join("，")}` : ""}`;
}

/** The item's id as a SCORE argument: a number for 攻坚 ("5" → 5), quoted text otherwise. */
function idArgument(id: string): string {
  return /^\d+$/.test(id) ? id : `"${id.replace(/"/g, '""')}"`;
}

function numericOrder(a: RuleItem, b: RuleItem): number {
  if (a.set !== "攻坚") return 0; // the other catalogs are already in 附件 order
  return Number(a.id) - Number(b.id);
}

function rangeText(row: number, first: number, last: number): string {
  return first === last ? cellAddress(row, first) : `${cellAddress(row, first)}:${cellAddress(row, last)}`;
}

export interface LayoutOptions {
  /** 个人: the candidate's name, written in the name cell and the sheet name (one sheet each). */
  candidate?: string;
}

/** Characters Excel refuses in sheet names, and its 31-character limit. */
export function candidateSheetName(candidate: string): string {
  const clean = candidate.replace(/[\\/?*[\]:：]/g, "").trim();
  const base = SCORECARD_SHEET_NAMES["个人"];
  return clean === "" ? base : `${base.slice(0, -1)}-${clean}）`.slice(0, 31);
}

export function scorecardLayout(set: RuleSetId, options: LayoutOptions = {}): ScorecardLayout {
  const cells: LayoutCell[] = [];
  const merges: Rect[] = [];
  const items: ItemPlace[] = [];
  const rowHeights: Record<number, number> = {};
  let row = 0;
  const put = (r: number, col: number, role: CellRole, value?: string | number): void => {
    cells.push(value === undefined ? { row: r, col, role } : { row: r, col, role, value });
  };
  /** Bands (header, section, group) are filled across the table's width once it is known. */
  const bands: { row: number; role: CellRole }[] = [];

  const candidate = options.candidate?.trim() ?? "";
  put(row++, 0, "title", SCORECARD_TITLES[set]);
  put(
    row,
    0,
    "hint",
    `在黄色单元格中填写实际数据（比例按百分数填写，如 95%；是/否 项填“是”或“否”），“得分”由 DALIANBING.SCORE 自动计算，未填写的项目得分为空。规则依据：${SOURCES[set]}。`,
  );
  let candidateCell: ScorecardLayout["candidateCell"];
  if (set === "个人") {
    put(row, FIRST_INPUT_COL, "candidateLabel", CANDIDATE_KEY);
    put(row, FIRST_INPUT_COL + 1, "candidate", candidate === "" ? undefined : candidate);
    candidateCell = { row, col: FIRST_INPUT_COL + 1 };
    merges.push({ top: row, left: 0, bottom: row, right: COL.score });
  }
  rowHeights[row] = 30;
  row++;
  const headerRow = row;
  SCORECARD_COLUMNS.forEach((h, c) => put(headerRow, c, "header", h));
  put(headerRow, FIRST_INPUT_COL, "header", "填报内容（单位）");
  put(headerRow, FIRST_INPUT_COL + 1, "header", "填报数值");
  bands.push({ row: headerRow, role: "header" });
  row++;

  const list = [...RULE_SETS[set]].sort(numericOrder);
  const base = list.filter((i) => (i.type === "score" || i.type === "deduction") && !i.outsideProvince);
  const bonus = list.filter((i) => i.type === "bonus" && !i.outsideProvince);
  const outside = list.filter((i) => i.outsideProvince);
  const veto = list.filter((i) => i.type === "veto");

  // First pass: place every item, so that scoreOf references can point at rows placed later too.
  const scoreCellOf = new Map<string, string>();
  const placeItem = (item: RuleItem): void => {
    const top = row;
    // One row per input (a monthly input two: month names, then values), so that every label sits
    // in 填报内容 and every value in 填报数值, as in a paper form.
    let r = top;
    const inputs: InputPlace[] = item.inputs.map((spec) => {
      const monthly = spec.kind === "monthly";
      const place = { spec, labelRow: r, label: FIRST_INPUT_COL, valueRow: monthly ? r + 1 : r, first: FIRST_INPUT_COL + 1, last: FIRST_INPUT_COL + (monthly ? MONTHS : 1) };
      r += monthly ? 2 : 1;
      return place;
    });
    const place: ItemPlace = { item, row: top, inputs };
    items.push(place);
    scoreCellOf.set(item.id, cellAddress(top, COL.score));
    row = Math.max(r, top + 1);
  };

  let sectionNo = 0;
  const sectionTitle = (text: string): void => {
    put(row, 0, "section", `${CHINESE_NUMBERS[sectionNo++]}、${text}`);
    bands.push({ row, role: "section" });
    row++;
  };
  const scoreRange = (places: ItemPlace[]): string =>
    places.length === 0 ? "" : `$${columnName(COL.score)}$${places[0].row + 1}:$${columnName(COL.score)}$${places[places.length - 1].row + 1}`;

  const stated = LEVEL1_TOTALS[set];
  const printed = LEVEL1_STATED[set];
  const baseMax = baseMaximum(set);
  sectionTitle(`基础分（满分${baseMax}分）`);
  const subtotalCells: string[] = [];
  Object.keys(stated).forEach((level1, g) => {
    const members = base.filter((i) => i.level1 === level1);
    if (members.length === 0) return;
    const max = stated[level1];
    // 基准县 队伍建设与管理: 附件5 prints 30分, county candidates take no part in 3.1/3.2 (line 236).
    const why = printed[level1] !== max ? `；附件5列${printed[level1]}分，县级不参加稽查评查，按${max}分计` : "";
    put(row, 0, "group", `（${CHINESE_NUMBERS[g]}）${level1}（${max}分${why}）`);
    bands.push({ row, role: "group" });
    row++;
    const before = items.length;
    for (const item of members) placeItem(item);
    const placed = items.slice(before);
    put(row, COL.name, "summaryLabel", `${level1} 小计`);
    put(row, COL.max, "summaryMax", max);
    // SUM skips text: an unfilled item ("") does not count.
    put(row, COL.score, "summaryScore", `=SUM(${scoreRange(placed)})`);
    subtotalCells.push(cellAddress(row, COL.score));
    row++;
  });

  const bonusMax = bonusMaximum(set);
  let bonusSum = "0";
  if (bonus.length > 0) {
    sectionTitle(`加分项（在基础分之外计入总分，最多加${bonusMax}分）`);
    const before = items.length;
    for (const item of bonus) placeItem(item);
    bonusSum = `MIN(SUM(${scoreRange(items.slice(before))}),${bonusMax})`;
  }
  if (outside.length > 0) {
    sectionTitle("分解表自设项（附件4无此项，仅供参考，不计入总分）");
    for (const item of outside) placeItem(item);
  }
  let vetoRange = "";
  if (veto.length > 0) {
    sectionTitle("否决项（取消参评资格：任一项为“是”即否决，不计总分）");
    const before = items.length;
    for (const item of veto) placeItem(item);
    vetoRange = scoreRange(items.slice(before));
  }

  sectionTitle("合计");
  const baseTotalRow = row++;
  put(baseTotalRow, COL.name, "summaryLabel", "基础分合计");
  put(baseTotalRow, COL.max, "summaryMax", baseMax);
  put(baseTotalRow, COL.score, "summaryScore", `=SUM(${subtotalCells.join(",")})`);
  const bonusRow = row++;
  put(bonusRow, COL.name, "summaryLabel", `加分合计（最多${bonusMax}分）`);
  put(bonusRow, COL.max, "summaryMax", bonusMax);
  put(bonusRow, COL.score, "summaryScore", `=${bonusSum}`);
  const vetoRow = row++;
  put(vetoRow, COL.name, "summaryLabel", "否决情况");
  put(vetoRow, COL.max, "summaryMax", "—");
  put(vetoRow, COL.score, "summaryScore", vetoRange === "" ? "未否决" : `=IF(COUNTIF(${vetoRange},"否决*")>0,"否决","未否决")`);
  const totalRow = row++;
  put(totalRow, COL.name, "totalLabel", "总分");
  put(totalRow, COL.max, "summaryMax", baseMax + bonusMax);
  put(
    totalRow,
    COL.score,
    "totalScore",
    `=IF(${cellAddress(vetoRow, COL.score)}="否决","否决",${cellAddress(baseTotalRow, COL.score)}+${cellAddress(bonusRow, COL.score)})`,
  );
  // The summary rows' other fixed cells are part of the table too (bordered, no stray gaps).
  for (const r of [baseTotalRow, bonusRow, vetoRow, totalRow]) for (const c of [COL.id, COL.level2, COL.type]) put(r, c, "text");
  for (const g of cells.filter((c) => c.role === "summaryLabel" && c.row < baseTotalRow)) {
    for (const c of [COL.id, COL.level2, COL.type]) put(g.row, c, "text");
  }

  // Second pass: the item cells, now that every score cell is known.
  for (const { item, row: top, inputs } of items) {
    const bottom = Math.max(top, ...inputs.map((i) => i.valueRow));
    put(top, COL.id, "id", shownId(item));
    put(top, COL.level2, "text", item.level2);
    put(top, COL.name, "text", item.group ? `${item.group}：${item.name}` : item.name);
    put(top, COL.type, "type", forfeitedHeading(item) ? "扣分项（该项不得分）" : TYPE_ZH[item.type]);
    put(top, COL.max, "max", item.type === "veto" ? "否决" : item.type === "deduction" ? -item.maxPoints : item.maxPoints);
    const typed = inputs.filter((i) => !i.spec.scoreOf).map((i) => rangeText(i.valueRow, i.first, i.last));
    const args = inputs.map((i) => rangeText(i.valueRow, i.first, i.last));
    const score = `DALIANBING.SCORE(${[idArgument(item.id), ...args].join(",")})`;
    // Blank until something is typed (a fresh sheet shows no column of #VALUE!); the references to
    // other items' scores always hold a formula, so only the typed inputs count.
    put(top, COL.score, item.type === "veto" ? "vetoScore" : "score", typed.length === 0 ? `=${score}` : `=IF(COUNTA(${typed.join(",")})=0,"",${score})`);
    for (const input of inputs) {
      put(input.labelRow, input.label, "label", inputLabel(input.spec));
      if (input.spec.kind === "monthly") {
        CAMPAIGN_MONTHS.forEach((m, k) => put(input.labelRow, input.first + k, "month", m));
        for (let c = input.first; c <= input.last; c++) put(input.valueRow, c, input.spec.max === 1 ? "ratioInput" : "input");
      } else if (input.spec.scoreOf) {
        const refs = input.spec.scoreOf.map((id) => scoreCellOf.get(id)).filter((a): a is string => a !== undefined);
        // What those items earned; an unfilled one ("") earned 0, so nothing can be taken back from it
        // and the heading never goes below 0.
        const formula = `=${refs.map((a) => `N(${a})`).join("+")}`;
        put(input.valueRow, input.first, "reference", formula);
      } else {
        put(input.valueRow, input.first, input.spec.kind === "ratio" ? "ratioInput" : "input");
      }
    }
    // 序号 … 得分 span the item's rows; a monthly input's label spans its two.
    if (bottom > top) for (let c = COL.id; c <= COL.score; c++) merges.push({ top, left: c, bottom, right: c });
    for (const input of inputs) {
      if (input.valueRow > input.labelRow) merges.push({ top: input.labelRow, left: input.label, bottom: input.valueRow, right: input.label });
    }
    // Month-name and month-value rows hold one line; the others room for a label in two.
    const monthRows = new Set(inputs.filter((i) => i.spec.kind === "monthly").flatMap((i) => [i.labelRow, i.valueRow]));
    for (let r = top; r <= bottom; r++) rowHeights[r] = monthRows.has(r) ? 20 : 28;
  }

  // The cells a merged item area covers carry its role too: Excel draws a merged cell's borders
  // from the cells along its edges.
  for (const m of [...merges]) {
    const master = cells.find((c) => c.row === m.top && c.col === m.left);
    if (!master) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) put(r, c, master.role);
  }
  const lastCol = Math.max(FIRST_INPUT_COL + 1, ...cells.map((c) => c.col));
  for (const band of bands) {
    for (let c = 0; c <= lastCol; c++) if (!cells.some((x) => x.row === band.row && x.col === c)) put(band.row, c, band.role);
  }
  // Bands read as one cell across the table: the header's 填报数值 over every value column, each
  // section and group title over the whole width.
  for (const band of bands) {
    if (band.role === "header") merges.push({ top: band.row, left: FIRST_INPUT_COL + 1, bottom: band.row, right: lastCol });
    else merges.push({ top: band.row, left: 0, bottom: band.row, right: lastCol });
  }
  // Title and hint read across the table.
  merges.push({ top: 0, left: 0, bottom: 0, right: lastCol });
  if (set !== "个人") merges.push({ top: 1, left: 0, bottom: 1, right: lastCol });

  // Widths in points: the fixed columns fit their text in two lines, 填报内容 a label in two lines of
  // 10 pt, each value or month cell "2023年12月" at 10 pt. The sum stays within an A3 landscape page
  // at ≥ 90 % (printScale), so the smallest text (10 pt) prints at ≥ 9 pt.
  const fixed = [34, 84, 150, 48, 40, 52, 150];
  const columnWidths: number[] = [];
  for (let c = 0; c <= lastCol; c++) columnWidths.push(c < fixed.length ? fixed[c] : 48);
  return {
    set,
    sheetName: set === "个人" && candidate !== "" ? candidateSheetName(candidate) : SCORECARD_SHEET_NAMES[set],
    title: SCORECARD_TITLES[set],
    headerRow,
    lastRow: row - 1,
    lastCol,
    cells,
    merges,
    columnWidths,
    rowHeights,
    items,
    totalRow,
    candidateCell,
  };
}

/** A3 landscape (420 × 297 mm) minus 0.7-inch side margins, in points. */
export const A3_PRINTABLE_WIDTH = (420 / 25.4) * 72 - 2 * 0.7 * 72;

/** The scale at which one page wide prints the sheet (1 when it fits as it is). */
export function printScale(layout: ScorecardLayout): number {
  const width = layout.columnWidths.reduce((a, b) => a + b, 0);
  return Math.min(1, A3_PRINTABLE_WIDTH / width);
}

/**
 * The cell whose font a new 评分表 takes ("new cells use the table's font"): a body cell of the first
 * recognised table (its first 市级辅助成果 cell), else the table's header; null without a table.
 */
export function tableFontCell(scan: Pick<ScanResult, "tables" | "milestones">): { sheet: string; row: number; col: number } | null {
  const table = scan.tables[0];
  if (!table) return null;
  const body = scan.milestones.find((m) => m.sheet === table.sheet);
  return body ? { sheet: body.sheet, row: body.row, col: body.col } : { sheet: table.sheet, row: table.headerRow - 1, col: 0 };
}

/**
 * Where the values kept from an old sheet (typedScorecardInputs) go in the new one, inputs of the
 * right width only. The candidate's name is kept unless a new one is given.
 */
export function keptPlacements(
  layout: ScorecardLayout,
  typed: Map<string, CellValue[]>,
  candidateGiven: boolean,
): { row: number; col: number; value: string | number | boolean }[] {
  const out: { row: number; col: number; value: string | number | boolean }[] = [];
  const keep = (row: number, col: number, value: CellValue | undefined): void => {
    if ((typeof value === "string" && value !== "") || typeof value === "number" || typeof value === "boolean") out.push({ row, col, value });
  };
  for (const place of layout.items) {
    for (const input of place.inputs) {
      const values = typed.get(`${place.item.id}|${input.spec.name}`);
      if (values && values.length === input.last - input.first + 1) values.forEach((v, k) => keep(input.valueRow, input.first + k, v));
    }
  }
  if (layout.candidateCell && !candidateGiven) keep(layout.candidateCell.row, layout.candidateCell.col, typed.get(CANDIDATE_KEY)?.[0]);
  return out;
}

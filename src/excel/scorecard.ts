/**
 * "插入评分表" (issue 4 §2): a sheet 评分表 with every 攻坚 item — 序号, 指标, 分值, labelled input cells
 * and a live =DALIANBING.SCORE formula over them — then subtotals per 一级指标 and the total, with
 * bonus and veto items in sections of their own. Rebuilding keeps what staff typed in the inputs.
 */
import { cellAddress, columnName } from "../core/address";
import { LEVEL1_TOTALS, RULE_SETS } from "../core/rules";
import type { InputSpec, RuleItem } from "../core/rules/types";
import { areaAddress } from "./addresses";
import { isOfficeError } from "./host";

export const SCORECARD_SHEET = "评分表";

/** Fixed columns; inputs start at FIRST_INPUT_COL as pairs of label cell + value cell(s). */
export const SCORECARD_COLUMNS = ["序号", "二级指标", "评审项目", "类型", "分值", "得分"] as const;
const COL = { id: 0, level2: 1, name: 2, type: 3, max: 4, score: 5 } as const;
const FIRST_INPUT_COL = 6;
const HEADER_ROW = 2; // 0-based: title, hint, header
const MONTHS = 12;

const TYPE_ZH: Record<RuleItem["type"], string> = { score: "得分项", bonus: "加分项", deduction: "扣分项", veto: "否决项" };
const HEADER_FILL = "#D9E1F2";
const INPUT_FILL = "#FFF2CC";
const SECTION_FILL = "#D9D9D9";
const GROUP_FILL = "#F2F2F2";
const LABEL_FONT = "#595959";
/** Scores to two decimals (rules give 0.5 and 1/3 points); a veto item shows 否决 or 未否决, not 0. */
const SCORE_FORMAT = "0.00";
const VETO_FORMAT = '"未否决";"未否决";"未否决";@';
const CHINESE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function inputWidth(spec: InputSpec): number {
  return spec.kind === "monthly" ? MONTHS : 1;
}

export function inputLabel(spec: InputSpec): string {
  const unit = spec.unit ? `（${spec.unit}）` : "";
  const optional = spec.optional ? "，可空" : "";
  const months = spec.kind === "monthly" ? "，12个月依次填写" : "";
  return `${spec.name}${unit}${optional || months ? `${months}${optional}` : ""}`;
}

/** The item's id as a SCORE argument: a number for 攻坚 ("5" → 5), quoted text otherwise. */
function idArgument(id: string): string {
  return /^\d+$/.test(id) ? id : `"${id.replace(/"/g, '""')}"`;
}

export interface ItemLayout {
  item: RuleItem;
  row: number;
  /** For each input: label column and value columns. */
  inputs: { spec: InputSpec; label: number; first: number; last: number }[];
}

function layoutItem(item: RuleItem, row: number): ItemLayout {
  let col = FIRST_INPUT_COL;
  const inputs = item.inputs.map((spec) => {
    const label = col;
    const first = col + 1;
    const last = first + inputWidth(spec) - 1;
    col = last + 1;
    return { spec, label, first, last };
  });
  return { item, row, inputs };
}

/** Blank until something is typed (a fresh sheet shows no column of #VALUE!), then the item's score. */
export function scoreFormula(layout: ItemLayout): string {
  const args = layout.inputs.map(({ first, last }) => areaAddress(layout.row, first, layout.row, last));
  const score = `DALIANBING.SCORE(${[idArgument(layout.item.id), ...args].join(",")})`;
  return args.length === 0 ? `=${score}` : `=IF(COUNTA(${args.join(",")})=0,"",${score})`;
}

/**
 * What staff typed in the old sheet's input cells, by item id and input label. The label is looked up
 * anywhere in the item's row, so a sheet built by an earlier layout keeps its inputs too.
 */
function typedInputs(formulas: unknown[][] | null): Map<string, unknown[]> {
  const typed = new Map<string, unknown[]>();
  if (!formulas) return typed;
  for (const row of formulas) {
    const id = String(row[COL.id] ?? "").trim();
    if (id === "") continue;
    const item = RULE_SETS["攻坚"].find((i) => i.id === id);
    if (!item) continue;
    for (const spec of item.inputs) {
      const label = row.findIndex((cell) => String(cell ?? "") === inputLabel(spec));
      if (label < 0) continue;
      const values = row.slice(label + 1, label + 1 + inputWidth(spec));
      if (values.some((v) => v !== "" && v !== null && v !== undefined)) typed.set(`${id}|${spec.name}`, values);
    }
  }
  return typed;
}

function numericId(item: RuleItem): number {
  const n = Number(item.id);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

type Cell = string | number;

export interface ScorecardOptions {
  /** ExcelApi 1.9 Worksheet.pageLayout: print landscape, A3, one page wide, header on every page. */
  pageLayout: boolean;
}

/**
 * ExcelApi 1.4: worksheets.getItemOrNullObject, getUsedRangeOrNullObject; 1.2: protection.protected;
 * 1.1: worksheets.add, Worksheet.delete/name, Range.formulas/values/numberFormat/format; 1.7: freezePanes.
 */
export async function insertScorecardSheet(
  context: Excel.RequestContext,
  options: ScorecardOptions = { pageLayout: false },
): Promise<{ sheet: string; items: number }> {
  const worksheets = context.workbook.worksheets;
  const old = worksheets.getItemOrNullObject(SCORECARD_SHEET);
  old.load("name");
  await context.sync();
  let typed = new Map<string, unknown[]>();
  if (!old.isNullObject) {
    old.protection.load("protected");
    const used = old.getUsedRangeOrNullObject(true).load("formulas,rowIndex,columnIndex");
    await context.sync();
    if (old.protection.protected) throw new Error(`工作表“${SCORECARD_SHEET}”受保护，无法重建；请先撤销工作表保护后重试。`);
    if (!used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0) typed = typedInputs(used.formulas);
  }

  const items = [...RULE_SETS["攻坚"]].sort((a, b) => numericId(a) - numericId(b));
  const base = items.filter((i) => i.type === "score" || i.type === "deduction");
  const bonus = items.filter((i) => i.type === "bonus");
  const veto = items.filter((i) => i.type === "veto");

  // Layout, top to bottom.
  type Kind = "title" | "hint" | "header" | "section" | "group" | "item" | "summary";
  const rows: { cells: Map<number, Cell>; kind: Kind; layout?: ItemLayout }[] = [];
  const push = (kind: Kind, cells: [number, Cell][] = [], layout?: ItemLayout): number => {
    rows.push({ kind, cells: new Map(cells), layout });
    return rows.length - 1;
  };
  push("title", [[0, "盘锦市2024年大练兵 表现突出集体攻坚任务评分表"]]);
  push("hint", [[0, "在黄色单元格中填写实际数据（比例按百分数填写，如 95%；是/否 项填“是”或“否”），“得分”由 DALIANBING.SCORE 自动计算，未填写的项目得分为空。规则依据：附件4 表现突出集体攻坚任务评审细则。"]]);
  push("header", [...SCORECARD_COLUMNS.map((h, c) => [c, h] as [number, Cell]), [FIRST_INPUT_COL, "填报内容（单位）"], [FIRST_INPUT_COL + 1, "填报数值"]]);

  const itemRow = (item: RuleItem): void => {
    const layout = layoutItem(item, rows.length);
    const cells: [number, Cell][] = [
      [COL.id, Number.isFinite(Number(item.id)) ? Number(item.id) : item.id],
      [COL.level2, item.level2],
      [COL.name, item.name],
      [COL.type, TYPE_ZH[item.type]],
      [COL.max, item.type === "veto" ? "否决" : item.type === "deduction" ? -item.maxPoints : item.maxPoints],
      [COL.score, scoreFormula(layout)],
    ];
    for (const input of layout.inputs) cells.push([input.label, inputLabel(input.spec)]);
    push("item", cells, layout);
  };
  const section = (title: string, list: RuleItem[]): { first: number; last: number } => {
    push("section", [[0, title]]);
    const first = rows.length;
    for (const item of list) itemRow(item);
    return { first, last: rows.length - 1 };
  };
  const col = (c: number): string => columnName(c);
  const abs = (c: number, r1: number, r2: number): string => `$${col(c)}$${r1 + 1}:$${col(c)}$${r2 + 1}`;

  // 一、基础分: one group per 一级指标 (附件4, source lines 199/207/215: 33 + 41 + 26 = 100), each closed by
  // its 小计 over exactly its own rows.
  push("section", [[0, "一、基础分（满分100分）"]]);
  const stated = LEVEL1_TOTALS["攻坚"] ?? {};
  const level1s = [...Object.keys(stated), ...new Set(base.map((i) => i.level1))].filter((l, i, all) => all.indexOf(l) === i && base.some((b) => b.level1 === l));
  const subtotalRows: number[] = [];
  level1s.forEach((level1, g) => {
    const list = base.filter((i) => i.level1 === level1);
    const max = stated[level1] ?? list.filter((i) => i.type === "score").reduce((sum, i) => sum + i.maxPoints, 0);
    push("group", [[0, `（${CHINESE_NUMBERS[g] ?? g + 1}）${level1}（${max}分）`]]);
    const first = rows.length;
    for (const item of list) itemRow(item);
    const last = rows.length - 1;
    subtotalRows.push(
      push("summary", [
        [COL.name, `${level1} 小计`],
        [COL.max, max],
        // SUM skips text: an unfilled item ("") does not count.
        [COL.score, `=SUM(${abs(COL.score, first, last)})`],
      ]),
    );
  });
  const bonusRows = bonus.length > 0 ? section("二、加分项（在100分之外计入总分）", bonus) : null;
  const vetoRows = veto.length > 0 ? section(`${bonus.length > 0 ? "三" : "二"}、否决项（任一项为“是”即否决，不计总分）`, veto) : null;

  push("section", [[0, `${bonus.length > 0 && veto.length > 0 ? "四" : "三"}、合计`]]);
  const baseTotal = push("summary", [
    [COL.name, "基础分合计"],
    [COL.max, 100],
    [COL.score, `=SUM(${subtotalRows.map((r) => cellAddress(r, COL.score)).join(",")})`],
  ]);
  const bonusTotal = push("summary", [
    [COL.name, "加分合计"],
    [COL.max, bonus.reduce((sum, i) => sum + i.maxPoints, 0)],
    [COL.score, bonusRows ? `=SUM(${abs(COL.score, bonusRows.first, bonusRows.last)})` : "=0"],
  ]);
  const vetoCell = push("summary", [
    [COL.name, "否决情况"],
    [COL.score, vetoRows ? `=IF(COUNTIF(${abs(COL.score, vetoRows.first, vetoRows.last)},"否决*")>0,"否决","未否决")` : "未否决"],
  ]);
  const totalRow = push("summary", [
    [COL.name, "总分"],
    [COL.score, `=IF(${cellAddress(vetoCell, COL.score)}="否决","否决",${cellAddress(baseTotal, COL.score)}+${cellAddress(bonusTotal, COL.score)})`],
  ]);

  // Build the new sheet next to the old one, then swap, so the workbook always has a visible sheet.
  const sheet = worksheets.add(old.isNullObject ? SCORECARD_SHEET : `${SCORECARD_SHEET}_新`);
  if (!old.isNullObject) {
    old.delete();
    sheet.name = SCORECARD_SHEET;
  }
  // The last column any row uses, value cells included (a monthly input spans twelve).
  const lastCol = Math.max(FIRST_INPUT_COL + 1, ...rows.flatMap((r) => [...r.cells.keys(), ...(r.layout?.inputs.map((i) => i.last) ?? [])]));
  const lastRow = rows.length - 1;
  for (let r = 0; r < rows.length; r++) {
    const { cells, kind, layout } = rows[r];
    for (const [c, v] of cells) {
      const range = sheet.getRange(cellAddress(r, c));
      if (typeof v === "string" && v.startsWith("=")) range.formulas = [[v]];
      else if (typeof v === "string") {
        range.numberFormat = [["@"]];
        range.values = [[v]];
      } else range.values = [[v]];
    }
    if (kind === "item" && layout) {
      const score = sheet.getRange(cellAddress(r, COL.score));
      score.numberFormat = [[layout.item.type === "veto" ? VETO_FORMAT : SCORE_FORMAT]];
      for (const input of layout.inputs) {
        const values = sheet.getRange(areaAddress(r, input.first, r, input.last));
        values.format.fill.color = INPUT_FILL;
        // ExcelApi 1.2: input cells stay editable when the office protects the sheet.
        values.format.protection.locked = false;
        if (input.spec.kind === "ratio" || (input.spec.kind === "monthly" && input.spec.unit === "%")) {
          values.numberFormat = [new Array(input.last - input.first + 1).fill("0.00%")];
        }
        const kept = typed.get(`${layout.item.id}|${input.spec.name}`);
        if (kept && kept.length === input.last - input.first + 1) values.formulas = [kept as string[]];
        const label = sheet.getRange(cellAddress(r, input.label));
        label.format.font.color = LABEL_FONT;
        label.format.font.size = 9;
      }
    }
    if (kind === "header" || kind === "section" || kind === "group") {
      const band = sheet.getRange(areaAddress(r, 0, r, lastCol));
      band.format.fill.color = kind === "header" ? HEADER_FILL : kind === "section" ? SECTION_FILL : GROUP_FILL;
      band.format.font.bold = true;
    }
    if (kind === "summary") {
      const band = sheet.getRange(areaAddress(r, COL.name, r, COL.score));
      band.format.font.bold = true;
      sheet.getRange(cellAddress(r, COL.score)).numberFormat = [[SCORE_FORMAT]];
    }
  }
  const title = sheet.getRange("A1");
  title.format.font.bold = true;
  title.format.font.size = 16;
  sheet.getRange("A2").format.font.color = LABEL_FONT;
  const header = sheet.getRange(areaAddress(HEADER_ROW, 0, HEADER_ROW, lastCol));
  header.format.horizontalAlignment = "Center";
  header.format.verticalAlignment = "Center";
  header.format.wrapText = true;
  const body = sheet.getRange(areaAddress(HEADER_ROW, 0, lastRow, lastCol));
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
    body.format.borders.getItem(edge).style = "Continuous";
  }
  body.format.verticalAlignment = "Center";
  const centred = sheet.getRange(areaAddress(HEADER_ROW + 1, COL.id, lastRow, COL.id));
  centred.format.horizontalAlignment = "Center";
  sheet.getRange(areaAddress(HEADER_ROW + 1, COL.type, lastRow, COL.score)).format.horizontalAlignment = "Center";
  sheet.getRange(areaAddress(totalRow, COL.name, totalRow, COL.score)).format.font.size = 12;
  // Column widths in points: fixed columns fit their longest text wrapped in two lines; input columns
  // alternate label and value (a monthly item uses twelve value cells), so they share one width.
  const widths: Record<number, number> = { [COL.id]: 34, [COL.level2]: 84, [COL.name]: 130, [COL.type]: 44, [COL.max]: 40, [COL.score]: 52 };
  for (const [c, w] of Object.entries(widths)) sheet.getRange(`${col(Number(c))}:${col(Number(c))}`).format.columnWidth = w;
  sheet.getRange(`${col(FIRST_INPUT_COL + 1)}:${col(lastCol)}`).format.columnWidth = 62;
  // The first input's label (most items have one or two inputs) gets room to read in two lines.
  sheet.getRange(`${col(FIRST_INPUT_COL)}:${col(FIRST_INPUT_COL)}`).format.columnWidth = 112;
  sheet.getRange(areaAddress(HEADER_ROW + 1, COL.level2, lastRow, lastCol)).format.wrapText = true;
  // Section and group titles read across the row from the left: no wrap and no centring, or they
  // would fold into (or spill out of both sides of) the narrow 序号 cell.
  for (let r = HEADER_ROW + 1; r < rows.length; r++) {
    if (rows[r].kind !== "section" && rows[r].kind !== "group") continue;
    const band = sheet.getRange(areaAddress(r, 0, r, lastCol));
    band.format.wrapText = false;
    band.format.horizontalAlignment = "Left";
  }
  sheet.getRange(areaAddress(HEADER_ROW + 1, 0, lastRow, lastCol)).format.autofitRows();
  sheet.freezePanes.freezeRows(HEADER_ROW + 1);
  if (options.pageLayout) {
    // ExcelApi 1.9 PageLayout: landscape A3 (as the 分解表 itself prints), all columns on one page
    // width, the header row repeated on every page.
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.paperSize = "A3";
    // Only the width is given (as in Office's own samples); the height then follows the rows.
    sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
    sheet.pageLayout.centerHorizontally = true;
    sheet.pageLayout.setPrintTitleRows(`$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`);
  }
  sheet.activate();
  try {
    await context.sync();
  } catch (error) {
    if (isOfficeError(error, "ItemAlreadyExists")) throw new Error(`已有名为“${SCORECARD_SHEET}_新”的工作表，请先将其重命名或删除。`, { cause: error });
    throw error;
  }
  return { sheet: SCORECARD_SHEET, items: items.length };
}

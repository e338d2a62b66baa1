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
export const SCORECARD_COLUMNS = ["序号", "一级指标", "二级指标", "评审项目", "类型", "分值", "得分"] as const;
const COL = { id: 0, level1: 1, level2: 2, name: 3, type: 4, max: 5, score: 6 } as const;
const FIRST_INPUT_COL = 7;
const HEADER_ROW = 2; // 0-based: title, hint, header
const MONTHS = 12;

const TYPE_ZH: Record<RuleItem["type"], string> = { score: "得分项", bonus: "加分项", deduction: "扣分项", veto: "否决项" };
const HEADER_FILL = "#D9E1F2";
const INPUT_FILL = "#FFF2CC";
const SECTION_FILL = "#EDEDED";

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

interface ItemLayout {
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

export function scoreFormula(layout: ItemLayout): string {
  const args = layout.inputs.map(({ first, last }) => areaAddress(layout.row, first, layout.row, last));
  return `=DALIANBING.SCORE(${[idArgument(layout.item.id), ...args].join(",")})`;
}

/** What staff typed in the old sheet's input cells, by item id and input label. */
function typedInputs(formulas: unknown[][] | null): Map<string, unknown[]> {
  const typed = new Map<string, unknown[]>();
  if (!formulas) return typed;
  for (const row of formulas) {
    const id = String(row[COL.id] ?? "").trim();
    if (id === "") continue;
    const item = RULE_SETS["攻坚"].find((i) => i.id === id);
    if (!item) continue;
    for (const { spec, label, first, last } of layoutItem(item, 0).inputs) {
      if (String(row[label] ?? "") !== inputLabel(spec)) continue;
      const values = row.slice(first, last + 1);
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

/**
 * ExcelApi 1.4: worksheets.getItemOrNullObject, getUsedRangeOrNullObject; 1.2: protection.protected;
 * 1.1: worksheets.add, Worksheet.delete/name, Range.formulas/values/numberFormat/format; 1.7: freezePanes.
 */
export async function insertScorecardSheet(context: Excel.RequestContext): Promise<{ sheet: string; items: number }> {
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
  const rows: { cells: Map<number, Cell>; kind: "title" | "hint" | "header" | "section" | "item" | "summary"; layout?: ItemLayout }[] = [];
  const push = (kind: (typeof rows)[number]["kind"], cells: [number, Cell][] = [], layout?: ItemLayout): number => {
    rows.push({ kind, cells: new Map(cells), layout });
    return rows.length - 1;
  };
  push("title", [[0, "盘锦市2024年大练兵 表现突出集体攻坚任务评分表"]]);
  push("hint", [[0, "在黄色单元格中填写实际数据（比例按百分数填写，如 95%），“得分”列由 DALIANBING.SCORE 自动计算；规则依据附件4 表现突出集体攻坚任务评审细则。"]]);
  push("header", SCORECARD_COLUMNS.map((h, c) => [c, h] as [number, Cell]).concat([[FIRST_INPUT_COL, "填报数据（名称 | 数值）"]]));

  const section = (title: string, list: RuleItem[]): { first: number; last: number } => {
    push("section", [[0, title]]);
    const first = rows.length;
    for (const item of list) {
      const layout = layoutItem(item, rows.length);
      const cells: [number, Cell][] = [
        [COL.id, Number.isFinite(Number(item.id)) ? Number(item.id) : item.id],
        [COL.level1, item.level1],
        [COL.level2, item.level2],
        [COL.name, item.name],
        [COL.type, TYPE_ZH[item.type]],
        [COL.max, item.type === "veto" ? "否决" : item.type === "deduction" ? -item.maxPoints : item.maxPoints],
        [COL.score, scoreFormula(layout)],
      ];
      for (const input of layout.inputs) cells.push([input.label, inputLabel(input.spec)]);
      push("item", cells, layout);
    }
    return { first, last: rows.length - 1 };
  };
  const baseRows = section("一、基础分项目（满分100分）", base);
  const bonusRows = bonus.length > 0 ? section("二、加分项（计入总分，在100分之外）", bonus) : null;
  const vetoRows = veto.length > 0 ? section(`${bonus.length > 0 ? "三" : "二"}、否决项（出现即否决，不计分）`, veto) : null;

  push("section", [[0, "合计"]]);
  const col = (c: number): string => columnName(c);
  const abs = (c: number, r1: number, r2: number): string => `$${col(c)}$${r1 + 1}:$${col(c)}$${r2 + 1}`;
  const subtotalRows: number[] = [];
  const level1s = Object.keys(LEVEL1_TOTALS["攻坚"] ?? {}).filter((l) => base.some((i) => i.level1 === l));
  for (const level1 of [...level1s, ...[...new Set(base.map((i) => i.level1))].filter((l) => !level1s.includes(l))]) {
    const r = rows.length;
    subtotalRows.push(r);
    push("summary", [
      [COL.level1, level1],
      [COL.name, `${level1} 小计`],
      [COL.max, LEVEL1_TOTALS["攻坚"]?.[level1] ?? base.filter((i) => i.level1 === level1 && i.type === "score").reduce((s, i) => s + i.maxPoints, 0)],
      // Numeric results only: SUMIFS skips text, so a veto or an empty result does not count.
      [COL.score, `=SUMIFS(${abs(COL.score, baseRows.first, baseRows.last)},${abs(COL.level1, baseRows.first, baseRows.last)},"${level1}")`],
    ]);
  }
  const baseTotal = rows.length;
  push("summary", [
    [COL.name, "基础分合计"],
    [COL.max, 100],
    [COL.score, `=SUM(${subtotalRows.map((r) => cellAddress(r, COL.score)).join(",")})`],
  ]);
  const bonusTotal = rows.length;
  push("summary", [
    [COL.name, "加分合计"],
    [COL.score, bonusRows ? `=SUM(${abs(COL.score, bonusRows.first, bonusRows.last)})` : "=0"],
  ]);
  const vetoCell = rows.length;
  push("summary", [
    [COL.name, "否决情况"],
    [COL.score, vetoRows ? `=IF(COUNTIF(${abs(COL.score, vetoRows.first, vetoRows.last)},"否决*")>0,"否决","未否决")` : "未否决"],
  ]);
  push("summary", [
    [COL.name, "总分"],
    [COL.score, `=IF(${cellAddress(vetoCell, COL.score)}="否决","否决",${cellAddress(baseTotal, COL.score)}+${cellAddress(bonusTotal, COL.score)})`],
  ]);

  // Build the new sheet next to the old one, then swap, so the workbook always has a visible sheet.
  const sheet = worksheets.add(old.isNullObject ? SCORECARD_SHEET : `${SCORECARD_SHEET}_新`);
  if (!old.isNullObject) {
    old.delete();
    sheet.name = SCORECARD_SHEET;
  }
  const lastCol = Math.max(FIRST_INPUT_COL + 1, ...rows.map((r) => Math.max(...r.cells.keys())));
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
      for (const input of layout.inputs) {
        const values = sheet.getRange(areaAddress(r, input.first, r, input.last));
        values.format.fill.color = INPUT_FILL;
        if (input.spec.kind === "ratio" || (input.spec.kind === "monthly" && input.spec.unit === "%")) {
          values.numberFormat = [new Array(input.last - input.first + 1).fill("0.00%")];
        }
        const kept = typed.get(`${layout.item.id}|${input.spec.name}`);
        if (kept && kept.length === input.last - input.first + 1) values.formulas = [kept as string[]];
        sheet.getRange(cellAddress(r, input.label)).format.font.color = "#595959";
      }
    }
    if (kind === "header" || kind === "section") {
      const band = sheet.getRange(areaAddress(r, 0, r, lastCol));
      band.format.fill.color = kind === "header" ? HEADER_FILL : SECTION_FILL;
      band.format.font.bold = true;
    }
    if (kind === "summary") sheet.getRange(areaAddress(r, COL.name, r, COL.score)).format.font.bold = true;
  }
  sheet.getRange("A1").format.font.bold = true;
  const body = sheet.getRange(areaAddress(HEADER_ROW, 0, rows.length - 1, COL.score));
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
    body.format.borders.getItem(edge).style = "Continuous";
  }
  const widths: Record<number, number> = { 0: 36, 1: 96, 2: 110, 3: 150, 4: 48, 5: 40, 6: 48 };
  for (const [c, w] of Object.entries(widths)) sheet.getRange(`${col(Number(c))}:${col(Number(c))}`).format.columnWidth = w;
  sheet.getRange(`${col(FIRST_INPUT_COL)}:${col(lastCol)}`).format.columnWidth = 70;
  sheet.getRange(areaAddress(HEADER_ROW + 1, COL.level2, rows.length - 1, COL.name)).format.wrapText = true;
  sheet.freezePanes.freezeRows(HEADER_ROW + 1);
  sheet.activate();
  try {
    await context.sync();
  } catch (error) {
    if (isOfficeError(error, "ItemAlreadyExists")) throw new Error(`已有名为“${SCORECARD_SHEET}_新”的工作表，请先将其重命名或删除。`, { cause: error });
    throw error;
  }
  return { sheet: SCORECARD_SHEET, items: items.length };
}

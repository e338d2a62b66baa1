/** Small workbooks for the adapter tests, in the in-memory Excel's snapshot format. */
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../support/in-memory-excel";

export const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
export const HEADER = ["序号", "评审项目", "攻坚任务", "牵头部门", "市级辅助\n成果", "盯办人", "责任人", "分管领导"];
export const AS_OF = "2024-09-01";

/** Rows of a small 攻坚 table (as of 2024-09-01: row 3 overdue, row 4 due soon, rows 5–6 not flagged). */
export const ROWS: (string | number)[][] = [
  [1, "规范建设", "完成规范化建设", "法制科", "1.5月底前,出台方案;2.9月底前,上报材料", "张三", "李四", "王五"],
  [2, "培训", "组织全员培训", "执法支队", "1.9月5日前,完成培训", "赵六", "钱七", "王五"],
  [3, "监督", "日常监督", "执法支队", "每月报送执法数据", "赵六", "钱七", "王五"],
  [4, "归档", "案卷归档", "法制科", "1.12月底前,完成归档", "张三", "李四", "王五"],
];

function row(cells: Record<string, SnapshotCell>, r: number, values: (string | number)[]): void {
  values.forEach((v, c) => {
    cells[`${String.fromCharCode(65 + c)}${r}`] = { value: v };
  });
}

/** Title in A1, header in row 2, data from row 3. */
export function tableSheet(name = "攻坚任务", rows = ROWS): SheetSnapshot {
  const cells: Record<string, SnapshotCell> = { A1: { value: TITLE } };
  row(cells, 2, HEADER);
  rows.forEach((values, i) => row(cells, 3 + i, values));
  return { name, cells, merges: ["A1:H1"] };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets: sheets.length > 0 ? sheets : [tableSheet()] };
}

/** A large table: `count` data rows, every fifth one overdue. */
export function bigSheet(name: string, count: number): SheetSnapshot {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < count; i++) {
    rows.push([i + 1, `项目${i + 1}`, "任务", "法制科", i % 5 === 0 ? "1.5月底前,出台方案" : "1.12月底前,完成归档", "张三", "李四", "王五"]);
  }
  return tableSheet(name, rows);
}

import { createExcelAdapter } from "../../src/excel/adapter";
import type { OfficeHost } from "../../src/excel/host";
import { createInMemoryExcel, type InMemoryExcelOptions } from "../support/in-memory-excel";

/** The in-memory Excel loaded with `snapshot` and the adapter over it. */
export function setup(snapshot: WorkbookSnapshot = workbook(), options: InMemoryExcelOptions = {}) {
  const fake = createInMemoryExcel(snapshot, options);
  const adapter = createExcelAdapter({ host: fake as unknown as OfficeHost });
  return { fake, adapter };
}

/** Values and formulas of every cell, without formatting or notes (what flagging must never change). */
export function contents(snapshot: WorkbookSnapshot): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const sheet of snapshot.sheets) {
    const cells: Record<string, unknown> = {};
    for (const [addr, c] of Object.entries(sheet.cells)) {
      if (c.value !== null || c.formula !== undefined) cells[addr] = { value: c.value, formula: c.formula };
    }
    out[sheet.name] = cells;
  }
  return out;
}

/**
 * The workbook as a person sees it. Office.js cannot set a font back to "automatic": unflag writes
 * black (#000000), which is what Excel reports for automatic and looks the same, so the two compare equal.
 */
export function asSeen(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((sheet) => ({
      ...sheet,
      cells: Object.fromEntries(
        Object.entries(sheet.cells).map(([addr, c]) => {
          if (c.fontColor !== "#000000") return [addr, c];
          const { fontColor: _black, ...rest } = c;
          return [addr, rest];
        }),
      ),
    })),
  };
}

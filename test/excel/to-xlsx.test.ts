import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { snapshotFromXlsx } from "../support/in-memory-excel/from-xlsx";
import type { WorkbookSnapshot } from "../support/in-memory-excel";
import { evaluateFormula, writeXlsx } from "../support/in-memory-excel/to-xlsx";

const snapshot: WorkbookSnapshot = {
  sheets: [
    {
      name: "表",
      cells: {
        A1: { value: "1.9月20日前,完成培训;2.12月底前,归档", fill: "#FFC7CE", fontColor: "#9C0006", bold: true, note: "已逾期" },
        B1: { value: null, formula: "=DALIANBING.STATUS(A1,TODAY(),C1,2024)" },
        D1: { value: null, formula: '=IFNA(DALIANBING.NEXTDUE(A1,TODAY(),"1,2",2024),"")', numberFormat: "yyyy-mm-dd" },
        E1: { value: null, formula: "=SUM(F1:F3)+1" },
        F1: { value: 2 },
        F2: { value: "x" },
        F3: { value: null, formula: "=DALIANBING.SCORE(1,G3)" },
        G3: { value: 0.95 },
        H1: { value: null, formula: "=VLOOKUP(1,F1:G3,2)" },
      },
      merges: ["A2:B2"],
      columnWidths: { A: 150 },
      conditionalFormats: [{ range: "B1:B1", type: "Custom", formula: '=$B1="已逾期"', fill: "#FFC7CE", fontColor: "#9C0006" }],
    },
    { name: "隐藏", cells: { A1: { value: 1 } }, visibility: "Hidden" },
  ],
};

describe("to-xlsx", () => {
  test("formulas get cached results from the real functions with TODAY() fixed; unknown functions get none", () => {
    expect(evaluateFormula(snapshot, "表", "=DALIANBING.STATUS(A1,TODAY(),C1,2024)", "2024-09-25")).toBe("已逾期");
    expect(evaluateFormula(snapshot, "表", "=DALIANBING.STATUS(A1,TODAY(),C1,2024)", "2024-09-01")).toBe("未到期");
    // Both milestones done: no next one, IFNA turns #N/A into "".
    expect(evaluateFormula(snapshot, "表", snapshot.sheets[0].cells.D1.formula!, "2024-09-25")).toBe("");
    // Item 1 (完成比例 95%) earns its 3 points (附件4): SUM skips the text in F2.
    expect(evaluateFormula(snapshot, "表", "=SUM(F1:F3)+1", "2024-09-25")).toBe(6);
    expect(evaluateFormula(snapshot, "表", "=VLOOKUP(1,F1:G3,2)", "2024-09-25")).toBeUndefined();
    expect(evaluateFormula(snapshot, "表", '=COUNTIF(F1:F3,"x*")', "2024-09-25")).toBe(1);
  });

  test("round trip: what from-xlsx reads back is what was written", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "to-xlsx-")), "out.xlsx");
    await writeXlsx(snapshot, file, { today: "2024-09-25" });
    const back = await snapshotFromXlsx(file);
    const [sheet, hidden] = back.sheets;
    expect(sheet.cells.A1).toEqual(snapshot.sheets[0].cells.A1);
    expect(sheet.cells.B1).toEqual({ value: "已逾期", formula: "=DALIANBING.STATUS(A1,TODAY(),C1,2024)" });
    expect(sheet.cells.E1).toEqual({ value: 6, formula: "=SUM(F1:F3)+1" });
    expect(sheet.cells.H1).toEqual({ value: null, formula: "=VLOOKUP(1,F1:G3,2)" });
    expect(sheet.merges).toEqual(["A2:B2"]);
    expect(hidden.visibility).toBe("Hidden");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("表")!;
    expect(ws.getCell("D1").numFmt).toBe("yyyy-mm-dd");
    // 150 pt = 200 px = (200 - 5) / 7 characters.
    expect(ws.getColumn(1).width).toBeCloseTo(27.86, 1);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]).toMatchObject({ ref: "B1:B1", rules: [{ formulae: ['$B1="已逾期"'] }] });
  });
});

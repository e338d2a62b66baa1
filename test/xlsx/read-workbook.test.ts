import ExcelJS from "exceljs";
import { readWorkbook, toCellValue } from "../../src/xlsx/read-workbook";
import { BACKUP_SHEET } from "../../src/core/flags/types";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

describe("readWorkbook", () => {
  let grids: ReturnType<typeof readWorkbook>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("攻坚");
    ws.getCell("A1").value = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
    ws.getCell("B2").value = 12;
    ws.getCell("C2").value = { formula: "B2*2", result: 24 };
    ws.getCell("D2").value = { richText: [{ text: "1.5月底前," }, { font: { bold: true }, text: "出台方案" }] };
    ws.getCell("E2").value = new Date(Date.UTC(2024, 4, 31));
    ws.getCell("F2").value = { error: "#N/A" };
    ws.getCell("G2").value = { text: "省厅通知", hyperlink: "https://example.org/" };
    ws.getCell("H2").value = true;
    ws.getCell("I2").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("J2").value = "#N/A";
    // row 3 left empty on purpose
    ws.getCell("A5").value = "1.5月底前,发布稽查工作计划";
    ws.mergeCells("A5:A8");
    wb.addWorksheet("空表");
    const backup = wb.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
    backup.getCell("A1").value = "sheet";
    grids = readWorkbook(await roundTrip(wb));
  });

  it("reads every sheet but the backup sheet, values from A1", () => {
    expect(grids.map((g) => g.name)).toEqual(["攻坚", "空表"]);
    expect(grids[0].values[0][0]).toBe("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表");
  });

  it("turns formulas, rich text, dates, errors and hyperlinks into plain values", () => {
    const row2 = grids[0].values[1];
    expect(row2[0]).toBeNull(); // A2 empty
    expect(row2.slice(1, 10)).toEqual([12, 24, "1.5月底前,出台方案", "2024-05-31", { error: "#N/A" }, "省厅通知", true, { error: "#N/A" }, "#N/A"]);
  });

  it("keeps row indices absolute across empty rows", () => {
    expect(grids[0].values[2]).toEqual([]);
    expect(grids[0].values[4][0]).toBe("1.5月底前,发布稽查工作计划");
  });

  it("puts a merged value only in the top-left cell and lists the merge 0-based", () => {
    expect(grids[0].values[5]?.[0] ?? null).toBeNull();
    expect(grids[0].merges).toEqual([{ top: 4, left: 0, bottom: 7, right: 0 }]);
  });

  it("reads an empty sheet as no rows", () => {
    expect(grids[1].values).toEqual([]);
    expect(grids[1].merges).toEqual([]);
  });
});

describe("toCellValue", () => {
  it("keeps a time of day when there is one", () => {
    expect(toCellValue(new Date(Date.UTC(2024, 8, 1, 14, 30)))).toBe("2024-09-01 14:30");
  });
  it("reads a formula without a cached result as empty", () => {
    expect(toCellValue({ formula: "A1" })).toBeNull();
    expect(toCellValue({ sharedFormula: "A1", result: "x" })).toBe("x");
  });
});

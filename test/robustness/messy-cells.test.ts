/**
 * Cell contents as staff leave them: error values, formulas, rich text, hyperlinks, a real date in the
 * 市级辅助成果 cell, numbers where names belong, a 10,000-character cell, Windows line breaks,
 * full-width digits and Chinese numerals, and 已完成节点 typed every which way. As of 2024-09-01,
 * table year 2024 (from the title); every expected date below is worked out from the cell text.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { noteText } from "../../src/xlsx/flag-workbook";
import { NOTE_MARKER } from "../../src/core/flags/types";
import { cells, cli, everything, load, save, scanJson, tempDir, valueOf, type JsonReport } from "./support";

jest.setTimeout(60_000);

const SHEET = "2024 攻坚(修订)'终稿'版";
const LONG_FILLER = "按省厅要求整理材料".repeat(1200);

/** Header on row 5 under a two-row title; columns shuffled, extra columns between known ones, names with blanks. */
async function messyWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("A1").value = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
  ws.mergeCells("A1:L1");
  ws.getCell("A2").value = "（2024年8月修订）";
  ws.mergeCells("A2:L2");
  ws.getRow(5).values = ["盯 办 人", "序\u3000号", "评审\n项目", "备注", "攻坚任务", "牵头部门", "完成情况", "市级辅助\r\n成果", "责任人", " 分管领导 ", "已完成节点", "责任部门"];
  const row = (n: number, chaser: ExcelJS.CellValue, milestones: ExcelJS.CellValue, done: ExcelJS.CellValue = null, lead: ExcelJS.CellValue = "综合办公室") => {
    ws.getRow(n).values = [chaser, n - 5, n === 6 ? "机构规范化建设" : null, "备注文字", "攻坚任务文字", lead, "进行中", milestones, "李四", "王五", done, "法规科"];
  };
  row(6, "张三", "1.5月底前,出台方案;2.9月底前,上报", 1);
  row(7, 0, "1.１０月１５日前完成;2.8月20日前上报;3.9月3日前报送", "１，２");
  row(8, { error: "#N/A" } as ExcelJS.CellErrorValue, { formula: 'E8&"9月5日前上报"', result: "攻坚任务文字9月5日前上报" }, 2.5);
  row(9, "赵六", { richText: [{ text: "1.八月", font: { bold: true, name: "宋体" } }, { text: "底前完成;" }, { text: "2.十月十五日前报送", font: { italic: true } }] }, "=1+1");
  row(10, "赵六", new Date(Date.UTC(2024, 7, 15)));
  row(11, "赵六", { text: "2024年9月3日前完成", hyperlink: "https://example.gov.cn/renwu" });
  row(12, "赵六", "   ");
  row(13, "赵六", `1.${LONG_FILLER}`.slice(0, 9990) + ";2.9月10日前报送");
  row(14, "赵六", "1.8月30日前报送\r\n2.10月15日前归档");
  row(15, "赵六", "十月十五日前完成", null, { error: "#REF!" } as ExcelJS.CellErrorValue);
  row(16, "赵六", { formula: '"9月30日前"&"上报"' } as ExcelJS.CellFormulaValue);
  row(17, "赵六", "2023年12月31日前完成");
  ws.getCell("H10").note = "请王科长审核";
  ws.getCell("H9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } };
  return save(wb, file);
}

const dir = tempDir("cells");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let input: string;
let report: JsonReport;

beforeAll(async () => {
  input = await messyWorkbook(path.join(dir, "messy.xlsx"));
  report = await scanJson(input);
});

function at(cell: string, label: string) {
  const m = report.milestones.find((x) => x.cell === cell && x.label === label);
  if (!m) throw new Error(`no milestone ${cell} ${label}: ${JSON.stringify(report.milestones.map((x) => `${x.cell}-${x.label}`))}`);
  return m;
}

describe("scan of a messy table", () => {
  it("finds the table under the two-row title: header on row 5, 12 data rows", () => {
    expect(report.tables).toEqual([{ sheet: SHEET, kind: "攻坚", headerRow: 5, rows: 12 }]);
    expect(report.unrecognised).toEqual([]);
  });

  it("reads the people and the department from their shuffled columns", () => {
    expect(at("H6", "1")).toMatchObject({ serial: "1", lead: "综合办公室", owners: { 盯办人: "张三", 责任人: "李四", 分管领导: "王五" } });
  });

  it("已完成节点 typed as the number 1 marks item 1 done, item 2 stays pending", () => {
    expect(at("H6", "1")).toMatchObject({ due: "2024-05-31", status: "done" });
    expect(at("H6", "2")).toMatchObject({ due: "2024-09-30", status: "pending" });
  });

  it("full-width digits read the same, in the deadline and in 已完成节点 '１，２'; a 盯办人 of 0 reads '0'", () => {
    expect(at("H7", "1")).toMatchObject({ due: "2024-10-15", status: "done", owners: { 盯办人: "0" } });
    expect(at("H7", "2")).toMatchObject({ due: "2024-08-20", status: "done" });
    expect(at("H7", "3")).toMatchObject({ due: "2024-09-03", status: "due-soon" });
  });

  it("a formula's result is the text; #N/A in 盯办人 reads empty and is named; 2.5 in 已完成节点 marks nothing", () => {
    expect(at("H8", "1")).toMatchObject({ due: "2024-09-05", status: "due-soon", owners: { 盯办人: "" } });
    expect(report.problems).toContainEqual({ sheet: SHEET, cell: "A8", message: expect.stringContaining("#N/A") });
  });

  it("rich text with mixed fonts reads as its plain text; the text '=1+1' in 已完成节点 marks nothing", () => {
    expect(at("H9", "1")).toMatchObject({ text: "八月底前完成", due: "2024-08-31", status: "overdue" });
    expect(at("H9", "2")).toMatchObject({ due: "2024-10-15", status: "pending" });
  });

  it("a real Excel date in 市级辅助成果 is that day's deadline (was: 无固定期限)", () => {
    expect(at("H10", "1")).toMatchObject({ text: "2024-08-15", due: "2024-08-15", kind: "date", status: "overdue" });
  });

  it("a hyperlink reads as its text, with its explicit year", () => {
    expect(at("H11", "1")).toMatchObject({ due: "2024-09-03", status: "due-soon" });
  });

  it("an explicit other year wins over the title's year", () => {
    expect(at("H17", "1")).toMatchObject({ due: "2023-12-31", status: "overdue" });
  });

  it("a cell of only spaces has no milestones", () => {
    expect(report.milestones.filter((m) => m.cell === "H12")).toEqual([]);
  });

  it("a 10,000-character cell is read to its end", () => {
    expect(at("H13", "1")).toMatchObject({ due: null, status: "open-ended" });
    expect(at("H13", "2")).toMatchObject({ text: "9月10日前报送", due: "2024-09-10", status: "pending" });
  });

  it("Windows line breaks separate items", () => {
    expect(at("H14", "1")).toMatchObject({ text: "8月30日前报送", due: "2024-08-30", status: "overdue" });
    expect(at("H14", "2")).toMatchObject({ text: "10月15日前归档", due: "2024-10-15" });
  });

  it("Chinese numerals read as a date; #REF! in 牵头部门 is named and reads empty", () => {
    expect(at("H15", "1")).toMatchObject({ due: "2024-10-15", status: "pending", lead: "" });
    expect(report.problems).toContainEqual({ sheet: SHEET, cell: "F15", message: expect.stringContaining("#REF!") });
  });

  it("a formula saved without its result is named, not silently dropped", () => {
    expect(report.milestones.filter((m) => m.cell === "H16")).toEqual([]);
    expect(report.problems).toContainEqual({ sheet: SHEET, cell: "H16", message: expect.stringContaining("没有保存计算结果") });
  });

  it("counts add up (hand count: 4 overdue, 3 due-soon, 5 pending, 3 done, 1 open-ended)", () => {
    expect(report.counts).toEqual({ overdue: 4, "due-soon": 3, pending: 5, done: 3, "open-ended": 1 });
  });

  it("the text report names places as sheet!cell, in Chinese, without quoting the 10,000 characters", async () => {
    const r = await cli(["scan", input, "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    // Issue 10 §2 layout: how late on the item line, the due date (2024年8月15日) and place under it.
    expect(r.stdout).toContain("· 序号5·节点1 已逾期17天：2024-08-15\n");
    expect(r.stdout).toContain(`截止：2024年8月15日　位置：${SHEET}!H10　`);
    expect(r.stdout).toContain(`${SHEET}!A8：单元格为错误值 #N/A，已按空白处理`);
    expect(r.stdout).toContain("盯办人：（未填写）");
    expect(Math.max(...r.stdout.split("\n").map((line) => line.length))).toBeLessThan(200);
  });
});

describe("flag and unflag of the messy table", () => {
  let flagged: string;
  let restored: string;

  beforeAll(async () => {
    flagged = path.join(dir, "messy-flagged.xlsx");
    restored = path.join(dir, "messy-restored.xlsx");
    const f = await cli(["flag", input, "-o", flagged, "--as-of", "2024-09-01"]);
    expect(f.stderr).toBe("");
    expect(f.stdout).toContain("已标注 7 个单元格（红色·有逾期节点 4 个，黄色·有临期节点 3 个）");
    const u = await cli(["unflag", flagged, "-o", restored]);
    expect(u.stdout).toContain("已撤销 7 个单元格的标注");
  });

  it("changes no value: formulas, rich text, hyperlink, date, errors and the text '=1+1' stay as they were", async () => {
    const before = cells(await load(input), valueOf);
    const after = cells(await load(flagged), valueOf);
    expect(after).toEqual(before);
    expect((await load(flagged)).getWorksheet(SHEET)!.getCell("K9").value).toBe("=1+1");
  });

  it("notes the date cell with its due date, days overdue and 盯办人; keeps the user's note above ours", async () => {
    const ws = (await load(flagged)).getWorksheet(SHEET)!;
    const note = noteText(ws.getCell("H10").note) ?? "";
    expect(note.startsWith(`请王科长审核\n\n${NOTE_MARKER}截至2024年9月1日`)).toBe(true);
    expect(note).toContain("节点1 2024-08-15（应于2024年8月15日前完成，已逾期17天，盯办人：赵六）");
    // H6 (one done, one pending) and H13 (pending) are not flagged.
    expect(ws.getCell("H6").note).toBeUndefined();
    expect(ws.getCell("H13").note).toBeUndefined();
  });

  it("unflag restores every cell exactly (value, fill, font, notes)", async () => {
    expect(cells(await load(restored), everything)).toEqual(cells(await load(input), everything));
  });
});

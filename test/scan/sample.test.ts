/**
 * scanWorkbook on the sample workbook (samples/盘锦市2024年大练兵责任分解表.xlsx), read with the CLI's
 * reader. Expected dates are worked out by hand from the source text (lines 26 (序号1), 33 (4), 75–77 (22–24), 113 (36), 120 (39)).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import type { SheetGrid } from "../../src/core/grid";
import { groupMilestones, reminderText, scanWorkbook } from "../../src/core/scan";
import type { ScannedMilestone, ScanResult } from "../../src/core/scan/types";

const SAMPLE = path.resolve(__dirname, "..", "..", "samples", "盘锦市2024年大练兵责任分解表.xlsx");

let grids: SheetGrid[];
let result: ScanResult;
const at = (r: ScanResult, cell: string, label: string) =>
  r.milestones.find((m) => m.sheet === "攻坚任务" && m.cell === cell && m.label === label) as ScannedMilestone;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  grids = readWorkbook(wb);
  result = scanWorkbook(grids, { asOf: "2024-09-01" });
});

describe("the sample as of 2024-09-01", () => {
  it("row 1: '1.5月底前' overdue by 93 days; '2.9月底前' due in 29 days; '3、10月15日前' pending", () => {
    expect(at(result, "I3", "1")).toMatchObject({ serial: "1", due: "2024-05-31", status: "overdue", daysOverdue: 93 });
    expect(at(result, "I3", "2")).toMatchObject({ due: "2024-09-30", status: "pending", daysLeft: 29 });
    expect(at(result, "I3", "3")).toMatchObject({ due: "2024-10-15", status: "pending", daysLeft: 44 });
  });

  it("rows 22–25 share one merged cell, listed once from row 22 with six milestones", () => {
    const merged = result.milestones.filter((m) => ["22", "23", "24", "25"].includes(m.serial));
    expect(merged.every((m) => m.cell === "I24" && m.serial === "22")).toBe(true);
    expect(merged.map((m) => m.label)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(merged.map((m) => m.status)).toEqual(["overdue", "overdue", "overdue", "pending", "pending", "pending"]);
    // 5月底 → 31 May (93 days), 6月中旬 → 20 June (73), 7月底 → 31 July (32); 8-9月 → 30 September
    expect(merged.slice(0, 3).map((m) => m.daysOverdue)).toEqual([93, 73, 32]);
    expect(merged[3].due).toBe("2024-09-30");
    expect(merged[0].owners.盯办人).toBe("王一隆");
  });

  it("recurring and relative clauses have no fixed deadline", () => {
    expect(at(result, "I6", "2")).toMatchObject({ kind: "recurring", status: "open-ended" });
    const relative = result.milestones.find((m) => m.text.startsWith("下达处罚决定后"));
    expect(relative).toMatchObject({ kind: "relative", status: "open-ended", due: null });
  });

  it("'1.6月底和9月底前' gives 1a (overdue 63 days) and 1b (pending)", () => {
    expect(at(result, "I41", "1a")).toMatchObject({ due: "2024-06-30", status: "overdue", daysOverdue: 63 });
    expect(at(result, "I41", "1b")).toMatchObject({ due: "2024-09-30", status: "pending" });
  });

  it("counts add up to the milestones listed", () => {
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.milestones.length);
    expect(result.counts.overdue).toBe(result.milestones.filter((m) => m.status === "overdue").length);
  });

  it("the 催办 text for 王一隆 lists the three overdue 稽查 milestones", () => {
    const mine = groupMilestones(result.milestones, "盯办人").get("王一隆") as ScannedMilestone[];
    const text = reminderText("王一隆", mine, result.asOf);
    expect(text).toContain("王一隆同志：截至2024年9月1日");
    expect(text.match(/已逾期\d+天/g)).toEqual(["已逾期93天", "已逾期73天", "已逾期32天"]);
  });
});

describe("the 已完成节点 column", () => {
  it("marks the listed milestones done, read from the row that owns the merged cell", () => {
    const sheet = grids.find((g) => g.name === "攻坚任务") as SheetGrid;
    const headerRow = 1;
    const doneCol = Math.max(...sheet.values[headerRow].map((v, i) => (v === null ? -1 : i))) + 1;
    const values = sheet.values.map((r) => [...r]);
    values[headerRow][doneCol] = "已完成节点";
    values[23][doneCol] = "1，3"; // Excel row 24 = 序号22, full-width comma as staff type it
    const r = scanWorkbook([{ ...sheet, values }], { asOf: "2024-09-01" });
    const merged = r.milestones.filter((m) => m.cell === "I24");
    expect(merged.map((m) => m.status)).toEqual(["done", "overdue", "done", "pending", "pending", "pending"]);
    expect(merged[0].doneCell).toMatch(/^[A-Z]+24$/);
  });
});

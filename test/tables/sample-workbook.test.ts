/** The committed sample workbook, read with the CLI's ExcelJS reader as a shell would, is recognised completely. */
import { join } from "path";
import ExcelJS from "exceljs";
import { recognizeWorkbook } from "../../src/core/tables";
import type { RecognisedTable, RecognitionResult } from "../../src/core/tables/types";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { readSampleData } from "../../scripts/build-sample";

const SAMPLE = join(__dirname, "..", "..", "samples", "盘锦市2024年大练兵责任分解表.xlsx");
const data = readSampleData();

describe("sample workbook", () => {
  let result: RecognitionResult;
  let gongjian: RecognisedTable;
  let jizhun: RecognisedTable;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE);
    result = recognizeWorkbook(readWorkbook(workbook));
    gongjian = result.tables.find((t) => t.kind === "攻坚")!;
    jizhun = result.tables.find((t) => t.kind === "基准")!;
  });
  const gj = (serial: string) => gongjian.rows.find((r) => r.serial === serial)!;

  test("both sheets are recognised, without problems", () => {
    expect(result.unrecognised).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rows.length, t.year])).toEqual([
      ["攻坚任务", "攻坚", 1, 51, 2024],
      ["基准任务", "基准", 1, 25, 2024],
    ]);
    expect(gongjian.title).toBe("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表");
    expect(jizhun.title).toBe("盘锦市2024年表现突出集体基准任务责任分解表");
  });

  test("every 攻坚 row has the 序号, task, lead, people and milestones of the data file", () => {
    const rows = data.tables[0].rows;
    expect(gongjian.rows.map((r) => r.serial)).toEqual(rows.map((r) => r.cells["序号"]));
    gongjian.rows.forEach((row, i) => {
      const cells = rows[i].cells;
      expect([row.task, row.lead, row.helpers]).toEqual([cells["攻坚任务"], cells["牵头部门"], cells["责任部门"]]);
      expect(row.owners).toEqual({ 盯办人: cells["盯办人"], 责任人: cells["责任人"], 分管领导: cells["分管领导"] });
      if (row.ownsMilestoneCell) expect(row.milestoneText).toBe(cells["市级辅助成果"]);
    });
  });

  test("row 20 has its people in place", () => {
    expect(gj("20").owners).toEqual({ 盯办人: "曹东", 责任人: "王江", 分管领导: "郭国军" });
  });

  test("评审项目 merged down its rows is inherited by every row of the block", () => {
    for (const serial of ["1", "2", "3", "4"]) expect(gj(serial).item).toBe("机构规范化建设(7分)");
    for (const serial of ["18", "19", "20", "21"]) expect(gj(serial).item).toBe("执法记录及上报情况(4分)");
    expect(gj("22").item).toBe("稽查准备情况(1分)");
    for (const serial of ["23", "24", "25"]) expect(gj(serial).item).toBe("稽查开展情况(5分)");
    expect(gj("38").item).toBe("抽查通报");
    expect(gj("51").item).toBe("");
  });

  test("the 市级辅助成果 of rows 22–25 is one cell, I24, listed from row 22 only", () => {
    const block = ["22", "23", "24", "25"].map(gj);
    expect(block.map((r) => r.milestoneCell)).toEqual(Array(4).fill({ row: 23, col: 8 }));
    expect(block.map((r) => r.ownsMilestoneCell)).toEqual([true, false, false, false]);
    expect(new Set(block.map((r) => r.milestoneText)).size).toBe(1);
    const text = block[0].milestoneText;
    for (const item of ["1. 5月底前", "2. 6月中旬", "3. 7月底前", "4. 8-9月", "5. 9月底前", "6. 10月15日前"]) {
      expect(text.split(item)).toHaveLength(2); // each item exactly once
    }
  });

  test("基准 sub-items carry their block's 序号 and the heading of their 评审内容", () => {
    // Blocks as in 附件5 (source lines 221–250); 序号 10 is not in the 分解表.
    expect(jizhun.rows.map((r) => r.serial)).toEqual([
      "1", "1", "1", "1", "1", "2", "2", "2", "3", "3", "3", "4", "5", "5", "5", "6", "7", "7", "8", "8", "8", "9", "9", "9", "11",
    ]);
    expect(jizhun.rows[0].item).toBe("机构规范化建设（2分）");
    expect(jizhun.rows[3].item).toBe("奖励激励（5分）");
    expect(jizhun.rows[5].item).toBe("自动监测运行管理（2分）");
    expect(jizhun.rows[11].item).toBe("“两打”专项行动（12分）");
    expect(jizhun.rows[22].owners).toEqual({ 盯办人: "周子杨", 责任人: "周子杨", 分管领导: "张振伟" });
    expect(jizhun.rows.every((r) => r.milestoneCell === null)).toBe(true);
  });
});

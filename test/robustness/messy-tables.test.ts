/**
 * Table layouts as offices keep them: a title and header repeated at a page break, two tables on one
 * sheet, a table starting in column B, a header in two rows, sign-off lines under a table, and sheets that hold no table
 * (empty, a picture only, a list that merely looks like a header). As of 2024-09-01.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { scanWorkbook } from "../../src/core/scan";
import type { ScanResult } from "../../src/core/scan/types";
import { cli, load, save, tempDir } from "./support";

jest.setTimeout(60_000);

const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
const GONGJIAN = ["序号", "评审项目", "攻坚任务", "牵头部门", "责任部门", "市级辅助成果", "盯办人", "责任人", "分管领导", "备注"];
const JIZHUN = ["序号", "评审内容", "数据来源及有关情况说明", "归档参考", "牵头部门", "责任部门", "盯办人", "责任人", "分管领导"];
/** A 1×1 PNG. */
const PIXEL = Buffer.from("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D49444154789C6360000002000154A24F5D0000000049454E44AE426082", "hex");

async function workbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();

  // 攻坚 above (title and header repeated at a page break), 基准 below in column B, blank rows between.
  const both = wb.addWorksheet("汇总");
  both.getRow(1).values = [TITLE];
  both.mergeCells("A1:J1");
  both.getRow(2).values = GONGJIAN;
  both.getRow(3).values = [1, "机构规范化建设（7分）", "任务一", "综合办公室", "法规科", "1.5月底前,出台方案", "张三", "李四", "王五", "已上报"];
  both.getRow(4).values = [2, null, "任务二", "综合办公室", "法规科", "9月5日前上报", "张三", "李四", "王五"];
  both.mergeCells("B3:B4");
  both.getRow(5).values = [TITLE];
  both.getRow(6).values = GONGJIAN.map((name) => (name === "市级辅助成果" ? "市级辅助\n成果" : name));
  both.getRow(7).values = [3, "执法培训（5分）", "任务三", "法规科", "综合办公室", "十月十五日前完成", "赵六", "李四", "王五"];
  both.getCell("B10").value = "盘锦市表现突出集体基准任务责任分解表";
  both.mergeCells("B10:J10");
  both.getRow(11).values = [null, ...JIZHUN];
  both.getRow(12).values = [null, 1, "1. 机构规范化建设（2分）。列入省级试点并通过验收的，得1分。", "全国执法队伍管理系统", "1、该项情况简介", "综合办公室", "法规科", "孙七", "李四", "王五"];
  both.getRow(13).values = [null, null, "2. 装备配备（3分）。按照《装备指导标准》配备。", "日常工作调度", "2、装备清单", "法规科", "综合办公室", "孙七", "李四", "王五"];

  // Sign-off lines under the table: the date must not become a milestone of row 4.
  const signed = wb.addWorksheet("攻坚（报送版）");
  signed.getRow(1).values = [TITLE];
  signed.getRow(2).values = GONGJIAN;
  signed.getRow(3).values = [1, "机构规范化建设（7分）", "任务一", "综合办公室", "法规科", "1.5月底前,出台方案", "张三", "李四", "王五"];
  signed.getRow(4).values = [2, "执法培训（5分）", "任务二", "法规科", "综合办公室", "9月5日前上报", "赵六", "李四", "王五"];
  signed.getRow(6).values = ["填报单位（盖章）：综合办公室", null, null, null, "填报人：白聖豪", "填报日期：2024年8月1日"];
  signed.getRow(7).values = [null, null, null, null, null, "2024年8月1日"];

  // A header in two rows (group names over 评审项目… and 牵头部门…), repeated at a page break.
  const twoRows = wb.addWorksheet("两行表头");
  twoRows.getRow(1).values = [TITLE];
  twoRows.mergeCells("A1:I1");
  for (const top of [2, 5]) {
    twoRows.getRow(top).values = ["序号", "任务内容", null, "责任分工", null, null, null, null, "市级辅助成果"];
    twoRows.getRow(top + 1).values = [null, "评审项目", "攻坚任务", "牵头部门", "责任部门", "盯办人", "责任人", "分管领导"];
    for (const range of [`A${top}:A${top + 1}`, `B${top}:C${top}`, `D${top}:H${top}`, `I${top}:I${top + 1}`]) twoRows.mergeCells(range);
  }
  twoRows.getRow(4).values = [1, "机构规范化建设（7分）", "任务一", "综合办公室", "法规科", "张三", "李四", "王五", "1.5月底前,出台方案"];
  twoRows.getRow(7).values = [2, "执法培训（5分）", "任务二", "法规科", "综合办公室", "赵六", "李四", "王五", "9月5日前上报"];

  wb.addWorksheet("空表");
  const picture = wb.addWorksheet("图片");
  picture.addImage(wb.addImage({ buffer: PIXEL as unknown as ExcelJS.Buffer, extension: "png" }), "B2:D6");
  const list = wb.addWorksheet("通讯录");
  list.getRow(1).values = ["序号", "牵头部门", "联系电话"];
  list.getRow(2).values = [1, "综合办公室", "0427-1234567"];
  return save(wb, file);
}

const dir = tempDir("tables");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let input: string;
let result: ScanResult;

beforeAll(async () => {
  input = await workbook(path.join(dir, "layouts.xlsx"));
  result = scanWorkbook(readWorkbook(await load(input)), { asOf: "2024-09-01" });
});

const on = (sheet: string) => result.milestones.filter((m) => m.sheet === sheet);

describe("two tables on one sheet, the first repeating its title and header at a page break", () => {
  it("finds both, with their header rows and data rows (the repeated title and header are not data)", () => {
    expect(result.tables.filter((t) => t.sheet === "汇总").map((t) => [t.kind, t.headerRow, t.rows])).toEqual([
      ["攻坚", 2, 3],
      ["基准", 11, 2],
    ]);
  });

  it("reads each 攻坚 milestone with its item (merged 评审项目 inherited), people and status", () => {
    expect(on("汇总").map((m) => [m.cell, m.serial, m.item, m.label, m.due, m.status, m.owners.盯办人])).toEqual([
      ["F3", "1", "机构规范化建设（7分）", "1", "2024-05-31", "overdue", "张三"],
      ["F4", "2", "机构规范化建设（7分）", "1", "2024-09-05", "due-soon", "张三"],
      ["F7", "3", "执法培训（5分）", "1", "2024-10-15", "pending", "赵六"],
    ]);
  });
});

describe("sign-off lines under a table", () => {
  it("are not data: the 填报日期 is no milestone and the table has its 2 rows", () => {
    expect(result.tables.find((t) => t.sheet === "攻坚（报送版）")).toMatchObject({ headerRow: 2, rows: 2 });
    expect(on("攻坚（报送版）").map((m) => `${m.cell}|${m.due}`)).toEqual(["F3|2024-05-31", "F4|2024-09-05"]);
  });
});

describe("a header in two rows, repeated at a page break", () => {
  it("is recognised (was: 缺少“序号”列), its repeat is not data, and each column is read by its lower name", () => {
    expect(result.tables.find((t) => t.sheet === "两行表头")).toMatchObject({ kind: "攻坚", headerRow: 3, rows: 2 });
    expect(on("两行表头").map((m) => [m.cell, m.serial, m.due, m.status, m.lead, m.owners.盯办人, m.owners.分管领导])).toEqual([
      ["I4", "1", "2024-05-31", "overdue", "综合办公室", "张三", "王五"],
      ["I7", "2", "2024-09-05", "due-soon", "法规科", "赵六", "王五"],
    ]);
  });
});

describe("sheets without a table", () => {
  it("are each named with the reason, in Chinese", () => {
    expect(result.unrecognised).toEqual([
      { sheet: "空表", reason: "工作表为空" },
      { sheet: "图片", reason: "工作表为空" },
      { sheet: "通讯录", reason: "A1 所在的第1行像是表头，但缺少“盯办人或责任人”列" },
    ]);
  });

  it("the text report lists every table and names those sheets", async () => {
    const r = await cli(["scan", input, "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("识别到 4 张责任分解表：汇总（攻坚，3行，2024年，取自标题）、汇总（基准，2行，标题无年份，按截至日期取2024年）、攻坚（报送版）（攻坚，2行，2024年，取自标题）、两行表头（攻坚，2行，2024年，取自标题）");
    expect(r.stdout).toContain("工作表“通讯录”未识别为责任分解表：A1 所在的第1行像是表头，但缺少“盯办人或责任人”列");
  });
});

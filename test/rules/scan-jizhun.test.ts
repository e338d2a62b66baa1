/**
 * The scan reports the 基准 分解表's differences from 附件5 at their 评审内容 cells, each with its
 * 序号, and 附件5's 序号10 that the table has no row for (issue 7 §1.7).
 */
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { scanWorkbook } from "../../src/core/scan";
import { line } from "./source";

const HEADER = ["序号", "评审内容", "数据来源及有关情况说明", "归档参考", "牵头部门", "责任部门", "盯办人", "责任人", "分管领导"];
/** The table's own rows from the source, tab-separated as exported (lines 159, 162, 177, 187). */
const fromSource = (n: number): CellValue[] => line(n).split("\t").slice(0, 9);

function jizhunSheet(lines: number[]): SheetGrid {
  return { name: "基准任务", values: [["盘锦市2024年表现突出集体基准任务责任分解表"], HEADER, ...lines.map(fromSource)], merges: [] };
}

describe("scanWorkbook on a 基准 table", () => {
  const result = scanWorkbook([jizhunSheet([159, 162, 177, 187])], { asOf: "2024-09-01" });

  it("names each difference at its 评审内容 cell with the 序号", () => {
    const at = result.discrepancies.map((d) => `${d.cell}:${d.serial}:${d.message.slice(0, d.message.indexOf("：") + 1)}`);
    expect(at).toEqual([
      "B3:2:基准序号2“线索识别”：",
      "B3:2:基准序号2“线索查办”：",
      "B4:2:基准序号2“现场执法人员比例”：",
      "B5:8:基准序号8“现场监督帮扶表现”：",
      ...["1", "3", "4", "5", "6", "7", "9", "10"].map((s) => `A2:${s}:基准序号${s}${s === "10" ? "“练兵成效（表现突出集体和个人覆盖情况，加分项，第246行）”" : ""}：`),
    ]);
  });
  it("a table with every 序号 and the province's words raises nothing", () => {
    const agreeing = scanWorkbook(
      [{ name: "基准任务", values: [HEADER, ...["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"].map((s) => [s, line(228).split("\t")[5], "", "", "综合办公室", "", "甲", "乙", "丙"])], merges: [] }],
      { asOf: "2024-09-01" },
    );
    expect(agreeing.discrepancies).toEqual([]);
  });
});

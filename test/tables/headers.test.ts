/**
 * Header names as offices write them (issue 9 §2): a synonym table, and two columns with the same
 * role reported instead of silently dropped.
 */
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { HEADER_NAMES, roleForHeader } from "../../src/core/tables/headers";
import { recognizeSheet } from "../../src/core/tables";
import { scanWorkbook } from "../../src/core/scan";
import type { ColumnRole } from "../../src/core/tables/types";

const SYNONYMS: [string, ColumnRole | undefined][] = [
  ["序号", "serial"],
  ["编号", "serial"],
  ["评审项目", "item"],
  ["攻坚任务", "task"],
  ["牵头部门", "lead"],
  ["牵头科室", "lead"],
  ["牵头单位", "lead"],
  ["责任科室", "helpers"],
  ["配合部门", "helpers"],
  ["市级辅助成果", "milestones"],
  ["市级辅助\n成果", "milestones"],
  ["市级辅助 成果（时间节点）", "milestones"],
  ["时间节点", "milestones"],
  ["完成时限", "milestones"],
  ["盯办人", "chaser"],
  ["盯办人员", "chaser"],
  ["督办人", "chaser"],
  ["盯办人（签字）", "chaser"],
  ["责任人", "owner"],
  ["具体责任人", "owner"],
  ["分管领导", "leader"],
  ["分管局领导", "leader"],
  ["已完成节点", "done"],
  ["完成节点", "done"],
  ["开始日期", "start"],
  ["下达日期", "start"],
  // Not header names: data and unrelated columns.
  ["备注", undefined],
  ["完成情况", undefined],
  ["王江", undefined],
  ["（时间节点）", undefined],
];

test.each(SYNONYMS)("“%s” → %s", (text, role) => {
  expect(roleForHeader(text)).toBe(role);
});

test("every name of the synonym table maps to its own role, and no name to two roles", () => {
  const seen = new Map<string, ColumnRole>();
  for (const [role, names] of Object.entries(HEADER_NAMES) as [ColumnRole, readonly string[]][]) {
    for (const name of names) {
      expect(roleForHeader(name)).toBe(role);
      expect(seen.has(name)).toBe(false);
      seen.set(name, role);
    }
  }
});

describe("two columns with the same role", () => {
  const values: CellValue[][] = [
    ["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"],
    ["序号", "牵头部门", "市级辅助成果", "盯办人", "责任人", "市级辅助成果"],
    [1, "指导监督科", "5月底前完成方案", "王一隆", "王江", "6月底前完成培训"],
  ];
  const grid: SheetGrid = { name: "攻坚任务", values, merges: [] };

  test("the first is read and the second is reported with both cells", () => {
    const { tables, problems } = recognizeSheet(grid);
    expect(tables[0].columns.milestones).toBe(2);
    expect(problems).toEqual([
      {
        sheet: "攻坚任务",
        cell: "F2",
        message: expect.stringContaining("表头有两列都是“市级辅助成果”（C2、F2“市级辅助成果”）：只读取了第一列，F列的内容没有检查"),
      },
    ]);
  });

  test("the scan's problem count is not 0 any more", () => {
    const result = scanWorkbook([grid], { asOf: "2024-09-01" });
    expect(result.milestones.map((m) => m.due)).toEqual(["2024-05-31"]);
    expect(result.problems.map((p) => p.cell)).toEqual(["F2"]);
  });
});

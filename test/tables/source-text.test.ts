/**
 * Recognition of the source document's tables exactly as exported (source lines 23–145 and 146–188):
 * title and header repeated on every page, row 20 of the 攻坚 table one cell short.
 */
import { recognizeSheet } from "../../src/core/tables";
import { gridFromSourceLines } from "./source-text";

describe("攻坚 table of the source text (lines 23–145)", () => {
  const grid = gridFromSourceLines("攻坚任务", 23, 145);
  const { tables, problems, unrecognisedReason } = recognizeSheet(grid);
  const table = tables[0];
  const row = (serial: string) => table.rows.find((r) => r.serial === serial)!;
  const rowOf = (line: number) => line - 23;

  test("one 攻坚 table, header on line 25, title and year from line 23", () => {
    expect(unrecognisedReason).toBeUndefined();
    expect(tables).toHaveLength(1);
    expect(table.kind).toBe("攻坚");
    expect(table.headerRow).toBe(rowOf(25));
    expect(table.title).toBe("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表");
    expect(table.year).toBe(2024);
    expect(table.lastColumn).toBe(11);
    expect(table.lastRow).toBe(rowOf(144));
  });

  test("all 51 rows, in order, none of them a repeated title or header", () => {
    expect(table.rows.map((r) => r.serial)).toEqual(Array.from({ length: 51 }, (_, i) => String(i + 1)));
    // Header lines repeated after each page break, read off the source by hand.
    const repeatedHeaderLines = [31, 38, 44, 51, 58, 66, 73, 82, 88, 94, 100, 106, 112, 118, 126, 133, 141];
    expect(table.repeatedHeaderRows).toEqual(repeatedHeaderLines.map(rowOf));
    expect(table.rows.some((r) => r.serial.includes("责任分解") || r.serial === "序号")).toBe(false);
  });

  test("the column map follows the header names", () => {
    expect(table.columns).toEqual({
      serial: 0, item: 1, content: 2, source: 3, task: 4, lead: 5, helpers: 6,
      standard: 7, milestones: 8, chaser: 9, owner: 10, leader: 11,
    });
    expect(table.extraColumns).toEqual([]);
  });

  test("row 20 lost a cell: its people are read from the shifted cells, and the row is reported", () => {
    const r20 = row("20");
    expect(r20.row).toBe(rowOf(69));
    expect(r20.owners).toEqual({ 盯办人: "曹东", 责任人: "王江", 分管领导: "郭国军" });
    expect(r20.lead).toBe("指导监督科");
    expect(r20.milestoneText).toBe(""); // "曹东" is a person, not a milestone
    expect(problems).toHaveLength(1);
    expect(problems[0].sheet).toBe("攻坚任务");
    expect(problems[0].cell).toBe(`I${rowOf(69) + 1}`);
    expect(problems[0].message).toContain("曹东");
    expect(problems[0].message).toContain("盯办人、责任人、分管领导");
  });

  test("people, lead and milestones of other rows as in the source", () => {
    expect(row("1").owners).toEqual({ 盯办人: "白聖豪", 责任人: "崔志宇", 分管领导: "曾增" });
    expect(row("1").lead).toBe("综合办公室");
    expect(row("1").milestoneText).toMatch(/^1\.5月底前,出台市级标准化建设工作方案;/);
    expect(row("1").milestoneCell).toEqual({ row: rowOf(26), col: 8 });
    expect(row("1").ownsMilestoneCell).toBe(true);
    expect(row("19").owners).toEqual({ 盯办人: "曹东", 责任人: "王江", 分管领导: "郭国军" });
    expect(row("34").owners).toEqual({ 盯办人: "李吉勇", 责任人: "周子杨", 分管领导: "张振伟" });
    expect(row("50").owners).toEqual({ 盯办人: "——", 责任人: "各科室、各执法大队负责人", 分管领导: "郭国军" });
    expect(row("50").lead).toBe("");
    expect(row("51").owners).toEqual({ 盯办人: "马楠", 责任人: "李庆海", 分管领导: "郭国军" });
    // Every row has its 分管领导 once row 20 is realigned.
    expect(table.rows.filter((r) => r.owners.分管领导 === "")).toEqual([]);
    expect(new Set(table.rows.map((r) => r.owners.分管领导))).toEqual(new Set(["曾增", "张振伟", "郭国军"]));
  });

  test("without merges, a blank 评审项目 stays blank (the text has no merged areas to inherit from)", () => {
    expect(row("2").item).toBe("机构规范化建设(7分)");
    expect(row("1").item).toBe("");
    expect(row("3").item).toBe("");
  });
});

describe("基准 table of the source text (lines 146–188)", () => {
  const grid = gridFromSourceLines("基准任务", 146, 188);
  const { tables, problems } = recognizeSheet(grid);
  const table = tables[0];
  const rowAtLine = (line: number) => table.rows.find((r) => r.row === line - 146)!;

  test("one 基准 table; its title has no year", () => {
    expect(tables).toHaveLength(1);
    expect(table.kind).toBe("基准");
    expect(table.title).toBe("盘锦市表现突出集体基准任务责任分解表");
    expect(table.year).toBeNull();
    expect(table.repeatedHeaderRows).toHaveLength(6);
  });

  test("sub-items without a 序号 carry their block's 序号; people are per row", () => {
    expect(rowAtLine(150).serial).toBe("1");
    expect(rowAtLine(151).serial).toBe("1");
    expect(rowAtLine(170).serial).toBe("5");
    expect(rowAtLine(171).serial).toBe("5");
    expect(rowAtLine(179).serial).toBe("8");
    expect(rowAtLine(187).serial).toBe("11");
    // Lines 185/186 have no people of their own; they do not inherit those of the row above.
    expect(rowAtLine(185).owners).toEqual({ 盯办人: "", 责任人: "", 分管领导: "" });
    expect(rowAtLine(185).serial).toBe("9");
  });

  test("the 评审内容 heading serves as 评审项目, the whole 评审内容 as task", () => {
    expect(rowAtLine(149).item).toBe("机构规范化建设（2分）");
    expect(rowAtLine(154).item).toBe("奖励激励（5分）"); // "<p>4. 奖励激励（5分）。</p> <p>（1）集体荣誉…"
    expect(rowAtLine(159).item).toBe("非现场监管推进情况（5分）");
    expect(rowAtLine(187).item).toBe("候选集体存在以下廉政纪律问题之一的，取消评审资格");
    expect(rowAtLine(187).task).toMatch(/^候选集体存在以下廉政纪律问题之一的.*较大负面舆论影响的。$/);
  });

  test("lines 164, 165 and 176 lost their 归档参考 cell: 牵头部门, 责任部门 and people are read one column left", () => {
    expect(rowAtLine(176).lead).toBe("政策法规科");
    expect(rowAtLine(176).helpers).toBe("各执法大队");
    expect(rowAtLine(176).owners).toEqual({ 盯办人: "宗雅杰", 责任人: "周子杨", 分管领导: "张振伟" });
    expect(rowAtLine(164).lead).toBe("指导监督科");
    expect(rowAtLine(164).helpers).toBe("案件处理科、核与辐射大队、海洋大队、监控中心");
    expect(rowAtLine(164).owners).toEqual({ 盯办人: "王江", 责任人: "", 分管领导: "郭国军" });
    const reportedRows = problems.map((p) => Number(p.cell.slice(1)) + 145);
    expect(reportedRows).toEqual(expect.arrayContaining([164, 165, 176]));
  });
});

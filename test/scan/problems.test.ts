/**
 * Issue 9 §2–§4 through the core scan: what could not be read is a problem naming the sheet, the
 * cell, the 序号, the milestone and the clause; the year says where it came from; relative
 * deadlines take their start from the row.
 */
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { scanWorkbook, tableYearText, toJsonReport } from "../../src/core/scan";

const HEADER = ["序号", "评审项目", "牵头科室", "市级辅助 成果（时间节点）", "盯办人员", "责任人", "分管领导", "已完成节点", "下达日期"];

function sheet(title: string | null, rows: CellValue[][]): SheetGrid {
  return { name: "攻坚任务", values: [title === null ? [] : [title], HEADER, ...rows], merges: [] };
}

function person(serial: number, milestones: string | null, done = "", start: CellValue = null): CellValue[] {
  return [serial, "执法稽查", "指导监督科", milestones, "王一隆", "王江", "郭国军", done, start];
}

const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";

describe("problems in 市级辅助成果 cells", () => {
  const result = scanWorkbook(
    [
      sheet(TITLE, [
        person(1, "1.9月31日前完成自查; 2.13月底前整改; 3.本月底前上报"),
        person(2, "1.国庆节前完成自查; 2.强化案卷质量管控"),
      ]),
    ],
    { asOf: "2024-09-01" },
  );

  test("headers as offices write them are recognised (牵头科室, 市级辅助 成果（时间节点）, 盯办人员, 下达日期)", () => {
    expect(result.tables).toHaveLength(1);
    expect(result.milestones.find((m) => m.serial === "2" && m.label === "1")).toMatchObject({
      cell: "D4",
      due: "2024-09-30",
      lead: "指导监督科",
      owners: { 盯办人: "王一隆" },
    });
  });

  test("each unreadable clause is one problem with sheet, cell, 序号, milestone name and clause", () => {
    const cellProblems = result.problems.filter((p) => p.cell === "D3");
    expect(cellProblems).toEqual([
      expect.objectContaining({ sheet: "攻坚任务", serial: "1", milestone: "序号1·节点1", clause: "9月31日前完成自查", message: expect.stringContaining("9月没有31日") }),
      expect.objectContaining({ serial: "1", milestone: "序号1·节点2", clause: "13月底前整改", message: expect.stringContaining("没有13月") }),
      expect.objectContaining({ serial: "1", milestone: "序号1·节点3", clause: "本月底前上报", message: expect.stringContaining("读不出截止日期") }),
    ]);
    expect(cellProblems[0].message).toMatch(/^序号1·节点1「9月31日前完成自查」：/);
  });

  test("plain undated work is not a problem; the unreadable milestones stay 无固定期限", () => {
    expect(result.problems.filter((p) => p.cell === "D4")).toEqual([]);
    expect(result.milestones.filter((m) => m.serial === "1").map((m) => m.status)).toEqual(["open-ended", "open-ended", "open-ended"]);
  });

  test("--json problems carry 序号, milestone and clause; milestones carry their name", () => {
    const report = toJsonReport(result) as { problems: Record<string, unknown>[]; milestones: Record<string, unknown>[] };
    expect(report.problems.find((p) => p.cell === "D3")).toMatchObject({ serial: "1", milestone: "序号1·节点1", clause: "9月31日前完成自查" });
    expect(report.milestones.map((m) => m.name)).toEqual(["序号1·节点1", "序号1·节点2", "序号1·节点3", "序号2·节点1", "序号2·节点2"]);
  });
});

describe("已完成节点", () => {
  const scan = (done: string, milestones = "1.5月底前完成; 2.6月底前完成; 3.7月底前完成") =>
    scanWorkbook([sheet(TITLE, [person(7, milestones, done)])], { asOf: "2024-09-01" });
  const statuses = (done: string) => scan(done).milestones.map((m) => m.status);

  test.each([
    ["1,2", ["done", "done", "overdue"]],
    ["1、2", ["done", "done", "overdue"]],
    ["1，2", ["done", "done", "overdue"]],
    ["１，２", ["done", "done", "overdue"]],
    ["1-3", ["done", "done", "done"]],
    ["全部", ["done", "done", "done"]],
    ["已完成", ["done", "done", "done"]],
    ["完成", ["done", "done", "done"]],
    ["√", ["done", "done", "done"]],
    ["第1项", ["done", "overdue", "overdue"]],
    ["第2个节点", ["overdue", "done", "overdue"]],
  ])("“%s”", (done, expected) => {
    expect(statuses(done)).toEqual(expected);
    expect(scan(done).problems).toEqual([]);
  });

  test("a token it cannot read is a problem naming the cell; the readable part still counts", () => {
    const result = scan("1,好像做了");
    expect(result.milestones.map((m) => m.status)).toEqual(["done", "overdue", "overdue"]);
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: "攻坚任务", cell: "H3", serial: "7", message: expect.stringContaining("“好像做了”读不懂") }),
    ]);
  });

  test("a label the row does not have is a problem naming the cell", () => {
    const result = scan("1,9");
    expect(result.milestones.map((m) => m.status)).toEqual(["done", "overdue", "overdue"]);
    expect(result.problems).toEqual([
      expect.objectContaining({ cell: "H3", message: "序号7的已完成节点写了“9”，但这一行没有这样的节点（本行节点：1、2、3）" }),
    ]);
  });

  test("“1” covers 1a and 1b, so it names a label the row has", () => {
    const result = scan("1", "1.6月底和9月底前,发布典型案例");
    expect(result.milestones.map((m) => `${m.label}:${m.status}`)).toEqual(["1a:done", "1b:done"]);
    expect(result.problems).toEqual([]);
  });
});

describe("an empty 市级辅助成果 cell", () => {
  test("has no milestones and no status, and is no problem", () => {
    const result = scanWorkbook([sheet(TITLE, [person(3, null, "1"), person(4, "   ")])], { asOf: "2024-09-01" });
    expect(result.milestones).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

describe("the year and where it came from", () => {
  test("from the title", () => {
    const result = scanWorkbook([sheet(TITLE, [person(1, "9月底前完成")])], { asOf: "2025-03-01" });
    expect(result.tables[0]).toMatchObject({ year: 2024, yearSource: "title" });
    expect(tableYearText(result.tables[0])).toBe("2024年，取自标题");
    expect(result.milestones[0].due).toBe("2024-09-30");
    expect(result.problems).toEqual([]);
  });

  test("a title without a year: the as-of date's year, said, and a warning", () => {
    const result = scanWorkbook([sheet("大练兵攻坚任务责任分解表", [person(1, "9月底前完成")])], { asOf: "2025-03-01" });
    expect(result.tables[0]).toMatchObject({ year: 2025, yearSource: "asOf" });
    expect(tableYearText(result.tables[0])).toBe("标题无年份，按截至日期取2025年");
    expect(result.milestones[0].due).toBe("2025-09-30");
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: "攻坚任务", level: "warning", message: expect.stringContaining("标题“大练兵攻坚任务责任分解表”中没有年份") }),
    ]);
    expect(result.problems[0].message).toContain("2025年");
  });

  test("no title at all: the warning names the header's first cell", () => {
    const result = scanWorkbook([sheet(null, [person(1, "9月底前完成")])], { asOf: "2024-09-01" });
    expect(result.problems).toEqual([expect.objectContaining({ cell: "A2", level: "warning", message: expect.stringContaining("没有标题") })]);
  });
});

describe("relative deadlines with their start in the row (issue 9 §3)", () => {
  const RELATIVE = "1.下达处罚决定后,7日内将案卷上传系统; 2.15个工作日内办结";

  test("a 下达日期 gives the due dates, in calendar and in working days", () => {
    // 2024-09-27 (Friday): +7 days is 4 October; 15 working days skip 国庆 1–7 October and count
    // the make-up Sundays 29 September and Saturday 12 October.
    const result = scanWorkbook([sheet(TITLE, [person(36, RELATIVE, "", "2024-09-27")])], { asOf: "2024-10-10" });
    expect(result.milestones.map((m) => [m.label, m.kind, m.due, m.status])).toEqual([
      ["1", "relative", "2024-10-04", "overdue"],
      ["2", "relative", "2024-10-23", "pending"],
    ]);
    expect(result.milestones[0].relative).toMatchObject({ start: "2024-09-27", startFrom: "I3的开始日期" });
    expect(result.milestones[0].needs).toBeUndefined();
  });

  test("an Excel date serial in the column reads as that day", () => {
    const result = scanWorkbook([sheet(TITLE, [person(36, RELATIVE, "", 45562)])], { asOf: "2024-10-10" });
    expect(result.milestones[0].due).toBe("2024-10-04");
  });

  test("without a start it stays 无固定期限 and says what it needs", () => {
    const result = scanWorkbook([sheet(TITLE, [person(36, RELATIVE)])], { asOf: "2024-10-10" });
    expect(result.milestones.map((m) => m.status)).toEqual(["open-ended", "open-ended"]);
    expect(result.milestones[0].needs).toContain("需要“下达处罚决定”的日期");
  });

  test("a start that is not a date is a problem naming its cell", () => {
    const result = scanWorkbook([sheet(TITLE, [person(36, RELATIVE, "", "下周一")])], { asOf: "2024-10-10" });
    expect(result.problems).toEqual([expect.objectContaining({ cell: "I3", serial: "36", message: expect.stringContaining("“下周一”不是日期") })]);
    expect(result.milestones[0].status).toBe("open-ended");
  });
});

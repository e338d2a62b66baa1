import type { CellValue, SheetGrid } from "../../src/core/grid";
import { groupMilestones, reminderText, scanWorkbook, toJsonReport } from "../../src/core/scan";
import type { ScannedMilestone } from "../../src/core/scan/types";

const HEADER = ["序号", "评审项目", "评审内容", "数据来源及有关说明", "攻坚任务", "牵头部门", "责任部门", "工作标准/成果", "市级辅助\n成果", "盯办人", "责任人", "分管领导", "已完成节点"];

// 攻坚任务 texts as in the source (lines 26 and 60).
const TASK_1 = "(1)规范建设(3分)。按照省内统一要求,完成市本级和辖区内15%及以上生态环境执法机构规范化建设的,得3分;完成10%-15%的,得2分;完成5%-10%的,得1分;不足5%的,不得分。";
const TASK_15 = "(2)线索识别(1分)。省级参与或指导运用污染源自动监控、用电用能监控、视频监控、排污许可、卫星遥感等非现场监管执法平台,或者运用水质指纹溯源等新技术手段发现问题线索、并查办并依法处罚的,每件得1分。";

function row(serial: number, item: string, task: string, lead: string, milestones: string | null, people: [string, string, string], done = ""): CellValue[] {
  return [serial, item, "", "", task, lead, "各科室", "", milestones, ...people, done];
}

/** Title, header, eight data rows; the 市级辅助成果 of 22–25 merged in one cell (I6:I9). */
function gongjianSheet(title: string | null): SheetGrid {
  const values: CellValue[][] = [
    [title],
    HEADER,
    row(1, "机构规范化建设(7分)", TASK_1, "综合办公室", "1.5月底前,出台市级标准化建设工作方案; 2.9月底前,上报规范化建设评估报告,申请省厅验收; 3、10月15日前,完成档案归档并上报省厅。", ["白聖豪", "崔志宇", "曾增"]),
    row(3, "", "(3) 统一标识(1分)。", "综合办公室", "1.8月30日前,完成所有车辆和办公场所;9月30日前完成其他装备的统一标识; 2.10月15日前,上报配备工作报告和装备清单。", ["白聖豪", "崔志宇", "曾增"], "1a"),
    row(15, "非现场执法(3分)", TASK_15, "指导监督科", "1.9月5日前,上报线索查办情况", ["王江", "王江", "郭国军"]),
    row(22, "执法稽查(4分)", "", "指导监督科", "1. 5月底前,发布稽查工作计划或方案; 2. 6月中旬完成稽查培训", ["王一隆", "王江", "郭国军"]),
    row(23, "", "", "指导监督科", null, ["王一隆", "王江", "郭国军"]),
    row(24, "", "", "指导监督科", null, ["王一隆", "王江", "郭国军"]),
    row(25, "", "", "指导监督科", null, ["王一隆", "王江", "郭国军"]),
    row(34, "案卷质量(7分)", "", "政策法规科", "1. 每月案件评查通知、通报及工作总结", ["李吉勇", "周子杨", "张振伟"]),
  ];
  if (title === null) values[0] = [];
  return { name: "攻坚任务", values, merges: [{ top: 5, left: 8, bottom: 8, right: 8 }] };
}

const notes: SheetGrid = { name: "说明", values: [["本工作簿用于大练兵任务分解"]], merges: [] };

describe("scanWorkbook on a hand-built 攻坚 table", () => {
  const result = scanWorkbook([gongjianSheet("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"), notes], { asOf: "2024-09-01" });
  const at = (cell: string, label: string) => result.milestones.find((m) => m.cell === cell && m.label === label) as ScannedMilestone;

  it("finds the table with its header row (1-based), data rows and the title's year", () => {
    expect(result.tables).toEqual([
      { sheet: "攻坚任务", kind: "攻坚", title: "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表", year: 2024, yearSource: "title", headerRow: 2, rows: 8 },
    ]);
    expect(result.dueSoonDays).toBe(7);
  });

  it("row 1: '1.5月底前' is overdue by 93 days, '3、10月15日前' is pending", () => {
    expect(at("I3", "1")).toMatchObject({ serial: "1", due: "2024-05-31", kind: "date", status: "overdue", daysOverdue: 93, daysLeft: null });
    expect(at("I3", "2")).toMatchObject({ due: "2024-09-30", status: "pending", daysLeft: 29, daysOverdue: null });
    expect(at("I3", "3")).toMatchObject({ due: "2024-10-15", status: "pending", daysLeft: 44 });
    expect(at("I3", "1")).toMatchObject({
      owners: { 盯办人: "白聖豪", 责任人: "崔志宇", 分管领导: "曾增" },
      lead: "综合办公室",
      item: "机构规范化建设(7分)",
      doneCell: "M3",
    });
  });

  it("respects the 已完成节点 column: '1a' done, '1b' still pending", () => {
    expect(at("I4", "1a")).toMatchObject({ due: "2024-08-30", status: "done", daysOverdue: null });
    expect(at("I4", "1b")).toMatchObject({ due: "2024-09-30", status: "pending" });
    expect(at("I4", "1a").doneCell).toBe("M4");
  });

  it("a milestone due within 7 days is due-soon", () => {
    expect(at("I5", "1")).toMatchObject({ due: "2024-09-05", status: "due-soon", daysLeft: 4 });
    const strict = scanWorkbook([gongjianSheet("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表")], { asOf: "2024-09-01", dueSoonDays: 3 });
    expect(strict.milestones.find((m) => m.cell === "I5")?.status).toBe("pending");
  });

  it("lists the merged 22–25 cell once, at its top-left, owned by row 22", () => {
    const merged = result.milestones.filter((m) => m.owners.盯办人 === "王一隆");
    expect(merged.map((m) => `${m.cell}/${m.serial}/${m.label}`)).toEqual(["I6/22/1", "I6/22/2"]);
    // 6月中旬 → 20 June; 20 June to 1 September is 73 days
    expect(merged[1]).toMatchObject({ due: "2024-06-20", status: "overdue", daysOverdue: 73 });
  });

  it("a recurring clause has no fixed deadline", () => {
    expect(at("I10", "1")).toMatchObject({ kind: "recurring", status: "open-ended", due: null });
  });

  it("counts milestones per status", () => {
    expect(result.counts).toEqual({ overdue: 3, "due-soon": 1, pending: 4, done: 1, "open-ended": 1 });
    expect(result.milestones).toHaveLength(10);
  });

  it("reports the sheet that is no table", () => {
    expect(result.unrecognised.map((u) => u.sheet)).toEqual(["说明"]);
    expect(result.unrecognised[0].reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it("reports row 15's 每件1分 against 附件4's 0.5分, at the 攻坚任务 cell", () => {
    const found = result.discrepancies.filter((d) => d.serial === "15");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: "攻坚任务", cell: "E5" });
    expect(found[0].message).toContain("0.5");
    expect(result.discrepancies.filter((d) => d.serial === "1")).toEqual([]);
  });
});

describe("year of the deadlines", () => {
  it("comes from the title when there is one, even if asOf is another year", () => {
    const r = scanWorkbook([gongjianSheet("盘锦市2023年大练兵表现突出集体攻坚任务责任分解表")], { asOf: "2024-09-01" });
    expect(r.tables[0].year).toBe(2023);
    expect(r.milestones.find((m) => m.cell === "I3" && m.label === "3")).toMatchObject({ due: "2023-10-15", status: "overdue" });
  });
  it("comes from asOf without a title", () => {
    const r = scanWorkbook([gongjianSheet(null)], { asOf: "2025-03-01" });
    expect(r.tables[0].year).toBe(2025);
    expect(r.milestones.find((m) => m.cell === "I3" && m.label === "1")).toMatchObject({ due: "2025-05-31", status: "pending" });
  });
});

describe("problems", () => {
  it("an error value in a person cell is reported with its place, and the row still scans", () => {
    const sheet = gongjianSheet("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表");
    sheet.values[2][9] = { error: "#N/A" };
    const r = scanWorkbook([sheet], { asOf: "2024-09-01" });
    expect(r.problems.some((p) => p.sheet === "攻坚任务" && p.cell === "J3")).toBe(true);
    expect(r.milestones.find((m) => m.cell === "I3" && m.label === "1")).toMatchObject({ status: "overdue", owners: { 盯办人: "" } });
  });
  it("an empty workbook gives no tables and no milestones", () => {
    const r = scanWorkbook([{ name: "Sheet1", values: [], merges: [] }], { asOf: "2024-09-01" });
    expect(r.tables).toEqual([]);
    expect(r.milestones).toEqual([]);
    expect(r.unrecognised.map((u) => u.sheet)).toEqual(["Sheet1"]);
  });
});

describe("toJsonReport", () => {
  const report = toJsonReport(scanWorkbook([gongjianSheet("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"), notes], { asOf: "2024-09-01" })) as Record<string, unknown>;

  it("has the issue's keys in order, then counts, discrepancies, unrecognised", () => {
    expect(Object.keys(report)).toEqual(["asOf", "tables", "milestones", "problems", "counts", "discrepancies", "unrecognised"]);
    expect(report.asOf).toBe("2024-09-01");
    expect(report.tables).toEqual([{ sheet: "攻坚任务", kind: "攻坚", headerRow: 2, rows: 8 }]);
  });

  it("gives each milestone exactly the documented fields", () => {
    const first = (report.milestones as Record<string, unknown>[])[0];
    expect(Object.keys(first)).toEqual(["sheet", "cell", "serial", "item", "label", "name", "text", "due", "kind", "status", "daysOverdue", "daysLeft", "owners", "lead"]);
    expect(first).toEqual({
      sheet: "攻坚任务",
      cell: "I3",
      serial: "1",
      item: expect.any(String),
      label: "1",
      name: "序号1·节点1",
      text: expect.stringContaining("出台市级标准化建设工作方案"),
      due: "2024-05-31",
      kind: "date",
      status: "overdue",
      daysOverdue: expect.any(Number),
      daysLeft: null,
      owners: { 盯办人: "白聖豪", 责任人: "崔志宇", 分管领导: "曾增" },
      lead: "综合办公室",
    });
    expect(Object.keys(first.owners as object)).toEqual(["盯办人", "责任人", "分管领导"]);
  });

  it("survives JSON.stringify unchanged", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe("groupMilestones and reminderText", () => {
  const result = scanWorkbook([gongjianSheet("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表")], { asOf: "2024-09-01" });

  it("groups by 盯办人 in first-seen order", () => {
    const groups = groupMilestones(result.milestones, "盯办人");
    expect([...groups.keys()]).toEqual(["白聖豪", "王江", "王一隆", "李吉勇"]);
    expect(groups.get("白聖豪")).toHaveLength(6);
  });

  it("groups by 牵头部门 and by 分管领导", () => {
    expect([...groupMilestones(result.milestones, "牵头部门").keys()]).toEqual(["综合办公室", "指导监督科", "政策法规科"]);
    expect(groupMilestones(result.milestones, "分管领导").get("郭国军")).toHaveLength(3);
  });

  it("puts empty names under （未填写）", () => {
    const ms = result.milestones.map((m) => ({ ...m, owners: { ...m.owners, 盯办人: "" } }));
    expect([...groupMilestones(ms, "盯办人").keys()]).toEqual(["（未填写）"]);
  });

  it("writes a polite 催办通知 listing only the person's overdue items with due dates and days overdue", () => {
    const mine = groupMilestones(result.milestones, "盯办人").get("王一隆") as ScannedMilestone[];
    const text = reminderText("王一隆", mine, "2024-09-01");
    expect(text.startsWith("王一隆同志：截至2024年9月1日")).toBe(true);
    expect(text).toContain("已逾期");
    expect(text).toContain("2024年5月31日");
    expect(text).toContain("已逾期93天");
    expect(text).toContain("2024年6月20日");
    expect(text).toContain("已逾期73天");
    const other = reminderText("白聖豪", groupMilestones(result.milestones, "盯办人").get("白聖豪") as ScannedMilestone[], "2024-09-01");
    expect(other).toContain("已逾期93天");
    expect(other).not.toContain("评估报告"); // pending, not chased yet
  });

  it("words the reminder by the role the person has in the table", () => {
    const mine = groupMilestones(result.milestones, "分管领导").get("郭国军") as ScannedMilestone[];
    const text = reminderText("郭国军", mine, "2024-09-01", "分管领导");
    expect(text.startsWith("郭国军同志：截至2024年9月1日，您分管的以下节点已逾期")).toBe(true);
    expect(reminderText("王一隆", mine, "2024-09-01")).toContain("您盯办的");
  });

  it("says so when nothing is overdue", () => {
    const mine = groupMilestones(result.milestones, "盯办人").get("李吉勇") as ScannedMilestone[];
    expect(reminderText("李吉勇", mine, "2024-09-01")).toContain("暂无逾期");
  });
});

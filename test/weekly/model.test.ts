/**
 * weeklyReport(): the 周报's numbers from one scan of a hand-built 攻坚 table, as of 2024-09-25 (a
 * Wednesday; the previous week is 2024-09-18). Days worked out by hand: 5月31日 → 9月25日 is 117,
 * 8月30日 → 26, 9月17日 → 8, 9月18日 → 7, 9月20日 → 5, 9月24日 → 1; 9月25日 → 9月30日 is 5 left.
 */
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { reminderText, scanWorkbook } from "../../src/core/scan";
import { weeklyReport } from "../../src/core/weekly";

const HEADER = ["序号", "评审项目", "攻坚任务", "牵头部门", "责任部门", "市级辅助成果", "盯办人", "责任人", "分管领导", "已完成节点"];

function row(serial: number, item: string, lead: string, milestones: string, people: [string, string, string], done = ""): CellValue[] {
  return [serial, item, "任务", lead, "各科室", milestones, ...people, done];
}

function sheet(title: string | null): SheetGrid {
  return {
    name: "攻坚任务",
    merges: [],
    values: [
      title === null ? [] : [title],
      HEADER,
      row(1, "机构规范化建设(7分)", "综合办公室", "1.5月底前,出台方案; 2.9月18日前,上报报告; 3.9月30日前,完成验收", ["白聖豪", "崔志宇", "曾增"]),
      row(2, "非现场执法(3分)", "指导监督科", "1.9月17日前,上报线索查办情况", ["王江", "王江", "郭国军"]),
      row(3, "执法稽查(4分)", "指导监督科", "1.8月30日前,发布稽查方案; 2.9月24日前,上报稽查情况", ["王江", "王一隆", "郭国军"]),
      row(4, "执法培训(2分)", "政策法规科", "1.6月底前,完成培训; 2.10月15日前,上报总结", ["周子杨", "周子杨", "张振伟"], "1"),
      row(5, "案卷质量(7分)", "政策法规科", "1.每月报送案件评查情况", ["周子杨", "周子杨", "张振伟"]),
      row(6, "执法宣传(2分)", "", "1.9月20日前,上报宣传稿件", ["", "", ""]),
    ],
  };
}

const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
const scan = scanWorkbook([sheet(TITLE)], { asOf: "2024-09-25" });
const report = weeklyReport(scan);

describe("weeklyReport", () => {
  it("titles the report with the tables' year and the as-of date, and keeps the scan's counts", () => {
    expect(report.title).toBe("盘锦市2024年大练兵工作推进情况（截至2024年9月25日）");
    expect(report.counts).toEqual({ overdue: 6, "due-soon": 1, pending: 1, done: 1, "open-ended": 1 });
    expect(report.total).toBe(10);
    expect(report.summary).toContain("已逾期6个、临期1个、未到期1个、无固定期限1个、已完成1个");
  });

  it("newly overdue: overdue now, on time on 9月18日 (a milestone due that very day counts, 9月17日 does not)", () => {
    expect(report.previousWeek).toBe("2024-09-18");
    expect(report.newlyOverdue.map((r) => [r.milestone, r.daysText])).toEqual([
      ["序号1·节点2", "逾期7天"],
      ["序号6·节点1", "逾期5天"],
      ["序号3·节点2", "逾期1天"],
    ]);
    expect(report.summary).toContain("与上周（2024年9月18日）相比，新增逾期节点3个：序号1·节点2（综合办公室）、序号6·节点1（未填写牵头部门）、序号3·节点2（指导监督科）。");
  });

  it("one table per 牵头部门, most overdue first; its rows by days overdue, then due-soon", () => {
    expect(report.departments.map((d) => [d.lead, d.overdue, d.dueSoon])).toEqual([
      ["指导监督科", 3, 0],
      ["综合办公室", 2, 1],
      ["（未填写）", 1, 0],
    ]);
    expect(report.departments[0].rows.map((r) => [r.index, r.milestone, r.dueText, r.daysText, r.盯办人, r.责任人])).toEqual([
      [1, "序号3·节点1", "2024年8月30日", "逾期26天", "王江", "王一隆"],
      [2, "序号2·节点1", "2024年9月17日", "逾期8天", "王江", "王江"],
      [3, "序号3·节点2", "2024年9月24日", "逾期1天", "王江", "王一隆"],
    ]);
    expect(report.departments[1].rows.map((r) => [r.milestone, r.daysText, r.item])).toEqual([
      ["序号1·节点1", "逾期117天", "机构规范化建设(7分)"],
      ["序号1·节点2", "逾期7天", "机构规范化建设(7分)"],
      ["序号1·节点3", "剩余5天", "机构规范化建设(7分)"],
    ]);
  });

  it("counts per 盯办人, 责任人 and 分管领导, largest first; done and pending people are not listed", () => {
    expect(report.people.盯办人).toEqual([
      { name: "王江", overdue: 3, dueSoon: 0 },
      { name: "白聖豪", overdue: 2, dueSoon: 1 },
      { name: "（未填写）", overdue: 1, dueSoon: 0 },
    ]);
    expect(report.people.责任人).toEqual([
      { name: "崔志宇", overdue: 2, dueSoon: 1 },
      { name: "王一隆", overdue: 2, dueSoon: 0 },
      { name: "王江", overdue: 1, dueSoon: 0 },
      { name: "（未填写）", overdue: 1, dueSoon: 0 },
    ]);
    expect(report.people.分管领导.map((p) => p.name)).toEqual(["郭国军", "曾增", "（未填写）"]);
  });

  it("carries one 催办通知 per 盯办人, the very text the pane copies", () => {
    expect(report.reminders.map((r) => r.person)).toEqual(["王江", "白聖豪", "（未填写）"]);
    const wang = scan.milestones.filter((m) => m.owners.盯办人 === "王江");
    expect(report.reminders[0].text).toBe(reminderText("王江", wang, "2024-09-25", "盯办人"));
    expect(report.reminders[0].text).toContain("王江同志");
    const byLeader = weeklyReport(scan, { reminderRoles: ["分管领导"] }).reminders;
    expect(byLeader.map((r) => [r.role, r.person])).toEqual([
      ["分管领导", "郭国军"],
      ["分管领导", "曾增"],
      ["分管领导", "（未填写）"],
    ]);
    expect(byLeader[0].text).toContain("您分管的");
  });

  it("stacks the dated milestones per month from the first to the last, with the as-of month marked", () => {
    expect(report.months).toEqual([
      { month: "2024-05", label: "5月", done: 0, overdue: 1, pending: 0 },
      { month: "2024-06", label: "6月", done: 1, overdue: 0, pending: 0 },
      { month: "2024-07", label: "7月", done: 0, overdue: 0, pending: 0 },
      { month: "2024-08", label: "8月", done: 0, overdue: 1, pending: 0 },
      { month: "2024-09", label: "9月", done: 0, overdue: 4, pending: 1 },
      { month: "2024-10", label: "10月", done: 0, overdue: 0, pending: 1 },
    ]);
    expect(report.todayMonth).toBe(4);
    expect(report.notes).toContain("无固定期限的1个节点（每月、常态化或相对期限）不在按月统计图中。");
  });

  it("takes the year from the title, and from the as-of date when there is no title", () => {
    const other = weeklyReport(scanWorkbook([sheet("大洼区2025年大练兵攻坚任务责任分解表")], { asOf: "2025-03-01" }));
    expect(other.title).toBe("大洼区2025年大练兵工作推进情况（截至2025年3月1日）");
    const untitled = weeklyReport(scanWorkbook([sheet(null)], { asOf: "2024-09-25" }));
    expect(untitled.title).toBe("盘锦市2024年大练兵工作推进情况（截至2024年9月25日）");
  });

  it("a workbook without tables gives an empty report that says so", () => {
    const empty = weeklyReport(scanWorkbook([{ name: "说明", values: [["备注"]], merges: [] }], { asOf: "2024-09-25" }));
    expect(empty.summary).toBe("截至2024年9月25日，未识别到责任分解表，没有可统计的节点。");
    expect(empty.departments).toEqual([]);
    expect(empty.months).toEqual([]);
    expect(empty.notes.some((n) => n.startsWith("工作表“说明”未识别为责任分解表"))).toBe(true);
  });

  it("shows a score status given by the caller: the items losing most points first", () => {
    const scored = weeklyReport(scan, {
      score: {
        sheet: "评分表",
        total: 81.5,
        max: 100,
        items: [
          { serial: "1", item: "规范建设", max: 3, score: 3 },
          { serial: "15", item: "线索识别", max: 3, score: 1 },
          { serial: "35", item: "案卷质量", max: 7, score: 2.5 },
          { serial: "40", item: "执法宣传", max: 2, score: null },
        ],
      },
      topLosses: 2,
    });
    expect(scored.score).toEqual({
      sheet: "评分表",
      total: 81.5,
      max: 100,
      veto: null,
      unscored: 1,
      losses: [
        { serial: "35", item: "案卷质量", max: 7, score: 2.5, lost: 4.5 },
        { serial: "15", item: "线索识别", max: 3, score: 1, lost: 2 },
      ],
    });
    expect(report.score).toBeNull();
  });
});

import {
  dayText,
  dueText,
  errorText,
  filterMilestones,
  groupEntries,
  problemsOf,
  problemsText,
  isRemindable,
  itemTitle,
  noteSupportText,
  progressText,
  progressValue,
  shortText,
  urgentMilestones,
  validateScanOptions,
} from "../../src/taskpane/paneModel";
import { makeScan, URGENT } from "./fixtures";

const ids = (ms: { serial: string; label: string; sheet: string }[]) => ms.map((m) => `${m.sheet}:${m.serial}-${m.label}`);

describe("urgentMilestones", () => {
  test("lists only overdue and due-soon, longest overdue first, then soonest due", () => {
    expect(ids(urgentMilestones(makeScan()))).toEqual([
      "攻坚任务:3-1", // 93 days overdue
      "攻坚任务:7-1", // 17
      "基准任务:2-1", // 1
      "攻坚任务:3-2", // due in 4 days
    ]);
  });
});

describe("filterMilestones", () => {
  test("an empty or blank query keeps everything", () => {
    expect(filterMilestones(URGENT, "  ")).toHaveLength(4);
  });
  test("finds by person, department, text and sheet", () => {
    expect(ids(filterMilestones(URGENT, "赵丽"))).toEqual(["攻坚任务:7-1", "基准任务:2-1"]);
    expect(ids(filterMilestones(URGENT, "法制科"))).toEqual(["攻坚任务:7-1"]);
    expect(ids(filterMilestones(URGENT, "培训"))).toEqual(["基准任务:2-1"]);
    expect(ids(filterMilestones(URGENT, "基准任务"))).toEqual(["基准任务:2-1"]);
    expect(ids(filterMilestones(URGENT, "刘副局长"))).toEqual(["基准任务:2-1"]);
  });
  test("a number is a 序号, matched exactly (not the 7 in a date)", () => {
    expect(ids(filterMilestones(URGENT, "7"))).toEqual(["攻坚任务:7-1"]);
    expect(ids(filterMilestones(URGENT, "序号3"))).toEqual(["攻坚任务:3-1", "攻坚任务:3-2"]);
    expect(ids(filterMilestones(URGENT, "第3项"))).toEqual(["攻坚任务:3-1", "攻坚任务:3-2"]);
    expect(ids(filterMilestones(URGENT, "3-2"))).toEqual(["攻坚任务:3-2"]);
    expect(filterMilestones(URGENT, "5")).toEqual([]);
  });
  test("every word must match, with ordinary or full-width spaces", () => {
    expect(ids(filterMilestones(URGENT, "李强 法制科"))).toEqual(["攻坚任务:7-1"]);
    expect(ids(filterMilestones(URGENT, "赵丽\u3000执法监督科"))).toEqual(["基准任务:2-1"]);
    expect(filterMilestones(URGENT, "王明 法制科")).toEqual([]);
  });
});

describe("texts", () => {
  test("dayText says how late or how soon", () => {
    expect(dayText({ status: "overdue", daysOverdue: 17, daysLeft: null })).toBe("逾期17天");
    expect(dayText({ status: "due-soon", daysOverdue: null, daysLeft: 4 })).toBe("4天后到期");
    expect(dayText({ status: "due-soon", daysOverdue: null, daysLeft: 0 })).toBe("今天到期");
  });
  test("dueText writes the date in Chinese", () => {
    expect(dueText("2024-05-31")).toBe("2024年5月31日");
    expect(dueText(null)).toBe("无固定期限");
  });
  test("itemTitle names the 序号 and the 节点", () => {
    expect(itemTitle({ serial: "7", label: "1a", row: 6 })).toBe("序号7·节点1a");
    expect(itemTitle({ serial: "", label: "2", row: 11 })).toBe("第12行·节点2");
  });
  test("shortText keeps one line and cuts long text with an ellipsis", () => {
    expect(shortText("a\nb  c")).toBe("a b c");
    const long = "完".repeat(50);
    expect(shortText(long, 10)).toBe(`${"完".repeat(9)}…`);
  });
  test("progress", () => {
    expect(progressText({ phase: "reading", done: 3, total: 7 })).toBe("正在读取工作表 3/7");
    expect(progressText({ phase: "analysing", done: 7, total: 7 })).toBe("正在分析表格…");
    expect(progressValue({ phase: "reading", done: 3, total: 6 })).toBe(0.5);
    expect(progressValue(null)).toBeUndefined();
  });
  test("note modes are named and explained", () => {
    expect(noteSupportText("notes").label).toBe("批注");
    expect(noteSupportText("notes").explanation).toMatch(/批注中/);
    expect(noteSupportText("comments").label).toBe("线程批注");
    expect(noteSupportText("comments").explanation).toMatch(/不支持/);
    expect(noteSupportText("fill-only").label).toBe("仅填充颜色");
    expect(noteSupportText("fill-only").explanation).toMatch(/填充颜色/);
  });
  test("errorText keeps a Chinese message and explains an English one", () => {
    expect(errorText("扫描", new Error("工作表“说明”受保护"))).toBe("扫描失败：工作表“说明”受保护");
    const english = errorText("就地标注", new Error("The request failed: AccessDenied"));
    expect(english).toMatch(/^就地标注失败：Excel 返回了错误/);
    expect(english).toContain("AccessDenied");
    expect(errorText("扫描", undefined)).toBe("扫描失败：发生未知错误，请重试。");
  });
});

describe("problems an action reports", () => {
  test("are read when present and named by place", () => {
    const problems = [
      { sheet: "攻坚任务", cell: "I5", message: "单元格受保护" },
      { sheet: "说明", cell: "", message: "工作表受保护" },
    ];
    expect(problemsOf({ flagged: 1, problems })).toEqual(problems);
    expect(problemsOf({ flagged: 1 })).toEqual([]);
    expect(problemsOf(null)).toEqual([]);
    expect(problemsText(problems)).toBe("未处理：攻坚任务!I5：单元格受保护；说明：工作表受保护");
  });
});

describe("validateScanOptions", () => {
  test("accepts a real date and a whole number of days", () => {
    expect(validateScanOptions("2024-09-01", "7")).toEqual({ ok: true, asOf: "2024-09-01", dueSoonDays: 7 });
    expect(validateScanOptions("2024-09-01", " 0 ")).toEqual({ ok: true, asOf: "2024-09-01", dueSoonDays: 0 });
  });
  test("names the field that is wrong", () => {
    const badDate = validateScanOptions("2024-02-30", "7");
    expect(badDate.ok).toBe(false);
    expect(!badDate.ok && badDate.message).toMatch(/^截至日期/);
    for (const days of ["", "-1", "2.5", "abc", "400"]) {
      const bad = validateScanOptions("2024-09-01", days);
      expect(!bad.ok && bad.message).toMatch(/^临期天数/);
    }
  });
});

describe("groupEntries", () => {
  test("groups by the chosen column, most overdue first", () => {
    const urgent = urgentMilestones(makeScan());
    const by盯办人 = groupEntries(urgent, "盯办人").map((g) => [g.key, ids(g.milestones)]);
    expect(by盯办人).toEqual([
      ["赵丽", ["攻坚任务:7-1", "基准任务:2-1"]],
      ["王明", ["攻坚任务:3-1", "攻坚任务:3-2"]],
    ]);
    expect(groupEntries(urgent, "责任人").map((g) => [g.key, g.milestones.length])).toEqual([
      ["李强", 3],
      ["陈刚", 1],
    ]);
    expect(groupEntries(urgent, "牵头部门").map((g) => g.key)).toEqual(["执法监督科", "法制科"]);
  });
  test("blank names form a group listed last", () => {
    const blank = { ...URGENT[2], owners: { ...URGENT[2].owners, 盯办人: " " } };
    const groups = groupEntries([blank, URGENT[1]], "盯办人");
    expect(groups.map((g) => g.key)).toEqual(["王明", "（未填写）"]);
  });
  test("reminders go to named people, not to departments or blank cells", () => {
    expect(isRemindable("赵丽", "盯办人")).toBe(true);
    expect(isRemindable("法制科", "牵头部门")).toBe(false);
    expect(isRemindable("（未填写）", "责任人")).toBe(false);
  });
});

import { milestoneStatus, parseDoneList, worstStatus } from "../../src/core/milestones";
import type { Milestone } from "../../src/core/milestones/types";

const dated = (label: string, due: string): Milestone => ({ label, text: "…", due, kind: "date" });
const none = new Set<string>();

describe("milestoneStatus", () => {
  const m = dated("3", "2024-10-15");

  test("the due day itself is not overdue ('10月15日前' includes the 15th)", () => {
    expect(milestoneStatus(m, "2024-10-15", none)).toBe("due-soon");
  });
  test("the day after the due day is overdue", () => {
    expect(milestoneStatus(m, "2024-10-16", none)).toBe("overdue");
    expect(milestoneStatus(m, "2025-01-01", none)).toBe("overdue");
  });
  test("due-soon window: 7 days by default, both ends included", () => {
    expect(milestoneStatus(m, "2024-10-08", none)).toBe("due-soon");
    expect(milestoneStatus(m, "2024-10-07", none)).toBe("pending");
  });
  test("the window is configurable", () => {
    expect(milestoneStatus(m, "2024-10-01", none, 14)).toBe("due-soon");
    expect(milestoneStatus(m, "2024-09-30", none, 14)).toBe("pending");
    expect(milestoneStatus(m, "2024-10-14", none, 0)).toBe("pending");
    expect(milestoneStatus(m, "2024-10-15", none, 0)).toBe("due-soon");
  });
  test("an unusable window falls back to 7 days", () => {
    expect(milestoneStatus(m, "2024-10-08", none, -3)).toBe("due-soon");
    expect(milestoneStatus(m, "2024-10-08", none, Number.NaN)).toBe("due-soon");
  });
  test("done beats overdue", () => {
    expect(milestoneStatus(m, "2024-12-01", parseDoneList("1,3"))).toBe("done");
  });
  test("'1' done covers 1a and 1b, but '1a' done does not cover 1b", () => {
    expect(milestoneStatus(dated("1b", "2024-09-30"), "2024-12-01", parseDoneList("1"))).toBe("done");
    expect(milestoneStatus(dated("1b", "2024-09-30"), "2024-12-01", parseDoneList("1a"))).toBe("overdue");
  });
  test("'1' done does not cover 10 or 11", () => {
    expect(milestoneStatus(dated("10", "2024-09-30"), "2024-12-01", parseDoneList("1"))).toBe("overdue");
  });
  test("recurring, relative and undated are open-ended unless done", () => {
    const kinds: Milestone[] = [
      { label: "1", text: "每月评查", due: null, kind: "recurring" },
      { label: "2", text: "下达处罚决定后,7日内", due: null, kind: "relative", relative: { amount: 7, unit: "day", after: "下达处罚决定" } },
      { label: "3", text: "按要求参加", due: null, kind: "undated" },
    ];
    for (const k of kinds) {
      expect(milestoneStatus(k, "2025-06-01", none)).toBe("open-ended");
      expect(milestoneStatus(k, "2025-06-01", parseDoneList(k.label))).toBe("done");
    }
  });
});

describe("worstStatus", () => {
  test("overdue > due-soon > pending > open-ended > done", () => {
    expect(worstStatus(["done", "pending", "overdue", "due-soon"])).toBe("overdue");
    expect(worstStatus(["done", "pending", "due-soon"])).toBe("due-soon");
    expect(worstStatus(["open-ended", "pending", "done"])).toBe("pending");
    expect(worstStatus(["done", "open-ended"])).toBe("open-ended");
    expect(worstStatus(["done", "done"])).toBe("done");
  });
  test("no milestones reads as open-ended", () => {
    expect(worstStatus([])).toBe("open-ended");
  });
});

/** @jest-environment jsdom */
/**
 * The pane views of issue 10 §3: cards with 评审项目 and the people, folding groups ordered by overdue
 * count, the month chart's numbers, dates under a non-Chinese browser locale, and 撤销 of 标记完成.
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { milestonesByMonth } from "../../src/core/scan/months";
import type { ScannedMilestone } from "../../src/core/scan/types";
import { fieldDateText, parseFieldDate } from "../../src/taskpane/paneModel";
import { doneUndo, fakeAdapter, makeScan, renderPane, URGENT } from "./fixtures";

function groupNames(): string[] {
  const section = screen.getByRole("heading", { name: /逾期和临期节点/ }).closest("section")!;
  return within(section)
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.closest("section")!.getAttribute("aria-label")!);
}

describe("cards", () => {
  test("show the 评审项目, the three people and the 牵头部门 besides the text and due date", async () => {
    renderPane(fakeAdapter());
    const card = await screen.findByRole("button", { name: /^序号7·节点1/ });
    expect(card).toHaveTextContent("案卷评查");
    expect(card).toHaveTextContent("盯办人 赵丽 · 责任人 李强 · 分管领导 张副局长");
    expect(card).toHaveTextContent("截止 2024年8月15日 · 法制科 · 攻坚任务!I9");
    expect(card).toHaveAccessibleName(/案卷评查：8月15日前,完成本年度案卷评查.*盯办人 赵丽 · 责任人 李强 · 分管领导 张副局长/);
  });

  test("a blank person shows a dash, not an empty label", async () => {
    const blank: ScannedMilestone = { ...URGENT[0], owners: { 盯办人: "王明", 责任人: "", 分管领导: " " } };
    renderPane(fakeAdapter(makeScan({ milestones: [blank] })));
    expect(await screen.findByRole("button", { name: /^序号3·节点1/ })).toHaveTextContent("盯办人 王明 · 责任人 — · 分管领导 —");
  });
});

describe("groups", () => {
  test("come most overdue first, even before a bigger group with only due-soon items", async () => {
    const soon = (cell: string): ScannedMilestone => ({
      ...URGENT[1],
      cell,
      owners: { 盯办人: "孙涛", 责任人: "李强", 分管领导: "张副局长" },
    });
    const milestones = [soon("I30"), soon("I31"), soon("I32"), URGENT[3]];
    renderPane(fakeAdapter(makeScan({ milestones })));
    await screen.findByRole("list", { name: "节点状态统计" });
    expect(groupNames()).toEqual(["赵丽", "孙涛"]);
    expect(screen.getByRole("button", { name: /^赵丽/, expanded: true })).toHaveTextContent("逾期 1 · 临期 0");
  });

  test("fold and unfold from their header; 全部折叠 folds them all", async () => {
    renderPane(fakeAdapter());
    const zhao = await screen.findByRole("button", { name: /^赵丽/, expanded: true });
    const user = userEvent.setup();
    const cardsOf = (name: string) => within(screen.getByRole("region", { name })).queryAllByRole("button", { name: /按回车定位/ });
    expect(cardsOf("赵丽")).toHaveLength(2);
    await user.click(zhao);
    expect(zhao).toHaveAttribute("aria-expanded", "false");
    expect(cardsOf("赵丽")).toHaveLength(0);
    expect(cardsOf("王明")).toHaveLength(2);
    // Still named and counted while folded, and the reminder can still be copied.
    expect(zhao).toHaveTextContent("逾期 2 · 临期 0");
    expect(screen.getByRole("button", { name: "复制给赵丽的催办通知" })).toBeInTheDocument();
    await user.click(zhao);
    expect(cardsOf("赵丽")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "全部折叠" }));
    expect(screen.queryAllByRole("button", { name: /按回车定位/ })).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "全部展开" }));
    expect(screen.getAllByRole("button", { name: /按回车定位/ })).toHaveLength(4);
  });

  test("stay folded after a rescan", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^赵丽/ }));
    await user.click(screen.getByRole("button", { name: "扫描", exact: true } as never));
    await waitFor(() => expect(adapter.scan).toHaveBeenCalledTimes(2));
    expect(screen.getByRole("button", { name: /^赵丽/ })).toHaveAttribute("aria-expanded", "false");
  });
});

describe("the month chart", () => {
  test("tells the numbers per month in its text alternative, and draws a bar per month", async () => {
    renderPane(fakeAdapter());
    const chart = await screen.findByRole("img", { name: "各月节点" });
    // The fixture's dated urgent milestones: 31 May overdue; 15 and 31 Aug overdue; 5 Sep due soon.
    // The 11 fillers (pending, done, open-ended) have no due date.
    expect(chart).toHaveAccessibleDescription(
      "各月到期的节点：2024年5月：共1个，已逾期1个；2024年6月：无；2024年7月：无；2024年8月：共2个，已逾期2个；2024年9月：共1个，临期1个；另有11个无固定期限。截至2024年9月1日。",
    );
    const bars = Array.from(chart.querySelectorAll("g[data-month]")).map((g) => [g.getAttribute("data-month"), g.getAttribute("data-total")]);
    expect(bars).toEqual([
      ["2024-5", "1"],
      ["2024-6", "0"],
      ["2024-7", "0"],
      ["2024-8", "2"],
      ["2024-9", "1"],
    ]);
    expect(screen.getByTestId("month-chart")).toHaveTextContent("另有无固定期限 11 个");
  });

  test("milestonesByMonth counts each status in its due month", () => {
    const m = (due: string | null, status: ScannedMilestone["status"]): ScannedMilestone => ({ ...URGENT[0], due, status });
    const data = milestonesByMonth([m("2024-06-30", "done"), m("2024-06-01", "overdue"), m("2024-08-31", "pending"), m(null, "open-ended")]);
    expect(data.undated).toBe(1);
    expect(data.months.map((c) => [c.month, c.done, c.overdue, c.pending, c.total])).toEqual([
      [6, 1, 1, 0, 2],
      [7, 0, 0, 0, 0],
      [8, 0, 0, 1, 1],
    ]);
  });
});

describe("dates whatever the browser's locale", () => {
  const language = Object.getOwnPropertyDescriptor(window.navigator, "language");
  const toLocale = Date.prototype.toLocaleDateString;
  beforeEach(() => {
    Object.defineProperty(window.navigator, "language", { configurable: true, get: () => "en-US" });
    // As an en-US browser would answer: the pane must not depend on it.
    Date.prototype.toLocaleDateString = function () {
      return `${this.getMonth() + 1}/${this.getDate()}/${this.getFullYear()}`;
    };
  });
  afterEach(() => {
    if (language) Object.defineProperty(window.navigator, "language", language);
    else delete (window.navigator as { language?: string }).language;
    Date.prototype.toLocaleDateString = toLocale;
  });

  test("the date field reads yyyy/mm/dd and the cards 2024年8月15日", async () => {
    renderPane(fakeAdapter());
    expect(navigator.language).toBe("en-US");
    expect(screen.getByRole("textbox", { name: "截至日期" })).toHaveValue("2024/09/01");
    expect(await screen.findByRole("button", { name: /^序号7·节点1/ })).toHaveTextContent("截止 2024年8月15日");
    expect(screen.getByText(/^截至 2024年9月1日，已识别 2 张表/)).toBeInTheDocument();
  });

  test("typing 2024/9/25 scans as of that day and the field shows 2024/09/25", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const field = screen.getByRole("textbox", { name: "截至日期" });
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, "2024/9/25");
    await user.tab();
    expect(field).toHaveValue("2024/09/25");
    await user.click(screen.getByRole("button", { name: "扫描", exact: true } as never));
    await waitFor(() => expect(adapter.scan).toHaveBeenLastCalledWith({ asOf: "2024-09-25", dueSoonDays: 7 }, expect.any(Function)));
  });

  test("an American 09/25/2024 is refused with a message naming the field, and nothing is scanned", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    const field = screen.getByRole("textbox", { name: "截至日期" });
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, "09/25/2024");
    await user.click(screen.getByRole("button", { name: "扫描", exact: true } as never));
    expect(await screen.findByRole("alert")).toHaveTextContent("截至日期无效：“09/25/2024”不是日期，请按 年/月/日 填写，如 2024/09/01。");
    expect(adapter.scan).toHaveBeenCalledTimes(1);
  });

  test("parseFieldDate reads yyyy/m/d, yyyy-mm-dd and 2024年9月25日, and refuses 2024/2/30", () => {
    expect(["2024/9/25", "2024/09/25", "2024-09-25", "2024.9.25", "2024年9月25日", "２０２４/９/２５"].map(parseFieldDate)).toEqual(
      Array(6).fill("2024-09-25"),
    );
    expect(parseFieldDate("2024/2/30")).toBeNull();
    expect(parseFieldDate("9/25/2024")).toBeNull();
    expect(fieldDateText("2024-01-05")).toBe("2024/01/05");
  });
});

describe("撤销 after 标记完成", () => {
  test("puts back what the adapter reported, rescans and says so", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "标记完成：序号7·节点1" }));
    expect(await screen.findByText("已将序号7·节点1记为完成（写入该行“已完成节点”列）。")).toBeInTheDocument();
    const undo = screen.getByRole("button", { name: "撤销序号7·节点1的标记完成" });
    expect(undo).toHaveTextContent("撤销");
    await user.click(undo);
    await waitFor(() => expect(adapter.undoMarkDone).toHaveBeenCalledTimes(1));
    expect(adapter.undoMarkDone).toHaveBeenCalledWith(doneUndo("攻坚任务", "1"));
    expect(adapter.undoMarkDone.mock.invocationCallOrder[0]).toBeLessThan(adapter.scan.mock.invocationCallOrder[2]);
    expect(await screen.findByText("已撤销序号7·节点1的标记完成，攻坚任务!M5 恢复为原来的内容。")).toBeInTheDocument();
    // Undone once: the button is gone with its message.
    expect(screen.queryByRole("button", { name: /^撤销序号7/ })).not.toBeInTheDocument();
  });

  test("when 标记完成 had added the column, the message says it went away again", async () => {
    const adapter = fakeAdapter();
    adapter.markDone.mockResolvedValueOnce({ ...doneUndo("攻坚任务", "1"), addedColumn: { column: "M", inserted: false, area: "M3:M60", headerCells: ["M3"] } });
    renderPane(adapter);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "标记完成：序号7·节点1" }));
    await user.click(await screen.findByRole("button", { name: "撤销序号7·节点1的标记完成" }));
    expect(await screen.findByText("已撤销序号7·节点1的标记完成（标记时新加的“已完成节点”列如无其他内容，已一并去掉）。")).toBeInTheDocument();
  });

  test("a refused undo shows the adapter's Chinese reason", async () => {
    const adapter = fakeAdapter();
    adapter.undoMarkDone.mockRejectedValueOnce(new Error("攻坚任务!M5 现在是“1,2”，已不是标记完成时写入的“1”（之后有人修改过），为免覆盖，未撤销"));
    renderPane(adapter);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "标记完成：序号7·节点1" }));
    await user.click(await screen.findByRole("button", { name: "撤销序号7·节点1的标记完成" }));
    expect(await screen.findByText(/^撤销标记完成失败：攻坚任务!M5 现在是“1,2”/)).toBeInTheDocument();
  });
});

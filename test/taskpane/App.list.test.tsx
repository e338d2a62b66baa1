/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeAdapter, renderPane } from "./fixtures";

/** The group names in the order shown. */
function groupNames(): string[] {
  const heading = screen.getByRole("heading", { name: /逾期和临期节点/ });
  const section = heading.closest("section")!;
  return within(section)
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.closest("section")!.getAttribute("aria-label")!);
}

function itemButtons(): HTMLElement[] {
  return screen.getAllByRole("button", { name: /按回车定位到该单元格$/ });
}

describe("the list of overdue and due-soon milestones", () => {
  test("shows each milestone with 序号, 节点, text, due date, days and place", async () => {
    renderPane(fakeAdapter());
    const item = await screen.findByRole("button", { name: /^序号7·节点1/ });
    expect(item).toHaveTextContent("序号7·节点1");
    expect(item).toHaveTextContent("逾期17天");
    expect(item).toHaveTextContent("8月15日前,完成本年度案卷评查");
    expect(item).toHaveTextContent("截止 2024年8月15日");
    expect(item).toHaveTextContent("攻坚任务!I9");
    expect(screen.getByRole("button", { name: /^序号3·节点2/ })).toHaveTextContent("4天后到期");
    // Pending, done and open-ended milestones are counted but not listed.
    expect(itemButtons()).toHaveLength(4);
  });

  test("groups by 盯办人 and regroups when another grouping is chosen", async () => {
    renderPane(fakeAdapter());
    await screen.findByRole("list", { name: "节点状态统计" });
    expect(groupNames()).toEqual(["赵丽", "王明"]);
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "责任人" }));
    expect(groupNames()).toEqual(["李强", "陈刚"]);
    const liQiang = screen.getByRole("region", { name: "李强" });
    expect(within(liQiang).getAllByRole("button", { name: /按回车定位/ })).toHaveLength(3);
    await user.click(screen.getByRole("tab", { name: "分管领导" }));
    expect(groupNames()).toEqual(["张副局长", "刘副局长"]);
    await user.click(screen.getByRole("tab", { name: "牵头部门" }));
    expect(groupNames()).toEqual(["执法监督科", "法制科"]);
    // A department is not a person: no 催办通知 to copy.
    expect(screen.queryByRole("button", { name: /催办通知/ })).not.toBeInTheDocument();
  });

  test("the search box filters by person, department, 序号 and text", async () => {
    renderPane(fakeAdapter());
    const search = await screen.findByRole("searchbox", { name: "搜索节点" });
    const user = userEvent.setup();
    await user.type(search, "法制科");
    expect(itemButtons().map((b) => b.getAttribute("aria-label")!.split("，")[0])).toEqual(["序号7·节点1"]);
    await user.clear(search);
    await user.type(search, "3");
    expect(itemButtons().map((b) => b.getAttribute("aria-label")!.split("，")[0])).toEqual([
      "序号3·节点1",
      "序号3·节点2",
    ]);
    await user.clear(search);
    await user.type(search, "培训");
    expect(itemButtons()).toHaveLength(1);
    expect(groupNames()).toEqual(["赵丽"]);
    await user.clear(search);
    await user.type(search, "无此人");
    expect(screen.getByText("没有与“无此人”相符的节点。")).toBeInTheDocument();
  });

  test("clicking an item selects its cell in Excel", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await userEvent.setup().click(await screen.findByRole("button", { name: /^序号2·节点1/ }));
    expect(adapter.select).toHaveBeenCalledWith("基准任务", "F6");
  });

  test("标记完成 writes the label for that milestone, then rescans", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    expect(adapter.scan).toHaveBeenCalledTimes(1);
    await userEvent.setup().click(screen.getByRole("button", { name: "标记完成：序号3·节点2" }));
    await waitFor(() => expect(adapter.scan).toHaveBeenCalledTimes(2));
    expect(adapter.markDone).toHaveBeenCalledWith("攻坚任务", "I5", "2");
    expect(adapter.markDone.mock.invocationCallOrder[0]).toBeLessThan(adapter.scan.mock.invocationCallOrder[1]);
    expect(await screen.findByText("已将序号3·节点2记为完成（写入该行“已完成节点”列）。")).toBeInTheDocument();
  });

  test("a failing 标记完成 says so in Chinese and does not rescan", async () => {
    const adapter = fakeAdapter();
    adapter.markDone.mockRejectedValueOnce(new Error("工作表“攻坚任务”受保护，无法写入 M9"));
    renderPane(adapter);
    await userEvent.setup().click(await screen.findByRole("button", { name: "标记完成：序号7·节点1" }));
    expect(await screen.findByText("标记完成失败：工作表“攻坚任务”受保护，无法写入 M9")).toBeInTheDocument();
    expect(adapter.scan).toHaveBeenCalledTimes(1);
  });

  test("says so when nothing is overdue or due soon", async () => {
    const adapter = fakeAdapter();
    const { makeScan } = await import("./fixtures");
    const calm = makeScan();
    calm.milestones = calm.milestones.filter((m) => m.status !== "overdue" && m.status !== "due-soon");
    adapter.scan.mockResolvedValue(calm);
    renderPane(adapter);
    expect(await screen.findByText("没有逾期或临期的节点。")).toBeInTheDocument();
  });

  test("a failing select says so in Chinese", async () => {
    const adapter = fakeAdapter();
    adapter.select.mockRejectedValueOnce(new Error("ItemNotFound"));
    renderPane(adapter);
    await userEvent.setup().click(await screen.findByRole("button", { name: /^序号7·节点1/ }));
    expect(await screen.findByText(/^定位单元格失败：Excel 返回了错误.*ItemNotFound/)).toBeInTheDocument();
  });
});

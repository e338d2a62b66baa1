/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeAdapter, renderPane } from "./fixtures";

describe("keyboard only", () => {
  test("Tab reaches the scan button and then a milestone; Enter selects its cell", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await screen.findByRole("list", { name: "节点状态统计" });
    const user = userEvent.setup();

    const scanButton = screen.getByRole("button", { name: "扫描" });
    for (let i = 0; i < 5 && document.activeElement !== scanButton; i++) await user.tab();
    expect(scanButton).toHaveFocus();

    await user.keyboard("{Enter}");
    expect(adapter.scan).toHaveBeenCalledTimes(2);
    await screen.findByRole("list", { name: "节点状态统计" });

    const firstItem = screen.getByRole("button", { name: /^序号7·节点1/ });
    for (let i = 0; i < 40 && document.activeElement !== firstItem; i++) await user.tab();
    expect(firstItem).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(adapter.select).toHaveBeenCalledWith("攻坚任务", "I9");

    // The next stop is its own 标记完成 button.
    await user.tab();
    expect(screen.getByRole("button", { name: "标记完成：序号7·节点1" })).toHaveFocus();
  });

  test("arrow keys switch the grouping tabs", async () => {
    renderPane(fakeAdapter());
    await screen.findByRole("list", { name: "节点状态统计" });
    const user = userEvent.setup();
    const first = screen.getByRole("tab", { name: "盯办人" });
    for (let i = 0; i < 40 && document.activeElement !== first; i++) await user.tab();
    expect(first).toHaveFocus();
    await user.keyboard("{ArrowRight}{Enter}");
    expect(screen.getByRole("tab", { name: "责任人" })).toHaveAttribute("aria-selected", "true");
  });
});

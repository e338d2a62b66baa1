/** @jest-environment jsdom */
import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ScanProgress } from "../../src/excel/types";
import { fakeAdapter, makeScan, renderPane } from "./fixtures";

describe("scanning", () => {
  test("opens with a scan as of today and shows the five counts", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    const counts = await screen.findByRole("list", { name: "节点状态统计" });
    expect(adapter.scan).toHaveBeenCalledWith({ asOf: "2024-09-01", dueSoonDays: 7 }, expect.any(Function));
    const tiles = within(counts).getAllByRole("listitem").map((li) => li.textContent);
    expect(tiles).toEqual(["3已逾期", "1临期", "2未到期", "4已完成", "5无固定期限"]);
    expect(screen.getByText("逾期和临期节点（4）")).toBeInTheDocument();
  });

  test("the 扫描 button scans with the date and days typed in", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter, { scanOnOpen: false });
    expect(screen.getByText(/点击“扫描”/)).toBeInTheDocument();
    const user = userEvent.setup();
    const date = screen.getByLabelText("截至日期");
    await user.clear(date);
    await user.type(date, "2024-10-15");
    const days = screen.getByLabelText("临期天数");
    await user.clear(days);
    await user.type(days, "14");
    await user.click(screen.getByRole("button", { name: "扫描" }));
    await waitFor(() => expect(adapter.scan).toHaveBeenCalledWith({ asOf: "2024-10-15", dueSoonDays: 14 }, expect.any(Function)));
    expect(await screen.findByRole("list", { name: "节点状态统计" })).toBeInTheDocument();
  });

  test("an invalid 临期天数 is named and nothing is scanned", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter, { scanOnOpen: false });
    const user = userEvent.setup();
    const days = screen.getByLabelText("临期天数");
    await user.clear(days);
    await user.click(screen.getByRole("button", { name: "扫描" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("临期天数无效");
    expect(adapter.scan).not.toHaveBeenCalled();
  });

  test("shows reading progress during a long scan", async () => {
    const adapter = fakeAdapter();
    let report: ((p: ScanProgress) => void) | undefined;
    let finish: (() => void) | undefined;
    adapter.scan.mockImplementation(
      (_options, onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = () => resolve(makeScan());
        }),
    );
    renderPane(adapter);
    await waitFor(() => expect(report).toBeDefined());
    act(() => report!({ phase: "reading", done: 3, total: 7 }));
    expect(await screen.findByText("正在读取工作表 3/7")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "扫描中…" })).toBeDisabled();
    await act(async () => finish!());
    expect(screen.queryByText("正在读取工作表 3/7")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "扫描" })).toBeEnabled();
  });

  test("a failing adapter shows a Chinese message and the pane stays usable", async () => {
    const adapter = fakeAdapter();
    adapter.scan.mockRejectedValueOnce(new Error("工作表“攻坚任务”受保护，无法读取"));
    renderPane(adapter);
    expect(await screen.findByText("扫描失败：工作表“攻坚任务”受保护，无法读取")).toBeInTheDocument();
    expect(screen.getByText("出错了")).toBeInTheDocument();

    adapter.scan.mockRejectedValueOnce(new Error("RichApi.Error: The operation timed out"));
    await userEvent.setup().click(screen.getByRole("button", { name: "扫描" }));
    expect(await screen.findByText(/^扫描失败：Excel 返回了错误.*The operation timed out/)).toBeInTheDocument();

    // The next scan works and clears the error.
    await userEvent.setup().click(screen.getByRole("button", { name: "扫描" }));
    expect(await screen.findByRole("list", { name: "节点状态统计" })).toBeInTheDocument();
    expect(screen.queryByText(/扫描失败/)).not.toBeInTheDocument();
  });

  test("lists unreadable sheets, problem cells and rule discrepancies in collapsible sections", async () => {
    renderPane(fakeAdapter());
    const user = userEvent.setup();
    const problems = await screen.findByRole("button", { name: "未能读取的工作表和单元格（2）" });
    const rules = screen.getByRole("button", { name: "规则差异（1）" });
    expect(screen.queryByText(/未找到包含/)).not.toBeInTheDocument();
    await user.click(problems);
    expect(screen.getByText("：未找到包含“序号”“牵头部门”的表头行")).toBeInTheDocument();
    expect(screen.getByText("攻坚任务!I40")).toBeInTheDocument();
    await user.click(rules);
    expect(screen.getByText(/每件 0.5分，按附件4计分/)).toBeInTheDocument();
    expect(screen.getByText("攻坚任务!E17 第 15 项")).toBeInTheDocument();
  });

  test("says which tables were read and with which year", async () => {
    renderPane(fakeAdapter());
    expect(await screen.findByText(/已识别 2 张表：攻坚任务（攻坚，51行，2024年，取自标题）、基准任务（基准，20行，2024年，取自标题）/)).toBeInTheDocument();
  });

});

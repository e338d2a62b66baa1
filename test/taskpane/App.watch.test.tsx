/** @jest-environment jsdom */
import "./setup";
import { act, screen } from "@testing-library/react";
import { fakeAdapter, makeScan, renderPane } from "./fixtures";

describe("rescanning when the workbook changes", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("a burst of changes causes one rescan, a second after the last change", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole("list", { name: "节点状态统计" })).toBeInTheDocument();
    expect(adapter.onChanged).toHaveBeenCalledTimes(1);
    expect(adapter.scan).toHaveBeenCalledTimes(1);

    act(() => adapter.fireChange());
    await act(async () => {
      await jest.advanceTimersByTimeAsync(600);
    });
    act(() => adapter.fireChange());
    await act(async () => {
      await jest.advanceTimersByTimeAsync(600);
    });
    act(() => adapter.fireChange());
    await act(async () => {
      await jest.advanceTimersByTimeAsync(999);
    });
    expect(adapter.scan).toHaveBeenCalledTimes(1);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1);
    });
    expect(adapter.scan).toHaveBeenCalledTimes(2);
    expect(adapter.scan).toHaveBeenLastCalledWith({ asOf: "2024-09-01", dueSoonDays: 7 }, expect.any(Function));
  });

  test("stops listening when the pane closes", async () => {
    const adapter = fakeAdapter();
    const { unmount } = renderPane(adapter);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    act(() => adapter.fireChange());
    unmount();
    expect(adapter.unsubscribed).toBe(1);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(adapter.scan).toHaveBeenCalledTimes(1);
  });

  test("a failing change subscription is reported, and scanning still works", async () => {
    const adapter = fakeAdapter();
    adapter.onChanged.mockRejectedValueOnce(new Error("此版本 Excel 不支持工作表变化事件"));
    renderPane(adapter);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(
      screen.getByText("监听工作表变化失败：此版本 Excel 不支持工作表变化事件 修改表格后请手动点击“扫描”。"),
    ).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "节点状态统计" })).toBeInTheDocument();
  });

  test("a slow scan never overwrites the result of a later one", async () => {
    const adapter = fakeAdapter();
    renderPane(adapter);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    // A slow scan (the 扫描 button), then an edit in Excel starts a quicker one that ends first.
    const stale = makeScan();
    stale.counts = { ...stale.counts, overdue: 99 };
    let finishStale: (() => void) | undefined;
    adapter.scan.mockImplementationOnce(() => new Promise((resolve) => (finishStale = () => resolve(stale))));
    const fresh = makeScan();
    fresh.counts = { ...fresh.counts, overdue: 2 };
    adapter.scan.mockResolvedValueOnce(fresh);
    act(() => screen.getByRole("button", { name: "扫描" }).click());
    expect(finishStale).toBeDefined();
    act(() => adapter.fireChange());
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
    expect(adapter.scan).toHaveBeenCalledTimes(3);
    expect(screen.getByRole("listitem", { name: "已逾期 2 个" })).toBeInTheDocument();
    await act(async () => finishStale!());
    expect(screen.getByRole("listitem", { name: "已逾期 2 个" })).toBeInTheDocument();
    expect(screen.queryByRole("listitem", { name: "已逾期 99 个" })).not.toBeInTheDocument();
  });
});

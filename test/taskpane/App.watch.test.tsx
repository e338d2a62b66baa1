/** @jest-environment jsdom */
import "./setup";
import { act, screen } from "@testing-library/react";
import { fakeAdapter, renderPane } from "./fixtures";

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
});

import { setup } from "./fixtures";

test("select activates the sheet and selects the cell", async () => {
  const { fake, adapter } = setup();
  await adapter.select("攻坚任务", "E4");
  expect(fake.selection()).toEqual({ sheet: "攻坚任务", address: "E4" });
  await expect(adapter.select("没有这张表", "A1")).rejects.toThrow("找不到工作表“没有这张表”");
});

test("onChanged calls back on a sheet change until unsubscribed", async () => {
  const { fake, adapter } = setup();
  let calls = 0;
  const unsubscribe = await adapter.onChanged(() => {
    calls++;
  });
  await fake.triggerSheetChange("攻坚任务", "E3");
  expect(calls).toBe(1);
  unsubscribe();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(fake.changeHandlerCount()).toBe(0);
  await fake.triggerSheetChange("攻坚任务", "E3");
  expect(calls).toBe(1);
});

test("noteSupport follows the host's requirement sets", () => {
  expect(setup(undefined, { apiVersion: "1.18" }).adapter.noteSupport()).toBe("notes");
  expect(setup(undefined, { apiVersion: "1.10" }).adapter.noteSupport()).toBe("comments");
  expect(setup(undefined, { apiVersion: "1.9" }).adapter.noteSupport()).toBe("fill-only");
});

test("the adapter uses the global Excel and Office when no host is given", async () => {
  const { fake } = setup();
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  g.Excel = fake.Excel;
  g.Office = fake.Office;
  try {
    const { createExcelAdapter } = await import("../../src/excel");
    const result = await createExcelAdapter().scan({ asOf: "2024-09-01", dueSoonDays: 7 });
    expect(result.tables).toHaveLength(1);
  } finally {
    delete g.Excel;
    delete g.Office;
  }
});

import { AS_OF, setup, tableSheet, workbook } from "./fixtures";

function cells(fake: ReturnType<typeof setup>["fake"], sheet = "攻坚任务") {
  return fake.snapshot().sheets.find((s) => s.name === sheet)!.cells;
}

describe("markDone", () => {
  test("adds the 已完成节点 column once at the table's right edge and writes 1,2 then 1,2,4a", async () => {
    const { fake, adapter } = setup();
    await adapter.markDone("攻坚任务", "E3", "1");
    await adapter.markDone("攻坚任务", "E3", "2");
    expect(cells(fake).I2.value).toBe("已完成节点");
    expect(cells(fake).I3).toMatchObject({ value: "1,2", numberFormat: "@" });
    expect(cells(fake).I3.formula).toBeUndefined();
    await adapter.markDone("攻坚任务", "E3", "4a");
    expect(cells(fake).I3.value).toBe("1,2,4a");
    // The column was added once: nothing to the right of it.
    expect(Object.keys(cells(fake)).filter((a) => /^J\d+$/.test(a))).toEqual([]);
    // And the core now reads it: milestone 1 of E3 is done.
    const scan = await adapter.scan({ asOf: AS_OF, dueSoonDays: 7 });
    expect(scan.milestones.filter((m) => m.cell === "E3").map((m) => m.status)).toEqual(["done", "done"]);
    expect(scan.milestones.find((m) => m.cell === "E3")!.doneCell).toBe("I3");
  });

  test("the header is copied onto repeated header rows too", async () => {
    const sheet = tableSheet();
    // A page break repeats the header at row 5.
    sheet.cells.A7 = sheet.cells.A6;
    ["A", "B", "C", "D", "E", "F", "G", "H"].forEach((c) => {
      sheet.cells[`${c}6`] = { ...sheet.cells[`${c}2`] };
    });
    sheet.cells.A7 = { value: 5 };
    sheet.cells.E7 = { value: "1.5月底前,完成" };
    sheet.cells.F7 = { value: "张三" };
    sheet.cells.D7 = { value: "法制科" };
    const { fake, adapter } = setup(workbook(sheet));
    await adapter.markDone("攻坚任务", "E7", "1");
    expect(cells(fake).I2.value).toBe("已完成节点");
    expect(cells(fake).I6.value).toBe("已完成节点");
    expect(cells(fake).I7.value).toBe("1");
  });

  test("text that looks like a formula stays text", async () => {
    const sheet = tableSheet();
    sheet.cells.I2 = { value: "已完成节点" };
    sheet.cells.I3 = { value: "=1+1", numberFormat: "@" };
    const { fake, adapter } = setup(workbook(sheet));
    await adapter.markDone("攻坚任务", "E3", "2");
    expect(cells(fake).I3).toEqual({ value: "=1+1,2", numberFormat: "@" });
    await adapter.markDone("攻坚任务", "E4", "=1+1");
    expect(cells(fake).I4).toEqual({ value: "=1+1", numberFormat: "@" });
    await adapter.markDone("攻坚任务", "E5", "-1");
    expect(cells(fake).I5.formula).toBeUndefined();
    expect(cells(fake).I5.value).toBe("-1");
  });

  test("uses an existing 已完成节点 column wherever it is", async () => {
    const sheet = tableSheet();
    sheet.cells.J2 = { value: "已完成节点" };
    sheet.cells.I2 = { value: "备注" };
    sheet.cells.J4 = { value: 1 };
    const { fake, adapter } = setup(workbook(sheet));
    await adapter.markDone("攻坚任务", "E4", "2");
    expect(cells(fake).J4.value).toBe("1,2");
    expect(cells(fake).K2).toBeUndefined();
  });

  test("when the cells right of the table are in use, a column is inserted and nothing is overwritten", async () => {
    const sheet = tableSheet();
    sheet.cells.I4 = { value: "员工的备忘" };
    const { fake, adapter } = setup(workbook(sheet));
    await adapter.markDone("攻坚任务", "E3", "1");
    expect(cells(fake).I2.value).toBe("已完成节点");
    expect(cells(fake).I3.value).toBe("1");
    expect(cells(fake).J4.value).toBe("员工的备忘");
  });

  test("a protected sheet gives a Chinese message naming it and changes nothing", async () => {
    const before = workbook({ ...tableSheet("锁定表"), protected: true });
    const { fake, adapter } = setup(before);
    await expect(adapter.markDone("锁定表", "E3", "1")).rejects.toThrow("工作表“锁定表”受保护");
    expect(fake.snapshot()).toEqual(before);
  });

  test("an unknown sheet or a cell outside any table gives a Chinese message", async () => {
    const { adapter } = setup();
    await expect(adapter.markDone("不存在", "E3", "1")).rejects.toThrow("找不到工作表“不存在”");
    await expect(adapter.markDone("攻坚任务", "E40", "1")).rejects.toThrow("找不到对应的责任分解表行");
  });
});

/** 撤销 of 标记完成 through the Excel adapter, on the in-memory Excel: the workbook comes back exactly. */
import { setup, tableSheet, workbook } from "./fixtures";

function cells(fake: ReturnType<typeof setup>["fake"], sheet = "攻坚任务") {
  return fake.snapshot().sheets.find((s) => s.name === sheet)!.cells;
}

describe("undoMarkDone", () => {
  test("a column markDone added in empty cells goes away again: the workbook is as before", async () => {
    const before = workbook();
    const { fake, adapter } = setup(before);
    const undo = await adapter.markDone("攻坚任务", "E3", "1");
    expect(undo).toMatchObject({ sheet: "攻坚任务", cell: "I3", label: "1", written: "1", addedColumn: { column: "I", inserted: false } });
    expect(cells(fake).I2.value).toBe("已完成节点");
    await adapter.undoMarkDone(undo);
    expect(fake.snapshot()).toEqual(before);
  });

  test("a column inserted because the cells right of the table were in use is deleted again", async () => {
    const sheet = tableSheet();
    sheet.cells.I4 = { value: "员工的备忘" };
    const before = workbook(sheet);
    const { fake, adapter } = setup(before);
    const undo = await adapter.markDone("攻坚任务", "E3", "1");
    expect(undo.addedColumn).toMatchObject({ column: "I", inserted: true });
    expect(cells(fake).J4.value).toBe("员工的备忘");
    await adapter.undoMarkDone(undo);
    expect(fake.snapshot()).toEqual(before);
  });

  test("when others wrote into the new column since, it stays consistent: header kept, only this cell emptied", async () => {
    const { fake, adapter } = setup();
    const first = await adapter.markDone("攻坚任务", "E3", "1");
    await adapter.markDone("攻坚任务", "E4", "1");
    await adapter.undoMarkDone(first);
    expect(cells(fake).I2.value).toBe("已完成节点");
    // Empty, and text-formatted like the rest of the column the add-in made.
    expect(cells(fake).I3).toEqual({ value: null, numberFormat: "@" });
    expect(cells(fake).I4).toMatchObject({ value: "1", numberFormat: "@" });
    const scan = await adapter.scan({ asOf: "2024-09-01", dueSoonDays: 7 });
    expect(scan.milestones.find((m) => m.cell === "E3" && m.label === "1")!.status).toBe("overdue");
    expect(scan.milestones.find((m) => m.cell === "E4")!.status).toBe("done");
  });

  test.each([
    ["a number", { value: 2 }],
    ["text in a text cell", { value: "2", numberFormat: "@" }],
    ["a formula", { value: null, formula: '="1"' }],
    ["empty, with a number format", { value: null, numberFormat: "0.00" }],
  ])("restores an existing 已完成节点 cell holding %s exactly", async (_what, held) => {
    const sheet = tableSheet();
    sheet.cells.I2 = { value: "已完成节点" };
    sheet.cells.I3 = held;
    const before = workbook(sheet);
    const { fake, adapter } = setup(before);
    const undo = await adapter.markDone("攻坚任务", "E3", "1");
    expect(undo.addedColumn).toBeNull();
    expect(cells(fake).I3.value).not.toEqual(held.value);
    await adapter.undoMarkDone(undo);
    expect(fake.snapshot()).toEqual(before);
  });

  test("an empty existing cell comes back empty", async () => {
    const sheet = tableSheet();
    sheet.cells.I2 = { value: "已完成节点" };
    const before = workbook(sheet);
    const { fake, adapter } = setup(before);
    const undo = await adapter.markDone("攻坚任务", "E4", "1");
    expect(undo.previous).toEqual({ formula: null, value: null, numberFormat: "General" });
    await adapter.undoMarkDone(undo);
    expect(cells(fake).I4).toBeUndefined();
    expect(fake.snapshot()).toEqual(before);
  });

  test("a cell edited since is not overwritten: Chinese message naming it, nothing changed", async () => {
    const sheet = tableSheet();
    sheet.cells.I2 = { value: "已完成节点" };
    const { fake, adapter } = setup(workbook(sheet));
    const undo = await adapter.markDone("攻坚任务", "E3", "1");
    await fake.Excel.run(async (context: unknown) => {
      const ctx = context as Excel.RequestContext;
      ctx.workbook.worksheets.getItem("攻坚任务").getRange("I3").values = [["1,2"]];
      await ctx.sync();
    });
    const edited = fake.snapshot();
    await expect(adapter.undoMarkDone(undo)).rejects.toThrow("攻坚任务!I3 现在是“1,2”，已不是标记完成时写入的“1”");
    expect(fake.snapshot()).toEqual(edited);
  });

  test("a sheet protected since gives the protection message and changes nothing", async () => {
    const { fake, adapter } = setup();
    const undo = await adapter.markDone("攻坚任务", "E3", "1");
    fake.setProtected("攻坚任务", true);
    const locked = fake.snapshot();
    await expect(adapter.undoMarkDone(undo)).rejects.toThrow("工作表“攻坚任务”受保护，无法撤销“已完成节点”的修改");
    expect(fake.snapshot()).toEqual(locked);
  });
});

/**
 * Where real Excel differs from the obvious: "no fill" reads like white, merged areas need ExcelApi
 * 1.13 and fail above 512, a sheet may be protected between the add-in's read and its write, and an
 * older Excel lacks whole requirement sets. The in-memory Excel does what Office documents (or what
 * Office's issue tracker reports) for each; the adapter must still do the right thing.
 */
import type { OfficeHost } from "../../src/excel/host";
import { createExcelAdapter } from "../../src/excel";
import { createInMemoryExcel, type InMemoryExcelOptions, type WorkbookSnapshot } from "../support/in-memory-excel";
import { AS_OF, asSeen, setup, tableSheet, workbook } from "./fixtures";

const options = { asOf: AS_OF, dueSoonDays: 7 };

function cellOf(snapshot: WorkbookSnapshot, sheet: string, addr: string) {
  return snapshot.sheets.find((s) => s.name === sheet)!.cells[addr];
}

describe("a white fill and no fill", () => {
  // E3 (overdue) is filled white on purpose; E4 (due soon) has no fill. Excel reads both as #FFFFFF.
  function whiteAndNone(): WorkbookSnapshot {
    const sheet = tableSheet();
    sheet.cells.E3 = { ...sheet.cells.E3, fill: "#FFFFFF" };
    return workbook(sheet);
  }

  for (const fillPatternNull of [false, true]) {
    test(`unflag gives back white to the white cell and no fill to the other${fillPatternNull ? " (fill.pattern reads null, office-js #4900)" : ""}`, async () => {
      const before = whiteAndNone();
      const { fake, adapter } = setup(before, { fillPatternNull });
      await adapter.flag(await adapter.scan(options));
      expect(cellOf(fake.snapshot(), "攻坚任务", "E4").fill).toBe("#FFEB9C");
      await adapter.unflag();
      const after = fake.snapshot();
      expect(cellOf(after, "攻坚任务", "E3").fill).toBe("#FFFFFF");
      expect(cellOf(after, "攻坚任务", "E4").fill).toBeUndefined();
      expect(asSeen(after)).toEqual(before);
    });
  }
});

describe("merged areas", () => {
  // Rows 3–4 share one merged 市级辅助成果 cell E3:E4: its milestones belong to row 3 (序号 1).
  function mergedMilestones(name = "攻坚任务") {
    const sheet = tableSheet(name);
    sheet.cells.E4 = { value: null };
    sheet.merges = [...(sheet.merges ?? []), "E3:E4"];
    return sheet;
  }

  test("without ExcelApi 1.13 the scan still reads every table, reads merged cells as unmerged, and says so once", async () => {
    const { adapter, fake } = setup(workbook(mergedMilestones()), { apiVersion: "1.12" });
    const result = await adapter.scan(options);
    expect(fake.syncCount()).toBeLessThanOrEqual(3);
    expect(result.tables.map((t) => t.sheet)).toEqual(["攻坚任务"]);
    const notes = result.problems.filter((p) => p.message.includes("ExcelApi 1.13"));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("合并单元格");
  });

  test("a sheet with more than 512 merged areas (Excel then fails to return them) is read without them and named", async () => {
    const crowded = mergedMilestones("合并很多");
    crowded.merges = [...crowded.merges!, ...Array.from({ length: 513 }, (_, i) => `K${20 + 2 * i}:L${20 + 2 * i}`)];
    const { adapter } = setup(workbook(crowded, mergedMilestones("其他")));
    const result = await adapter.scan(options);
    expect(result.tables.map((t) => t.sheet)).toEqual(["合并很多", "其他"]);
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: "合并很多", message: expect.stringContaining("512") }));
    expect(result.problems.filter((p) => p.sheet === "其他")).toEqual([]);
  });

  test("marking done on such a sheet still finds the row", async () => {
    const crowded = mergedMilestones("合并很多");
    crowded.merges = [...crowded.merges!, ...Array.from({ length: 513 }, (_, i) => `K${20 + 2 * i}:L${20 + 2 * i}`)];
    const { adapter, fake } = setup(workbook(crowded));
    await adapter.markDone("合并很多", "E3", "1");
    expect(cellOf(fake.snapshot(), "合并很多", "I3")).toMatchObject({ value: "1", numberFormat: "@" });
  });
});

describe("a sheet protected between the add-in's read and its write", () => {
  /** The in-memory Excel behind a host that protects `sheet` once the first sync of a run is done. */
  function protectingAfterFirstRead(before: WorkbookSnapshot, sheet: string, fakeOptions: InMemoryExcelOptions = {}) {
    const fake = createInMemoryExcel(before, fakeOptions);
    const run = fake.Excel.run as unknown as (batch: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>;
    const host = {
      Excel: {
        run: (batch: (ctx: Excel.RequestContext) => Promise<unknown>) =>
          run(async (ctx) => {
            const sync = ctx.sync.bind(ctx);
            let done = 0;
            (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
              await sync();
              if (++done === 1) fake.setProtected(sheet, true);
            };
            return batch(ctx);
          }),
      },
      Office: fake.Office,
    };
    return { fake, adapter: createExcelAdapter({ host: host as unknown as OfficeHost }) };
  }

  test("marking done: Excel refuses the write and the message names the sheet", async () => {
    const before = workbook(tableSheet("后来锁定"));
    const { fake, adapter } = protectingAfterFirstRead(before, "后来锁定");
    await expect(adapter.markDone("后来锁定", "E3", "1")).rejects.toThrow("工作表“后来锁定”受保护，无法写入“已完成节点”");
    expect(fake.snapshot().sheets.map((s) => s.cells)).toEqual(before.sheets.map((s) => s.cells));
  });

  test("flagging: Excel refuses the write and the message names the sheet", async () => {
    const before = workbook(tableSheet("后来锁定"));
    const scan = await setup(before).adapter.scan(options);
    const { fake, adapter } = protectingAfterFirstRead(before, "后来锁定");
    await expect(adapter.flag(scan)).rejects.toThrow("工作表“后来锁定”受保护，无法就地标注");
    // The backup went in first (Office batches are not transactions); the user's sheet is untouched,
    // and once unprotected, unflag leaves the workbook exactly as it was.
    expect(fake.snapshot().sheets.find((s) => s.name === "后来锁定")!.cells).toEqual(before.sheets[0].cells);
    fake.setProtected("后来锁定", false);
    await createExcelAdapter({ host: { Excel: fake.Excel, Office: fake.Office } as unknown as OfficeHost }).unflag();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("an Excel older than the requirement sets the adapter uses", () => {
  test("ExcelApi 1.8: scanning works, flagging says in Chinese what is missing, change events are simply off", async () => {
    const { adapter, fake } = setup(workbook(), { apiVersion: "1.8" });
    const scan = await adapter.scan(options);
    expect(scan.tables).toHaveLength(1);
    await expect(adapter.flag(scan)).rejects.toThrow("需要 ExcelApi 1.9");
    await expect(adapter.unflag()).rejects.toThrow("需要 ExcelApi 1.9");
    const unsubscribe = await adapter.onChanged(() => undefined);
    expect(fake.changeHandlerCount()).toBe(0);
    unsubscribe();
  });
});

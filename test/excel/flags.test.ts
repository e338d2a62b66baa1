import { BACKUP_SHEET, FLAG_STYLE, NOTE_MARKER } from "../../src/core/flags/types";
import type { WorkbookSnapshot } from "../support/in-memory-excel";
import { AS_OF, asSeen, contents, setup, tableSheet, workbook } from "./fixtures";

const options = { asOf: AS_OF, dueSoonDays: 7 };

/** The fixture with a user's note, custom fill and font on the overdue cell E3, and a formula in I3. */
function decorated(): WorkbookSnapshot {
  const sheet = tableSheet();
  sheet.cells.E3 = { ...sheet.cells.E3, fill: "#00B050", fontColor: "#FF0000", note: "请注意统计口径" };
  sheet.cells.I3 = { value: 3, formula: "=A3+2" };
  sheet.cells.E6 = { ...sheet.cells.E6, fill: "#DDEBF7" };
  return workbook(sheet);
}

function cell(snapshot: WorkbookSnapshot, sheet: string, addr: string) {
  return snapshot.sheets.find((s) => s.name === sheet)!.cells[addr];
}

describe("flag and unflag", () => {
  test("flag colours overdue red and due-soon amber, adds notes below the user's, and changes no value or formula", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    const scan = await adapter.scan(options);
    const result = await adapter.flag(scan);
    expect(result).toEqual({ flagged: 2, noteSupport: "notes", skipped: 0, problems: [] });

    const after = fake.snapshot();
    const e3 = cell(after, "攻坚任务", "E3");
    expect([e3.fill, e3.fontColor]).toEqual([FLAG_STYLE.overdue.fill, FLAG_STYLE.overdue.font]);
    expect(e3.note!.startsWith("请注意统计口径\n\n" + NOTE_MARKER)).toBe(true);
    expect(e3.note).toContain("已逾期93天"); // 2024-05-31 → 2024-09-01
    const e4 = cell(after, "攻坚任务", "E4");
    expect([e4.fill, e4.fontColor]).toEqual([FLAG_STYLE["due-soon"].fill, FLAG_STYLE["due-soon"].font]);
    expect(cell(after, "攻坚任务", "E6").fill).toBe("#DDEBF7"); // not due: untouched
    expect(contents({ sheets: after.sheets.filter((s) => s.name !== BACKUP_SHEET) })).toEqual(contents(before));

    const backup = after.sheets.find((s) => s.name === BACKUP_SHEET)!;
    expect(backup.visibility).toBe("VeryHidden");
  });

  test("unflag restores the exact fill, font colour and note, and removes the backup sheet", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    await adapter.flag(await adapter.scan(options));
    const result = await adapter.unflag();
    expect(result.restored).toBe(2);
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("flagging twice keeps the true original: unflag still restores the state before the first flag", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    await adapter.flag(await adapter.scan(options));
    await adapter.flag(await adapter.scan(options));
    const e3 = cell(fake.snapshot(), "攻坚任务", "E3");
    expect(e3.note!.split(NOTE_MARKER)).toHaveLength(2); // our note once, not twice
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("a cell no longer due on the next flag goes back to how it was", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    await adapter.flag(await adapter.scan(options));
    // Later in the year E4's milestone is overdue and E3 is marked done by the staff: rescan and flag.
    const later = await adapter.scan({ asOf: "2024-09-20", dueSoonDays: 7 });
    const onlyE4 = { ...later, milestones: later.milestones.filter((m) => m.cell !== "E3") };
    await adapter.flag(onlyE4);
    const now = fake.snapshot();
    expect(cell(now, "攻坚任务", "E3")).toEqual(cell(before, "攻坚任务", "E3"));
    expect(cell(now, "攻坚任务", "E4").fill).toBe(FLAG_STYLE.overdue.fill);
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("the backup travels with the file: a colleague's Excel (a fresh host) can unflag", async () => {
    const before = decorated();
    const first = setup(before);
    await first.adapter.flag(await first.adapter.scan(options));
    const reopened = setup(first.fake.snapshot());
    await reopened.adapter.unflag();
    expect(asSeen(reopened.fake.snapshot())).toEqual(before);
  });

  test("without ExcelApi 1.18 notes, a threaded comment carries the text, and unflag removes it", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before, { apiVersion: "1.17" });
    expect(adapter.noteSupport()).toBe("comments");
    const result = await adapter.flag(await adapter.scan(options));
    expect(result.noteSupport).toBe("comments");
    const e3 = cell(fake.snapshot(), "攻坚任务", "E3");
    expect(e3.note).toBe("请注意统计口径"); // the user's note is left alone
    expect(e3.comment!.startsWith(NOTE_MARKER)).toBe(true);
    expect(cell(fake.snapshot(), "攻坚任务", "E4").comment).toContain("临期1项");
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("a user's own comment thread is never replaced", async () => {
    const sheet = tableSheet();
    sheet.cells.E3 = { ...sheet.cells.E3, comment: "已与省厅沟通" };
    const before = workbook(sheet);
    const { fake, adapter } = setup(before, { apiVersion: "1.12" });
    await adapter.flag(await adapter.scan(options));
    const e3 = cell(fake.snapshot(), "攻坚任务", "E3");
    expect(e3.comment).toBe("已与省厅沟通");
    expect(e3.fill).toBe(FLAG_STYLE.overdue.fill);
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("with neither notes nor comments, only fills and font colours are set", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before, { apiVersion: "1.9" });
    const result = await adapter.flag(await adapter.scan(options));
    expect(result.noteSupport).toBe("fill-only");
    const e3 = cell(fake.snapshot(), "攻坚任务", "E3");
    expect([e3.fill, e3.note, e3.comment]).toEqual([FLAG_STYLE.overdue.fill, "请注意统计口径", undefined]);
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("a protected sheet gets a Chinese message naming it; the other sheets are flagged", async () => {
    const locked = { ...tableSheet("锁定表"), protected: true };
    const before = workbook(locked, tableSheet("其他"));
    const { fake, adapter } = setup(before);
    const result = await adapter.flag(await adapter.scan(options));
    expect(result.flagged).toBe(2);
    expect(result.problems).toEqual([expect.objectContaining({ sheet: "锁定表", message: expect.stringContaining("工作表“锁定表”受保护") })]);
    const after = fake.snapshot();
    expect(cell(after, "锁定表", "E3")).toEqual(cell(before, "锁定表", "E3"));
    expect(cell(after, "其他", "E3").fill).toBe(FLAG_STYLE.overdue.fill);
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("flag writes in one batch: the sync count does not grow with the number of cells", async () => {
    const many = setup(workbook(tableSheet("甲"), tableSheet("乙"), tableSheet("丙")));
    const scanMany = await many.adapter.scan(options);
    const beforeMany = many.fake.syncCount();
    await many.adapter.flag(scanMany);
    const one = setup(workbook(tableSheet("甲")));
    const scanOne = await one.adapter.scan(options);
    const beforeOne = one.fake.syncCount();
    await one.adapter.flag(scanOne);
    expect(many.fake.syncCount() - beforeMany).toBe(one.fake.syncCount() - beforeOne);
  });

  test("unflag without a previous flag changes nothing", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    expect(await adapter.unflag()).toEqual({ restored: 0, skipped: 0, problems: [] });
    expect(asSeen(fake.snapshot())).toEqual(before);
  });
});

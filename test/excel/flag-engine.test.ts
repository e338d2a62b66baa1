/**
 * The add-in's flag and unflag against the in-memory Excel in the cases users make: flagged twice,
 * edited by hand, rows and columns inserted or deleted, through LibreOffice, a tampered or missing
 * backup, a user's own sheet of the backup's name, Excel in cell-edit mode.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExcelAdapter } from "../../src/excel";
import type { OfficeHost } from "../../src/excel/host";
import { BACKUP_SHEET, FLAG_STYLE, NOTE_MARKER } from "../../src/core/flags/types";
import { createInMemoryExcel, type WorkbookSnapshot } from "../support/in-memory-excel";
import { snapshotFromXlsx } from "../support/in-memory-excel/from-xlsx";
import { writeXlsx } from "../support/in-memory-excel/to-xlsx";
import { AS_OF, asSeen, setup, tableSheet, workbook } from "./fixtures";

const options = { asOf: AS_OF, dueSoonDays: 7 };
const RED = FLAG_STYLE.overdue.fill;

/**
 * E3 (overdue) carries the user's green fill, red font, bold and note; E4 (due soon) is plain and sits
 * right below it: adjacent flagged cells.
 */
function decorated(): WorkbookSnapshot {
  const sheet = tableSheet();
  sheet.cells.E3 = { ...sheet.cells.E3, fill: "#00B050", fontColor: "#FF0000", bold: true, note: "请注意统计口径" };
  return workbook(sheet);
}

function cell(snapshot: WorkbookSnapshot, addr: string, sheet = "攻坚任务") {
  return snapshot.sheets.find((s) => s.name === sheet)!.cells[addr];
}

function adapterOver(fake: ReturnType<typeof createInMemoryExcel>, retry = [0, 0, 0]) {
  return createExcelAdapter({ host: fake as unknown as OfficeHost, cellEditRetryMs: retry });
}

test("flag twice at two dates, then unflag once: the original comes back", async () => {
  const before = decorated();
  const { fake, adapter } = setup(before);
  await adapter.flag(await adapter.scan(options));
  await adapter.flag(await adapter.scan({ asOf: "2024-09-03", dueSoonDays: 7 }));
  expect(cell(fake.snapshot(), "E3").note!.split(NOTE_MARKER)).toHaveLength(2);
  expect(cell(fake.snapshot(), "E3").note).toContain("截至2024年9月3日");
  expect(await adapter.unflag()).toEqual({ restored: 2, skipped: 0, problems: [] });
  expect(asSeen(fake.snapshot())).toEqual(before);
});

describe("unflag after the user edited a flagged cell", () => {
  test("a fill set by hand stays, the note and font colour go back, and the cell is named", async () => {
    const { fake, adapter } = setup(decorated());
    await adapter.flag(await adapter.scan(options));
    fake.userEdit("攻坚任务", "E3", { fill: "#0070C0" });
    const result = await adapter.unflag();
    expect(result.restored).toBe(2);
    expect(result.problems).toEqual([expect.objectContaining({ sheet: "攻坚任务", cell: "E3", message: expect.stringContaining("“攻坚任务”!E3的填充色在标注后被改过") })]);
    expect(cell(fake.snapshot(), "E3")).toMatchObject({ fill: "#0070C0", fontColor: "#FF0000", bold: true, note: "请注意统计口径" });
  });

  test("a note rewritten above ours keeps the new text; a value edited is still recognised by our note", async () => {
    const { fake, adapter } = setup(decorated());
    await adapter.flag(await adapter.scan(options));
    const note = cell(fake.snapshot(), "E3").note!;
    fake.userEdit("攻坚任务", "E3", { note: note.replace("请注意统计口径", "口径已确认") });
    fake.userEdit("攻坚任务", "E4", { value: "1.9月5日前,完成培训（改期）" });
    expect(await adapter.unflag()).toMatchObject({ restored: 2, skipped: 0 });
    expect(cell(fake.snapshot(), "E3")).toMatchObject({ fill: "#00B050", note: "口径已确认" });
    expect(cell(fake.snapshot(), "E4").fill).toBeUndefined();
    expect(cell(fake.snapshot(), "E4").note).toBeUndefined();
  });
});

describe("rows or columns inserted or deleted after flagging", () => {
  test("a row inserted above adjacent flagged cells: no saved style lands on a moved cell, success is not reported, and flag then unflag at the new rows gives back the user's fill and bold", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    await adapter.flag(await adapter.scan(options));
    fake.userShift("攻坚任务", "rows", 2, 1); // a row inserted above row 3: E3, E4 are now E4, E5
    const result = await adapter.unflag();
    expect(result.restored).toBe(0);
    expect(result.skipped).toBe(2);
    expect(result.problems.map((p) => p.cell)).toEqual(["E3", "E4"]);
    expect(result.problems[0].message).toContain("已不是当初标注的那个单元格");
    const now = fake.snapshot();
    expect(cell(now, "E3")).toBeUndefined(); // the new blank row got nothing
    expect(cell(now, "E4").fill).toBe(RED); // E3's cell kept its flag: not E4's saved look
    expect(cell(now, "E5").fill).toBe(FLAG_STYLE["due-soon"].fill);
    expect(now.sheets.some((s) => s.name === BACKUP_SHEET)).toBe(true);

    await adapter.flag(await adapter.scan(options));
    expect(await adapter.unflag()).toEqual({ restored: 2, skipped: 0, problems: [] });
    const after = fake.snapshot();
    expect(cell(after, "E4")).toEqual({ ...cell(before, "E3"), fontColor: "#FF0000" });
    expect(asSeen(after).sheets[0].cells.E5).toEqual(cell(before, "E4"));
    expect(after.sheets.some((s) => s.name === BACKUP_SHEET)).toBe(false);
  });

  test("a column deleted left of the flagged cells: the cells at the old addresses are left alone", async () => {
    const { fake, adapter } = setup(decorated());
    await adapter.flag(await adapter.scan(options));
    fake.userShift("攻坚任务", "columns", 0, -1); // column A deleted: E3 is now D3
    const result = await adapter.unflag();
    expect(result).toMatchObject({ restored: 0, skipped: 2 });
    expect(cell(fake.snapshot(), "D3").fill).toBe(RED);
    expect(cell(fake.snapshot(), "E3").fill).toBeUndefined(); // 盯办人 of row 3 now: untouched
  });

  test("rows deleted above: named, left alone", async () => {
    const { fake, adapter } = setup(decorated());
    await adapter.flag(await adapter.scan(options));
    fake.userShift("攻坚任务", "rows", 0, -1);
    expect(await adapter.unflag()).toMatchObject({ restored: 0, skipped: 2 });
  });
});

test("through LibreOffice: flag in Excel, save, convert with soffice, open again, unflag gives back the original", async () => {
  const before = decorated();
  const { fake, adapter } = setup(before);
  await adapter.flag(await adapter.scan(options));
  const dir = mkdtempSync(join(tmpdir(), "dlb-lo-excel-"));
  try {
    const input = join(dir, "flagged.xlsx");
    await writeXlsx(fake.snapshot(), input, { today: AS_OF });
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), input], { stdio: "ignore", timeout: 120_000 });
    const reopened = createInMemoryExcel(await snapshotFromXlsx(join(dir, "out", "flagged.xlsx")));
    const result = await adapterOver(reopened).unflag();
    expect(result).toEqual({ restored: 2, skipped: 0, problems: [] });
    const back = asSeen(reopened.snapshot());
    expect(cell(back, "E3")).toEqual(cell(before, "E3"));
    expect(cell(back, "E4")).toEqual(cell(before, "E4"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

describe("the backup sheet", () => {
  test("a tampered backup: unflag paints nothing and says in Chinese which rows; flag still works and says why for the rest", async () => {
    const { fake, adapter } = setup(decorated());
    await adapter.flag(await adapter.scan(options));
    const snap = fake.snapshot();
    const backup = snap.sheets.find((s) => s.name === BACKUP_SHEET)!;
    backup.cells.A3 = { ...backup.cells.A3, value: String(backup.cells.A3.value).replace('"cell":"E4"', '"cell":"E0"') };
    const tampered = createInMemoryExcel(snap);
    const result = await adapterOver(tampered).unflag();
    expect(result.restored).toBe(0);
    expect(result.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/标注备份已损坏：第3行（单元格地址“E0”不存在）.*没有恢复任何单元格/) })]);
    expect(tampered.snapshot()).toEqual(snap);
    const again = await adapterOver(tampered).flag(await adapterOver(tampered).scan(options));
    expect(again.flagged).toBe(1); // E3: its record is whole
    expect(again.problems.map((p) => p.cell)).toEqual(["", "E4"]);
  });

  test("the backup removed while cells stay red with our notes: unflag names them; flag again never stores the red as original", async () => {
    const { fake, adapter } = setup(decorated());
    await adapter.flag(await adapter.scan(options));
    const snap = fake.snapshot();
    const lost = createInMemoryExcel({ sheets: snap.sheets.filter((s) => s.name !== BACKUP_SHEET) });
    const result = await adapterOver(lost).unflag();
    expect(result.restored).toBe(0);
    expect(result.problems.map((p) => p.cell)).toEqual(["E3", "E4"]);
    expect(result.problems[0].message).toContain("标注备份中没有它的记录");
    const flag = await adapterOver(lost).flag(await adapterOver(lost).scan(options));
    expect(flag.flagged).toBe(0);
    expect(lost.snapshot().sheets.some((s) => s.name === BACKUP_SHEET)).toBe(false);
  });

  test("a user's own visible sheet named like the backup is never deleted; flag says why it cannot flag", async () => {
    const before = workbook(tableSheet(), { name: BACKUP_SHEET, cells: { A1: { value: "我自己的记录" } } });
    const { fake, adapter } = setup(before);
    expect(await adapter.unflag()).toEqual({ restored: 0, skipped: 0, problems: [] });
    const flag = await adapter.flag(await adapter.scan(options));
    expect(flag.flagged).toBe(0);
    expect(flag.problems[0].message).toContain("不是大练兵助手写的备份");
    expect(fake.snapshot()).toEqual(before);
  });

  test("long notes: every backup cell stays under 32,767 characters and the note comes back whole", async () => {
    const sheet = tableSheet();
    const long = "很长的用户批注。".repeat(6000); // 48,000 characters
    sheet.cells.E3 = { ...sheet.cells.E3, note: long };
    const before = workbook(sheet);
    const { fake, adapter } = setup(before);
    await adapter.flag(await adapter.scan(options));
    const backup = fake.snapshot().sheets.find((s) => s.name === BACKUP_SHEET)!;
    const lengths = Object.values(backup.cells).map((c) => String(c.value).length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(30_000);
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });

  test("the very hidden backup is emptied and reused, and removed (made Hidden first) when nothing is left", async () => {
    const before = decorated();
    const { fake, adapter } = setup(before);
    await adapter.flag(await adapter.scan(options));
    await adapter.flag({ ...(await adapter.scan(options)), milestones: [] });
    expect(fake.snapshot().sheets.some((s) => s.name === BACKUP_SHEET)).toBe(false);
    await adapter.flag(await adapter.scan(options));
    expect(fake.snapshot().sheets.find((s) => s.name === BACKUP_SHEET)!.visibility).toBe("VeryHidden");
    await adapter.unflag();
    expect(asSeen(fake.snapshot())).toEqual(before);
  });
});

describe("Excel in cell-edit mode", () => {
  test("the batch is retried and goes through once the user leaves the cell", async () => {
    const before = decorated();
    const fake = createInMemoryExcel(before);
    const adapter = adapterOver(fake);
    const scan = await adapter.scan(options);
    fake.enterCellEditMode(2);
    const waits: string[] = [];
    const patient = createExcelAdapter({ host: fake as unknown as OfficeHost, cellEditRetryMs: [0, 0, 0], onWait: (m) => waits.push(m) });
    expect((await patient.flag(scan)).flagged).toBe(2);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toContain("单元格编辑状态");
  });

  test("still editing after every retry: a Chinese message, nothing changed", async () => {
    const before = decorated();
    const fake = createInMemoryExcel(before);
    const scan = await adapterOver(fake).scan(options);
    fake.enterCellEditMode();
    await expect(adapterOver(fake).flag(scan)).rejects.toThrow("Excel 正处于单元格编辑状态");
    expect(fake.snapshot()).toEqual(before);
  });
});

test("over Excel on the web's 5 MB limit: scan, flag and unflag of a sheet with 300 long cells and long notes split their requests", async () => {
  const rows = Array.from({ length: 300 }, (_, i) => [i + 1, "规范建设", "完成规范化建设", "法制科", `1.5月底前,出台方案${"；补充说明".repeat(3000)}`, "张三", "李四", "王五"]);
  const sheet = tableSheet("攻坚任务", rows);
  for (let r = 3; r < 303; r++) sheet.cells[`E${r}`] = { ...sheet.cells[`E${r}`], note: `用户批注${"很长".repeat(10_000)}` };
  const before = workbook(sheet);
  const { fake, adapter } = setup(before, { payloadLimit: 5 * 1024 * 1024 });
  const scan = await adapter.scan(options);
  expect(scan.tables[0].rows).toBe(300);
  expect((await adapter.flag(scan)).flagged).toBe(300);
  expect(cell(fake.snapshot(), "E302").fill).toBe(RED);
  expect(await adapter.unflag()).toMatchObject({ restored: 300, skipped: 0, problems: [] });
  expect(asSeen(fake.snapshot())).toEqual(before);
}, 60_000);

test("unflag on an Excel without notes (ExcelApi 1.10): fills come back, and the notes it cannot remove are named", async () => {
  const before = decorated();
  const { fake, adapter } = setup(before);
  await adapter.flag(await adapter.scan(options));
  fake.setApiVersion("1.10");
  const result = await adapter.unflag();
  expect(result.restored).toBe(2);
  expect(result.problems).toEqual([expect.objectContaining({ message: expect.stringContaining("不能修改单元格批注（需要 ExcelApi 1.18）：“攻坚任务”!E3等 2 个单元格") })]);
  expect(cell(fake.snapshot(), "E3").fill).toBe("#00B050");
});

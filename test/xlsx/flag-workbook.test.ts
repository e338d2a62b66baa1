/**
 * The ExcelJS shell of the flag engine: flag and unflag files as users have them — flagged twice,
 * edited by hand, with rows or columns inserted or deleted, saved by LibreOffice, with a tampered or
 * missing backup. The decisions are the core engine's; these tests show the shell carries them out.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { flagWorkbook, noteText, unflagWorkbook } from "../../src/xlsx/flag-workbook";
import { readWorkbook, toCellValue } from "../../src/xlsx/read-workbook";
import { BACKUP_CELL_CHARS, encodeBackup, fingerprint } from "../../src/core/flags";
import { BACKUP_SHEET, NOTE_MARKER, type FlagBackupRecord, type FlagMark } from "../../src/core/flags/types";

const GREEN = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } } as ExcelJS.Fill;
const RED_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

/** I3 and I4 share one green bold style (as cells read from a file do); I3 has a note; I5 a formatted note. */
async function original(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("攻坚");
  const shared = { fill: GREEN, font: { bold: true, name: "宋体", size: 11 } } as Partial<ExcelJS.Style>;
  ws.getCell("H3").value = "白聖豪";
  ws.getCell("I3").value = "1.5月底前,出台市级标准化建设工作方案";
  ws.getCell("I3").style = shared;
  ws.getCell("I3").note = "请王科长审核";
  ws.getCell("I4").value = "1.9月30日前,完成装备配备";
  ws.getCell("I4").style = shared;
  ws.getCell("I5").value = { formula: "\"8月\"&\"30日前\"", result: "8月30日前" };
  ws.getCell("I5").note = { texts: [{ text: "王江：", font: { bold: true } }, { text: "已催" }] } as unknown as ExcelJS.Comment;
  return roundTrip(wb);
}

const mark = (cell: string, level: FlagMark["level"], note: string): FlagMark => {
  const row = Number(cell.slice(1)) - 1;
  return { sheet: "攻坚", cell, row, col: 8, level, note: `${NOTE_MARKER}${note}` };
};
const firstMarks = [mark("I3", "overdue", "截至2024年9月1日：\n已逾期1项"), mark("I4", "overdue", "截至2024年9月1日：\n已逾期1项（装备）"), mark("I5", "due-soon", "截至2024年9月1日：\n临期1项")];

function look(ws: ExcelJS.Worksheet, address: string) {
  const cell = ws.getCell(address);
  const note = cell.note as unknown;
  // A note's text and formatting; its anchor follows the cell's position.
  const noteLook = note === undefined ? null : typeof note === "string" ? note : (note as { texts: unknown }).texts;
  return { value: cell.value, fill: cell.style.fill ?? null, font: cell.style.font ?? null, note: noteLook };
}

function looks(wb: ExcelJS.Workbook, cells = ["H3", "I3", "I4", "I5", "I6"]) {
  const ws = wb.getWorksheet("攻坚")!;
  return cells.map((a) => look(ws, a));
}

/** What Excel does on inserting (count > 0) or deleting rows at `at` (1-based): every cell below moves with its style and note. */
function shiftRows(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const cells: { row: number; col: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style>; note: unknown }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < at) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => cells.push({ row: r, col: c, value: cell.value, style: structuredClone(cell.style), note: cell.note }));
  });
  for (const c of cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = null;
    cell.style = {};
    const internal = cell as unknown as { _comment?: unknown };
    delete internal._comment;
  }
  for (const c of cells) {
    const to = c.row + count;
    if (count < 0 && c.row < at - count) continue;
    const cell = ws.getCell(to, c.col);
    cell.value = c.value;
    cell.style = c.style;
    if (c.note !== undefined) cell.note = c.note as string;
  }
}

describe("flag", () => {
  it("fills overdue red and due-soon amber, appends the note, keeps the rest of the font, and leaves other cells alone", async () => {
    const wb = await original();
    const outcome = flagWorkbook(wb, [firstMarks[0], firstMarks[2]]);
    expect(outcome).toMatchObject({ flagged: 2, overdue: 1, skipped: 0, problems: [] });
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("攻坚")!;
    const i3 = ws.getCell("I3");
    expect(i3.fill).toEqual(RED_FILL);
    expect(i3.font.color).toEqual({ argb: "FF9C0006" });
    expect(i3.font.bold).toBe(true);
    expect(noteText(i3.note)).toBe(`请王科长审核\n\n${firstMarks[0].note}`);
    expect(ws.getCell("I5").value).toEqual({ formula: "\"8月\"&\"30日前\"", result: "8月30日前" });
    expect(noteText(ws.getCell("I5").note)).toBe(`王江：已催\n\n${firstMarks[2].note}`);
    // I4 shared I3's style object: still green, without a note
    expect(ws.getCell("I4").fill).toEqual(GREEN);
    expect(ws.getCell("I4").note).toBeUndefined();
    expect(back.getWorksheet(BACKUP_SHEET)!.state).toBe("veryHidden");
  });

  it("flag twice at two dates, then unflag once: the original comes back exactly", async () => {
    const expected = looks(await original());
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const once = await roundTrip(wb);
    const later = [mark("I3", "due-soon", "截至2024年9月20日：\n临期1项"), mark("I4", "overdue", "截至2024年9月20日：\n已逾期2项")];
    const second = flagWorkbook(once, later);
    expect(second).toMatchObject({ flagged: 2, restored: 1, skipped: 0, problems: [] });
    const twice = await roundTrip(once);
    const ws = twice.getWorksheet("攻坚")!;
    expect(noteText(ws.getCell("I3").note)).toBe(`请王科长审核\n\n${later[0].note}`); // ours once, not twice
    expect(ws.getCell("I5").fill?.type === "pattern" ? (ws.getCell("I5").fill as ExcelJS.FillPattern).pattern : "none").toBe("none"); // no longer marked: back as it was
    expect((ws.getCell("I5").note as unknown as { texts: unknown[] }).texts).toHaveLength(2);
    const outcome = unflagWorkbook(twice);
    expect(outcome).toMatchObject({ restored: 2, skipped: 0, problems: [] });
    const restored = await roundTrip(twice);
    expect(looks(restored)).toEqual(expected);
    expect(restored.getWorksheet(BACKUP_SHEET)).toBeUndefined();
  });
});

describe("unflag after the user edited a flagged cell", () => {
  it("a fill the user set after flagging stays; the note and font colour go back; the cell is named", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const flagged = await roundTrip(wb);
    const i3 = flagged.getWorksheet("攻坚")!.getCell("I3");
    i3.style = { ...i3.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF0070C0" } } };
    const outcome = unflagWorkbook(flagged);
    expect(outcome.restored).toBe(3);
    expect(outcome.problems).toEqual([expect.objectContaining({ sheet: "攻坚", cell: "I3", message: expect.stringContaining("“攻坚”!I3的填充色在标注后被改过") })]);
    const ws = (await roundTrip(flagged)).getWorksheet("攻坚")!;
    expect(ws.getCell("I3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF0070C0" } });
    expect(ws.getCell("I3").note).toBe("请王科长审核");
    expect(ws.getCell("I3").font.color).toBeUndefined();
    expect(ws.getCell("I3").font.bold).toBe(true);
  });

  it("a note the user rewrote above ours: their new text stays, ours goes", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const i3 = wb.getWorksheet("攻坚")!.getCell("I3");
    i3.note = `已改为张科长审核\n\n${firstMarks[0].note}`;
    expect(unflagWorkbook(wb).skipped).toBe(0);
    expect(wb.getWorksheet("攻坚")!.getCell("I3").note).toBe("已改为张科长审核");
    expect(wb.getWorksheet("攻坚")!.getCell("I3").fill).toEqual(GREEN);
  });

  it("a value the user edited: our note still names the cell, so it is restored", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    wb.getWorksheet("攻坚")!.getCell("I4").value = "1.9月30日前,完成装备配备（已调整）";
    expect(unflagWorkbook(wb)).toMatchObject({ restored: 3, skipped: 0 });
    expect(wb.getWorksheet("攻坚")!.getCell("I4").fill).toEqual(GREEN);
  });

  it("a value edited and our note deleted: nothing recognises the cell, it is left alone and named, not reported as done", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const i4 = wb.getWorksheet("攻坚")!.getCell("I4");
    i4.value = "别的内容";
    (i4 as unknown as { _comment?: unknown })._comment = undefined;
    const outcome = unflagWorkbook(wb);
    expect(outcome).toMatchObject({ restored: 2, skipped: 1 });
    expect(outcome.problems[0].message).toContain("“攻坚”!I4已不是当初标注的那个单元格");
    expect(wb.getWorksheet("攻坚")!.getCell("I4").fill).toEqual(RED_FILL); // not painted blindly
    expect(wb.getWorksheet(BACKUP_SHEET)).toBeDefined(); // its record is kept
  });
});

describe("rows or columns inserted or deleted after flagging", () => {
  it("a row inserted above adjacent flagged cells: nothing is restored onto the wrong cell; flag again finds them, then unflag gives back the user's fill and bold", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const flagged = await roundTrip(wb);
    shiftRows(flagged.getWorksheet("攻坚")!, 3, 1); // rows 3–5 are now 4–6
    const outcome = unflagWorkbook(flagged);
    expect(outcome.restored).toBe(0);
    expect(outcome.skipped).toBe(3);
    expect(outcome.problems.map((p) => p.cell)).toEqual(["I3", "I4", "I5"]);
    const ws = flagged.getWorksheet("攻坚")!;
    // The moved cells keep their flag (no other cell's style on them), the blank new row gets nothing.
    expect(ws.getCell("I4").fill).toEqual(RED_FILL);
    expect(noteText(ws.getCell("I4").note)).toContain(firstMarks[0].note);
    expect(ws.getCell("I3").fill).toBeUndefined();
    expect(ws.getCell("I3").note).toBeUndefined();

    // The next flag (a fresh scan finds the cells at their new rows) carries their originals over.
    const moved = firstMarks.map((m) => ({ ...m, cell: `I${Number(m.cell.slice(1)) + 1}`, row: m.row + 1 }));
    expect(flagWorkbook(flagged, moved)).toMatchObject({ flagged: 3, skipped: 0, problems: [] });
    expect(unflagWorkbook(flagged)).toMatchObject({ restored: 3, skipped: 0, problems: [] });
    const back = await roundTrip(flagged);
    const expected = looks(await original(), ["I3", "I4", "I5"]);
    expect(looks(back, ["I4", "I5", "I6"])).toEqual(expected);
  });

  it("a row deleted above flagged cells: they are named and left alone", async () => {
    const wb = await original();
    flagWorkbook(wb, [firstMarks[1], firstMarks[2]]);
    shiftRows(wb.getWorksheet("攻坚")!, 1, -1);
    const outcome = unflagWorkbook(wb);
    expect(outcome.skipped).toBe(2);
    expect(wb.getWorksheet("攻坚")!.getCell("I3").fill).toEqual(RED_FILL);
  });

  it("a column deleted left of the flagged cells: the cells at the old addresses are not touched", async () => {
    const wb = await original();
    flagWorkbook(wb, [firstMarks[0]]);
    const ws = wb.getWorksheet("攻坚")!;
    // Column H deleted: I3 moves to H3 (value, style, note).
    const i3 = ws.getCell("I3");
    const h3 = ws.getCell("H3");
    h3.value = i3.value;
    h3.style = structuredClone(i3.style);
    h3.note = i3.note as string;
    i3.value = null;
    i3.style = {};
    (i3 as unknown as { _comment?: unknown })._comment = undefined;
    const outcome = unflagWorkbook(wb);
    expect(outcome).toMatchObject({ restored: 0, skipped: 1 });
    expect(ws.getCell("I3").fill).toBeUndefined();
    expect(ws.getCell("H3").fill).toEqual(RED_FILL);
  });
});

describe("the backup sheet", () => {
  it("survives LibreOffice: flag, convert with soffice, unflag gives back the original", async () => {
    const expected = looks(await original());
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const dir = mkdtempSync(join(tmpdir(), "dlb-lo-"));
    try {
      const input = join(dir, "flagged.xlsx");
      writeFileSync(input, Buffer.from(await wb.xlsx.writeBuffer()));
      const out = join(dir, "out");
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", out, input], { stdio: "ignore", timeout: 120_000 });
      const converted = new ExcelJS.Workbook();
      await converted.xlsx.load(readFileSync(join(out, "flagged.xlsx")) as unknown as ArrayBuffer);
      expect(converted.getWorksheet(BACKUP_SHEET)!.state).not.toBe("visible");
      expect(unflagWorkbook(converted)).toMatchObject({ restored: 3, skipped: 0, problems: [] });
      const back = await roundTrip(converted);
      const got = looks(back);
      // LibreOffice writes font and fill in its own way; what a user sees must be the same.
      const seen = (l: ReturnType<typeof look>) => ({ value: toCellValue(l.value), fill: (l.fill as { fgColor?: { argb?: string } } | null)?.fgColor?.argb ?? null, bold: !!l.font?.bold, note: typeof l.note === "string" || l.note === null ? l.note : (l.note as { text: string }[]).map((t) => t.text).join("") });
      expect(got.map(seen)).toEqual(expected.map(seen));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("a tampered record: unflag paints nothing and says which row in Chinese; flag still works and keeps the row", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    const backup = wb.getWorksheet(BACKUP_SHEET)!;
    backup.getCell("A3").value = String(backup.getCell("A3").value).replace('"cell":"I4"', '"cell":"ZZZZ99999999"');
    backup.getCell("A4").value = String(backup.getCell("A4").value).replace(/"fill":null/, '"fill":{"x":1}');
    const before = looks(wb);
    const outcome = unflagWorkbook(wb);
    expect(outcome.restored).toBe(0);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0].message).toMatch(/标注备份已损坏：第3行（单元格地址“ZZZZ99999999”不存在）、第4行（原填充色.*格式不对）/);
    expect(outcome.problems[0].message).toContain("没有恢复任何单元格");
    expect(looks(wb)).toEqual(before);

    // Flag on the same file: I3 (record intact) is flagged again; I4 and I5 carry our flag without a
    // usable record, so they are named and left as they are.
    const again = flagWorkbook(wb, firstMarks);
    expect(again.flagged).toBe(1);
    expect(again.problems.map((p) => p.cell)).toEqual(["", "I4", "I5"]);
    expect(again.problems[0].message).toContain("第3行");
    expect(String(wb.getWorksheet(BACKUP_SHEET)!.getCell("A3").value)).toContain("ZZZZ99999999"); // kept verbatim
  });

  it("the backup sheet removed: unflag names every cell still red with our note instead of saying there are no flags; flag never stores the red as original", async () => {
    const wb = await original();
    flagWorkbook(wb, firstMarks);
    wb.removeWorksheet(wb.getWorksheet(BACKUP_SHEET)!.id);
    const outcome = unflagWorkbook(wb);
    expect(outcome.hadBackup).toBe(false);
    expect(outcome.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["攻坚!I3", "攻坚!I4", "攻坚!I5"]);
    expect(outcome.problems[0].message).toContain("标注备份中没有它的记录");
    const again = flagWorkbook(wb, firstMarks);
    expect(again.flagged).toBe(0);
    expect(again.problems).toHaveLength(3);
    expect(wb.getWorksheet(BACKUP_SHEET)).toBeUndefined(); // no record of a red "original"
  });

  it("a record longer than a cell can hold is split over cells under 32,767 characters and read back whole", async () => {
    const wb = await original();
    const long = "很长的批注。".repeat(12_000); // 72,000 characters
    wb.getWorksheet("攻坚")!.getCell("I3").note = long;
    flagWorkbook(wb, [firstMarks[0]]);
    const back = await roundTrip(wb);
    const lengths: number[] = [];
    back.getWorksheet(BACKUP_SHEET)!.eachRow((row) => row.eachCell((c) => lengths.push(String(c.value).length)));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(BACKUP_CELL_CHARS);
    expect(lengths.length).toBeGreaterThan(4);
    expect(unflagWorkbook(back)).toMatchObject({ restored: 1, problems: [] });
    expect(back.getWorksheet("攻坚")!.getCell("I3").note).toBe(long);
  });

  it("a user's own visible sheet named like the backup is never deleted, read or overwritten", async () => {
    const wb = await original();
    const own = wb.addWorksheet(BACKUP_SHEET);
    own.getCell("A1").value = "我自己的表";
    const unflag = unflagWorkbook(wb);
    expect(unflag).toMatchObject({ restored: 0, hadBackup: false, problems: [] });
    const flag = flagWorkbook(wb, firstMarks);
    expect(flag.flagged).toBe(0);
    expect(flag.problems[0].message).toContain("不是大练兵助手写的备份");
    expect(wb.getWorksheet(BACKUP_SHEET)!.getCell("A1").value).toBe("我自己的表");
    expect(wb.getWorksheet("攻坚")!.getCell("I3").fill).toEqual(GREEN);
    // It is the user's sheet: scanned like any other.
    expect(readWorkbook(wb).map((g) => g.name)).toContain(BACKUP_SHEET);
  });

  it("restores a record written by the Excel add-in from its portable fields", async () => {
    const wb = await original();
    const ws = wb.getWorksheet("攻坚")!;
    ws.getCell("I4").style = { ...ws.getCell("I4").style, fill: RED_FILL as ExcelJS.Fill, font: { color: { argb: "FF9C0006" } } };
    const ours = `${NOTE_MARKER}x`;
    ws.getCell("I4").note = `用户原注\n\n${ours}`;
    const record: FlagBackupRecord = {
      sheet: "攻坚",
      cell: "I4",
      level: "overdue",
      valuePrint: fingerprint("1.9月30日前,完成装备配备"),
      notePrint: fingerprint(ours),
      original: { fill: "#00B050", fontColor: null, note: "用户原注" },
      shell: "excel",
      exact: '{"fill":{"color":"#00B050","pattern":"Solid"},"font":{"color":"#000000"},"mode":"notes"}',
    };
    const backup = wb.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
    for (const row of encodeBackup([record])) backup.addRow(row);
    const loaded = await roundTrip(wb);
    expect(unflagWorkbook(loaded)).toMatchObject({ restored: 1, skipped: 0 });
    const i4 = loaded.getWorksheet("攻坚")!.getCell("I4");
    expect(i4.fill).toEqual(GREEN);
    expect(i4.font?.color).toBeUndefined();
    expect(i4.note).toBe("用户原注");
  });

  it("unflag of a workbook that was never flagged changes nothing", async () => {
    const wb = await original();
    expect(unflagWorkbook(wb)).toMatchObject({ restored: 0, skipped: 0, problems: [], hadBackup: false });
  });
});

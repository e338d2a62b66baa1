import ExcelJS from "exceljs";
import { applyFlags, noteText, restoreFlags } from "../../src/xlsx/flag-workbook";
import { encodeBackup } from "../../src/core/flags";
import { BACKUP_SHEET, NOTE_MARKER, type FlagMark } from "../../src/core/flags/types";

const GREEN = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } } as ExcelJS.Fill;

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

/** I3 and I4 share one green bold style (as cells read from a file do); I3 has a note; I5 is plain. */
async function original(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("攻坚");
  const shared = { fill: GREEN, font: { bold: true, name: "宋体", size: 11 } } as Partial<ExcelJS.Style>;
  ws.getCell("I3").value = "1.5月底前,出台市级标准化建设工作方案";
  ws.getCell("I3").style = shared;
  ws.getCell("I3").note = "请王科长审核";
  ws.getCell("I4").value = "1.9月30日前,完成装备配备";
  ws.getCell("I4").style = shared;
  ws.getCell("I5").value = { formula: "\"8月\"&\"30日前\"", result: "8月30日前" };
  // a note with formatted runs, as Excel writes them
  ws.getCell("I5").note = { texts: [{ text: "王江：", font: { bold: true } }, { text: "已催" }] } as unknown as ExcelJS.Comment;
  return roundTrip(wb);
}

const marks: FlagMark[] = [
  { sheet: "攻坚", cell: "I3", row: 2, col: 8, level: "overdue", note: `${NOTE_MARKER}截至2024年9月1日：\n已逾期1项` },
  { sheet: "攻坚", cell: "I5", row: 4, col: 8, level: "due-soon", note: `${NOTE_MARKER}截至2024年9月1日：\n临期1项` },
];

function snapshot(ws: ExcelJS.Worksheet, address: string) {
  const cell = ws.getCell(address);
  return { value: cell.value, fill: cell.style.fill ?? null, font: cell.style.font ?? null, note: cell.note ?? null };
}

describe("applyFlags / restoreFlags", () => {
  it("fills overdue red and due-soon amber, appends the note, and leaves other cells alone", async () => {
    const wb = await original();
    expect(applyFlags(wb, marks)).toBe(2);
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("攻坚")!;
    const i3 = ws.getCell("I3");
    expect(i3.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(i3.font.color).toEqual({ argb: "FF9C0006" });
    expect(i3.font.bold).toBe(true); // the rest of the font stays
    expect(noteText(i3.note)).toBe(`请王科长审核\n\n${marks[0].note}`);
    const i5 = ws.getCell("I5");
    expect(i5.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
    expect(i5.font.color).toEqual({ argb: "FF9C5700" });
    expect(i5.value).toEqual({ formula: "\"8月\"&\"30日前\"", result: "8月30日前" });
    expect(noteText(i5.note)).toBe(`王江：已催\n\n${marks[1].note}`);
    // I4 shared I3's style object: it must still be green, without a note
    expect(ws.getCell("I4").fill).toEqual(GREEN);
    expect(ws.getCell("I4").note).toBeUndefined();
    expect(back.getWorksheet(BACKUP_SHEET)!.state).toBe("veryHidden");
  });

  it("restores fills, fonts and notes exactly and removes the backup sheet", async () => {
    const before = await original();
    const ws0 = before.getWorksheet("攻坚")!;
    const expected = ["I3", "I4", "I5"].map((a) => snapshot(ws0, a));
    const wb = await original();
    applyFlags(wb, marks);
    const flagged = await roundTrip(wb);
    expect(restoreFlags(flagged)).toBe(2);
    const restored = await roundTrip(flagged);
    const ws = restored.getWorksheet("攻坚")!;
    expect(["I3", "I4", "I5"].map((a) => snapshot(ws, a))).toEqual(expected);
    expect(restored.getWorksheet(BACKUP_SHEET)).toBeUndefined();
  });

  it("flagging twice keeps one note of ours and the true original in the backup", async () => {
    const wb = await original();
    applyFlags(wb, marks);
    const once = await roundTrip(wb);
    const second: FlagMark[] = [{ ...marks[0], level: "due-soon", note: `${NOTE_MARKER}截至2024年9月2日：\n临期1项` }];
    applyFlags(once, second);
    const twice = await roundTrip(once);
    const ws = twice.getWorksheet("攻坚")!;
    expect(noteText(ws.getCell("I3").note)).toBe(`请王科长审核\n\n${second[0].note}`);
    expect(ws.getCell("I3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
    // I5 is no longer marked: back to no fill and its own formatted note
    expect(ws.getCell("I5").fill).toBeUndefined();
    expect(noteText(ws.getCell("I5").note)).toBe("王江：已催");
    expect((ws.getCell("I5").note as unknown as { texts: unknown[] }).texts).toHaveLength(2);
    restoreFlags(twice);
    const restored = await roundTrip(twice);
    const r = restored.getWorksheet("攻坚")!;
    expect(r.getCell("I3").fill).toEqual(GREEN);
    expect(r.getCell("I3").note).toBe("请王科长审核");
    expect(r.getCell("I3").font.color).toBeUndefined();
  });

  it("restores a record written by the Excel add-in from its portable fields", async () => {
    const wb = await original();
    const ws = wb.getWorksheet("攻坚")!;
    ws.getCell("I4").style = { ...ws.getCell("I4").style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } };
    ws.getCell("I4").note = `用户原注\n\n${NOTE_MARKER}x`;
    const backup = wb.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
    for (const row of encodeBackup([{ sheet: "攻坚", cell: "I4", fillColor: "#00B050", fontColor: null, note: "用户原注", shell: "excel" }])) {
      backup.addRow(row as ExcelJS.CellValue[]);
    }
    const loaded = await roundTrip(wb);
    expect(restoreFlags(loaded)).toBe(1);
    const i4 = loaded.getWorksheet("攻坚")!.getCell("I4");
    expect(i4.fill).toEqual(GREEN);
    expect(i4.font?.color).toBeUndefined();
    expect(i4.note).toBe("用户原注");
  });

  it("restoring a workbook that was never flagged changes nothing", async () => {
    const wb = await original();
    expect(restoreFlags(wb)).toBe(0);
  });
});

/**
 * The .xlsx WorkbookAdapter (issue 11 §2): the page's scan, flag, unflag and 标记完成 over an
 * in-memory ExcelJS workbook, checked against what `dalianbing` writes for the same file.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { NOTE_MARKER } from "../../src/core/flags/types";
import { createXlsxAdapter, openXlsxBytes } from "../../src/xlsx/adapter";
import { noteText } from "../../src/xlsx/flag-workbook";
import { buildMessyWorkbook, MESSY_SHEET } from "../web/messy-workbook";
import { cells, cli, everything, tempDir, valueOf } from "../robustness/support";

jest.setTimeout(60_000);

const SAMPLE = path.resolve(__dirname, "../../samples/盘锦市2024年大练兵责任分解表.xlsx");
const dir = tempDir("xlsx-adapter");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function open(bytes: Uint8Array) {
  const { wb, lostOnSave } = await openXlsxBytes(bytes, "表.xlsx");
  return { wb, lostOnSave, adapter: createXlsxAdapter(wb) };
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const statusOf = (scan: { milestones: { serial: string; label: string; status: string }[] }) =>
  Object.fromEntries(scan.milestones.map((m) => [`${m.serial}#${m.label}`, m.status]));

describe("scan", () => {
  it("reads the messy table as a person would: merged cells, repeated header, two dates", async () => {
    const { adapter } = await open(await buildMessyWorkbook());
    const late = await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 });
    expect(late.tables.map((t) => [t.sheet, t.kind, t.rows])).toEqual([[MESSY_SHEET, "攻坚", 5]]);
    expect(late.counts).toMatchObject({ overdue: 3, "due-soon": 1, pending: 1, "open-ended": 1 });
    expect(statusOf(late)).toMatchObject({ "1#1": "overdue", "1#2": "due-soon", "2#1": "pending", "5#1a": "overdue", "5#1b": "overdue" });
    // The #N/A in 责任人 is said, with its cell.
    expect(late.problems.some((p) => p.sheet === MESSY_SHEET && p.cell === "H5")).toBe(true);
    const early = await adapter.scan({ asOf: "2024-09-01", dueSoonDays: 7 });
    expect(early.counts).toMatchObject({ overdue: 2, "due-soon": 0 });
  });

  it("gives the CLI's --json scan of the same file", async () => {
    const file = path.join(dir, "sample.json.xlsx");
    fs.copyFileSync(SAMPLE, file);
    const json = JSON.parse((await cli(["scan", file, "--as-of", "2024-09-25", "--json"])).stdout);
    const { adapter } = await open(new Uint8Array(fs.readFileSync(SAMPLE)));
    const scan = await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 });
    expect(scan.counts).toEqual(json.counts);
    expect(scan.milestones.length).toBe(json.milestones.length);
  });
});

describe("flag and unflag", () => {
  it("writes the copy `dalianbing flag` writes, cell for cell", async () => {
    const input = path.join(dir, "messy.xlsx");
    const output = path.join(dir, "messy.flagged.xlsx");
    const bytes = await buildMessyWorkbook();
    fs.writeFileSync(input, bytes);
    expect((await cli(["flag", input, "-o", output, "--as-of", "2024-09-25"])).code).toBe(0);
    const byCli = new ExcelJS.Workbook();
    await byCli.xlsx.readFile(output);

    const { adapter } = await open(bytes);
    const scan = await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 });
    const r = await adapter.flag(scan);
    expect(r).toEqual({ flagged: 2, noteSupport: "notes", skipped: 0, problems: [] });
    const byPage = await reload(await adapter.toBytes());
    expect(cells(byPage, everything)).toEqual(cells(byCli, everything));
    const f10 = byPage.getWorksheet(MESSY_SHEET)!.getCell("F10");
    expect(f10.fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(noteText(f10.note)).toMatch(new RegExp(`^孙八已电话确认\\n\\n${NOTE_MARKER}`));
  });

  it("清除标注 restores fills, fonts and notes; values never change", async () => {
    const bytes = await buildMessyWorkbook();
    const before = await reload(bytes);
    const { adapter } = await open(bytes);
    await adapter.flag(await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 }));
    const flagged = await reload(await adapter.toBytes());
    expect(cells(flagged, valueOf)).toEqual(cells(before, valueOf));
    expect(await adapter.unflag()).toEqual({ restored: 2, skipped: 0, problems: [] });
    const restored = await reload(await adapter.toBytes());
    expect(cells(restored, everything)).toEqual(cells(before, everything));
    expect(restored.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
  });

  it("keeps a note the user wrote over the assistant's after flagging, and still restores the cell's look", async () => {
    const { adapter, wb } = await open(await buildMessyWorkbook());
    const before = structuredClone(wb.getWorksheet(MESSY_SHEET)!.getCell("F4").fill ?? null);
    await adapter.flag(await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 }));
    wb.getWorksheet(MESSY_SHEET)!.getCell("F4").note = "改过了";
    const r = await adapter.unflag();
    expect(r.restored).toBe(2);
    const f4 = wb.getWorksheet(MESSY_SHEET)!.getCell("F4");
    expect(noteText(f4.note)).toBe("改过了");
    expect(f4.fill ?? null).toEqual(before);
  });
});

describe("标记完成", () => {
  it("adds 已完成节点 in the first free column (not over staff's notes), in both header rows, as text", async () => {
    const bytes = await buildMessyWorkbook();
    const before = await reload(bytes);
    const { adapter } = await open(bytes);
    await adapter.markDone(MESSY_SHEET, "F4", "2");
    await adapter.markDone(MESSY_SHEET, "F4", "1");
    const after = await reload(await adapter.toBytes());
    const ws = after.getWorksheet(MESSY_SHEET)!;
    // K4 holds "8月已催": the column goes to L.
    expect(ws.getCell("K4").value).toBe("8月已催");
    expect(ws.getCell("L3").value).toBe("已完成节点");
    expect(ws.getCell("L8").value).toBe("已完成节点");
    expect(ws.getCell("L3").font).toMatchObject({ bold: true });
    expect(ws.getCell("L4").value).toBe("2,1");
    expect(ws.getCell("L4").numFmt).toBe("@");
    const old = cells(before, valueOf);
    const changed = [...cells(after, valueOf)].filter(([k, v]) => (old.get(k) ?? "null") !== v && !/!L\d+$/.test(k));
    expect(changed).toEqual([]);
    const scan = await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 });
    expect(statusOf(scan)).toMatchObject({ "1#1": "done", "1#2": "done" });
    expect(scan.milestones.find((m) => m.serial === "1")?.doneCell).toBe("L4");
  });

  it("writes the row owning a merged 市级辅助成果 cell, and keeps what is in the column", async () => {
    const { adapter, wb } = await open(await buildMessyWorkbook());
    await adapter.markDone(MESSY_SHEET, "F5", "1");
    const ws = wb.getWorksheet(MESSY_SHEET)!;
    expect(ws.getCell("L5").value).toBe("1");
    expect(ws.getCell("L6").value).toBeNull();
    ws.getCell("L10").value = "=1a";
    await adapter.markDone(MESSY_SHEET, "F10", "1b");
    expect(ws.getCell("L10").value).toBe("=1a,1b");
  });

  it("撤销 puts the copy back exactly, the added column too; refuses when the cell was edited since", async () => {
    const bytes = await buildMessyWorkbook();
    const before = await reload(bytes);
    const { adapter, wb } = await open(bytes);
    const first = await adapter.markDone(MESSY_SHEET, "F4", "1");
    expect(first).toMatchObject({ sheet: MESSY_SHEET, cell: "L4", label: "1", written: "1" });
    await adapter.undoMarkDone(first);
    const after = await reload(await adapter.toBytes());
    const filled = (wb2: ExcelJS.Workbook) => new Map([...cells(wb2, valueOf)].filter(([, v]) => v !== "null"));
    expect(filled(after)).toEqual(filled(before));
    expect(after.getWorksheet(MESSY_SHEET)!.getCell("L3").value).toBeNull();
    const scan = await adapter.scan({ asOf: "2024-09-25", dueSoonDays: 7 });
    expect(statusOf(scan)["1#1"]).not.toBe("done");

    const again = await adapter.markDone(MESSY_SHEET, "F4", "1");
    wb.getWorksheet(MESSY_SHEET)!.getCell(again.cell).value = "1,2";
    await expect(adapter.undoMarkDone(again)).rejects.toThrow("未撤销");
    expect(wb.getWorksheet(MESSY_SHEET)!.getCell(again.cell).value).toBe("1,2");
  });

  it("says in Chinese when the sheet or the row is not there", async () => {
    const { adapter } = await open(await buildMessyWorkbook());
    await expect(adapter.markDone("不存在", "F4", "1")).rejects.toThrow("找不到工作表“不存在”");
    await expect(adapter.markDone(MESSY_SHEET, "F30", "1")).rejects.toThrow(`在工作表“${MESSY_SHEET}”的 F30 找不到对应的责任分解表行`);
  });
});

describe("what only the add-in can do, and bad files", () => {
  it("公式列 and 评分表 公式 are refused with a reason", async () => {
    const { adapter } = await open(await buildMessyWorkbook());
    await expect(adapter.insertFormulaColumns()).rejects.toThrow("需要在 Excel 中使用大练兵助手加载项");
    await expect(adapter.insertScorecard("攻坚")).rejects.toThrow("需要在 Excel 中使用大练兵助手加载项");
  });

  it("an .xls, a Word file and a broken zip are named, not opened", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(openXlsxBytes(xls, "旧表.xls")).rejects.toThrow("这是旧版 Excel 97-2003 文件（.xls）：旧表.xls");
    const JSZip = (await import("jszip")).default;
    const doc = new JSZip();
    doc.file("word/document.xml", "<w:document/>");
    const docx = await doc.generateAsync({ type: "uint8array" });
    await expect(openXlsxBytes(docx, "通知.xlsx")).rejects.toThrow("不是 Excel 工作簿（.xlsx），而是Word 文档：通知.xlsx");
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(openXlsxBytes(broken, "坏.xlsx")).rejects.toThrow("无法读取工作簿：坏.xlsx");
  });

  it("says which parts a copy would lose", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await buildMessyWorkbook());
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    const { lostOnSave } = await open(await zip.generateAsync({ type: "uint8array" }));
    expect(lostOnSave).toEqual(["图表（1个）", "数据透视表（1个）"]);
  });
});

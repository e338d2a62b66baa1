/**
 * File-level trouble: protected and very hidden sheets, flagging twice, files that are not what their
 * name says, read-only inputs, bad output paths, a 20,000-row table, a chart sheet, and rows inserted
 * between flag and unflag. What a user sees: exit codes, Chinese messages, no stack trace, and a copy
 * whose cells are the input's.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { systemReason } from "../../src/cli/workbook-file";
import { noteText } from "../../src/xlsx/flag-workbook";
import { BACKUP_SHEET, NOTE_MARKER } from "../../src/core/flags/types";
import { cells, cli, command, everything, load, save, scanJson, sheetStates, tempDir, valueOf } from "./support";

jest.setTimeout(120_000);

const HEADER = ["序号", "评审项目", "攻坚任务", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导"];

/** Sheet 攻坚: E3 overdue as of 2024-09-01 (31 May), E4 due-soon (5 Sep), E5 pending (31 Dec). */
function gongjianSheet(wb: ExcelJS.Workbook, name = "攻坚"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"]);
  ws.addRow(HEADER);
  ws.addRow([1, "机构规范化建设", "任务", "综合办公室", "1.5月底前,出台方案", "张三", "李四", "王五"]);
  ws.addRow([2, "", "任务", "法规科", "9月5日前上报", "赵六", "李四", "王五"]);
  ws.addRow([3, "", "任务", "法规科", "12月底前总结", "赵六", "李四", "王五"]);
  ws.getCell("E3").note = "原批注";
  ws.getCell("E3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  return ws;
}

function sha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

const dir = tempDir("files");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

describe("protected sheet and a very hidden sheet already in the workbook", () => {
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await gongjianSheet(wb).protect("", {});
    wb.addWorksheet("内部数据", { state: "veryHidden" }).getCell("A1").value = "别的插件的数据";
    input = await save(wb, file("protected.xlsx"));
  });

  it("flags the copy, says the sheet is protected, keeps every value and the other sheet very hidden", async () => {
    const r = await cli(["flag", input, "-o", file("protected-f.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已标注 2 个单元格（红色·有逾期节点 1 个，黄色·有临期节点 1 个）");
    expect(r.stdout).toContain("工作表“攻坚”设有保护");
    const flagged = await load(file("protected-f.xlsx"));
    expect(cells(flagged, valueOf)).toEqual(cells(await load(input), valueOf));
    expect(sheetStates(flagged)).toEqual(["攻坚:visible", "内部数据:veryHidden", `${BACKUP_SHEET}:veryHidden`]);
  });

  it("unflag gives back the input's cells and sheets", async () => {
    const r = await cli(["unflag", file("protected-f.xlsx"), "-o", file("protected-u.xlsx")]);
    expect(r.stdout).toContain("已撤销 2 个单元格的标注");
    const restored = await load(file("protected-u.xlsx"));
    const original = await load(input);
    expect(cells(restored, everything)).toEqual(cells(original, everything));
    expect(sheetStates(restored)).toEqual(sheetStates(original));
  });
});

describe("a workbook flagged twice", () => {
  it("the second flag replaces the first (no doubled notes); unflag restores the original exactly", async () => {
    const wb = new ExcelJS.Workbook();
    gongjianSheet(wb);
    const input = await save(wb, file("twice.xlsx"));
    await cli(["flag", input, "-o", file("twice-1.xlsx"), "--as-of", "2024-09-01"]);
    const again = await cli(["flag", file("twice-1.xlsx"), "-o", file("twice-2.xlsx"), "--as-of", "2024-09-10"]);
    // Both cells are still flagged: they keep their first original, nothing is "restored" in between.
    expect(again.stdout).not.toContain("恢复原样");
    // As of 10 Sep both E3 (31 May) and E4 (5 Sep) are overdue.
    expect(again.stdout).toContain("已标注 2 个单元格（红色·有逾期节点 2 个，黄色·有临期节点 0 个）");
    const e3 = noteText((await load(file("twice-2.xlsx"))).getWorksheet("攻坚")!.getCell("E3").note) ?? "";
    expect(e3.split(NOTE_MARKER)).toHaveLength(2);
    expect(e3.startsWith("原批注\n\n")).toBe(true);
    await cli(["unflag", file("twice-2.xlsx"), "-o", file("twice-u.xlsx")]);
    expect(cells(await load(file("twice-u.xlsx")), everything)).toEqual(cells(await load(input), everything));
    expect(sheetStates(await load(file("twice-u.xlsx")))).toEqual(["攻坚:visible"]);
  });
});

describe("rows inserted between flag and unflag", () => {
  it("unflag does not restore onto the cells that moved into the recorded places, and names them", async () => {
    const wb = new ExcelJS.Workbook();
    gongjianSheet(wb);
    const input = await save(wb, file("insert.xlsx"));
    await cli(["flag", input, "-o", file("insert-f.xlsx"), "--as-of", "2024-09-01"]);
    // A colleague inserts a row above row 3 in Excel: rows 3–5 move down, with their notes.
    const edited = await load(file("insert-f.xlsx"));
    const ws = edited.getWorksheet("攻坚")!;
    const notes = ["E3", "E4", "E5"].map((a) => ws.getCell(a).note);
    ws.spliceRows(3, 0, [null, "新增说明行"]);
    ["E4", "E5", "E6"].forEach((a, i) => {
      if (notes[i] !== undefined) ws.getCell(a).note = notes[i]!;
      else delete (ws.getCell(a) as unknown as { _comment?: unknown })._comment;
    });
    delete (ws.getCell("E3") as unknown as { _comment?: unknown })._comment;
    await save(edited, file("insert-edited.xlsx"));

    const r = await cli(["unflag", file("insert-edited.xlsx"), "-o", file("insert-u.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已撤销 0 个单元格的标注；另有 2 个单元格未能撤销");
    expect(r.stdout).toContain("“攻坚”!E3已不是当初标注的那个单元格");
    expect(r.stdout).toContain("“攻坚”!E4已不是当初标注的那个单元格");
    const out = (await load(file("insert-u.xlsx"))).getWorksheet("攻坚")!;
    // The user's note stays on its cell (now E4) and is not copied onto the inserted row's E3.
    expect(out.getCell("E3").note).toBeUndefined();
    expect(noteText(out.getCell("E4").note)?.startsWith("原批注")).toBe(true);
    expect(out.getCell("E4").value).toBe("1.5月底前,出台方案");
  });
});

describe("files that are not what they seem", () => {
  it("a CSV file named .xlsx: Chinese message, exit 1, no stack trace", () => {
    fs.writeFileSync(file("table.xlsx"), "序号,牵头部门,盯办人\n1,综合办公室,张三\n");
    const r = command(["scan", file("table.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("不是 Excel 工作簿（.xlsx）");
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
    expect(r.stdout).toBe("");
  });

  it("a Word document named .xlsx: Chinese message saying what it is, exit 1 (was: an empty report, exit 0)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("word/document.xml", "<w:document/>");
    fs.writeFileSync(file("通知.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    const r = await cli(["scan", file("通知.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`不是 Excel 工作簿（.xlsx），而是Word 文档：${file("通知.xlsx")}`);
    expect(r.stdout).toBe("");
  });

  it("a workbook without any sheet says so", async () => {
    const input = await save(new ExcelJS.Workbook(), file("nosheets.xlsx"));
    const r = await cli(["scan", input, "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("识别到 0 张责任分解表\n工作簿中没有任何工作表。");
  });

  it("a workbook with only an empty sheet names the sheet; flag writes an unmarked copy", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const input = await save(wb, file("empty.xlsx"));
    const report = await scanJson(input);
    expect(report.tables).toEqual([]);
    expect(report.unrecognised).toEqual([{ sheet: "Sheet1", reason: "工作表为空" }]);
    const r = await cli(["flag", input, "-o", file("empty-f.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("未识别到责任分解表，副本中没有标注。");
    expect(sheetStates(await load(file("empty-f.xlsx")))).toEqual(["Sheet1:visible"]);
  });
});

describe("paths", () => {
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    gongjianSheet(wb);
    input = await save(wb, file("paths.xlsx"));
  });

  it("a read-only input is read, left unchanged, and the copy is written", () => {
    const readOnly = file("只读.xlsx");
    fs.copyFileSync(input, readOnly);
    fs.chmodSync(readOnly, 0o444);
    const before = sha(readOnly);
    const r = command(["flag", readOnly, "-o", file("只读-标注.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.existsSync(file("只读-标注.xlsx"))).toBe(true);
    expect(sha(readOnly)).toBe(before);
    expect(fs.statSync(readOnly).mode & 0o777).toBe(0o444);
  });

  it("an output folder that does not exist: Chinese message naming it, exit 1, nothing written", () => {
    const missing = path.join(dir, "没有这个文件夹");
    const r = command(["flag", input, "-o", path.join(missing, "out.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`错误：输出文件夹不存在：${missing}\n`);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it("an output path that is a folder: says so in words, exit 1", async () => {
    fs.mkdirSync(file("文件夹.xlsx"));
    const r = await cli(["flag", input, "-o", file("文件夹.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`错误：无法写入文件：${file("文件夹.xlsx")}（这是一个文件夹，请写上文件名）\n`);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("output = input is refused, also spelt another way or through a hard link", async () => {
    const before = sha(input);
    const link = file("paths-link.xlsx");
    fs.linkSync(input, link);
    for (const output of [input, `${dir}/./../${path.basename(dir)}/paths.xlsx`, link]) {
      for (const cmd of ["flag", "unflag"]) {
        const r = await cli([cmd, input, "-o", output]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("输出文件不能与输入文件相同");
      }
    }
    expect(sha(input)).toBe(before);
  });
});

describe("a 20,000-row 攻坚 table", () => {
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("攻坚");
    ws.addRow(["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"]);
    ws.addRow(HEADER);
    // 盯办人 is a lookup that failed on every row (#N/A); months cycle 1–12.
    for (let i = 1; i <= 20_000; i++) {
      ws.addRow([i, "项目", "任务", "综合办公室", `1.${((i - 1) % 12) + 1}月底前,出台;2.十月十五日前完成`, { error: "#N/A" }, "李四", "王五"]);
    }
    input = await save(wb, file("big.xlsx"));
  });

  it("scans every row; months 1–8 overdue as of 1 Sep (8 of every 12 rows), all 20,000 item 2 pending", async () => {
    const report = await scanJson(input);
    expect(report.tables).toEqual([{ sheet: "攻坚", kind: "攻坚", headerRow: 2, rows: 20_000 }]);
    // 20,000 = 1,666 full cycles of 12 + 8 rows (months 1–8): 1,666 × 8 + 8 overdue.
    expect(report.counts.overdue).toBe(1_666 * 8 + 8);
    expect(report.counts.pending).toBe(20_000 + 1_666 * 4);
    expect(report.problems).toHaveLength(20_000);
  });

  it("the text report names the column of #N/A once, not in 20,000 lines", async () => {
    const r = await cli(["scan", input, "--as-of", "2024-09-01"]);
    expect(r.stdout).toContain("【问题】20000条\n  · 攻坚!F3:F20002（共20000个单元格）：单元格为错误值 #N/A，已按空白处理\n");
  });

  it("flags the copy", async () => {
    const r = await cli(["flag", input, "-o", file("big-f.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已标注 ${1_666 * 8 + 8} 个单元格`);
  });
});

describe("a chart sheet (which the copy cannot keep)", () => {
  it("flag and unflag say that the copy lacks it", async () => {
    const wb = new ExcelJS.Workbook();
    gongjianSheet(wb);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const edit = async (name: string, change: (xml: string) => string) => zip.file(name, change(await zip.file(name)!.async("string")));
    await edit("xl/workbook.xml", (x) => x.replace("</sheets>", '<sheet name="进度图" sheetId="9" r:id="rIdChart1"/></sheets>'));
    await edit("xl/_rels/workbook.xml.rels", (x) =>
      x.replace("</Relationships>", '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'),
    );
    await edit("[Content_Types].xml", (x) =>
      x.replace("</Types>", '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>'),
    );
    zip.file(
      "xl/chartsheets/sheet1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const input = file("chart.xlsx");
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));

    const f = await cli(["flag", input, "-o", file("chart-f.xlsx"), "--as-of", "2024-09-01"]);
    expect(f.code).toBe(0);
    expect(f.stdout).toContain("注意：原文件中的图表工作表（1个）无法由命令行工具保留，副本中没有这些内容");
    const u = await cli(["unflag", input, "-o", file("chart-u.xlsx")]);
    expect(u.stdout).toContain("图表工作表（1个）无法由命令行工具保留");
    // A workbook without such parts gets no such warning.
    const plainBook = new ExcelJS.Workbook();
    gongjianSheet(plainBook);
    const plain = await cli(["flag", await save(plainBook, file("plain.xlsx")), "-o", file("plain-f.xlsx"), "--as-of", "2024-09-01"]);
    expect(plain.stdout).not.toContain("无法由命令行工具保留");
  });
});

describe("the temporary file and system errors", () => {
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    gongjianSheet(wb);
    input = await save(wb, file("tmp-in.xlsx"));
  });

  it("a symbolic link planted at the temporary name is never written through: the input stays, the copy is written", async () => {
    const before = sha(input);
    const out = file("tmp-out.xlsx");
    // The name the old code used, and the one the next random draw gives (the draw is pinned once).
    fs.symlinkSync(input, path.join(dir, `.tmp-out.xlsx.${process.pid}.tmp`));
    const pinned = Buffer.from("0011223344556677", "hex");
    fs.symlinkSync(input, path.join(dir, `.tmp-out.xlsx.${pinned.toString("hex")}.tmp`));
    const spy = jest.spyOn(require("crypto") as typeof import("crypto"), "randomBytes").mockImplementationOnce(() => pinned);
    try {
      const r = await cli(["flag", input, "-o", out, "--as-of", "2024-09-01"]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("原文件未改动");
    } finally {
      spy.mockRestore();
    }
    expect(sha(input)).toBe(before);
    expect(fs.lstatSync(out).isSymbolicLink()).toBe(false);
    expect(cells(await load(out), valueOf)).toEqual(cells(await load(input), valueOf));
    // Both planted links still point at the input, and no temporary file of this run is left.
    const temps = fs.readdirSync(dir).filter((n) => n.startsWith(".tmp-out.xlsx."));
    expect(temps.sort()).toEqual([`.tmp-out.xlsx.${pinned.toString("hex")}.tmp`, `.tmp-out.xlsx.${process.pid}.tmp`].sort());
    for (const t of temps) expect(fs.readlinkSync(path.join(dir, t))).toBe(input);
  });

  it("an input path through a file, and an output folder that is a file: words, no ENOTDIR", async () => {
    const r1 = await cli(["scan", path.join(input, "表.xlsx")]);
    expect(r1.stderr).toBe(`错误：找不到文件：${path.join(input, "表.xlsx")}\n`);
    const r2 = await cli(["flag", input, "-o", path.join(input, "out.xlsx"), "--as-of", "2024-09-01"]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toBe(`错误：输出位置不是文件夹：${input}\n`);
  });

  it("every system reason is in words", () => {
    for (const code of ["ENOENT", "ENOTDIR", "EACCES", "EPERM", "EBUSY", "EISDIR", "ENOSPC", "EROFS", "EMFILE", "ENAMETOOLONG", "ELOOP", "EIO", "EINVAL", "EXDEV"]) {
      expect(systemReason(Object.assign(new Error("x"), { code }))).not.toMatch(/E[A-Z]{2,}|undefined/);
    }
    expect(systemReason(Object.assign(new Error("x"), { code: "EWHATEVER" }))).toBe("操作系统报告了错误，代码 EWHATEVER");
  });
});

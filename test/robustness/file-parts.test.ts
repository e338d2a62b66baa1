/**
 * Files other programs wrote, through flag and unflag: what ExcelJS alone reads wrongly or drops
 * (absolute part paths, spelled-out booleans, old-style passwords, print titles without `$`, multi-range
 * validations, bare-text notes, workbook protection, constant names) must come out as they went in.
 * The copies are compared with an independent reader, openpyxl (/usr/bin/python3), property by property.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { addContentType, gongjianBook, partNames, writeEdited } from "./xlsx-fixtures";
import { BACKUP_SHEET } from "../../src/core/flags/types";
import { cli, tempDir } from "./support";

jest.setTimeout(120_000);

const dir = tempDir("parts");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

const SHEET = "xl/worksheets/sheet1.xml";
const WORKBOOK = "xl/workbook.xml";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";

type Props = { sheets: Record<string, Record<string, unknown>>; [k: string]: unknown };
function openpyxl(f: string): Props {
  const script = path.join(__dirname, "xlsx_props.py");
  return JSON.parse(execFileSync("/usr/bin/python3", [script, f], { encoding: "utf8" }))[f] as Props;
}

/** Everything openpyxl sees but the notes and the backup sheet, which flag adds on purpose. */
function withoutNotes(p: Props): Props {
  const sheets = Object.fromEntries(Object.entries(p.sheets).filter(([n]) => n !== BACKUP_SHEET).map(([n, s]) => [n, { ...s, notes: undefined }]));
  return { ...p, sheets };
}

/** Flags and unflags `input`; the flagged copy equals the input but for the notes, the unflagged one fully. */
async function roundTrip(input: string): Promise<{ flagged: Props; unflagged: Props; original: Props; flagOut: string }> {
  const base = input.replace(/\.xlsx$/, "");
  const f = await cli(["flag", input, "-o", `${base}-f.xlsx`, "--as-of", "2024-09-01"]);
  expect(f.stderr).toBe("");
  expect(f.stdout).toContain("已标注 2 个单元格");
  const u = await cli(["unflag", `${base}-f.xlsx`, "-o", `${base}-u.xlsx`]);
  expect(u.stdout).toContain("已撤销 2 个单元格的标注");
  return { original: openpyxl(input), flagged: openpyxl(`${base}-f.xlsx`), unflagged: openpyxl(`${base}-u.xlsx`), flagOut: f.stdout };
}

describe("files other programs saved", () => {
  it("notes stored under absolute part paths (Target=\"/xl/comments1.xml\") are read, not refused as 损坏", async () => {
    const input = await writeEdited(gongjianBook(), file("absolute.xlsx"), {
      [SHEET_RELS]: (x) => x.replace('Target="../comments1.xml"', 'Target="/xl/comments1.xml"').replace('Target="../drawings/vmlDrawing1.vml"', 'Target="/xl/drawings/vmlDrawing1.vml"'),
      "xl/_rels/workbook.xml.rels": (x) => x.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"'),
    });
    const { original, flagged, unflagged } = await roundTrip(input);
    expect((flagged.sheets["攻坚"].notes as Record<string, string>).E3.startsWith("原批注\n\n【大练兵助手】")).toBe(true);
    expect(withoutNotes(flagged)).toEqual(withoutNotes(original));
    expect(unflagged).toEqual(original);
  });

  it("an old-style sheet password (password=\"CC1A\") stays on the sheet", async () => {
    const wb = gongjianBook();
    await wb.getWorksheet("攻坚")!.protect("x", {});
    const input = await writeEdited(wb, file("oldpw.xlsx"), {
      [SHEET]: (x) => x.replace(/<sheetProtection [^>]*\/>/, '<sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1"/>'),
    });
    const { original, flagged, unflagged } = await roundTrip(input);
    expect(original.sheets["攻坚"].protection).toMatchObject({ sheet: true, password: "CC1A" });
    expect(withoutNotes(flagged)).toEqual(withoutNotes(original));
    expect(unflagged).toEqual(original);
  });

  it("print titles written without $ (攻坚!1:2) stay", async () => {
    const wb = gongjianBook();
    wb.getWorksheet("攻坚")!.pageSetup.printTitlesRow = "1:2";
    const input = await writeEdited(wb, file("titles.xlsx"), {
      [WORKBOOK]: (x) => x.replace(/(<definedName name="_xlnm.Print_Titles" localSheetId="0">)[^<]*</, "$1攻坚!1:2<"),
    });
    const { original, flagged, unflagged } = await roundTrip(input);
    expect(original.sheets["攻坚"].printTitleRows).toBe("1:2");
    expect(flagged.sheets["攻坚"].printTitleRows).toBe("1:2");
    expect(unflagged).toEqual(original);
  });

  it("a validation over two ranges stays one rule (was: split into two)", async () => {
    const wb = gongjianBook();
    // ExcelJS's typings lack the worksheet's dataValidations collection.
    (wb.getWorksheet("攻坚") as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add("F3:F5", { type: "list", allowBlank: true, formulae: ['"张三,赵六"'] });
    const input = await writeEdited(wb, file("dv.xlsx"), { [SHEET]: (x) => x.replace('sqref="F3:F5"', 'sqref="F3:F5 H3:H5"') });
    const { original, flagged, unflagged } = await roundTrip(input);
    expect(flagged.sheets["攻坚"].dataValidations).toEqual([{ type: "list", sqref: "F3:F5 H3:H5", formula1: '"张三,赵六"', allowBlank: true }]);
    expect(unflagged).toEqual(original);
  });

  it("a sheet LibreOffice protected (sheet=\"true\", locked=\"false\", fitToPage=\"true\") keeps protection, cell locks and print settings", async () => {
    const wb = gongjianBook();
    const ws = wb.getWorksheet("攻坚")!;
    ws.getCell("G3").protection = { locked: false };
    ws.pageSetup.orientation = "landscape";
    ws.pageSetup.fitToPage = true;
    await ws.protect("", {});
    const input = await writeEdited(wb, file("libreoffice.xlsx"), {
      [SHEET]: (x) =>
        x.replace(/<sheetProtection [^>]*\/>/, '<sheetProtection sheet="true" password="CC1A" objects="true" scenarios="true" formatCells="false"/>').replace('fitToPage="1"', 'fitToPage="true"'),
      "xl/styles.xml": (x) => x.replace(/locked="0"/g, 'locked="false"').replace(/applyProtection="1"/g, 'applyProtection="true"'),
    });
    const { original, flagged, unflagged, flagOut } = await roundTrip(input);
    expect(original.sheets["攻坚"]).toMatchObject({ protection: { sheet: true, password: "CC1A", formatCells: false }, fitToPage: true, orientation: "landscape" });
    expect((original.sheets["攻坚"].locks as Record<string, boolean>).G3).toBe(false);
    expect(flagOut).toContain("工作表“攻坚”设有保护");
    expect(withoutNotes(flagged)).toEqual(withoutNotes(original));
    expect(unflagged).toEqual(original);
  });

  it("a note saved as bare text (<text><t>…</t></text>, as openpyxl writes) keeps its text", async () => {
    const input = await writeEdited(gongjianBook(), file("plain-note.xlsx"), {
      "xl/comments1.xml": (x) => x.replace(/<text>.*?<\/text>/, "<text><t>原批注</t></text>"),
    });
    const { original, flagged, unflagged } = await roundTrip(input);
    expect((original.sheets["攻坚"].notes as Record<string, string>).E3).toBe("原批注");
    expect((flagged.sheets["攻坚"].notes as Record<string, string>).E3.startsWith("原批注\n\n【大练兵助手】")).toBe(true);
    expect(unflagged).toEqual(original);
  });

  it("workbook structure protection and constant names (满分=100) stay", async () => {
    const input = await writeEdited(gongjianBook(), file("book-protected.xlsx"), {
      [WORKBOOK]: (x) =>
        x
          .replace("<sheets>", '<workbookProtection workbookPassword="CC1A" lockStructure="1"/><sheets>')
          .replace("<calcPr", '<definedNames><definedName name="满分">100</definedName><definedName name="口径">"按季度"</definedName></definedNames><calcPr'),
    });
    const { original, flagged, unflagged } = await roundTrip(input);
    expect(original).toMatchObject({ lockStructure: true, workbookPassword: "CC1A", definedNames: { 满分: "100", 口径: '"按季度"' } });
    expect(withoutNotes(flagged)).toEqual(withoutNotes(original));
    expect(unflagged).toEqual(original);
  });
});

describe("what the copy cannot hold is named", () => {
  it("a VBA project and threaded comments: flag says the copy lacks them", async () => {
    const input = await writeEdited(
      gongjianBook(),
      file("macro.xlsx"),
      {
        "[Content_Types].xml": (x) =>
          addContentType("/xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml")(
            addContentType("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject")(x),
          ),
      },
      {
        "xl/vbaProject.bin": Buffer.from("VBA project stand-in"),
        "xl/threadedComments/threadedComment1.xml":
          '<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="E3" dT="2024-09-01T10:00:00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>请尽快上报</text></threadedComment></ThreadedComments>',
      },
    );
    const r = await cli(["flag", input, "-o", file("macro-f.xlsx"), "--as-of", "2024-09-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("注意：原文件中的宏（VBA 代码）（1个）、可回复的新式批注（副本中只剩批注文字）所在的工作表（1个）无法由命令行工具保留");
    expect((await partNames(file("macro-f.xlsx"))).filter((n) => /vba|threaded/i.test(n))).toEqual([]);
  });
});

describe("a workbook that really is damaged says what is wrong", () => {
  it("a relationship to a notes part that is not in the file names both", async () => {
    const zipped = await writeEdited(gongjianBook(), file("missing-part.xlsx"), {
      [SHEET_RELS]: (x) => x.replace('Target="../comments1.xml"', 'Target="../comments9.xml"'),
    });
    const r = await cli(["scan", zipped]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `错误：无法读取工作簿：${zipped}。文件已损坏：xl/worksheets/_rels/sheet1.xml.rels 引用的部件 xl/comments9.xml 不存在。请用 Excel 或 WPS 打开并另存为 .xlsx 后再试。\n`,
    );
  });
});

describe("a protected workbook saved by LibreOffice itself (soffice, /usr/bin)", () => {
  it("flag and unflag keep its protection, password, cell locks, print settings and validations", async () => {
    const wb = gongjianBook();
    const ws = wb.getWorksheet("攻坚")!;
    ws.getCell("G3").protection = { locked: false };
    ws.pageSetup.orientation = "landscape";
    ws.pageSetup.fitToPage = true;
    (ws as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add("F3:F5", {
      type: "list",
      allowBlank: true,
      formulae: ['"张三,赵六"'],
    });
    await ws.protect("", {});
    const source = await writeEdited(wb, file("for-lo.xlsx"), {
      [SHEET]: (x) => x.replace(/<sheetProtection [^>]*\/>/, '<sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1" formatCells="0"/>'),
    });
    const outDir = file("lo-out");
    execFileSync("soffice", ["--headless", "--calc", "--convert-to", "xlsx", "--outdir", outDir, source], {
      env: { ...process.env, HOME: dir },
      stdio: "ignore",
      timeout: 120_000,
    });
    const input = path.join(outDir, "for-lo.xlsx");
    const { original, flagged, unflagged } = await roundTrip(input);
    expect(original.sheets["攻坚"]).toMatchObject({ protection: { sheet: true, formatCells: false }, fitToPage: true });
    expect((original.sheets["攻坚"].protection as { password: string }).password.toUpperCase()).toBe("CC1A");
    expect((original.sheets["攻坚"].locks as Record<string, boolean>).G3).toBe(false);
    expect(withoutNotes(flagged)).toEqual(withoutNotes(original));
    expect(unflagged).toEqual(original);
  });
});

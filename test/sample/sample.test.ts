/**
 * The sample workbook: generated from samples/data/responsibility-tables.json by scripts/build-sample.ts,
 * the data faithful to the source text, the layout as an office keeps it (issue 2 §2).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { SAMPLE_WORKBOOK_PATH, readSampleData, writeSampleWorkbook } from "../../scripts/build-sample";
import { sourceCells } from "../tables/source-text";

const data = readSampleData();
const [gongjianData, jizhunData] = data.tables;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function cellValues(sheet: ExcelJS.Worksheet): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      values[cell.address] = cell.value;
    }),
  );
  return values;
}

function merges(sheet: ExcelJS.Worksheet): string[] {
  return [...((sheet.model as unknown as { merges: string[] }).merges ?? [])].sort();
}

describe("regenerating the sample", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "dalianbing-sample-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test("yields the same cells and merges as the committed workbook", async () => {
    const regenerated = await load(await writeSampleWorkbook(join(tmp, "sample.xlsx")));
    const committed = await load(SAMPLE_WORKBOOK_PATH);
    expect(regenerated.worksheets.map((s) => s.name)).toEqual(committed.worksheets.map((s) => s.name));
    for (const sheet of committed.worksheets) {
      const again = regenerated.getWorksheet(sheet.name)!;
      expect(cellValues(again)).toEqual(cellValues(sheet));
      expect(merges(again)).toEqual(merges(sheet));
      const heights = (s: ExcelJS.Worksheet) => Array.from({ length: s.rowCount }, (_, i) => s.getRow(i + 1).height);
      expect(heights(again)).toEqual(heights(sheet));
    }
    expect(regenerated.created).toEqual(committed.created);
    expect(regenerated.modified).toEqual(committed.modified);
  });
});

describe("the committed sample workbook", () => {
  let workbook: ExcelJS.Workbook;
  let gongjian: ExcelJS.Worksheet;
  let jizhun: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await load(SAMPLE_WORKBOOK_PATH);
    gongjian = workbook.getWorksheet("攻坚任务")!;
    jizhun = workbook.getWorksheet("基准任务")!;
  });

  test("攻坚任务: title row, one header row, 51 data rows numbered 1–51", () => {
    expect(gongjian.getCell("A1").value).toBe("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表");
    expect(gongjian.getCell("A1").font.bold).toBe(true);
    expect((gongjian.getRow(2).values as unknown[]).slice(1)).toEqual(gongjianData.columns);
    expect(gongjian.rowCount).toBe(53);
    expect(Array.from({ length: 51 }, (_, i) => gongjian.getCell(`A${i + 3}`).value)).toEqual(
      Array.from({ length: 51 }, (_, i) => i + 1),
    );
  });

  test("攻坚任务: 评审项目 merged down its rows, the 市级辅助成果 of rows 22–25 one merged cell", () => {
    expect(merges(gongjian)).toEqual(
      [
        "A1:L1",
        // 评审项目 (column B): 序号 1–4, 5–7, 8–10, 12–13, 14–17, 18–21, 23–25, 27–29, 35–37 (sheet row = 序号 + 2)
        "B3:B6", "B7:B9", "B10:B12", "B14:B15", "B16:B19", "B20:B23", "B25:B27", "B29:B31", "B37:B39",
        // 市级辅助成果 (column I): 序号 22–25, 34–36, 42–43; 工作标准/成果 (column H): 序号 22–23, 35–36
        "I24:I27", "I36:I38", "I44:I45", "H24:H25", "H37:H38",
      ].sort(),
    );
    expect(gongjian.getCell("B3").value).toBe("机构规范化建设(7分)");
    expect(gongjian.getCell("B40").value).toBe("抽查通报");
    const milestones = String(gongjian.getCell("I24").value);
    expect(milestones).toMatch(/^1\. 5月底前,发布稽查工作计划或方案/);
    expect(milestones).toMatch(/6\. 10月15日前,完成档案归档并上报省厅。$/);
    expect(milestones.match(/3\. 7月底前/g)).toHaveLength(1);
  });

  test("攻坚任务: row 20 (sheet row 22) has 曹东/王江/郭国军 as 盯办人/责任人/分管领导", () => {
    expect(["J22", "K22", "L22"].map((a) => gongjian.getCell(a).value)).toEqual(["曹东", "王江", "郭国军"]);
    expect(gongjian.getCell("I22").value).toBeNull();
  });

  test("基准任务: title with the year, sub-items stacked in merged 序号 blocks, no HTML left", () => {
    expect(jizhun.getCell("A1").value).toBe("盘锦市2024年表现突出集体基准任务责任分解表");
    expect((jizhun.getRow(2).values as unknown[]).slice(1)).toEqual(jizhunData.columns);
    expect(jizhun.rowCount).toBe(2 + 25);
    expect(merges(jizhun)).toEqual(["A1:I1", "A3:A7", "A8:A10", "A11:A13", "A15:A17", "A19:A20", "A21:A23", "A24:A26"].sort());
    const texts = Object.values(cellValues(jizhun)).filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => /<\/?p>/.test(t))).toBe(false);
    expect(jizhun.getCell("B6").value).toBe(
      "4. 奖励激励（5分）。\n（1）集体荣誉（2分）。在 2024年期间获得国家颁发“全国先进基层党组织”“人民满意公务员集体”等荣誉，或省委省政府颁发的荣誉的，得2分；获得省组织部门、机关工委、人事部门、群团组织、总工会、生态环境部门等颁发“先进基层党组织”等荣誉的，每项得1分；获得市委市政府或市组织部门、机关工委、人事部门、群团组织、总工会等颁发荣誉的，每项得0.8分。\n（2）表扬嘉奖（2分）。2023年执法大练兵或污染防治攻坚战，集体或个人获得记功嘉奖的，得2分；获得省级生态环境部门联合其他部门给予奖励或授予荣誉称号的，得1.5分；获得省级生态环境部门单独奖励表扬的，得1分。\n（3）获得市委市政府主要负责同志奖励表扬的，得1分。",
    );
  });

  test("data cells wrap, sit at the top and have borders; the header is bold and filled", () => {
    for (const sheet of [gongjian, jizhun]) {
      const header = sheet.getCell("B2");
      expect(header.font.bold).toBe(true);
      expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid" });
      const cell = sheet.getCell("C5");
      expect(cell.alignment).toMatchObject({ wrapText: true, vertical: "top" });
      expect(cell.border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" } });
    }
  });

  test("printing: A3 landscape, one page wide, title and header repeated; panes frozen below the header", () => {
    for (const sheet of [gongjian, jizhun]) {
      expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toBe("1:2");
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    }
  });

  test("every data row has a height set, tall enough for its text in Excel's metrics", () => {
    // Excel: a column of width w is 7w+5 px; a 10-pt CJK glyph is 13.3 px, other characters about half;
    // a wrapped 10-pt 宋体 line needs 13.5 pt. Merged cells are checked against their rows' sum.
    const check = (sheet: ExcelJS.Worksheet) => {
      const covered = new Set<string>();
      for (const range of merges(sheet)) {
        const [from, to] = range.split(":");
        const a = sheet.getCell(from);
        const b = sheet.getCell(to);
        for (let r = Number(a.row); r <= Number(b.row); r++) if (r !== Number(a.row) || a.col !== b.col) covered.add(`${r}:${a.col}`);
      }
      const linesNeeded = (text: string, width: number) => {
        const pixels = width * 7 + 5 - 4;
        return text.split("\n").reduce((sum, paragraph) => {
          let px = 0;
          for (const ch of paragraph) px += ch.codePointAt(0)! >= 0x2e80 ? 13.3 : 6.7;
          return sum + Math.max(1, Math.ceil(px / pixels));
        }, 0);
      };
      for (let r = 3; r <= sheet.rowCount; r++) {
        const height = sheet.getRow(r).height;
        expect(height).toBeGreaterThanOrEqual(15);
        expect(height).toBeLessThanOrEqual(409);
        sheet.getRow(r).eachCell((cell, col) => {
          if (typeof cell.value !== "string" || covered.has(`${r}:${col}`)) return;
          const width = sheet.getColumn(col).width!;
          let rows = 1;
          let total = height;
          if (cell.isMerged) {
            const range = merges(sheet).find((m) => m.startsWith(`${cell.address}:`))!;
            const bottom = Number(sheet.getCell(range.split(":")[1]).row);
            rows = bottom - r + 1;
            total = 0;
            for (let k = r; k <= bottom; k++) total += sheet.getRow(k).height;
          }
          expect({ cell: cell.address, rows, fits: total >= linesNeeded(cell.value, width) * 13.5 }).toEqual({ cell: cell.address, rows, fits: true });
        });
      }
    };
    check(gongjian);
    check(jizhun);
    // Heights follow the text: the one-line rows 24–25 of 稽查开展情况 are far lower than row 2's long rule.
    expect(gongjian.getRow(26).height).toBeLessThan(gongjian.getRow(4).height / 3);
  });
});

describe("the data file is faithful to the source text", () => {
  const GJ = gongjianData.columns;
  const byLine = new Map(gongjianData.rows.map((row) => [row.sourceLine as number, row.cells]));

  test("51 攻坚 rows, each transcribed from its source line; only the documented repairs differ", () => {
    expect(gongjianData.rows).toHaveLength(51);
    const repaired = new Set(["评审项目", "市级辅助成果", "工作标准/成果"]);
    for (const [line, cells] of byLine) {
      const source = sourceCells(line);
      expect(source[0]).toBe(cells["序号"]);
      for (let c = 0; c < GJ.length; c++) {
        if (repaired.has(GJ[c]) || cells["序号"] === "20") continue;
        expect(`${line}:${GJ[c]}:${cells[GJ[c]]}`).toBe(`${line}:${GJ[c]}:${source[c]}`);
      }
    }
  });

  test("row 20's cells shifted back: 盯办人/责任人/分管领导 = 曹东/王江/郭国军", () => {
    const row20 = byLine.get(69)!;
    expect(sourceCells(69).slice(8)).toEqual(["曹东", "王江", "郭国军", ""]);
    expect([row20["市级辅助成果"], row20["盯办人"], row20["责任人"], row20["分管领导"]]).toEqual(["", "曹东", "王江", "郭国军"]);
  });

  test("the merged 市级辅助成果 of rows 22–25 is the export's three pieces with item 3 once", () => {
    const pieces = [75, 76, 77].map((line) => sourceCells(line)[8]);
    const item3 = "3. 7月底前,完成现场稽查工作,印发稽查意见通知、问题清单;";
    expect(pieces[0].endsWith(item3) && pieces[1].startsWith(item3)).toBe(true);
    expect(byLine.get(75)!["市级辅助成果"]).toBe(`${pieces[0]} ${pieces[1].slice(item3.length).trim()} ${pieces[2]}`);
  });

  test("every 评审项目 label of the export appears once, in the first row of its block", () => {
    const labels = (rows: string[]) => rows.filter((t) => t !== "");
    const exported = labels([...byLine.keys()].map((line) => sourceCells(line)[1]));
    const transcribed = labels(gongjianData.rows.map((r) => r.cells["评审项目"]));
    // 自动监测运行管理(2分) appears on both of its rows in the export (lines 53, 54) and once merged.
    expect(exported.filter((t) => t === "自动监测运行管理(2分)")).toHaveLength(2);
    expect(transcribed).toEqual(exported.filter((t, i) => !(t === "自动监测运行管理(2分)" && exported.indexOf(t) !== i)));
  });

  test("notes record every repair", () => {
    const notes = data.notes.join("\n");
    for (const topic of ["分页", "序号20", "评审项目", "22–25", "<p>", "2024年", "164", "183"]) expect(notes).toContain(topic);
  });
});

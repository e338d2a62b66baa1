/**
 * Builds samples/盘锦市2024年大练兵责任分解表.xlsx from samples/data/responsibility-tables.json
 * (transcribed from the source document; see that file's `notes` for every repair of the export).
 *
 *   npx tsx scripts/build-sample.ts [OUT.xlsx]
 *
 * Laid out as an office keeps it: a merged title row, one header row, merged 评审项目 / 市级辅助成果 /
 * 序号 blocks, wrapped text with row heights set (ExcelJS writes none, and Excel does not autofit rows
 * on open), borders, A3 landscape printing with the title and header repeated on every page.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

export interface SampleTableData {
  sheet: string;
  kind: "攻坚" | "基准";
  title: string;
  sourceLines: [number, number];
  columns: string[];
  rows: { sourceLine: number | number[]; cells: Record<string, string> }[];
  /** 1-based data row numbers, inclusive; the merged text is the one in the first row. */
  merges: { column: string; firstRow: number; lastRow: number }[];
}

export interface SampleData {
  description: string;
  source: string;
  notes: string[];
  tables: SampleTableData[];
}

export const SAMPLE_DATA_PATH = path.join(__dirname, "..", "samples", "data", "responsibility-tables.json");
export const SAMPLE_WORKBOOK_PATH = path.join(__dirname, "..", "samples", "盘锦市2024年大练兵责任分解表.xlsx");

/** Fixed so that regenerating the workbook yields the same document properties. */
const FIXED_DATE = new Date("2024-05-06T00:00:00Z");
const FONT_NAME = "宋体";
const BODY_FONT_SIZE = 10;
/** Points per wrapped line of 10-pt 宋体 in Excel (its own default row height for that font). */
const LINE_HEIGHT = 13.5;
const CELL_PADDING = 5;
const MAX_ROW_HEIGHT = 409; // Excel's limit
const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;
const A3_PAPER = 8; // OOXML paperSize code for A3 (ExcelJS's enum does not list it)

/** Column widths (Excel character units) chosen so that the long rule texts wrap into readable blocks. */
const COLUMN_WIDTHS: Record<string, number> = {
  序号: 6,
  评审项目: 14,
  评审内容: 42,
  数据来源及有关说明: 26,
  数据来源及有关情况说明: 30,
  攻坚任务: 42,
  牵头部门: 11,
  责任部门: 16,
  "工作标准/成果": 28,
  市级辅助成果: 36,
  归档参考: 40,
  盯办人: 8,
  责任人: 10, // not 9: ExcelJS drops columns whose width equals its default of 9
  分管领导: 10,
};
/** The 基准 table has fewer columns, so its long 评审内容 gets more room on the same page width. */
const JIZHUN_WIDTHS: Record<string, number> = { 评审内容: 64, 数据来源及有关情况说明: 30, 归档参考: 40 };

function columnWidth(table: SampleTableData, name: string): number {
  return (table.kind === "基准" ? JIZHUN_WIDTHS[name] : undefined) ?? COLUMN_WIDTHS[name] ?? 14;
}

const CENTERED_COLUMNS = new Set(["序号", "牵头部门", "盯办人", "责任人", "分管领导"]);

export function readSampleData(file = SAMPLE_DATA_PATH): SampleData {
  return JSON.parse(fs.readFileSync(file, "utf8")) as SampleData;
}

/**
 * Display width of a character in Excel width units. A 10-pt CJK glyph is 13.3 px and one width
 * unit is 7 px (Calibri 11, the workbook's default font), i.e. 1.9 units; 1.85 plus the padding
 * taken off in estimateLines errs on the side of one line too many rather than cut-off text.
 */
function charUnits(code: number): number {
  if (code >= 0x2e80) return 1.85; // CJK, full-width punctuation and forms
  if (code >= 0x2000 && code <= 0x206f) return 1.85; // “ ” — … render full width in CJK fonts
  return 1;
}

/** Estimated number of wrapped lines of `text` in a column `width` units wide. */
export function estimateLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let units = 0;
    for (const ch of paragraph) units += charUnits(ch.codePointAt(0)!);
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

function heightForLines(lines: number): number {
  return lines * LINE_HEIGHT + CELL_PADDING;
}

function thinBorder(): Partial<ExcelJS.Borders> {
  // Fresh objects per cell: ExcelJS shares style objects by reference otherwise.
  return {
    top: { style: "thin" },
    left: { style: "thin" },
    bottom: { style: "thin" },
    right: { style: "thin" },
  };
}

/** 序号 digits become numbers, as an office types them; everything else stays text. */
function cellValueFor(column: string, text: string): ExcelJS.CellValue {
  if (column === "序号" && /^\d+$/.test(text)) return Number(text);
  return text === "" ? null : text;
}

function addTableSheet(workbook: ExcelJS.Workbook, table: SampleTableData): void {
  const columnCount = table.columns.length;
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: A3_PAPER as unknown as ExcelJS.PaperSize,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  sheet.columns = table.columns.map((name) => ({ key: name, width: columnWidth(table, name) }));

  // Title row, merged across the table.
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = table.title;
  titleCell.font = { name: FONT_NAME, size: 16, bold: true };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columnCount);
  sheet.getRow(TITLE_ROW).height = 32;

  // Header row.
  table.columns.forEach((name, index) => {
    const cell = sheet.getCell(HEADER_ROW, index + 1);
    cell.value = name;
    cell.font = { name: FONT_NAME, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = thinBorder();
  });
  const headerLines = Math.max(...table.columns.map((name) => estimateLines(name, columnWidth(table, name))));
  sheet.getRow(HEADER_ROW).height = Math.max(30, heightForLines(headerLines));

  // Data rows.
  const coveredByMerge = new Set<string>(); // `${dataRow}:${column}` for cells under a merge (not its top)
  for (const merge of table.merges) {
    for (let r = merge.firstRow + 1; r <= merge.lastRow; r++) coveredByMerge.add(`${r}:${merge.column}`);
  }
  const rowLines: number[] = [];
  table.rows.forEach((row, index) => {
    const dataRow = index + 1;
    const sheetRow = FIRST_DATA_ROW + index;
    let lines = 1;
    table.columns.forEach((name, col) => {
      const text = row.cells[name] ?? "";
      const cell = sheet.getCell(sheetRow, col + 1);
      cell.value = cellValueFor(name, text);
      cell.font = { name: FONT_NAME, size: BODY_FONT_SIZE };
      cell.alignment = {
        horizontal: CENTERED_COLUMNS.has(name) ? "center" : "left",
        vertical: "top",
        wrapText: true,
      };
      cell.border = thinBorder();
      const merged = table.merges.some((m) => m.column === name && m.firstRow === dataRow);
      if (!merged && !coveredByMerge.has(`${dataRow}:${name}`)) {
        lines = Math.max(lines, estimateLines(text, columnWidth(table, name)));
      }
    });
    rowLines.push(lines);
  });
  const heights = rowLines.map(heightForLines);

  // Merged blocks: merge, then make sure the rows they cover are tall enough for their text.
  for (const merge of table.merges) {
    const col = table.columns.indexOf(merge.column) + 1;
    if (col === 0) throw new Error(`${table.sheet}: 合并列 ${merge.column} 不在表头中`);
    sheet.mergeCells(FIRST_DATA_ROW + merge.firstRow - 1, col, FIRST_DATA_ROW + merge.lastRow - 1, col);
    const text = table.rows[merge.firstRow - 1].cells[merge.column] ?? "";
    const needed = heightForLines(estimateLines(text, columnWidth(table, merge.column)));
    const span = merge.lastRow - merge.firstRow + 1;
    let available = 0;
    for (let r = merge.firstRow; r <= merge.lastRow; r++) available += heights[r - 1];
    if (needed > available) {
      const extra = Math.ceil((needed - available) / span);
      for (let r = merge.firstRow; r <= merge.lastRow; r++) heights[r - 1] += extra;
    }
  }
  heights.forEach((height, index) => {
    if (height > MAX_ROW_HEIGHT) {
      throw new Error(`${table.sheet} 第${FIRST_DATA_ROW + index}行需要 ${height} 磅高，超过 Excel 上限，请加宽列`);
    }
    sheet.getRow(FIRST_DATA_ROW + index).height = height;
  });
}

export function buildSampleWorkbook(data: SampleData = readSampleData()): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "大练兵助手";
  workbook.lastModifiedBy = "大练兵助手";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = "盘锦市2024年大练兵责任分解表";
  for (const table of data.tables) addTableSheet(workbook, table);
  return workbook;
}

export async function writeSampleWorkbook(outFile = SAMPLE_WORKBOOK_PATH): Promise<string> {
  await buildSampleWorkbook().xlsx.writeFile(outFile);
  return outFile;
}

if (require.main === module) {
  writeSampleWorkbook(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (file) => console.log(`已生成 ${path.relative(process.cwd(), file)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}

/**
 * From a SheetGrid to recognised responsibility tables (issue 2 §3, docs/design.md §5).
 *
 * A table starts at a header row found by its names (序号, 牵头部门, 盯办人/责任人 at least) and runs
 * until the next non-table content or the end of the sheet. Blank rows end nothing. Header rows and
 * title rows repeated at page breaks (as in the source's 攻坚 table, source lines 29–141) are skipped.
 * Nothing is guessed: a sheet without such a header is reported as not recognised, with the reason.
 */
import { cellAddress, parseCellAddress } from "../address";
import type { MergedArea, Problem, SheetGrid } from "../grid";
import { yearFromTitle } from "../milestones/year";
import { CellReader } from "./cells";
import { kindOfHeader, missingRequiredColumns, readHeaderCells, type HeaderCells } from "./headers";
import type { ColumnRole, Owners, RecognisedTable, RecognitionResult, TableKind, TableRow } from "./types";

export interface SheetRecognition {
  tables: RecognisedTable[];
  problems: Problem[];
  /** Why the sheet holds no table (Chinese); set only when `tables` is empty. */
  unrecognisedReason?: string;
}

interface TableHeader extends HeaderCells {
  row: number;
  kind: TableKind;
  firstColumn: number;
}

/** A row that names table columns but cannot start a table, and why. */
interface NearMiss {
  reason: string;
  /** How header-like the row is; the most header-like near miss is the one reported. */
  score: number;
}

const NO_HEADER_REASON = "未找到包含“序号”“牵头部门”和“盯办人”或“责任人”的表头行，不是责任分解表";
/** A single cell longer than this in the 序号 column is a title or a note, not a 序号. */
const LONGEST_SERIAL = 8;
/** How many non-blank rows above a header are looked at for its title. */
const TITLE_SEARCH_ROWS = 3;
const LONGEST_TITLE = 200;
/** How far below a lone text row a header is looked for (a title repeated before a page's header). */
const HEADER_LOOKAHEAD_ROWS = 20;

function headerAt(reader: CellReader, row: number): TableHeader | NearMiss | null {
  const single = headerFromCells(readHeaderCells(reader.headerTexts(row)), row);
  if (isHeader(single)) return single;
  return twoRowHeader(reader, row) ?? single;
}

/**
 * A header in two rows, as offices often draw it: a group name merged across the upper row ("责任分工"
 * over 牵头部门…分管领导) and the other names merged down both rows. Each column takes the lower row's
 * name, else the upper's; the table's header row is the lower one, its data starts below it.
 */
function twoRowHeader(reader: CellReader, row: number): TableHeader | null {
  if (row + 1 >= reader.rowCount) return null;
  const upper = reader.headerTexts(row);
  const lower = reader.headerTexts(row + 1);
  let mergedDown = false;
  const names: string[] = [];
  for (let c = 0; c < Math.max(upper.length, lower.length); c++) {
    const area = reader.merges.areaAt(row, c);
    if (area && area.top === row && area.bottom === row + 1) mergedDown = true;
    names.push(lower[c] || upper[c] || "");
  }
  if (!mergedDown) return null;
  const found = headerFromCells(readHeaderCells(names), row + 1);
  return isHeader(found) ? found : null;
}

function headerFromCells(cells: HeaderCells | null, row: number): TableHeader | NearMiss | null {
  if (!cells) return null;
  const columnsUsed = Object.values(cells.columns) as number[];
  const firstColumn = Math.min(...columnsUsed, ...cells.extraColumns.map((extra) => extra.col));
  const place = `${cellAddress(row, firstColumn)} 所在的第${row + 1}行`;
  const missing = missingRequiredColumns(cells.columns);
  if (missing.length > 0) {
    return { reason: `${place}像是表头，但缺少“${missing.join("”“")}”列`, score: cells.roleCount };
  }
  const kind = kindOfHeader(cells.columns);
  if (kind === null) {
    return {
      reason: `${place}的表头没有“攻坚任务”“市级辅助成果”或“归档参考”列，无法判断是攻坚任务表还是基准任务表`,
      score: cells.roleCount + 100,
    };
  }
  return { ...cells, row, kind, firstColumn };
}

function isHeader(found: TableHeader | NearMiss | null): found is TableHeader {
  return found !== null && !("reason" in found);
}

/**
 * A header row repeated after a page break: every name it has sits where the table's header has it.
 * A subset is enough (the 已完成节点 column added at the first header is not repeated on later pages).
 */
function repeatsHeader(cells: HeaderCells | null, header: TableHeader): boolean {
  if (!cells || cells.roleCount < 3) return false;
  for (const [role, col] of Object.entries(cells.columns) as [ColumnRole, number][]) {
    if (header.columns[role] !== col) return false;
  }
  return true;
}

/** A lone text across the table (merged title or note), or a long text in the 序号 column. */
function isBannerRow(reader: CellReader, header: TableHeader, row: number, filled: number[]): boolean {
  if (filled.length !== 1) return false;
  const col = filled[0];
  const area = reader.merges.areaAt(row, col);
  if (area && area.right > area.left) return true;
  return col === header.columns.serial && reader.text(row, col).length > LONGEST_SERIAL;
}

/**
 * Sign-off lines under a table ("填报单位：…  填报日期：2024年8月1日", "注：…"): the row's first cell
 * starts with such a label and the row names no department or person. Read as data, its date would
 * become a milestone of the row above.
 */
const FOOTER_LABEL = /^(?:填报单位|填表单位|报送单位|填报人|填表人|制表人|制表单位|审核人|审核|审批人|联系人|联系电话|填报日期|填表日期|制表日期|报送日期|日期|注|备注|说明)\s*(?:[(（][^()（）]{0,6}[)）])?\s*[:：]/;

function isFooterRow(reader: CellReader, header: TableHeader, row: number, filled: number[]): boolean {
  const first = reader.raw(row, filled[0]);
  if (typeof first !== "string" || !FOOTER_LABEL.test(first.trim())) return false;
  const { lead, chaser, owner, leader } = header.columns;
  return [lead, chaser, owner, leader].every((col) => col === undefined || reader.visibleText(row, col) === "");
}

function headerFollows(reader: CellReader, row: number): boolean {
  const limit = Math.min(reader.rowCount, row + 1 + HEADER_LOOKAHEAD_ROWS);
  for (let r = row + 1; r < limit; r++) {
    if (reader.isBlankRow(r)) continue;
    return isHeader(headerAt(reader, r));
  }
  return false;
}

function findTitle(reader: CellReader, headerRow: number, floor: number): string | null {
  const candidates: string[] = [];
  let looked = 0;
  for (let r = headerRow - 1; r >= floor && looked < TITLE_SEARCH_ROWS; r--) {
    if (reader.isBlankRow(r)) continue;
    looked++;
    const filled = reader.filledColumns(r);
    if (filled.length !== 1) continue;
    const text = reader.text(r, filled[0]);
    if (text !== "" && text.length <= LONGEST_TITLE) candidates.push(text);
  }
  return candidates.find((text) => text.includes("表")) ?? candidates[0] ?? null;
}

/** 基准 rows have no 评审项目: the heading of their 评审内容 ("1. 机构规范化建设（2分）。…" → "机构规范化建设（2分）"). */
export function headingOf(content: string): string {
  // Texts pasted from the web version keep their paragraph tags (source lines 154–179: "<p>4. 奖励激励（5分）。</p> <p>…").
  const firstLine = content.split("\n", 1)[0].replace(/<\/?p>/g, "\n").trim().split("\n", 1)[0];
  const end = firstLine.search(/[。：:]/);
  const heading = end >= 0 ? firstLine.slice(0, end) : firstLine;
  return heading
    .replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．]\s*/, "")
    .trim()
    .slice(0, 60);
}

interface RowDraft extends TableRow {
  shiftSuspect?: boolean;
}

function readRows(reader: CellReader, header: TableHeader, dataRows: number[], sheet: string, problems: Problem[]): TableRow[] {
  const columns = header.columns;
  const read = (row: number, role: ColumnRole): string => {
    const col = columns[role];
    return col === undefined ? "" : reader.visibleText(row, col);
  };
  const ownedAreas = new Set<MergedArea>();
  const drafts: RowDraft[] = [];
  let blockSerial = "";
  for (const row of dataRows) {
    // 基准 sub-items stacked in one 序号 block (source lines 149–155) carry the block's 序号.
    const ownSerial = read(row, "serial");
    if (ownSerial !== "") blockSerial = ownSerial;
    const content = read(row, "content");
    let item = read(row, "item");
    if (item === "" && header.kind === "基准") item = headingOf(content);
    const task = header.kind === "攻坚" && columns.task !== undefined ? read(row, "task") : content;
    let milestoneCell: TableRow["milestoneCell"] = null;
    let ownsMilestoneCell = false;
    if (columns.milestones !== undefined) {
      const area = reader.merges.areaAt(row, columns.milestones);
      milestoneCell = area ? { row: area.top, col: area.left } : { row, col: columns.milestones };
      ownsMilestoneCell = !area || !ownedAreas.has(area);
      if (area) ownedAreas.add(area);
    }
    for (const extra of header.extraColumns) reader.visibleText(row, extra.col); // reports error values
    drafts.push({
      row,
      serial: blockSerial,
      item,
      task,
      lead: read(row, "lead"),
      helpers: read(row, "helpers"),
      owners: { 盯办人: read(row, "chaser"), 责任人: read(row, "owner"), 分管领导: read(row, "leader") },
      milestoneText: read(row, "milestones"),
      milestoneCell,
      ownsMilestoneCell,
      done: read(row, "done"),
      start: read(row, "start"),
    });
  }
  realignRowsMissingACell(reader, header, drafts, sheet, problems);
  return drafts;
}

/**
 * The source's 攻坚 row 20 (source line 69) lost a cell: its 盯办人/责任人/分管领导 sit one column to
 * the left (曹东 under 市级辅助成果, 王江 under 盯办人, 郭国军 under 责任人, 分管领导 empty). When a row's
 * 分管领导 is empty and the three cells left of it read like the people columns shifted left — the
 * names appear as 责任人 and 分管领导 in other rows — the people are read from there, the cell that
 * held the 盯办人 reads as empty for its own column, and a problem names the row so staff can check.
 * When the 牵头部门 is shifted too (a known 牵头部门 sits left of its column, as in the source's 基准
 * lines 164, 165, 176), 牵头部门 and 责任部门 are read one column to the left as well.
 */
function realignRowsMissingACell(
  reader: CellReader,
  header: TableHeader,
  rows: RowDraft[],
  sheet: string,
  problems: Problem[],
): void {
  const { chaser, owner, leader, lead, helpers, milestones } = header.columns;
  if (chaser === undefined || owner !== chaser + 1 || leader !== owner + 1 || chaser === 0) return;
  const before = chaser - 1;
  const isFree = (row: number, col: number) => reader.merges.areaAt(row, col) === undefined;
  const suspects = rows.filter(
    (r) => r.owners.分管领导 === "" && isFree(r.row, leader) && isFree(r.row, before) && reader.text(r.row, before) !== "",
  );
  if (suspects.length === 0) return;
  const suspectRows = new Set(suspects.map((r) => r.row));
  const owners = new Set<string>();
  const leaders = new Set<string>();
  const chasers = new Set<string>();
  const leads = new Set<string>();
  for (const r of rows) {
    if (suspectRows.has(r.row)) continue;
    if (r.owners.分管领导 !== "") leaders.add(r.owners.分管领导);
    if (r.owners.责任人 !== "") owners.add(r.owners.责任人);
    if (r.owners.盯办人 !== "") chasers.add(r.owners.盯办人);
    if (r.lead !== "") leads.add(r.lead);
  }
  for (const r of suspects) {
    const shifted: Owners = {
      盯办人: reader.text(r.row, before),
      责任人: r.owners.盯办人,
      分管领导: r.owners.责任人,
    };
    if (!leaders.has(shifted.分管领导) || !(owners.has(shifted.责任人) || chasers.has(shifted.盯办人))) continue;
    r.owners = shifted;
    if (before === milestones) r.milestoneText = "";
    if (before === helpers) r.helpers = "";
    if (lead !== undefined && lead > 0 && !leads.has(r.lead)) {
      const leftOfLead = reader.text(r.row, lead - 1);
      if (leads.has(leftOfLead)) {
        r.lead = leftOfLead;
        if (helpers !== undefined && helpers > 0) r.helpers = reader.text(r.row, helpers - 1);
      }
    }
    problems.push({
      sheet,
      cell: cellAddress(r.row, before),
      message:
        `第${r.row + 1}行（序号${r.serial || "空"}）似乎少了一个单元格：` +
        `${cellAddress(r.row, before)}:${cellAddress(r.row, owner)} 的“${shifted.盯办人}”“${shifted.责任人}”“${shifted.分管领导}”` +
        `像是左移了一列的盯办人、责任人、分管领导，已按此读取，请核对这一行`,
    });
  }
}

const ROLE_ZH: Record<ColumnRole, string> = {
  serial: "序号", item: "评审项目", content: "评审内容", source: "数据来源", task: "攻坚任务", lead: "牵头部门",
  helpers: "责任部门", standard: "工作标准/成果", milestones: "市级辅助成果", archive: "归档参考", chaser: "盯办人",
  owner: "责任人", leader: "分管领导", done: "已完成节点", start: "开始日期",
};

/**
 * Two columns with the same role (two 市级辅助成果 columns): the first is read; the second is kept as
 * an extra column and said, so that its cells do not vanish without a word (issue 9 §2).
 */
function reportDuplicateColumns(sheet: string, header: TableHeader, problems: Problem[]): void {
  for (const dup of header.duplicates) {
    const first = cellAddress(header.row, dup.firstCol);
    const second = cellAddress(header.row, dup.col);
    problems.push({
      sheet,
      cell: second,
      message:
        `表头有两列都是“${ROLE_ZH[dup.role]}”（${first}、${second}“${dup.name}”）：只读取了第一列，` +
        `${second.replace(/\d+$/, "")}列的内容没有检查。请把两列合并为一列，或把其中一列改为别的列名`,
    });
  }
}

function intersects(area: MergedArea, top: number, left: number, bottom: number, right: number): boolean {
  return area.top <= bottom && area.bottom >= top && area.left <= right && area.right >= left;
}

function readTable(
  sheet: SheetGrid,
  reader: CellReader,
  header: TableHeader,
  titleFloor: number,
  problems: Problem[],
): { table: RecognisedTable; next: number } {
  const repeatedHeaderRows: number[] = [];
  const dataRows: number[] = [];
  let next = reader.rowCount;
  for (let row = header.row + 1; row < reader.rowCount; row++) {
    if (reader.isBlankRow(row)) continue;
    const headerCells = readHeaderCells(reader.headerTexts(row));
    if (repeatsHeader(headerCells, header)) {
      repeatedHeaderRows.push(row);
      continue;
    }
    // A two-row header repeated at a page break: its upper row may name fewer than three columns.
    const twoRows = headerCells ? twoRowHeader(reader, row) : null;
    if (twoRows && repeatsHeader(twoRows, header)) {
      repeatedHeaderRows.push(row, row + 1);
      row++;
      continue;
    }
    if (isHeader(headerFromCells(headerCells, row))) {
      next = row; // another table starts here
      break;
    }
    const filled = reader.filledColumns(row);
    if (filled.every((col) => col < header.firstColumn || col > header.lastColumn)) {
      next = row;
      break;
    }
    if (isBannerRow(reader, header, row, filled)) {
      if (headerFollows(reader, row)) continue; // title repeated before a page's header
      next = row;
      break;
    }
    if (isFooterRow(reader, header, row, filled)) {
      next = row;
      break;
    }
    dataRows.push(row);
  }

  reportDuplicateColumns(sheet.name, header, problems);
  // Header cells holding error values are reported like any other.
  for (let col = header.firstColumn; col <= header.lastColumn; col++) reader.text(header.row, col);
  const rows = readRows(reader, header, dataRows, sheet.name, problems);
  const title = findTitle(reader, header.row, titleFloor);
  const lastRow = dataRows.length > 0 ? dataRows[dataRows.length - 1] : header.row;
  const table: RecognisedTable = {
    sheet: sheet.name,
    kind: header.kind,
    title,
    year: title === null ? null : yearFromTitle(title),
    headerRow: header.row,
    columns: header.columns,
    extraColumns: header.extraColumns,
    lastColumn: header.lastColumn,
    lastRow,
    rows,
    repeatedHeaderRows,
    merges: (sheet.merges ?? []).filter((area) =>
      intersects(area, header.row, header.firstColumn, lastRow, header.lastColumn),
    ),
  };
  return { table, next };
}

export function recognizeSheet(sheet: SheetGrid): SheetRecognition {
  const problems: Problem[] = [];
  if (sheet.readProblem) return { tables: [], problems, unrecognisedReason: sheet.readProblem };
  const reader = new CellReader(sheet, problems);
  let hasContent = false;
  for (let row = 0; row < reader.rowCount && !hasContent; row++) hasContent = !reader.isBlankRow(row);
  if (!hasContent) return { tables: [], problems, unrecognisedReason: "工作表为空" };

  const tables: RecognisedTable[] = [];
  let nearMiss: NearMiss | null = null;
  let titleFloor = 0;
  let row = 0;
  while (row < reader.rowCount) {
    const found = headerAt(reader, row);
    if (found === null) {
      row++;
    } else if (!isHeader(found)) {
      if (nearMiss === null || found.score > nearMiss.score) nearMiss = found;
      row++;
    } else {
      const { table, next } = readTable(sheet, reader, found, titleFloor, problems);
      tables.push(table);
      titleFloor = table.lastRow + 1;
      row = Math.max(next, row + 1);
    }
  }
  sortInReadingOrder(problems);
  if (tables.length === 0) {
    return { tables, problems, unrecognisedReason: nearMiss?.reason ?? NO_HEADER_REASON };
  }
  return { tables, problems };
}

/** Problems listed row by row, left to right, as a person reads the sheet. */
function sortInReadingOrder(problems: Problem[]): void {
  const position = (p: Problem) => (p.cell === "" ? { row: -1, col: -1 } : parseCellAddress(p.cell));
  problems.sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    return pa.row - pb.row || pa.col - pb.col;
  });
}

export function recognizeWorkbook(sheets: SheetGrid[]): RecognitionResult {
  const result: RecognitionResult = { tables: [], unrecognised: [], problems: [] };
  for (const sheet of sheets) {
    const recognition = recognizeSheet(sheet);
    result.tables.push(...recognition.tables);
    result.problems.push(...recognition.problems);
    if (recognition.tables.length === 0) {
      result.unrecognised.push({ sheet: sheet.name, reason: recognition.unrecognisedReason ?? NO_HEADER_REASON });
    }
  }
  return result;
}

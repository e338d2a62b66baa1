import type { MergedArea, Problem } from "../grid";

export type TableKind = "攻坚" | "基准";

/** Columns the product knows, by role. Header names are matched with spaces and line breaks removed. */
export type ColumnRole =
  | "serial" // 序号
  | "item" // 评审项目
  | "content" // 评审内容
  | "source" // 数据来源及有关说明 / 数据来源及有关情况说明
  | "task" // 攻坚任务
  | "lead" // 牵头部门
  | "helpers" // 责任部门
  | "standard" // 工作标准/成果
  | "milestones" // 市级辅助成果
  | "archive" // 归档参考
  | "chaser" // 盯办人
  | "owner" // 责任人
  | "leader" // 分管领导
  | "done" // 已完成节点
  | "start"; // 开始日期 / 下达日期: the start of the row's relative deadlines (issue 9 §3)

export interface Owners {
  盯办人: string;
  责任人: string;
  分管领导: string;
}

export interface TableRow {
  /** 0-based sheet row of this data row. */
  row: number;
  /** 序号 as text ("1", "23"); for 基准 sub-items without their own 序号, the block's 序号. */
  serial: string;
  /** 评审项目, inherited from the merged cell above when blank (攻坚); for 基准 the 评审内容's heading. */
  item: string;
  /** 攻坚任务 text (攻坚) or 评审内容 (基准). */
  task: string;
  lead: string;
  helpers: string;
  owners: Owners;
  /** 市级辅助成果 text ("" when none). For a merged cell, every row it covers carries the same text. */
  milestoneText: string;
  /** Top-left of the 市级辅助成果 cell (of its merged area when merged); null when the table has no such column. */
  milestoneCell: { row: number; col: number } | null;
  /** True for the first row of a merged 市级辅助成果 area (or an unmerged cell): milestones are listed from this row only. */
  ownsMilestoneCell: boolean;
  /** 已完成节点 text, "" when empty or when the column is missing. */
  done: string;
  /** 开始日期/下达日期 text ("2024-09-01", "2024年9月1日", or an Excel serial as text), "" when none. */
  start: string;
}

export interface RecognisedTable {
  sheet: string;
  kind: TableKind;
  /** The title row's text above the header, if any ("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"). */
  title: string | null;
  /** Year from the title, null when the title has none. */
  year: number | null;
  /** 0-based sheet row of the (first) header row. */
  headerRow: number;
  /** 0-based column of each recognised role. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Columns the staff added that the product does not know (备注, 完成情况 …), kept and reported. */
  extraColumns: { name: string; col: number }[];
  /** 0-based rightmost column of the table (header row's last non-empty cell). */
  lastColumn: number;
  /** 0-based last data row. */
  lastRow: number;
  rows: TableRow[];
  /** Header rows repeated after page breaks (0-based), skipped as data. */
  repeatedHeaderRows: number[];
  merges: MergedArea[];
}

export interface RecognitionResult {
  tables: RecognisedTable[];
  /** Sheets with no responsibility table, with the reason in Chinese ("未找到包含“序号”“牵头部门”的表头行"). */
  unrecognised: { sheet: string; reason: string }[];
  problems: Problem[];
}

/**
 * The API that src/core/tables/index.ts exports (implemented there):
 *
 *   recognizeSheet(sheet: SheetGrid): { tables: RecognisedTable[]; problems: Problem[]; unrecognisedReason?: string }
 *   recognizeWorkbook(sheets: SheetGrid[]): RecognitionResult
 *   normalizeHeader(text: string): string   // removes spaces, line breaks, full-width spaces
 */

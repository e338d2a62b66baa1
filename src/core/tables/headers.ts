/** Header names → column roles (docs/design.md §5: recognise by header names, not positions). */
import type { ColumnRole, TableKind } from "./types";

/** Removes spaces, line breaks and full-width spaces; unifies the full-width slash. */
export function normalizeHeader(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "").replace(/／/g, "/");
}

/**
 * Header names as the source document writes them (source lines 25 and 148) and as offices head the
 * same columns (issue 9 §2): 牵头科室 for 牵头部门, 盯办人员 for 盯办人, 时间节点 for 市级辅助成果 …
 * Matching ignores blanks and a trailing note in brackets ("市级辅助 成果（时间节点）", "盯办人（签字）").
 * Exported so the synonym table is tested as a table.
 */
export const HEADER_NAMES: Record<ColumnRole, readonly string[]> = {
  serial: ["序号", "编号", "序"],
  item: ["评审项目", "评审项", "考核项目", "项目名称"],
  content: ["评审内容", "考核内容"],
  source: ["数据来源及有关说明", "数据来源及有关情况说明", "数据来源"],
  task: ["攻坚任务", "攻坚任务内容", "重点任务", "工作任务"],
  lead: ["牵头部门", "牵头科室", "牵头处室", "牵头单位", "牵头"],
  helpers: ["责任部门", "责任科室", "责任处室", "责任单位", "配合部门", "配合科室", "配合单位"],
  standard: ["工作标准/成果", "工作标准", "工作成果", "工作标准及成果"],
  milestones: ["市级辅助成果", "时间节点", "市级辅助成果及时间节点", "辅助成果", "完成时限", "时间节点及成果", "节点及时限"],
  archive: ["归档参考", "归档资料参考"],
  chaser: ["盯办人", "盯办人员", "盯办", "督办人", "督办人员"],
  owner: ["责任人", "具体责任人", "责任人员", "经办人"],
  leader: ["分管领导", "分管局领导", "主管领导"],
  done: ["已完成节点", "完成节点", "已完成的节点", "已完成节点编号"],
  start: ["开始日期", "下达日期", "起始日期", "起算日期", "启动日期"],
};

const ROLE_BY_NAME = new Map<string, ColumnRole>();
for (const [role, names] of Object.entries(HEADER_NAMES) as [ColumnRole, readonly string[]][]) {
  for (const name of names) ROLE_BY_NAME.set(normalizeHeader(name), role);
}
/** No known header name is longer than this; longer cells are skipped without normalising them. */
const LONGEST_HEADER = 40;

const NEEDS_NORMALISING = /[\s\u3000\u00a0\u200b\ufeff／()（）]/;
/** A note in brackets at the end of a header: "（时间节点）", "(签字)". */
const TRAILING_NOTE = /[(（][^()（）]{0,20}[)）]$/;

export function roleForHeader(text: string): ColumnRole | undefined {
  if (text.length > LONGEST_HEADER) return undefined;
  const role = ROLE_BY_NAME.get(text);
  // Most cells are data, not header names: normalise only texts that could change by it.
  if (role !== undefined || !NEEDS_NORMALISING.test(text)) return role;
  const normalized = normalizeHeader(text);
  const exact = ROLE_BY_NAME.get(normalized);
  if (exact !== undefined) return exact;
  const withoutNote = normalized.replace(TRAILING_NOTE, "");
  return withoutNote !== normalized && withoutNote !== "" ? ROLE_BY_NAME.get(withoutNote) : undefined;
}

/** The roles a row's cells name, or null when it names fewer than two (cheap rejection of data rows). */
export interface HeaderCells {
  columns: Partial<Record<ColumnRole, number>>;
  extraColumns: { name: string; col: number }[];
  /** A second column with a role already taken (two 市级辅助成果 columns): kept as an extra and reported. */
  duplicates: { role: ColumnRole; name: string; col: number; firstCol: number }[];
  /** Number of distinct roles found. */
  roleCount: number;
  lastColumn: number;
}

/** Reads one row as a header: each known name gives a role (first occurrence wins), the rest are extras. */
export function readHeaderCells(cells: readonly string[]): HeaderCells | null {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const extraColumns: { name: string; col: number }[] = [];
  const duplicates: HeaderCells["duplicates"] = [];
  let roleCount = 0;
  let lastColumn = -1;
  for (let c = 0; c < cells.length; c++) {
    const text = cells[c];
    if (text === "") continue;
    lastColumn = c;
    const role = roleForHeader(text);
    if (role !== undefined && columns[role] === undefined) {
      columns[role] = c;
      roleCount++;
    } else {
      extraColumns.push({ name: text.trim(), col: c });
      if (role !== undefined) duplicates.push({ role, name: text.trim(), col: c, firstCol: columns[role] as number });
    }
  }
  return roleCount >= 2 ? { columns, extraColumns, duplicates, roleCount, lastColumn } : null;
}

/** The columns a header must have to be called a responsibility table (brief for issue 2 §3). */
export function missingRequiredColumns(columns: Partial<Record<ColumnRole, number>>): string[] {
  const missing: string[] = [];
  if (columns.serial === undefined) missing.push("序号");
  if (columns.lead === undefined) missing.push("牵头部门");
  if (columns.chaser === undefined && columns.owner === undefined) missing.push("盯办人或责任人");
  return missing;
}

/**
 * 攻坚 tables have a 攻坚任务 (or 市级辅助成果) column (source line 25); 基准 tables have 归档参考 and
 * no 攻坚任务 (source line 148). Anything else is not guessed at.
 */
export function kindOfHeader(columns: Partial<Record<ColumnRole, number>>): TableKind | null {
  if (columns.task !== undefined || columns.milestones !== undefined) return "攻坚";
  if (columns.archive !== undefined) return "基准";
  return null;
}

/** Two header rows describe the same table when every role sits in the same column. */
export function sameLayout(
  a: Partial<Record<ColumnRole, number>>,
  b: Partial<Record<ColumnRole, number>>,
): boolean {
  const roles = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<ColumnRole>;
  for (const role of roles) if (a[role] !== b[role]) return false;
  return true;
}

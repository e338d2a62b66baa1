import type { ScoreStatusInput } from "../weekly/types";
import type { IsoDate } from "../dates";
import type { Problem } from "../grid";
import type { Milestone, MilestoneKind, MilestoneStatus } from "../milestones/types";
import type { Owners, TableKind } from "../tables/types";

export interface ScanOptions {
  asOf: IsoDate;
  /** Milestones due within this many days (inclusive) are 临期. Default 7. */
  dueSoonDays?: number;
}

export interface ScannedTable {
  sheet: string;
  kind: TableKind;
  title: string | null;
  /** Year used for deadlines: from the title, else from asOf. */
  year: number;
  /** Where the year came from (issue 9 §2); tableYearText() says it in Chinese. */
  yearSource: "title" | "asOf";
  /** 1-based Excel row of the header (as in the CLI's JSON). */
  headerRow: number;
  /** Number of data rows. */
  rows: number;
}

export interface ScannedMilestone {
  sheet: string;
  /** A1 address of the 市级辅助成果 cell (top-left of a merged one). */
  cell: string;
  /** 0-based position of that cell. */
  row: number;
  col: number;
  /** 序号 of the row owning the cell. */
  serial: string;
  /** 评审项目 of that row. */
  item: string;
  label: string;
  /**
   * milestoneName(): "序号33·节点2", the one name for this milestone everywhere. scanWorkbook always
   * sets it; optional so that hand-built milestones (tests, fixtures) need not.
   */
  name?: string;
  text: string;
  due: IsoDate | null;
  kind: MilestoneKind;
  /** For a relative milestone: its length, start event and, when known, its start date. */
  relative?: Milestone["relative"];
  /** For a relative milestone still without a due date: what it needs, in Chinese (for the pane). */
  needs?: string;
  status: MilestoneStatus;
  /** asOf − due in days when overdue, else null. */
  daysOverdue: number | null;
  /** due − asOf in days when not yet due, else null. */
  daysLeft: number | null;
  owners: Owners;
  lead: string;
  /** A1 address of the row's 已完成节点 cell, or null when the table has no such column yet. */
  doneCell: string | null;
}

/** Where the 攻坚任务 text in the sheet awards other points than the province's 评审细则 (docs/design.md §4). */
export interface Discrepancy {
  sheet: string;
  cell: string;
  serial: string;
  /** Chinese explanation: what the sheet says, what 附件4 says, which one scoring follows. */
  message: string;
}

/**
 * A problem of the scan: where (sheet, cell) and what (message, Chinese), and for a milestone cell also
 * the row's 序号, the milestone's name and the clause that could not be read. `level` "warning" marks
 * what was read but should be checked (a title without a year); absent means an error.
 */
export interface ScanProblem extends Problem {
  serial?: string;
  milestone?: string;
  clause?: string;
  level?: "warning";
}

export interface ScanResult {
  asOf: IsoDate;
  dueSoonDays: number;
  tables: ScannedTable[];
  milestones: ScannedMilestone[];
  problems: ScanProblem[];
  unrecognised: { sheet: string; reason: string }[];
  discrepancies: Discrepancy[];
  counts: Record<MilestoneStatus, number>;
  /** The workbook's first filled 评分表, as the 周报's 评分情况 (null or absent: none). */
  score?: ScoreStatusInput | null;
}

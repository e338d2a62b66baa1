/**
 * A hand-built scan of a small workbook (as of 2024-09-01) and a fake WorkbookAdapter recording every
 * call. Day counts were worked out by hand: 5月31日 → 9月1日 is 93 days, 8月15日 → 9月1日 is 17,
 * 8月31日 → 9月1日 is 1, 9月1日 → 9月5日 is 4.
 */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { MilestoneStatus } from "../../src/core/milestones/types";
import { RULE_SETS } from "../../src/core/rules";
import type { RuleSetId } from "../../src/core/rules/types";
import type { ScannedMilestone, ScanResult } from "../../src/core/scan/types";
import type { DoneUndo, NoteSupport, ScanProgress, ScorecardRequest, WorkbookAdapter } from "../../src/excel/types";
import { App } from "../../src/taskpane/App";

export const AS_OF = "2024-09-01";

function milestone(partial: Partial<ScannedMilestone> & Pick<ScannedMilestone, "cell" | "serial" | "label" | "status">): ScannedMilestone {
  return {
    sheet: "攻坚任务",
    row: 4,
    col: 8,
    item: "执法稽查",
    text: "完成任务",
    due: null,
    kind: "date",
    daysOverdue: null,
    daysLeft: null,
    owners: { 盯办人: "王明", 责任人: "李强", 分管领导: "张副局长" },
    lead: "执法监督科",
    doneCell: "M5",
    ...partial,
  };
}

/** Wang Ming: 3-1 overdue 93 days, 3-2 due in 4 days. Zhao Li: 7-1 overdue 17 days, 基准 2-1 overdue 1 day. */
export const URGENT: ScannedMilestone[] = [
  milestone({ cell: "I5", serial: "3", label: "1", status: "overdue", text: "5月底前,出台执法大练兵实施方案", due: "2024-05-31", daysOverdue: 93 }),
  milestone({ cell: "I5", serial: "3", label: "2", status: "due-soon", text: "9月5日前,上报季度进展情况", due: "2024-09-05", daysLeft: 4 }),
  milestone({
    cell: "I9",
    row: 8,
    serial: "7",
    label: "1",
    status: "overdue",
    item: "案卷评查",
    text: "8月15日前,完成本年度案卷评查",
    due: "2024-08-15",
    daysOverdue: 17,
    owners: { 盯办人: "赵丽", 责任人: "李强", 分管领导: "张副局长" },
    lead: "法制科",
    doneCell: "M9",
  }),
  milestone({
    sheet: "基准任务",
    cell: "F6",
    row: 5,
    col: 5,
    serial: "2",
    label: "1",
    status: "overdue",
    item: "执法培训",
    text: "8月底前,完成全员执法培训",
    due: "2024-08-31",
    daysOverdue: 1,
    owners: { 盯办人: "赵丽", 责任人: "陈刚", 分管领导: "刘副局长" },
    lead: "执法监督科",
    doneCell: null,
  }),
];

/** Not listed by the pane (only counted): 2 pending, 4 done, 5 open-ended. */
function filler(status: MilestoneStatus, n: number): ScannedMilestone[] {
  return Array.from({ length: n }, (_, i) =>
    milestone({ cell: `I${20 + i}`, serial: String(20 + i), label: "1", status, text: `其他节点${status}${i}` }),
  );
}

export function makeScan(overrides: Partial<ScanResult> = {}): ScanResult {
  const milestones = [...URGENT, ...filler("pending", 2), ...filler("done", 4), ...filler("open-ended", 5)];
  const counts: Record<MilestoneStatus, number> = { overdue: 0, "due-soon": 0, pending: 0, done: 0, "open-ended": 0 };
  for (const m of milestones) counts[m.status] += 1;
  return {
    asOf: AS_OF,
    dueSoonDays: 7,
    tables: [
      { sheet: "攻坚任务", kind: "攻坚", title: "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表", year: 2024, yearSource: "title", headerRow: 3, rows: 51 },
      { sheet: "基准任务", kind: "基准", title: "盘锦市2024年大练兵基准任务责任分解表", year: 2024, yearSource: "title", headerRow: 2, rows: 20 },
    ],
    milestones,
    problems: [{ sheet: "攻坚任务", cell: "I40", message: "单元格内容是错误值 #N/A，已跳过" }],
    unrecognised: [{ sheet: "说明", reason: "未找到包含“序号”“牵头部门”的表头行" }],
    discrepancies: [
      { sheet: "攻坚任务", cell: "E17", serial: "15", message: "表中写每件 1分，附件4为每件 0.5分，按附件4计分" },
    ],
    counts,
    ...overrides,
  };
}

export interface FakeAdapter extends WorkbookAdapter {
  scan: jest.Mock<Promise<ScanResult>, [{ asOf: string; dueSoonDays: number }, ((p: ScanProgress) => void)?]>;
  flag: jest.Mock<Promise<{ flagged: number; noteSupport: NoteSupport }>, [ScanResult]>;
  unflag: jest.Mock<Promise<{ restored: number }>, []>;
  markDone: jest.Mock<Promise<DoneUndo>, [string, string, string]>;
  undoMarkDone: jest.Mock<Promise<void>, [DoneUndo]>;
  select: jest.Mock<Promise<void>, [string, string]>;
  insertFormulaColumns: jest.Mock<Promise<{ tables: number; added: boolean }>, []>;
  insertScorecard: jest.Mock<Promise<{ sheet: string; items: number; kept: number }>, [RuleSetId, ScorecardRequest?]>;
  noteSupport: jest.Mock<NoteSupport, []>;
  onChanged: jest.Mock<Promise<() => void>, [() => void]>;
  /** Simulates an edit in Excel: calls every registered change callback. */
  fireChange(): void;
  unsubscribed: number;
}

/** What the fake's markDone returns: as if the 已完成节点 cell M5 was empty before. */
export function doneUndo(sheet: string, label: string): DoneUndo {
  return {
    sheet,
    cell: "M5",
    label,
    written: label,
    previous: { formula: null, value: null, numberFormat: "General" },
    addedColumn: null,
  };
}

/** The sheet each 评分表 goes to, as the add-in names them (个人: one per candidate). */
export const SCORECARD_SHEETS: Record<RuleSetId, string> = { 攻坚: "评分表", 基准市: "评分表（基准市级）", 基准县: "评分表（基准县级）", 个人: "评分表（个人）" };

/** What the adapter answers for a fresh 评分表: its sheet, the set's item count, nothing kept. */
export function insertedScorecard(set: RuleSetId, options: ScorecardRequest = {}): { sheet: string; items: number; kept: number } {
  const sheet = set === "个人" && options.candidate ? `评分表（个人-${options.candidate}）` : SCORECARD_SHEETS[set];
  return { sheet, items: RULE_SETS[set].length, kept: 0 };
}

export function fakeAdapter(scan: ScanResult = makeScan(), noteMode: NoteSupport = "notes"): FakeAdapter {
  const listeners: (() => void)[] = [];
  const adapter = {
    scan: jest.fn(async () => scan),
    flag: jest.fn(async () => ({ flagged: 2, noteSupport: noteMode })),
    unflag: jest.fn(async () => ({ restored: 2 })),
    markDone: jest.fn(async (sheet: string, _cell: string, label: string) => doneUndo(sheet, label)),
    undoMarkDone: jest.fn(async () => undefined),
    select: jest.fn(async () => undefined),
    insertFormulaColumns: jest.fn(async () => ({ tables: 2, added: true })),
    insertScorecard: jest.fn(async (set: RuleSetId, options?: ScorecardRequest) => insertedScorecard(set, options)),
    noteSupport: jest.fn(() => noteMode),
    onChanged: jest.fn(async (cb: () => void) => {
      listeners.push(cb);
      return () => {
        adapter.unsubscribed += 1;
        listeners.splice(listeners.indexOf(cb), 1);
      };
    }),
    fireChange: () => listeners.slice().forEach((cb) => cb()),
    unsubscribed: 0,
  };
  return adapter as unknown as FakeAdapter;
}

export function renderPane(adapter: WorkbookAdapter, props: { scanOnOpen?: boolean } = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} today={AS_OF} {...props} />
    </FluentProvider>,
  );
}

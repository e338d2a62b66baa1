import {
  BACKUP_HEADER,
  combineNote,
  decodeBackup,
  encodeBackup,
  planFlags,
  stripOwnNote,
} from "../../src/core/flags";
import { NOTE_MARKER, type FlagBackupRecord } from "../../src/core/flags/types";
import type { ScannedMilestone, ScanResult } from "../../src/core/scan/types";

function milestone(over: Partial<ScannedMilestone>): ScannedMilestone {
  return {
    sheet: "攻坚",
    cell: "I3",
    row: 2,
    col: 8,
    serial: "1",
    item: "机构规范化建设",
    label: "1",
    text: "出台市级标准化建设工作方案",
    due: "2024-05-31",
    kind: "date",
    status: "pending",
    daysOverdue: null,
    daysLeft: null,
    owners: { 盯办人: "白聖豪", 责任人: "崔志宇", 分管领导: "曾增" },
    lead: "综合办公室",
    doneCell: null,
    ...over,
  };
}

function scan(milestones: ScannedMilestone[]): ScanResult {
  return {
    asOf: "2024-09-01",
    dueSoonDays: 7,
    tables: [],
    milestones,
    problems: [],
    unrecognised: [],
    discrepancies: [],
    counts: { overdue: 0, "due-soon": 0, pending: 0, done: 0, "open-ended": 0 },
  };
}

describe("planFlags", () => {
  const ms = [
    // I3: one overdue (31 May → 1 Sep is 93 days) and one pending → red
    milestone({ label: "1", status: "overdue", daysOverdue: 93 }),
    milestone({ label: "2", text: "上报规范化建设评估报告", due: "2024-09-30", status: "pending", daysLeft: 29 }),
    // I4: only due-soon → amber
    milestone({ cell: "I4", row: 3, serial: "2", label: "1", text: "完成装备配备", due: "2024-09-05", status: "due-soon", daysLeft: 4, owners: { 盯办人: "曾磊", 责任人: "周子杨", 分管领导: "张振伟" } }),
    // I5: pending and done only → no mark
    milestone({ cell: "I5", row: 4, serial: "3", status: "pending", due: "2024-10-15", daysLeft: 44 }),
    milestone({ cell: "I5", row: 4, serial: "3", label: "2", status: "done" }),
    // I6: overdue and due-soon in one cell → red, note lists both
    milestone({ cell: "I6", row: 5, serial: "4", label: "1", status: "overdue", due: "2024-08-30", daysOverdue: 2, owners: { 盯办人: "", 责任人: "", 分管领导: "" } }),
    milestone({ cell: "I6", row: 5, serial: "4", label: "2", text: "上报工作报告", status: "due-soon", due: "2024-09-03", daysLeft: 2, owners: { 盯办人: "", 责任人: "", 分管领导: "" } }),
  ];
  const marks = planFlags(scan(ms));

  it("gives one mark per cell with an overdue or due-soon milestone", () => {
    expect(marks.map((m) => `${m.cell}:${m.level}`)).toEqual(["I3:overdue", "I4:due-soon", "I6:overdue"]);
    expect(marks[0]).toMatchObject({ sheet: "攻坚", row: 2, col: 8 });
  });

  it("writes a note naming the overdue milestone, its due date, days overdue and 盯办人", () => {
    const note = marks[0].note;
    expect(note.startsWith(NOTE_MARKER)).toBe(true);
    expect(note).toContain("截至2024年9月1日");
    expect(note).toContain("序号1·节点1");
    expect(note).toContain("2024年5月31日");
    expect(note).toContain("已逾期93天");
    expect(note).toContain("盯办人：白聖豪");
    // the pending milestone of the same cell is not listed
    expect(note).not.toContain("评估报告");
  });

  it("lists due-soon milestones with the days left", () => {
    expect(marks[1].note).toContain("临期1项");
    expect(marks[1].note).toContain("还剩4天");
    expect(marks[1].note).toContain("盯办人：曾磊");
    expect(marks[2].note).toContain("已逾期1项");
    expect(marks[2].note).toContain("临期1项");
    expect(marks[2].note).toContain("盯办人：未填写");
  });

  it("flags nothing when nothing is late or due soon", () => {
    expect(planFlags(scan([milestone({ status: "pending" })]))).toEqual([]);
  });
});

describe("combineNote", () => {
  const ours = `${NOTE_MARKER}截至2024年9月1日：\n已逾期1项`;
  it("uses our note alone when the cell had none", () => {
    expect(combineNote(null, ours)).toBe(ours);
    expect(combineNote("", ours)).toBe(ours);
  });
  it("keeps the user's note first and appends ours", () => {
    expect(combineNote("请王科长审核", ours)).toBe(`请王科长审核\n\n${ours}`);
  });
  it("replaces an earlier note of ours instead of doubling it", () => {
    const earlier = `请王科长审核\n\n${NOTE_MARKER}截至2024年8月1日：\n临期1项`;
    expect(combineNote(earlier, ours)).toBe(`请王科长审核\n\n${ours}`);
    expect(combineNote(`${NOTE_MARKER}旧的`, ours)).toBe(ours);
  });
  it("stripOwnNote leaves the user's text", () => {
    expect(stripOwnNote(`备注\n\n${NOTE_MARKER}x`)).toBe("备注");
    expect(stripOwnNote(`${NOTE_MARKER}x`)).toBeNull();
    expect(stripOwnNote("备注")).toBe("备注");
  });
});

describe("backup encoding", () => {
  const records: FlagBackupRecord[] = [
    { sheet: "攻坚任务", cell: "I3", fillColor: null, fontColor: null, note: null, shell: "cli", exact: '{"fill":null}' },
    { sheet: "2024", cell: "J10", fillColor: "#00B050", fontColor: "#FF0000", note: "原批注\n第二行", shell: "excel" },
  ];

  it("writes a header row and one row per record", () => {
    const rows = encodeBackup(records);
    expect(rows[0]).toEqual([...BACKUP_HEADER]);
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(0, 2)).toEqual(["攻坚任务", "I3"]);
  });

  it("reads back exactly what it wrote", () => {
    expect(decodeBackup(encodeBackup(records))).toEqual(records);
  });

  it("reads values as a host returns them: empty cells as '', columns in another order", () => {
    const host = [
      ["cell", "sheet", "note", "fillColor", "fontColor", "shell"],
      ["B2", "表1", "", "#FFFFFF", "", "excel"],
      ["", "表1", "", "", "", "excel"],
    ];
    expect(decodeBackup(host)).toEqual([
      { sheet: "表1", cell: "B2", fillColor: "#FFFFFF", fontColor: null, note: null, shell: "excel" },
    ]);
  });

  it("an empty sheet has no records", () => {
    expect(decodeBackup([])).toEqual([]);
  });
});

import {
  BACKUP_CELL_CHARS,
  BACKUP_SIGNATURE,
  combineNote,
  decodeBackup,
  encodeBackup,
  fingerprint,
  planFlag,
  planFlags,
  planUnflag,
  splitText,
  stripOwnNote,
} from "../../src/core/flags";
import { FLAG_STYLE, NOTE_MARKER, type CellLook, type FlagBackupRecord } from "../../src/core/flags/types";
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

describe("backup format", () => {
  const records: FlagBackupRecord[] = [
    { sheet: "攻坚任务", cell: "I3", level: "overdue", valuePrint: fingerprint("x"), notePrint: null, original: { fill: null, fontColor: null, note: null }, shell: "cli", exact: '{"fill":null}' },
    { sheet: "2024", cell: "J10", level: "due-soon", valuePrint: fingerprint("y"), notePrint: fingerprint("z"), original: { fill: "#00B050", fontColor: "#FF0000", note: "原批注\n第二行" }, shell: "excel" },
  ];

  it("starts with a signature row and reads back exactly what it wrote", () => {
    const rows = encodeBackup(records);
    expect(rows[0].slice(0, 2)).toEqual([BACKUP_SIGNATURE, "2"]);
    expect(decodeBackup(true, true, rows)).toEqual({ kind: "ours", records, damaged: [] });
  });

  it("splits a long record over cells under Excel's 32,767-character limit, never inside a surrogate pair", () => {
    const long = { ...records[1], original: { ...records[1].original, note: "𠀀批注".repeat(40_000) } };
    const rows = encodeBackup([long]);
    expect(rows[1].length).toBeGreaterThan(3);
    for (const cell of rows[1]) {
      expect(cell.length).toBeLessThanOrEqual(BACKUP_CELL_CHARS);
      expect(/^[\udc00-\udfff]/.test(cell)).toBe(false);
    }
    expect(decodeBackup(true, true, rows)).toEqual({ kind: "ours", records: [long], damaged: [] });
    expect(splitText("ab\ud840\udc00c", 3)).toEqual(["ab", "\ud840\udc00c"]);
  });

  it("names damaged rows in Chinese: bad JSON, an impossible address, a wrong-shaped colour", () => {
    const rows = encodeBackup(records);
    rows[1] = [rows[1][0].slice(0, 20)];
    rows.push([JSON.stringify({ ...records[0], cell: "XFE1" })]);
    rows.push([JSON.stringify({ ...records[0], original: { fill: { argb: "FF0000" }, fontColor: null, note: null } })]);
    const state = decodeBackup(true, true, rows);
    expect(state.kind === "ours" && state.damaged.map((d) => [d.row, d.reason])).toEqual([
      [2, "内容不完整或已被改动"],
      [4, "单元格地址“XFE1”不存在"],
      [5, "原填充色“[object Object]”格式不对"],
    ]);
  });

  it("a visible sheet of the backup's name is the user's; a hidden one without the signature is garbled", () => {
    expect(decodeBackup(true, false, [["x"]])).toEqual({ kind: "foreign" });
    expect(decodeBackup(false, false, [])).toEqual({ kind: "none" });
    const garbled = decodeBackup(true, true, [["sheet", "cell"], ["攻坚", "I3"]]);
    expect(garbled.kind === "ours" && garbled.damaged.length).toBe(2);
  });
});

describe("the flag engine", () => {
  const ours = `${NOTE_MARKER}截至2024年9月1日：\n已逾期1项`;
  const markI3 = { sheet: "攻坚", cell: "I3", row: 2, col: 8, level: "overdue" as const, note: ours };
  const plain: CellLook = { value: "出台方案", fill: "#00B050", fontColor: null, note: "用户批注" };
  const none = { kind: "none" } as const;

  it("a fresh flag records the look before and paints the user's note first, ours below", () => {
    const plan = planFlag([markI3], () => plain, none, { shell: "cli", writesNotes: true });
    expect(plan.paint[0].note).toBe(`用户批注\n\n${ours}`);
    expect(plan.backup[0]).toMatchObject({ cell: "I3", original: { fill: "#00B050", fontColor: null, note: "用户批注" }, notePrint: fingerprint(ours) });
  });

  it("never records a flagged look as the original: a cell red with our note but no record is named, not painted", () => {
    const red: CellLook = { value: "出台方案", fill: FLAG_STYLE.overdue.fill, fontColor: FLAG_STYLE.overdue.font, note: ours };
    const plan = planFlag([markI3], () => red, none, { shell: "cli", writesNotes: true });
    expect(plan.paint).toEqual([]);
    expect(plan.backup).toEqual([]);
    expect(plan.problems[0].message).toContain("“攻坚”!I3带有大练兵助手的标注");
  });

  it("after a row was inserted, the record at the old address is not used on the cell now there", () => {
    const first = planFlag([markI3], () => plain, none, { shell: "cli", writesNotes: true });
    const state = { kind: "ours" as const, records: first.backup, damaged: [] };
    const other: CellLook = { value: "别的单元格", fill: FLAG_STYLE.overdue.fill, fontColor: FLAG_STYLE.overdue.font, note: `${NOTE_MARKER}截至2024年9月1日：\n已逾期2项` };
    const plan = planUnflag(() => other, state);
    expect(plan.restore).toEqual([]);
    expect(plan.skipped).toBe(1);
    expect(plan.backup).toEqual(first.backup);
  });

  it("unflag restores the original note exactly when the user's part is unchanged", () => {
    const first = planFlag([markI3], () => plain, none, { shell: "cli", writesNotes: true });
    const flagged: CellLook = { value: "出台方案", fill: FLAG_STYLE.overdue.fill, fontColor: FLAG_STYLE.overdue.font, note: first.paint[0].note };
    const plan = planUnflag(() => flagged, { kind: "ours", records: first.backup, damaged: [] });
    expect(plan.restore[0]).toMatchObject({ fill: true, fontColor: true, note: { kind: "set", text: "用户批注", original: true } });
    expect(plan.backup).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  it("is linear: five times the marks take about five times as long, not twenty-five", () => {
    const flagged = (): CellLook => ({ ...plain, fill: FLAG_STYLE.overdue.fill, fontColor: FLAG_STYLE.overdue.font, note: `用户批注\n\n${ours}` });
    const time = (n: number): number => {
      const marks = Array.from({ length: n }, (_, i) => ({ ...markI3, cell: `I${i + 3}`, row: i + 2 }));
      const start = performance.now();
      const plan = planFlag(marks, () => plain, none, { shell: "cli", writesNotes: true });
      // Flag again: every record found at its cell (identical fingerprints everywhere: the worst case).
      const again = planFlag(marks, flagged, { kind: "ours", records: plan.backup, damaged: [] }, { shell: "cli", writesNotes: true });
      expect(again.paint).toHaveLength(n);
      expect(again.problems).toEqual([]);
      return performance.now() - start;
    };
    time(2_000); // warm up
    const small = time(20_000);
    const large = time(100_000);
    expect(large).toBeLessThan(12 * small + 500);
  });
});

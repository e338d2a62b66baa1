/**
 * End-to-end: the real `dalianbing` command (bin/dalianbing.js) in a child process, against the sample.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { BACKUP_SHEET, NOTE_MARKER } from "../../src/core/flags/types";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dalianbing.js");
const SAMPLE = path.join(ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of every sheet but the backup sheet: address → what `pick` reads from it. */
function cells(wb: ExcelJS.Workbook, pick: (c: ExcelJS.Cell) => unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  wb.eachSheet((ws) => {
    if (ws.name === BACKUP_SHEET) return;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => out.set(`${ws.name}!${cell.address}`, JSON.parse(JSON.stringify(pick(cell) ?? null)))),
    );
  });
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("dalianbing scan", () => {
  let report: {
    asOf: string;
    tables: { sheet: string; kind: string; headerRow: number; rows: number }[];
    milestones: { sheet: string; cell: string; serial: string; label: string; due: string | null; status: string; owners: Record<string, string>; lead: string }[];
    problems: unknown[];
    discrepancies: { serial: string; cell: string; message: string }[];
  };

  beforeAll(() => {
    const r = run(["scan", "--as-of", "2024-09-01", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    report = JSON.parse(r.stdout);
  });

  it("finds both tables of the sample (51 攻坚 rows, header in row 2)", () => {
    expect(report.asOf).toBe("2024-09-01");
    const gongjian = report.tables.find((t) => t.kind === "攻坚");
    expect(gongjian).toEqual({ sheet: "攻坚任务", kind: "攻坚", headerRow: 2, rows: 51 });
    expect(report.tables.some((t) => t.kind === "基准")).toBe(true);
  });

  it("row 1 (I3): '1.5月底前' overdue, '3、10月15日前' pending, with its people", () => {
    const row1 = report.milestones.filter((m) => m.sheet === "攻坚任务" && m.cell === "I3");
    expect(row1.find((m) => m.label === "1")).toMatchObject({ serial: "1", due: "2024-05-31", status: "overdue", lead: "综合办公室", owners: { 盯办人: "白聖豪", 责任人: "崔志宇", 分管领导: "曾增" } });
    expect(row1.find((m) => m.label === "2")).toMatchObject({ due: "2024-09-30", status: "pending" });
    expect(row1.find((m) => m.label === "3")).toMatchObject({ due: "2024-10-15", status: "pending" });
  });

  it("lists the merged 市级辅助成果 of rows 22–25 once, at its top-left cell", () => {
    const of22to25 = report.milestones.filter((m) => m.sheet === "攻坚任务" && ["22", "23", "24", "25"].includes(m.serial));
    expect(of22to25.length).toBeGreaterThan(0);
    expect(new Set(of22to25.map((m) => `${m.cell}/${m.serial}`))).toEqual(new Set(["I24/22"]));
    // each label once
    const labels = of22to25.map((m) => m.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("reports the five known differences between the 分解表 and 附件4 (rows 15, 29, 35, 42, 47)", () => {
    const serials = new Set(report.discrepancies.map((d) => d.serial));
    for (const s of ["15", "29", "35", "42", "47"]) expect(serials.has(s)).toBe(true);
    expect(report.discrepancies.find((d) => d.serial === "15")?.cell).toBe("E17");
  });

  it("prints a Chinese report grouped by 盯办人 without --json, from any working directory", () => {
    const r = run(["scan", "--as-of", "2024-09-01"], os.tmpdir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("截至日期：2024年9月1日");
    expect(r.stdout).toContain("盯办人：白聖豪");
    expect(r.stdout).toContain("已逾期93天");
    expect(r.stdout).toContain("攻坚任务!I3");
    expect(r.stdout).toContain("【规则差异】");
    expect(r.stdout).not.toContain("\x1b[");
  });
});

describe("dalianbing flag / unflag", () => {
  const flagged = path.join(tmp, "flagged.xlsx");
  const unflagged = path.join(tmp, "unflagged.xlsx");
  let before: string;

  beforeAll(() => {
    before = sha(SAMPLE);
    const f = run(["flag", SAMPLE, "-o", flagged, "--as-of", "2024-09-01"]);
    expect(f.stderr).toBe("");
    expect(f.code).toBe(0);
    const u = run(["unflag", flagged, "-o", unflagged]);
    expect(u.stderr).toBe("");
    expect(u.code).toBe(0);
  });

  it("never writes the input", () => {
    expect(sha(SAMPLE)).toBe(before);
  });

  it("fills overdue cells red and due-soon cells amber, with a note", async () => {
    const wb = await load(flagged);
    const ws = wb.getWorksheet("攻坚任务")!;
    const i3 = ws.getCell("I3");
    expect(i3.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(i3.font.color).toEqual({ argb: "FF9C0006" });
    const note = typeof i3.note === "string" ? i3.note : "";
    expect(note).toContain(NOTE_MARKER);
    expect(note).toContain("已逾期93天");
    expect(note).toContain("盯办人：白聖豪");
    expect(wb.getWorksheet(BACKUP_SHEET)?.state).toBe("veryHidden");
  });

  it("a cell with only due-soon milestones is amber", async () => {
    // As of 2024-09-25, row 1's '2.9月底前' (30 Sep) is due in 5 days, and '1.5月底前' stays overdue;
    // with '1' marked done there is nothing overdue left in I3. Checked on a copy with 已完成节点 filled.
    const wb = await load(SAMPLE);
    const ws = wb.getWorksheet("攻坚任务")!;
    const header = ws.getRow(2).values as unknown[];
    let doneCol = header.findIndex((v) => v === "已完成节点");
    if (doneCol < 0) {
      doneCol = header.length;
      ws.getCell(2, doneCol).value = "已完成节点";
    }
    ws.getCell(3, doneCol).value = "1";
    const input = path.join(tmp, "done.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(tmp, "done.flagged.xlsx");
    const r = run(["flag", input, "-o", out, "--as-of", "2024-09-25"]);
    expect(r.code).toBe(0);
    const i3 = (await load(out)).getWorksheet("攻坚任务")!.getCell("I3");
    expect(i3.fill).toMatchObject({ fgColor: { argb: "FFFFEB9C" } });
    expect(String(i3.note)).toContain("还剩5天");
  });

  it("keeps every value and formula of every cell", async () => {
    const original = cells(await load(SAMPLE), (c) => c.value);
    const copy = cells(await load(flagged), (c) => c.value);
    expect(copy).toEqual(original);
  });

  it("unflag restores every fill, font and note and removes the backup sheet", async () => {
    const pick = (c: ExcelJS.Cell) => ({ fill: c.style.fill ?? null, font: c.style.font ?? null, note: c.note ?? null, value: c.value });
    const original = cells(await load(SAMPLE), pick);
    const restored = await load(unflagged);
    expect(cells(restored, pick)).toEqual(original);
    expect(restored.getWorksheet(BACKUP_SHEET)).toBeUndefined();
  });

  it("flagging a flagged copy again keeps one note and the true original", async () => {
    const twice = path.join(tmp, "twice.xlsx");
    expect(run(["flag", flagged, "-o", twice, "--as-of", "2024-09-01"]).code).toBe(0);
    const note = String((await load(twice)).getWorksheet("攻坚任务")!.getCell("I3").note);
    expect(note.split(NOTE_MARKER)).toHaveLength(2);
    const back = path.join(tmp, "twice.unflagged.xlsx");
    expect(run(["unflag", twice, "-o", back]).code).toBe(0);
    const pick = (c: ExcelJS.Cell) => ({ fill: c.style.fill ?? null, font: c.style.font ?? null, note: c.note ?? null });
    expect(cells(await load(back), pick)).toEqual(cells(await load(SAMPLE), pick));
  });

  it("refuses to write over its input", () => {
    const copy = path.join(tmp, "same.xlsx");
    fs.copyFileSync(SAMPLE, copy);
    const hash = sha(copy);
    const r = run(["flag", copy, "-o", copy, "--as-of", "2024-09-01"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("不能与输入文件相同");
    expect(sha(copy)).toBe(hash);
  });
});

describe("dalianbing rules", () => {
  it("prints the 攻坚 catalog", () => {
    const r = run(["rules", "--set", "攻坚"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("规范建设");
    expect(r.stdout).toContain("线索识别");
  });
  it("prints every catalog without --set", () => {
    const r = run(["rules"]);
    expect(r.code).toBe(0);
    // The four catalogs, by the titles of 附件4/5/6 (source lines 191, 223, 253), in this order.
    const titles = r.stdout.split("\n").filter((l) => /^表现突出.*评审细则/.test(l));
    expect(titles).toEqual([
      "表现突出集体攻坚任务评审细则（附件4）",
      "表现突出集体基准任务评审细则·市级（附件5）",
      "表现突出集体基准任务评审细则·县级（附件5）",
      "表现突出个人评审细则（附件6）",
    ]);
  });
});

describe("errors: Chinese message, exit code ≠ 0, no stack trace", () => {
  const notWorkbook = path.join(tmp, "笔记.xlsx");
  const oldXls = path.join(tmp, "旧表.xls");
  const encrypted = path.join(tmp, "加密.xlsx");
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const pad = Buffer.alloc(512);
  beforeAll(() => {
    fs.writeFileSync(notWorkbook, "这不是工作簿");
    fs.writeFileSync(oldXls, Buffer.concat([ole, pad, Buffer.from("Workbook", "utf16le"), pad]));
    fs.writeFileSync(encrypted, Buffer.concat([ole, pad, Buffer.from("EncryptionInfo", "utf16le"), pad, Buffer.from("EncryptedPackage", "utf16le"), pad]));
  });

  // Exit code 1: the file cannot be used; 2: the command line is wrong (and the message points to help).
  const cases: [string, () => string[], RegExp, number][] = [
    ["missing file", () => ["scan", path.join(tmp, "没有这个文件.xlsx")], /找不到文件/, 1],
    ["not a workbook", () => ["scan", notWorkbook], /不是 Excel 工作簿/, 1],
    ["an old .xls", () => ["scan", oldXls], /另存为.*\.xlsx/, 1],
    ["a password-protected workbook", () => ["scan", encrypted], /密码/, 1],
    ["a bad date", () => ["scan", "--as-of", "2024-13-01"], /--as-of 的日期无效/, 2],
    ["a date that is not YYYY-MM-DD", () => ["scan", "--as-of", "9月1日"], /--as-of 的日期无效/, 2],
    ["a bad due-soon window", () => ["scan", "--due-soon-days", "-3"], /--due-soon-days/, 2],
    ["an unknown option", () => ["scan", "--colour"], /未知选项：--colour/, 2],
    ["an unknown command", () => ["scna"], /未知命令：scna/, 2],
    ["flag without -o", () => ["flag", SAMPLE], /-o/, 2],
    ["an unknown rule set", () => ["rules", "--set", "县级"], /--set/, 2],
  ];

  it.each(cases)("%s", (_name, args, message, code) => {
    const r = run(args());
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^错误：/);
    if (code === 2) expect(r.stderr).toContain("运行 npx dalianbing help 查看用法。");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe("");
  });

  it("help is Chinese and exits 0", () => {
    const r = run(["help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("用法");
  });
});

/**
 * The scan report as a user reads it (issue 10 §2): counts first, people by overdue count with all their
 * items together, --by / --person / --lead, one date format, discrepancies once, pasteable commands,
 * --json fields, flag --force, cell text that cannot drive the terminal, and a 100,000-row sheet.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, SAMPLE_WORKBOOK, type Io } from "../../src/cli/main";
import { printable, shellQuote } from "../../src/cli/terminal";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dalianbing.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-report-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], isTty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty, now: new Date(2024, 8, 25, 10, 0) };
  const code = await main(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

interface JsonMilestone {
  sheet: string;
  cell: string;
  serial: string;
  item: string;
  label: string;
  status: string;
  due: string | null;
  daysOverdue: number | null;
  daysLeft: number | null;
  owners: { 盯办人: string; 责任人: string; 分管领导: string };
  lead: string;
}

async function json(args: string[]): Promise<{ milestones: JsonMilestone[]; counts: Record<string, number> }> {
  const r = await cli([...args, "--json"]);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

/** The group headers of the report: "  盯办人：王江（已逾期 8 项，临期 1 项）" → { name, overdue, dueSoon }. */
function groupHeaders(report: string, by = "盯办人") {
  const re = new RegExp(`^  ${by}：(.+)（(?:已逾期 (\\d+) 项)?(?:，)?(?:临期 (\\d+) 项)?）$`);
  return report
    .split("\n")
    .map((line) => re.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], overdue: Number(m[2] ?? 0), dueSoon: Number(m[3] ?? 0) }));
}

/** The milestone lines under each group header: group name → ["序号1·节点1 已逾期117天", …]. */
function groupItems(report: string, by = "盯办人"): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of report.split("\n")) {
    const header = new RegExp(`^  ${by}：(.+)（`).exec(line);
    if (header) groups.set(header[1], (current = []));
    else if (/^\S/.test(line) || line === "") current = null;
    else if (current && line.startsWith("    · ")) current.push(line);
  }
  return groups;
}

describe("scan: the order a reader needs", () => {
  let report: string;
  let all: { milestones: JsonMilestone[]; counts: Record<string, number> };
  beforeAll(async () => {
    const r = await cli(["scan", "--as-of", "2024-09-25"]);
    expect(r.code).toBe(0);
    report = r.stdout;
    all = await json(["scan", "--as-of", "2024-09-25"]);
  });

  it("prints the counts before any person", () => {
    const lines = report.split("\n");
    const counts = lines.findIndex((l) => l.startsWith("【节点统计】"));
    const firstPerson = lines.findIndex((l) => l.startsWith("  盯办人："));
    expect(counts).toBeGreaterThan(0);
    expect(firstPerson).toBeGreaterThan(counts);
    expect(lines[counts]).toBe(
      `【节点统计】已逾期 ${all.counts.overdue}　临期 ${all.counts["due-soon"]}　未到期 ${all.counts.pending}　无固定期限 ${all.counts["open-ended"]}　已完成 ${all.counts.done}　合计 ${all.milestones.length}`,
    );
  });

  it("lists each 盯办人 once, most overdue first, with the counts the JSON has", () => {
    const headers = groupHeaders(report);
    const names = headers.map((h) => h.name);
    expect(new Set(names).size).toBe(names.length);
    for (let i = 1; i < headers.length; i++) expect(headers[i - 1].overdue).toBeGreaterThanOrEqual(headers[i].overdue);
    // 王江 has the most overdue milestones of the sample on 25 Sep (8), so he comes first.
    expect(headers[0]).toEqual({ name: "王江", overdue: 8, dueSoon: 1 });
    for (const h of headers) {
      const mine = all.milestones.filter((m) => m.owners.盯办人 === h.name);
      expect(h.overdue).toBe(mine.filter((m) => m.status === "overdue").length);
      expect(h.dueSoon).toBe(mine.filter((m) => m.status === "due-soon").length);
    }
    const urgent = all.milestones.filter((m) => m.status === "overdue" || m.status === "due-soon");
    expect(headers.reduce((n, h) => n + h.overdue + h.dueSoon, 0)).toBe(urgent.length);
  });

  it("keeps one person's overdue and due-soon items together, overdue (longest first) before due soon", () => {
    const items = groupItems(report).get("白聖豪")!;
    expect(items.map((l) => /(已逾期\d+天|还剩\d+天|今天到期)/.exec(l)?.[1])).toEqual(["已逾期117天", "已逾期26天", "还剩5天", "还剩5天", "还剩5天"]);
    expect(items[0]).toContain("序号1·节点1「机构规范化建设(7分)」");
  });

  it("writes every date as 2024年5月31日 (ISO dates only inside the commands to paste)", () => {
    const prose = report.split("\n").filter((l) => !l.trimStart().startsWith("npx dalianbing"));
    expect(prose.join("\n")).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
    expect(report).toContain("截止：2024年5月31日");
    expect(report).toContain("截至日期：2024年9月25日");
  });
});

describe("scan --by, --person, --lead", () => {
  it("--by 责任人 groups by 责任人 and shows the 盯办人 under each item instead", async () => {
    const r = await cli(["scan", "--as-of", "2024-09-25", "--by", "责任人"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("【按责任人】");
    const all = await json(["scan", "--as-of", "2024-09-25"]);
    const headers = groupHeaders(r.stdout, "责任人");
    expect(headers.length).toBeGreaterThan(1);
    for (const h of headers) {
      const mine = all.milestones.filter((m) => m.owners.责任人 === h.name);
      expect(h.overdue).toBe(mine.filter((m) => m.status === "overdue").length);
    }
    expect(r.stdout).not.toMatch(/^ {2}盯办人：/m);
    expect(r.stdout).toMatch(/^ {6}截止：.*盯办人：白聖豪/m);
    expect(r.stdout).not.toMatch(/^ {6}截止：.*责任人：/m);
  });

  it("--by 牵头部门 groups by department", async () => {
    const r = await cli(["scan", "--as-of", "2024-09-25", "--by", "牵头部门"]);
    const all = await json(["scan", "--as-of", "2024-09-25"]);
    const of = (lead: string, status: string) => all.milestones.filter((m) => m.lead === lead && m.status === status).length;
    const headers = groupHeaders(r.stdout, "牵头部门");
    expect(headers[0].name).toBe("指导监督科");
    for (const h of headers) expect(h).toEqual({ name: h.name, overdue: of(h.name, "overdue"), dueSoon: of(h.name, "due-soon") });
    expect(r.stdout).toContain("个部门有已逾期或临期的节点");
  });

  it("rejects another --by in Chinese", async () => {
    const r = await cli(["scan", "--by", "科室"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--by 应为 盯办人、责任人、分管领导、牵头部门 之一，收到“科室”");
  });

  it("--person keeps the milestones where the person is 盯办人, 责任人 or 分管领导", async () => {
    const all = await json(["scan", "--as-of", "2024-09-25"]);
    const mine = all.milestones.filter((m) => [m.owners.盯办人, m.owners.责任人, m.owners.分管领导].includes("王江"));
    const filtered = await json(["scan", "--as-of", "2024-09-25", "--person", "王江"]);
    expect(filtered.milestones).toEqual(mine);
    expect(filtered.counts.overdue).toBe(mine.filter((m) => m.status === "overdue").length);
    // 王一隆 chases rows where 王江 is 责任人: those are 王江's too.
    expect(filtered.milestones.some((m) => m.owners.盯办人 === "王一隆")).toBe(true);
    const text = (await cli(["scan", "--as-of", "2024-09-25", "--person", "王江"])).stdout;
    expect(text).toContain("筛选：人员“王江”（盯办人、责任人或分管领导）");
    expect(groupHeaders(text).map((h) => h.name)).toEqual(expect.arrayContaining(["王江", "王一隆"]));
    expect(groupHeaders(text).map((h) => h.name)).not.toContain("白聖豪");
  });

  it("--person with a name nobody has says so and lists the people", async () => {
    const r = await cli(["scan", "--as-of", "2024-09-25", "--person", "王"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：没有盯办人、责任人或分管领导为“王”的节点。表中的人员：.*王江.*周子杨/);
    expect(r.stderr).not.toContain("——");
    expect(r.stdout).toBe("");
  });

  it("--lead keeps one 牵头部门; with --person both apply", async () => {
    const lead = await json(["scan", "--as-of", "2024-09-25", "--lead", "综合办公室"]);
    expect(lead.milestones.length).toBeGreaterThan(0);
    expect(new Set(lead.milestones.map((m) => m.lead))).toEqual(new Set(["综合办公室"]));
    const both = await json(["scan", "--as-of", "2024-09-25", "--lead", "指导监督科", "--person", "王一隆"]);
    expect(both.milestones.length).toBeGreaterThan(0);
    expect(both.milestones.every((m) => m.lead === "指导监督科" && m.owners.盯办人 === "王一隆")).toBe(true);
    const none = await cli(["scan", "--lead", "综合办"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("没有牵头部门为“综合办”的节点。表中的牵头部门：");
  });
});

describe("scan --json milestone fields", () => {
  it("adds 评审项目 (item), daysOverdue / daysLeft, and the row's 责任人 and 分管领导", async () => {
    const { milestones } = await json(["scan", "--as-of", "2024-09-25"]);
    const i3 = milestones.filter((m) => m.sheet === "攻坚任务" && m.cell === "I3");
    expect(i3.find((m) => m.label === "1")).toMatchObject({
      item: "机构规范化建设(7分)",
      status: "overdue",
      daysOverdue: 117,
      daysLeft: null,
      owners: { 盯办人: "白聖豪", 责任人: "崔志宇", 分管领导: "曾增" },
    });
    expect(i3.find((m) => m.label === "2")).toMatchObject({ status: "due-soon", daysOverdue: null, daysLeft: 5 });
    expect(i3.find((m) => m.label === "3")).toMatchObject({ status: "pending", daysLeft: 20 });
  });
});

/** The sample with its 攻坚 sheet copied once more (values only): every discrepancy is there twice. */
async function sampleWithCopy(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_WORKBOOK);
  const source = wb.getWorksheet("攻坚任务")!;
  const copy = wb.addWorksheet("攻坚任务（6月）");
  source.eachRow((row, n) => {
    copy.getRow(n).values = row.values as ExcelJS.CellValue[];
  });
  await wb.xlsx.writeFile(file);
}

describe("discrepancies once per workbook", () => {
  const file = path.join(tmp, "两张攻坚表.xlsx");
  beforeAll(() => sampleWithCopy(file));

  it("prints each discrepancy once, naming how many places have it; --verbose prints every place", async () => {
    const short = (await cli(["scan", file, "--as-of", "2024-09-25"])).stdout;
    const lines15 = short.split("\n").filter((l) => l.includes("序号15“线索识别”"));
    expect(lines15).toEqual([expect.stringMatching(/^ {2}· 攻坚任务!E17 等2处：序号15“线索识别”：表中写/)]);
    // 9 攻坚 entries (rows 15, 21, 29, 35, 36, 38, 42, 47, 50) on both 攻坚 sheets, and 16 基准 entries on the one 基准 sheet.
    expect(short).toContain("【规则差异】25项，共34处");
    expect(short).toContain("加 --verbose 列出每一处");
    const verbose = (await cli(["scan", file, "--as-of", "2024-09-25", "--verbose"])).stdout;
    const all15 = verbose.split("\n").filter((l) => l.includes("序号15“线索识别”"));
    expect(all15).toEqual([expect.stringMatching(/^ {2}· 攻坚任务!E17：/), expect.stringMatching(/^ {2}· 攻坚任务（6月）!E17：/)]);
  });
});

function sha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Runs a printed `npx dalianbing …` line in a POSIX shell, as a user pasting it would (bin run by node). */
function paste(command: string, cwd: string) {
  expect(command.startsWith("npx dalianbing ")).toBe(true);
  const line = command.replace(/^npx dalianbing /, `${shellQuote(process.execPath)} ${shellQuote(BIN)} `);
  const r = spawnSync("sh", ["-c", line], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("suggested commands paste as printed", () => {
  it("the flag command of the report and the unflag command of flag run in a shell, for a path with spaces and a quote", async () => {
    const dir = path.join(tmp, "王's 文件 夹");
    fs.mkdirSync(dir);
    const file = path.join(dir, "责任 分解表.xlsx");
    fs.copyFileSync(SAMPLE_WORKBOOK, file);
    const report = (await cli(["scan", file, "--as-of", "2024-09-25"])).stdout;
    const commands = report.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("npx dalianbing "));
    expect(commands).toHaveLength(2);
    const flagged = paste(commands[0], os.tmpdir());
    expect(flagged.stderr).toBe("");
    expect(flagged.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "责任 分解表.标注.xlsx"))).toBe(true);
    expect(flagged.stdout).toContain("截至2024年9月25日：已标注");
    const undo = /^撤销标注：(npx dalianbing .*)$/m.exec(flagged.stdout)?.[1];
    expect(undo).toBeDefined();
    const unflagged = paste(undo!, os.tmpdir());
    expect(unflagged.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "责任 分解表.标注.撤销标注.xlsx"))).toBe(true);
    const scanned = paste(commands[1], os.tmpdir());
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toContain("【按责任人】");
  });

  it("the sample's copy goes to the current folder, not into the package", async () => {
    const report = (await cli(["scan", "--as-of", "2024-09-25"])).stdout;
    expect(report).toContain(`-o '盘锦市2024年大练兵责任分解表.标注.xlsx' --as-of 2024-09-25`);
  });

  it("quotes for cmd and PowerShell on Windows", () => {
    expect(shellQuote("C:\\表 格\\a.xlsx", "win32")).toBe('"C:\\表 格\\a.xlsx"');
    expect(shellQuote("it's", "linux")).toBe(`'it'\\''s'`);
  });
});

describe("flag --force", () => {
  it("refuses to overwrite an existing output file unless --force", async () => {
    const out = path.join(tmp, "已有.xlsx");
    fs.writeFileSync(out, "别人的文件");
    const refused = await cli(["flag", SAMPLE_WORKBOOK, "-o", out, "--as-of", "2024-09-25"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`输出文件已存在：${out}`);
    expect(refused.stderr).toContain("--force");
    expect(fs.readFileSync(out, "utf8")).toBe("别人的文件");
    const unflagRefused = await cli(["unflag", SAMPLE_WORKBOOK, "-o", out]);
    expect(unflagRefused.code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("别人的文件");

    const forced = await cli(["flag", SAMPLE_WORKBOOK, "-o", out, "--as-of", "2024-09-25", "--force"]);
    expect(forced.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("攻坚任务")!.getCell("I3").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
  });

  it("writes a new output file without --force", async () => {
    const out = path.join(tmp, "新的.xlsx");
    const before = sha(SAMPLE_WORKBOOK);
    expect((await cli(["flag", SAMPLE_WORKBOOK, "-o", out, "--as-of", "2024-09-25"])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(sha(SAMPLE_WORKBOOK)).toBe(before);
  });
});

/**
 * Cell text as Excel stores a control character (OOXML's _xHHHH_ escape; XML cannot hold the raw
 * character): ExcelJS writes it as is and decodes it on reading, as it does for files saved by Excel.
 */
function asStoredByExcel(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** A small 攻坚 table; `rows` are [序号, 评审项目, 市级辅助成果, 盯办人, 责任人, 分管领导]. */
function tableWorkbook(sheetName: string, rows: (string | number)[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"]);
  ws.addRow(["序号", "评审项目", "攻坚任务", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导"]);
  for (const [serial, item, milestone, who, owner, leader] of rows) ws.addRow([serial, item, "任务", "法制科", milestone, who, owner, leader].map((v) => (typeof v === "string" ? asStoredByExcel(v) : v)));
  return wb;
}

describe("cell text cannot drive the terminal", () => {
  const ESC = "\x1b";
  const nasty = {
    who: `王江${ESC}]0;被改了标题\x07${ESC}[2J${ESC}[H`,
    text: `5月底前,出台${ESC}[31m方案\x9b2J\x07`,
    item: `规范\u202e建设\x00`,
    leader: `曾增\r\n${ESC}c`,
  };
  const file = path.join(tmp, "控制字符.xlsx");
  beforeAll(() => tableWorkbook("控制字符", [[1, nasty.item, nasty.text, nasty.who, "崔志宇", nasty.leader]]).xlsx.writeFile(file));

  it("the text report keeps the Chinese and drops every control and escape sequence", async () => {
    for (const tty of [false, true]) {
      const r = await cli(["scan", file, "--as-of", "2024-09-25", "--verbose"], tty);
      expect(r.code).toBe(0);
      // Our own colours (on a terminal) are the only escape sequences left.
      const withoutOurColours = r.stdout.replace(/\x1b\[(?:31|33|1|2|0)m/g, "");
      expect(withoutOurColours).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
      expect(withoutOurColours).toContain("盯办人：王江（已逾期 1 项）");
      expect(withoutOurColours).toContain("「规范建设」");
      expect(withoutOurColours).toContain("5月底前,出台方案");
      expect(withoutOurColours).toContain("分管领导：曾增");
      expect(withoutOurColours).not.toContain("被改了标题");
    }
  });

  it("--json keeps the exact text, with every control escaped", async () => {
    const r = await cli(["scan", file, "--as-of", "2024-09-25", "--json"]);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    const m = JSON.parse(r.stdout).milestones[0];
    expect(m.owners.盯办人).toBe(nasty.who);
    expect(m.text).toBe("5月底前,出台\x1b[31m方案\x9b2J\x07");
  });

  it("printable() strips CSI, OSC, C1 and bidi controls and folds line breaks", () => {
    expect(printable("a\x1b[1;31mb\x1b]8;;http://x\x1b\\c\x9b0md\u202ee\tf\ng\x7f")).toBe("abcde f g");
    expect(printable("盘锦市2024年大练兵")).toBe("盘锦市2024年大练兵");
  });
});

describe("a 100,000-row sheet", () => {
  const file = path.join(tmp, "十万行.xlsx");
  const ROWS = 100_000;
  beforeAll(async () => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
    const ws = writer.addWorksheet("攻坚任务");
    ws.addRow(["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"]).commit();
    ws.addRow(["序号", "评审项目", "攻坚任务", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导"]).commit();
    for (let i = 1; i <= ROWS; i++) {
      ws.addRow([i, `项目${i}`, "任务", "法制科", "1.5月底前,出台方案;2.9月30日前,上报", `盯办${i % 50}`, "李四", "王五"]).commit();
    }
    ws.commit();
    await writer.commit();
  });

  it("scan prints the whole report (no 'Maximum call stack size exceeded')", async () => {
    const r = await cli(["scan", file, "--as-of", "2024-09-25"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`【节点统计】已逾期 ${ROWS}　临期 ${ROWS}　`);
    expect(groupHeaders(r.stdout)).toHaveLength(50);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("    · "))).toHaveLength(2 * ROWS);
  });
});

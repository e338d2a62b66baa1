/**
 * `dalianbing report` on the sample and on a messy workbook: the Word and Excel 周报 read back (docx via
 * jszip, xlsx via ExcelJS) hold the counts, departments and people that `scan --json` gives.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { milestoneName } from "../../src/core/milestones/name";
import { cli, command, save, scanJson, tempDir, type JsonReport } from "../robustness/support";
import { decodePng, readDocx, type DocxText } from "./support";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");
const AS_OF = "2024-09-25";
const dir = tempDir("weekly");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const UNASSIGNED = "（未填写）";
const key = (s: string) => (s.trim() === "" ? UNASSIGNED : s.trim());

/** What the report must show, computed from scan --json alone. */
function expected(json: JsonReport) {
  const urgent = json.milestones.filter((m) => m.status === "overdue" || m.status === "due-soon");
  const tally = (pick: (m: JsonReport["milestones"][number]) => string) => {
    const out = new Map<string, { overdue: number; dueSoon: number; names: Set<string> }>();
    for (const m of urgent) {
      const k = key(pick(m));
      const t = out.get(k) ?? { overdue: 0, dueSoon: 0, names: new Set<string>() };
      if (m.status === "overdue") t.overdue += 1;
      else t.dueSoon += 1;
      t.names.add(milestoneName(m));
      out.set(k, t);
    }
    return out;
  };
  return {
    urgent,
    departments: tally((m) => m.lead),
    people: { 盯办人: tally((m) => m.owners.盯办人), 责任人: tally((m) => m.owners.责任人), 分管领导: tally((m) => m.owners.分管领导) },
  };
}

function checkDocx(doc: DocxText, json: JsonReport): void {
  const want = expected(json);
  const c = json.counts;
  expect(doc.paragraphs[0]).toBe(`盘锦市2024年大练兵工作推进情况\n（截至2024年9月25日）`);
  expect(doc.all).toContain(`已逾期${c.overdue}个、临期${c["due-soon"]}个、未到期${c.pending}个、无固定期限${c["open-ended"]}个、已完成${c.done}个`);

  // The counts table: 已逾期 … 合计 over their numbers.
  const counts = doc.tables.find((t) => t[0][0] === "已逾期");
  expect(counts?.[1]).toEqual([c.overdue, c["due-soon"], c.pending, c["open-ended"], c.done, json.milestones.length].map(String));

  // One table per 牵头部门, headed "（一）部门：已逾期N个，临期M个", holding exactly its milestones.
  const departments = new Map<string, { overdue: number; dueSoon: number; names: Set<string> }>();
  doc.tables.forEach((t, i) => {
    if (t[0].join("|") !== "序号|评审项目|节点|到期日|逾期/剩余\n天数|盯办人|责任人") return;
    const heading = /^（[一二三四五六七八九十\d]+）(.+)：已逾期(\d+)个，临期(\d+)个$/.exec(doc.tableHeadings[i]);
    expect(heading).not.toBeNull();
    const names = new Set(t.slice(1).map((r) => r[2].split("\n")[0]));
    // The heading says "未填写牵头部门" where scan groups under "（未填写）".
    departments.set(heading![1] === "未填写牵头部门" ? UNASSIGNED : heading![1], { overdue: Number(heading![2]), dueSoon: Number(heading![3]), names });
  });
  expect(departments).toEqual(want.departments);
  const overdueOrder = [...departments.values()].map((d) => d.overdue);
  expect(overdueOrder).toEqual([...overdueOrder].sort((a, b) => b - a));

  // Counts per person, for each role.
  for (const role of ["盯办人", "责任人", "分管领导"] as const) {
    const t = doc.tables.find((x) => x[0].join("|") === `序号|${role}|已逾期|临期|合计`);
    expect(t).toBeDefined();
    const shown = new Map(t!.slice(1).map((r) => [r[1], { overdue: Number(r[2]), dueSoon: Number(r[3]) }]));
    const wanted = new Map([...want.people[role]].map(([name, v]) => [name, { overdue: v.overdue, dueSoon: v.dueSoon }]));
    expect(shown).toEqual(wanted);
    const totals = t!.slice(1).map((r) => Number(r[2]));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  }

  // A 催办通知 for every 盯办人 with something overdue or due soon.
  for (const person of want.people.盯办人.keys()) {
    expect(doc.paragraphs.some((p) => p.startsWith(`${person === UNASSIGNED ? "各位" : person}同志：截至2024年9月25日`))).toBe(true);
  }
}

describe("dalianbing report on the sample", () => {
  let json: JsonReport;
  beforeAll(async () => {
    json = await scanJson(SAMPLE, AS_OF);
  });

  it("the real command writes a .docx whose counts, departments and people match scan --json", async () => {
    const out = path.join(dir, "sample.docx");
    const r = command(["report", "--as-of", AS_OF, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已生成周报（Word 文档）：${out}`);
    expect(r.stdout).toContain(`截至2024年9月25日：已逾期 ${json.counts.overdue}　临期 ${json.counts["due-soon"]}`);
    const doc = await readDocx(fs.readFileSync(out));
    checkDocx(doc, json);
    expect(expected(json).urgent.length).toBeGreaterThan(10);

    // The chart is in the document as a real picture.
    const [image] = [...doc.media.values()];
    const png = decodePng(image);
    expect([png.width, png.height]).toEqual([1200, 600]);
  });

  it("--format xlsx writes the same content as a workbook: 总体情况, 按牵头部门, 按人员, 催办通知", async () => {
    const out = path.join(dir, "sample.xlsx");
    const r = await cli(["report", SAMPLE, "--as-of", AS_OF, "--format", "xlsx", "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已生成周报（Excel 工作簿）");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["总体情况", "按牵头部门", "按人员", "催办通知"]);
    const want = expected(json);

    const summary = wb.getWorksheet("总体情况")!;
    expect(summary.getCell("A1").value).toBe("盘锦市2024年大练兵工作推进情况（截至2024年9月25日）");
    const countRow = summary.getSheetValues().find((v) => Array.isArray(v) && v[1] === "节点数") as unknown[];
    const c = json.counts;
    expect(countRow.slice(2, 8)).toEqual([c.overdue, c["due-soon"], c.pending, c["open-ended"], c.done, json.milestones.length]);

    const byLead = wb.getWorksheet("按牵头部门")!;
    const shown = new Map<string, { overdue: number; dueSoon: number; names: Set<string> }>();
    let current: { overdue: number; dueSoon: number; names: Set<string> } | null = null;
    byLead.eachRow((row) => {
      const first = String(row.getCell(1).value ?? "");
      const heading = /^(.+)：已逾期(\d+)个，临期(\d+)个$/.exec(first);
      if (heading) {
        current = { overdue: Number(heading[2]), dueSoon: Number(heading[3]), names: new Set() };
        shown.set(heading[1] === "未填写牵头部门" ? UNASSIGNED : heading[1], current);
      } else if (current && typeof row.getCell(1).value === "number") current.names.add(String(row.getCell(3).value));
    });
    expect(shown).toEqual(want.departments);
    // Multi-line cells get a row tall enough and wrap.
    const long = byLead.getRows(1, byLead.rowCount)!.find((row) => String(row.getCell(4).value ?? "").length > 60)!;
    expect(long.getCell(4).alignment?.wrapText).toBe(true);
    expect(long.height).toBeGreaterThan(30);

    const people = wb.getWorksheet("按人员")!;
    let role = "";
    const seen: Record<string, Map<string, { overdue: number; dueSoon: number }>> = {};
    people.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === "string" && ["盯办人", "责任人", "分管领导"].includes(a)) role = a;
      else if (typeof a === "number") (seen[role] ??= new Map()).set(String(row.getCell(2).value), { overdue: Number(row.getCell(3).value), dueSoon: Number(row.getCell(4).value) });
    });
    for (const r of ["盯办人", "责任人", "分管领导"] as const) {
      expect(seen[r]).toEqual(new Map([...want.people[r]].map(([name, v]) => [name, { overdue: v.overdue, dueSoon: v.dueSoon }])));
    }
    const reminders = wb.getWorksheet("催办通知")!;
    expect(reminders.rowCount - 1).toBe(want.people.盯办人.size);
    expect(String(reminders.getCell("F2").value)).toMatch(/同志：截至2024年9月25日/);
  });

  it("refuses to overwrite an existing file without --force, and overwrites with it", async () => {
    const out = path.join(dir, "taken.docx");
    fs.writeFileSync(out, "mine");
    const refused = await cli(["report", SAMPLE, "--as-of", AS_OF, "-o", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`错误：输出文件已存在：${out}。如需覆盖请加 --force，或用 -o 另取一个文件名。\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
    const forced = await cli(["report", SAMPLE, "--as-of", AS_OF, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await readDocx(fs.readFileSync(out))).paragraphs[0]).toContain("盘锦市2024年大练兵工作推进情况");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says in Chinese what is wrong with the arguments, naming the option", async () => {
    expect((await cli(["report", SAMPLE, "--format", "pdf"])).stderr).toContain("--format 应为 docx 或 xlsx，收到“pdf”");
    const mismatch = await cli(["report", SAMPLE, "--format", "xlsx", "-o", path.join(dir, "a.docx")]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain("输出文件应以 .xlsx 结尾");
    const same = await cli(["report", SAMPLE, "-o", SAMPLE]);
    expect(same.stderr).toContain("输出文件不能与输入文件相同");
    expect((await cli(["report", SAMPLE, "-o", path.join(dir, "a.pdf")])).stderr).toContain("输出文件应以 .docx 结尾");
    expect((await cli(["report", path.join(dir, "missing.xlsx"), "-o", path.join(dir, "m.docx")])).stderr).toContain("找不到文件");
    expect(fs.existsSync(path.join(dir, "m.docx"))).toBe(false);
  });

  it("infers the format from -o's extension", async () => {
    const out = path.join(dir, "inferred.xlsx");
    const r = await cli(["report", SAMPLE, "--as-of", AS_OF, "-o", out]);
    expect(r.stdout).toContain("Excel 工作簿");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("按人员")).toBeDefined();
  });
});

/** Page-break repeats, a merged 评审项目, an error value and blanks among the people, a garbled deadline, a non-table sheet. */
async function messyWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
  const HEADER = ["序号", "评审项目", "攻坚任务", "牵头部门", "责任部门", "市级辅助\n成果", "盯办人", "责任人", "分管领导", "备注"];
  const ws = wb.addWorksheet("攻坚（第二版）");
  ws.getRow(1).values = [TITLE];
  ws.mergeCells("A1:J1");
  ws.getRow(2).values = HEADER;
  ws.getRow(3).values = [1, "机构规范化建设（7分）", "任务一", "综合办公室", "法规科", "1.5月底前,出台方案; 2.9月20日前,上报评估报告", "张三", "李四", "王五", "已上报"];
  ws.getRow(4).values = [2, null, "任务二", "综合办公室", "法规科", "9月30日前完成统一标识", { error: "#N/A" } as unknown as ExcelJS.CellValue, "李四", "王五"];
  ws.mergeCells("B3:B4");
  ws.getRow(5).values = [TITLE];
  ws.getRow(6).values = HEADER;
  ws.getRow(7).values = [3, "执法培训（5分）", "任务三", "  ", "综合办公室", "十月十五日前完成; 8月底前,完成实训", "", "赵六", "王五"];
  ws.getRow(8).values = [4, "案卷评查（7分）", "任务四", "法规科", "综合办公室", "每月开展案卷评查; 月底前上报", "孙七", "赵六", "钱八"];
  ws.getRow(9).values = [5, "执法宣传（2分）", "任务五", "法规科", "综合办公室", "1. 6月中旬完成宣传; 2. 9月24日前,报送稿件", "孙七", "赵六", "钱八"];
  const notes = wb.addWorksheet("通讯录");
  notes.getRow(1).values = ["姓名", "电话"];
  return save(wb, file);
}

describe("dalianbing report on a messy workbook", () => {
  it("writes a report that matches scan --json, and names the cells it could not read", async () => {
    const input = await messyWorkbook(path.join(dir, "messy.xlsx"));
    const json = await scanJson(input, AS_OF);
    expect(json.problems.length).toBeGreaterThan(0);
    expect(expected(json).departments.has(UNASSIGNED)).toBe(true);
    const out = path.join(dir, "messy.docx");
    const r = await cli(["report", input, "--as-of", AS_OF, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`有 ${json.problems.length} 处单元格未能读取，详见 npx dalianbing scan "${input}"。`);
    const doc = await readDocx(fs.readFileSync(out));
    checkDocx(doc, json);
    expect(doc.all).toContain("工作表“通讯录”未识别为责任分解表");
    expect(doc.all).toContain(`有${json.problems.length}处单元格未能读取或有疑问`);
  });
});

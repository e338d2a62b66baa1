/**
 * `dalianbing scorecard` and `dalianbing score` (issue 7 §2), the real command in a child process:
 * a copy with a 评分表 added, then that copy filled by hand (no formula results, as WPS would save
 * it) and scored by the core.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { scorecardLayout } from "../../src/core/scorecard";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dalianbing.js");
const SAMPLE = path.join(ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-score-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("dalianbing scorecard", () => {
  test("writes a copy with the chosen set's 评分表 in the table's font; the original sheets stay as they were", async () => {
    const out = path.join(tmp, "市级.xlsx");
    const r = run(["scorecard", SAMPLE, "-o", out, "--set", "基准市"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("评分表（基准市级）");
    expect(r.stdout).toContain(`npx dalianbing score "${out}"`);
    const [before, after] = [await load(SAMPLE), await load(out)];
    const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);
    expect(names(after)).toEqual([...names(before), "评分表（基准市级）"]);
    const first = before.worksheets[0];
    first.eachRow((row, r) => row.eachCell((cell, c) => expect(after.worksheets[0].getCell(r, c).value).toEqual(cell.value)));
    // The table's own font, not ExcelJS's default.
    const tableFont = before.worksheets[0].getCell(5, 1).font?.name;
    const card = after.getWorksheet("评分表（基准市级）")!;
    expect(tableFont).toBeTruthy();
    expect(card.getCell("A4").font?.name).toBe(tableFont);
    expect(card.getCell("A1").value).toBe("盘锦市2024年大练兵 表现突出集体基准任务评分表（市级）");
  });

  test("asks for --set, refuses --candidate outside 个人, and never overwrites without --force", () => {
    const out = path.join(tmp, "x.xlsx");
    const noSet = run(["scorecard", SAMPLE, "-o", out]);
    expect(noSet.code).toBe(2);
    expect(noSet.stderr).toContain("缺少 --set");
    const wrong = run(["scorecard", SAMPLE, "-o", out, "--set", "市级"]);
    expect(wrong.stderr).toContain("--set 应为 攻坚、基准市、基准县、个人 之一，收到“市级”");
    expect(run(["scorecard", SAMPLE, "-o", out, "--set", "攻坚", "--candidate", "张三"]).stderr).toContain("--candidate 只用于 --set 个人");
    fs.writeFileSync(out, "keep me");
    const refused = run(["scorecard", SAMPLE, "-o", out, "--set", "攻坚"]);
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    expect(run(["scorecard", SAMPLE, "-o", out, "--set", "攻坚", "--force"]).code).toBe(0);
  });
});

describe("dalianbing score", () => {
  let filled: string;
  beforeAll(async () => {
    const copy = path.join(tmp, "攻坚.xlsx");
    expect(run(["scorecard", SAMPLE, "-o", copy, "--set", "攻坚"]).code).toBe(0);
    expect(run(["scorecard", copy, "-o", path.join(tmp, "两张.xlsx"), "--set", "个人", "--candidate", "王江"]).code).toBe(0);
    // Filled by hand: values only, no formula is calculated (as a WPS user would save it).
    const wb = await load(path.join(tmp, "两张.xlsx"));
    const layout = scorecardLayout("攻坚");
    const at = (id: string, k: number) => layout.items.find((p) => p.item.id === id)!.inputs[k];
    const ws = wb.getWorksheet("评分表")!;
    ws.getCell(at("1", 0).valueRow + 1, at("1", 0).first + 1).value = 1;
    ws.getCell(at("5", 0).valueRow + 1, at("5", 0).first + 1).value = "很多";
    filled = path.join(tmp, "已填写.xlsx");
    await wb.xlsx.writeFile(filled);
  });

  test("--json gives every filled 评分表 with its set, total, subtotals, bonus and item scores", () => {
    const r = run(["score", filled, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { sheets: { sheet: string; set: string; candidate?: string; total: number | string; subtotals: Record<string, number>; bonus: number; items: { id: string; score: number | string | null; problem?: string }[] }[] };
    expect(json.sheets.map((s) => [s.sheet, s.set, s.candidate])).toEqual([
      ["评分表", "攻坚", undefined],
      ["评分表（个人-王江）", "个人", "王江"],
    ]);
    const gongjian = json.sheets[0];
    expect(Object.keys(gongjian.subtotals)).toEqual(["队伍建设与管理", "日常监督执法工作", "实战练兵"]);
    expect(gongjian.items).toHaveLength(51);
    expect(gongjian.items.find((i) => i.id === "1")!.score).toBe(3);
    expect(gongjian.total).toBe(3);
    expect(gongjian.bonus).toBe(0);
    const five = gongjian.items.find((i) => i.id === "5")!;
    expect(five.score).toBeNull();
    expect(five.problem).toMatch(/^评分表!H\d+（第5项“.+”）：.*很多/);
  });

  test("the text report gives 总分, each 一级指标 and every item, and names the cell that does not fit", () => {
    const r = run(["score", filled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("工作表“评分表”：表现突出集体攻坚任务评审细则（附件4）");
    expect(r.stdout).toContain("总分：3 分（基础分 3 + 加分 0）");
    expect(r.stdout).toContain("队伍建设与管理 3/33");
    expect(r.stdout).toMatch(/有 1 处未能读取或计分（相关项目按0分计）：\n {4}评分表!H\d+（第5项/);
    expect(r.stdout).toContain("候选人 王江");
  });

  test("the 周报 of a workbook with a filled 评分表 carries its 评分情况; one without has no such section", async () => {
    const withScore = path.join(tmp, "周报-评分.docx");
    expect(run(["report", filled, "-o", withScore, "--as-of", "2024-09-25"]).code).toBe(0);
    const text = async (file: string) => (await JSZip.loadAsync(fs.readFileSync(file))).file("word/document.xml")!.async("string");
    const xml = await text(withScore);
    expect(xml).toContain("评分情况");
    // Item 5 was filled wrong, so the total is not claimed.
    expect(xml).toContain("评分表“评分表”尚不能算出总分");
    const plain = path.join(tmp, "周报.docx");
    expect(run(["report", SAMPLE, "-o", plain, "--as-of", "2024-09-25"]).code).toBe(0);
    expect(await text(plain)).not.toContain("评分情况");
  });

  test("a workbook without a 评分表 says how to make one", () => {
    const r = run(["score", SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("没有找到评分表");
    expect(r.stderr).toContain("npx dalianbing scorecard");
  });
});

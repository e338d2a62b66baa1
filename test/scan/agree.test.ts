/**
 * One set of cells through the three ways the product reads them (issue 9 "Done when"): the core
 * scan, the DALIANBING custom functions, and the real CLI (`node bin/dalianbing.js scan --json`) on
 * a workbook written with ExcelJS. They must agree on every milestone, status and problem.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import "../support/custom-functions-mock";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { excelSerialFromIso } from "../../src/core/dates";
import { worstStatus } from "../../src/core/milestones";
import { STATUS_ZH } from "../../src/core/milestones/types";
import { scanWorkbook, toJsonReport } from "../../src/core/scan";
import { overdueFunction, statusFunction } from "../../src/functions/functions";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dalianbing.js");
const AS_OF = "2024-10-08";
const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
const HEADER = ["序号", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导", "已完成节点"];

/** [市级辅助成果, 已完成节点]: every new phrase kind and every problem kind of issue 9. */
const CELLS: [string | null, string][] = [
  ["国庆节前完成自查", ""],
  ["1.年内完成总结; 2.9.30前完成整改", ""],
  ["1.9/30前完成; 2.9-30前上报; 3.10月20号前归档", "1,2"],
  ["春节前完成慰问；清明前完成检查；五一前完成排查", ""],
  ["一、端午前完成排查；二、中秋前完成排查", "全部"],
  ["（一）一季度完成摸底；（二）四季度完成验收", "第1项"],
  ["9月中完成现场检查", "已完成"],
  ["9月1日至10月31日开展专项检查", ""],
  ["次年3月底前完成复查", ""],
  ["1.15个工作日内办结; 2.3个月内完成整改; 3.下达处罚决定后,7日内将案卷上传系统", ""],
  ["1.9月31日前完成自查; 2.13月底前整改; 3.本月底前上报", ""],
  ["1.5月底前完成; 2.6月底前完成", "1,9,好像"],
  ["强化案卷质量管控", ""],
  [null, "1"],
];

function rows(): CellValue[][] {
  return [
    [TITLE],
    HEADER,
    ...CELLS.map(([text, done], i) => [i + 1, "指导监督科", text, "王一隆", "王江", "郭国军", done] as CellValue[]),
  ];
}

interface JsonReport {
  milestones: { cell: string; serial: string; label: string; name: string; due: string | null; kind: string; status: string }[];
  problems: { sheet: string; cell: string; message: string; serial?: string; milestone?: string; clause?: string }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-agree-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let cli: JsonReport;
const grid: SheetGrid = { name: "攻坚任务", values: rows(), merges: [] };
const core = toJsonReport(scanWorkbook([grid], { asOf: AS_OF })) as JsonReport;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("攻坚任务");
  for (const r of rows()) ws.addRow(r);
  const file = path.join(tmp, "节点写法.xlsx");
  await wb.xlsx.writeFile(file);
  const run = spawnSync(process.execPath, [BIN, "scan", file, "--as-of", AS_OF, "--json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (run.status !== 0 && run.stdout.trim() === "") throw new Error(`CLI 失败：${run.stderr}`);
  cli = JSON.parse(run.stdout) as JsonReport;
});

test("the CLI on the written file and the core scan give the same milestones and problems", () => {
  expect(cli.milestones).toEqual(core.milestones);
  expect(cli.problems).toEqual(core.problems);
});

test("the custom functions give each cell the status and overdue count the scan gives", () => {
  const asOf = excelSerialFromIso(AS_OF);
  CELLS.forEach(([text, done], i) => {
    const cell = `C${i + 3}`;
    const scanned = cli.milestones.filter((m) => m.cell === cell);
    const expectedStatus = scanned.length === 0 ? "" : STATUS_ZH[worstStatus(scanned.map((m) => m.status as never))];
    expect([cell, statusFunction(text, asOf, done, 2024)]).toEqual([cell, expectedStatus]);
    expect([cell, overdueFunction(text, asOf, done, 2024)]).toEqual([cell, scanned.filter((m) => m.status === "overdue").length]);
  });
});

test("what all three agree on is what a reader expects (checked by hand)", () => {
  const at = (cell: string) => cli.milestones.filter((m) => m.cell === cell).map((m) => `${m.label}|${m.due ?? m.kind}|${m.status}`);
  expect(at("C3")).toEqual(["1|2024-09-30|overdue"]);
  expect(at("C4")).toEqual(["1|2024-12-31|pending", "2|2024-09-30|overdue"]);
  expect(at("C5")).toEqual(["1|2024-09-30|done", "2|2024-09-30|done", "3|2024-10-20|pending"]);
  expect(at("C6")).toEqual(["1a|2024-02-09|overdue", "1b|2024-04-03|overdue", "1c|2024-04-30|overdue"]);
  expect(at("C7")).toEqual(["1|2024-06-09|done", "2|2024-09-16|done"]);
  expect(at("C8")).toEqual(["1|2024-03-31|done", "2|2024-12-31|pending"]);
  expect(at("C9")).toEqual(["1|2024-09-15|done"]);
  expect(at("C10")).toEqual(["1|2024-10-31|pending"]);
  expect(at("C11")).toEqual(["1|2025-03-31|pending"]);
  expect(at("C12")).toEqual(["1|relative|open-ended", "2|relative|open-ended", "3|relative|open-ended"]);
  expect(at("C15")).toEqual(["1|undated|open-ended"]);
  expect(at("C16")).toEqual([]);
  expect(cli.milestones.find((m) => m.cell === "C13" && m.label === "2")?.name).toBe("序号11·节点2");
  expect(cli.problems.map((p) => [p.cell, p.milestone ?? ""])).toEqual([
    ["C13", "序号11·节点1"],
    ["C13", "序号11·节点2"],
    ["C13", "序号11·节点3"],
    ["G14", ""],
    ["G14", ""],
  ]);
  expect(cli.problems[3].message).toContain("“好像”读不懂");
  expect(cli.problems[4].message).toContain("“9”");
});

/**
 * `npm run bench` (human-readable) / `npm run bench -- --json` (one JSON line).
 *
 * Generates a 10,000-row 攻坚-style workbook from the sample's own rows, then measures in one run:
 * reading it alone (ExcelJS + SheetGrid) vs the full scan (read + recognise + parse + status), each in
 * fresh child processes so that peak memory (maxRSS) is the command's own; milestone parsing throughput;
 * and scoreItem throughput over every 攻坚 item with valid inputs. BENCH_KEEP=1 keeps the generated file.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../src/xlsx/read-workbook";
import type { CellValue, SheetGrid } from "../src/core/grid";
import { parseMilestones } from "../src/core/milestones";
import * as rules from "../src/core/rules";
import { recognizeWorkbook } from "../src/core/tables";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");
/** BENCH_ROWS=100000 for the large-sheet case of issue 8 (flag once took 32 s and 1.7 GB there). */
const DATA_ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
/** Runs per measurement; times take the fastest run (least disturbed by other load), memory the median. */
const RUNS = 5;

const TARGETS = {
  scanReadRatio: 1.3,
  scanPeakRssRatio: 1.5,
  parseCellsPerSecond: 100_000,
  scoreCallsPerSecond: 200_000,
};

interface Template {
  header: CellValue[];
  title: string;
  rows: CellValue[][];
  /** Merges of the data block, relative to its first data row. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  milestoneTexts: string[];
}

async function sampleTemplate(): Promise<Template> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const grids = readWorkbook(wb);
  const recognised = recognizeWorkbook(grids);
  const table = recognised.tables.find((t) => t.kind === "攻坚");
  if (!table) throw new Error("示例工作簿中没有识别到攻坚任务表");
  const grid = grids.find((g) => g.name === table.sheet) as SheetGrid;
  const first = table.rows[0].row;
  const last = table.rows[table.rows.length - 1].row;
  const rows = grid.values.slice(first, last + 1).map((r) => r.slice(0, table.lastColumn + 1));
  const merges = grid.merges
    .filter((m) => m.top >= first && m.bottom <= last)
    .map((m) => ({ top: m.top - first, left: m.left, bottom: m.bottom - first, right: m.right }));
  const milestoneCol = table.columns.milestones ?? -1;
  const milestoneTexts = rows
    .map((r) => r[milestoneCol])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return {
    header: grid.values[table.headerRow].slice(0, table.lastColumn + 1),
    title: table.title ?? "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表",
    rows,
    merges,
    milestoneTexts,
  };
}

/** Writes the big workbook: title, header, then the sample's data block repeated with its merges. */
async function generateWorkbook(file: string, t: Template): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("攻坚任务");
  ws.addRow([t.title]).commit();
  ws.addRow(t.header).commit();
  const firstDataRow = 3; // 1-based
  const blockSize = t.rows.length;
  // The streaming writer merges only rows not yet committed: add a block, merge it, then commit it.
  for (let start = 0; start < DATA_ROWS; start += blockSize) {
    const count = Math.min(blockSize, DATA_ROWS - start);
    const added: ExcelJS.Row[] = [];
    for (let k = 0; k < count; k++) {
      const source = t.rows[k];
      added.push(ws.addRow(source.map((v, c) => (c === 0 ? start + k + 1 : v === null || typeof v === "object" ? null : v))));
    }
    for (const m of t.merges) {
      if (m.bottom >= count) continue;
      ws.mergeCells(firstDataRow + start + m.top, m.left + 1, firstDataRow + start + m.bottom, m.right + 1);
    }
    for (const row of added) row.commit();
  }
  ws.commit();
  await wb.commit();
}

interface ChildResult {
  ms: number;
  maxRssKb: number;
  milestones?: number;
  flagged?: number;
}

function runChild(mode: "read" | "scan" | "flag", file: string): ChildResult {
  const child = path.join(__dirname, "bench-child.ts");
  const result = spawnSync(process.execPath, ["-r", require.resolve("tsx/cjs"), child, mode, file], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`子进程 ${mode} 失败：${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() as string) as ChildResult;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Calls fn repeatedly for at least `ms` milliseconds; returns calls per second. */
function throughput(fn: () => number, ms = 1000): number {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ms) {
    calls += fn();
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return calls / (elapsed / 1000);
}

function parseThroughput(texts: string[]): number {
  // Warm up the parser before timing it.
  for (const text of texts) parseMilestones(text, 2024);
  return throughput(() => {
    for (const text of texts) parseMilestones(text, 2024);
    return texts.length;
  });
}

function scoreThroughput(): number {
  const { RULE_SETS, scoreItem, sampleValidInputs } = rules;
  const items = RULE_SETS["攻坚"];
  const calls = items.map((item) => ({ item, inputs: sampleValidInputs(item) }));
  for (const c of calls) scoreItem(c.item, c.inputs);
  return throughput(() => {
    for (const c of calls) scoreItem(c.item, c.inputs);
    return calls.length;
  });
}

/**
 * context.sync() calls of one Excel add-in scan of the sample, counted on the in-memory Excel of the
 * adapter's tests (test/support/in-memory-excel/measure.ts); omitted when that support code is absent.
 */
async function syncsPerScan(): Promise<number | undefined> {
  const support = path.join(ROOT, "test", "support", "in-memory-excel");
  if (!fs.existsSync(path.join(support, "measure.ts")) || !fs.existsSync(path.join(support, "from-xlsx.ts"))) return undefined;
  const { measureSyncsPerScan } = require(path.join(support, "measure.ts")) as {
    measureSyncsPerScan: (snapshot: unknown, asOf?: string) => Promise<number>;
  };
  const { snapshotFromXlsx } = require(path.join(support, "from-xlsx.ts")) as { snapshotFromXlsx: (file: string) => Promise<unknown> };
  return measureSyncsPerScan(await snapshotFromXlsx(SAMPLE));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const log = (text: string) => {
    if (!json) process.stdout.write(text + "\n");
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dalianbing-bench-"));
  try {
    const template = await sampleTemplate();
    const file = path.join(dir, `攻坚任务-${DATA_ROWS}行.xlsx`);
    log(`生成 ${DATA_ROWS} 行攻坚任务工作簿……`);
    await generateWorkbook(file, template);
    const sizeMb = fs.statSync(file).size / 1024 / 1024;
    log(`  ${file}（${sizeMb.toFixed(1)} MB）`);

    log(`读取与检查，各在新进程中运行 ${RUNS} 次……`);
    const reads: ChildResult[] = [];
    const scans: ChildResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      reads.push(runChild("read", file));
      scans.push(runChild("scan", file));
    }
    const readMs = Math.min(...reads.map((r) => r.ms));
    const scanMs = Math.min(...scans.map((r) => r.ms));
    const readRss = median(reads.map((r) => r.maxRssKb));
    const scanRss = median(scans.map((r) => r.maxRssKb));
    log("就地标注（检查后标注并写出副本），在新进程中运行……");
    const flagRuns = [runChild("flag", file), runChild("flag", file)];
    const flagMs = Math.min(...flagRuns.map((r) => r.ms));
    const flagRss = median(flagRuns.map((r) => r.maxRssKb));

    log("节点解析与评分吞吐量……");
    const parseCellsPerSecond = parseThroughput(template.milestoneTexts);
    const scoreCallsPerSecond = scoreThroughput();
    const syncs = await syncsPerScan();

    const result: Record<string, number | string> = {
      rows: DATA_ROWS,
      milestones: scans[0].milestones ?? 0,
      readMs: round(readMs, 1),
      scanMs: round(scanMs, 1),
      scanReadRatio: round(scanMs / readMs, 3),
      readPeakRssMb: round(readRss / 1024, 1),
      scanPeakRssMb: round(scanRss / 1024, 1),
      scanPeakRssRatio: round(scanRss / readRss, 3),
      flagged: flagRuns[0].flagged ?? 0,
      flagMs: round(flagMs, 1),
      flagPeakRssMb: round(flagRss / 1024, 1),
      parseCellsPerSecond: Math.round(parseCellsPerSecond),
      scoreCallsPerSecond: Math.round(scoreCallsPerSecond),
    };
    if (syncs !== undefined) result.syncsPerScan = syncs;

    if (json) {
      process.stdout.write(JSON.stringify(result) + "\n");
      return;
    }
    const verdict = (ok: boolean) => (ok ? "达标" : "未达标");
    const lines = [
      "",
      `大练兵助手 · 性能基准（${DATA_ROWS} 行，${result.milestones} 个节点；${RUNS} 次中时间取最快、内存取中位数）`,
      `  仅读取：${result.readMs} ms，峰值内存 ${result.readPeakRssMb} MB`,
      `  完整检查：${result.scanMs} ms，峰值内存 ${result.scanPeakRssMb} MB`,
      `  就地标注（${result.flagged} 个单元格，含检查与写出副本）：${result.flagMs} ms，峰值内存 ${result.flagPeakRssMb} MB`,
      `  检查/读取 时间比：${result.scanReadRatio}（目标 ≤ ${TARGETS.scanReadRatio}）${verdict((result.scanReadRatio as number) <= TARGETS.scanReadRatio)}`,
      `  检查/读取 峰值内存比：${result.scanPeakRssRatio}（目标 ≤ ${TARGETS.scanPeakRssRatio}）${verdict((result.scanPeakRssRatio as number) <= TARGETS.scanPeakRssRatio)}`,
      `  节点解析：${result.parseCellsPerSecond} 格/秒（目标 ≥ ${TARGETS.parseCellsPerSecond}）${verdict(parseCellsPerSecond >= TARGETS.parseCellsPerSecond)}`,
      `  评分：${result.scoreCallsPerSecond} 次/秒（目标 ≥ ${TARGETS.scoreCallsPerSecond}）${verdict(scoreCallsPerSecond >= TARGETS.scoreCallsPerSecond)}`,
    ];
    if (syncs !== undefined) lines.push(`  Excel 加载项检查一次示例工作簿的 sync 次数：${syncs}`);
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`基准测试失败：${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 1;
});

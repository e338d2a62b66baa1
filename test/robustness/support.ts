/**
 * Test-only helpers for the robustness tests: messy workbooks built with ExcelJS in a temporary folder,
 * the CLI run in-process (as `main`) or as the real command, and cell-by-cell snapshots of a file.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, type Io } from "../../src/cli/main";
import { BACKUP_SHEET } from "../../src/core/flags/types";

export const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dalianbing.js");

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dalianbing-${prefix}-`));
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in-process; "today" is 2024-09-01 unless --as-of says otherwise. */
export async function cli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false, now: new Date(2024, 8, 1, 10, 0) };
  const code = await main(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** The real command in a child process (exit code and output as a user sees them). */
export function command(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonReport {
  asOf: string;
  tables: { sheet: string; kind: string; headerRow: number; rows: number }[];
  milestones: {
    sheet: string;
    cell: string;
    serial: string;
    label: string;
    text: string;
    due: string | null;
    kind: string;
    status: string;
    owners: { 盯办人: string; 责任人: string; 分管领导: string };
    lead: string;
  }[];
  problems: { sheet: string; cell: string; message: string }[];
  counts: Record<string, number>;
  unrecognised: { sheet: string; reason: string }[];
}

export async function scanJson(file: string, asOf = "2024-09-01"): Promise<JsonReport> {
  const r = await cli(["scan", file, "--as-of", asOf, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

export async function save(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of every sheet but the backup sheet: "sheet!A1" → what `pick` reads from it, as JSON. */
export function cells(wb: ExcelJS.Workbook, pick: (c: ExcelJS.Cell) => unknown): Map<string, string> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    if (ws.name === BACKUP_SHEET) return;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => out.set(`${ws.name}!${cell.address}`, JSON.stringify(pick(cell) ?? null))),
    );
  });
  return out;
}

/** What a person would call the cell's content: value or formula (with its result). */
export const valueOf = (c: ExcelJS.Cell) => c.value;
/** Everything flag may touch and unflag must restore, besides the value. */
export const everything = (c: ExcelJS.Cell) => ({ value: c.value, style: c.style, note: c.note ?? null });

export function sheetStates(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((ws) => `${ws.name}:${ws.state}`);
}

/**
 * The WorkbookAdapter (src/excel/types.ts) over an in-memory ExcelJS workbook: the one .xlsx adapter
 * of the CLI and the web page (issue 11 §2). Reading is src/xlsx/read-workbook.ts, flagging
 * src/xlsx/flag-workbook.ts, 标记完成 src/xlsx/mark-done.ts; the CLI calls scanXlsxWorkbook,
 * flagXlsxWorkbook and unflagXlsxWorkbook below, the page goes through createXlsxAdapter. Files and
 * paths stay in src/cli, downloads in src/web: this module only turns a workbook into bytes.
 */
// In the web build "exceljs" resolves to its browser bundle (webpack.config.js).
import ExcelJS from "exceljs";
import { planFlags } from "../core/flags";
import type { FlagMark } from "../core/flags/types";
import type { Problem } from "../core/grid";
import { scanWorkbook } from "../core/scan";
import type { ScanOptions, ScanResult } from "../core/scan/types";
import type { DoneUndo, NoteSupport, ScanProgress, WorkbookAdapter } from "../excel/types";
import { flagWorkbook, unflagWorkbook, type FlagOutcome } from "./flag-workbook";
import { markDoneInWorkbook, undoMarkDoneInWorkbook, type CellSnapshot } from "./mark-done";
import { readWorkbook } from "./read-workbook";
import { describeDamage, keepFromOriginal, prepareForExcelJS } from "./package-parts";
import { contentLostOnSave, notWorkbookReason, unreadableWorkbookMessage, zipEntryNames } from "./workbook-bytes";

/** Reads every sheet and scans it; problems of reading (formulas saved without results) come first. */
export function scanXlsxWorkbook(wb: ExcelJS.Workbook, options: ScanOptions): ScanResult {
  const readProblems: Problem[] = [];
  const result = scanWorkbook(readWorkbook(wb, readProblems), options);
  // concat, not unshift(...): a spread of a long array overflows the call stack.
  result.problems = readProblems.concat(result.problems);
  return result;
}

/** Flags the workbook for the scan, as `dalianbing flag` writes it (the core engine decides; flag-workbook.ts paints). */
export function flagXlsxWorkbook(wb: ExcelJS.Workbook, scan: ScanResult): FlagOutcome & { marks: FlagMark[] } {
  const marks = planFlags(scan);
  return { marks, ...flagWorkbook(wb, marks) };
}

/** Restores every flagged cell; cells that changed or moved since are named in `problems` and left alone. */
export function unflagXlsxWorkbook(wb: ExcelJS.Workbook): FlagOutcome {
  return unflagWorkbook(wb);
}

/**
 * ExcelJS keeps on each cell the style number of its last write and replaces it only with a non-zero
 * one; a cell whose style became empty since (下载清除标注副本 after 下载标注副本) would be written with
 * whatever style has that number now. Forgetting them before each write makes every write start clean.
 */
function forgetWrittenStyleIds(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const model = (cell as unknown as { _value?: { model?: { styleId?: number } } })._value?.model;
        if (model) delete model.styleId;
      }),
    ),
  );
}

/** The workbook as .xlsx bytes (what the page downloads); the same workbook can be written again after more changes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  forgetWrittenStyleIds(wb);
  const buffer = await wb.xlsx.writeBuffer();
  const saved = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  const original = originals.get(wb);
  // Put back what ExcelJS drops (sheet protection, validations, print settings, defined names …).
  return original ? keepFromOriginal(saved, original) : saved;
}

/** Said by the Excel-only operations: they need the DALIANBING functions of the add-in. */
export const NEEDS_ADDIN =
  "需要在 Excel 中使用大练兵助手加载项（DALIANBING 函数只在加载项中可用），网页版和命令行不能插入";

export interface XlsxWorkbookAdapter extends WorkbookAdapter {
  flag(scan: ScanResult): Promise<{ flagged: number; noteSupport: NoteSupport; skipped: number; problems: Problem[] }>;
  unflag(): Promise<{ restored: number; skipped: number; problems: Problem[] }>;
  /** The workbook with every change made so far (flags, 已完成节点) as .xlsx bytes. */
  toBytes(): Promise<Uint8Array>;
}

function previousOf(b: CellSnapshot | undefined): DoneUndo["previous"] {
  const value = b?.value;
  const formula = value && typeof value === "object" && "formula" in value ? `=${String(value.formula)}` : null;
  const plain = value === null || value === undefined || typeof value === "object" ? null : value;
  return { formula, value: formula ? null : (plain as string | number | boolean | null), numberFormat: b?.style.numFmt ?? "General" };
}

/**
 * The adapter over `wb`. Every change is made to `wb` itself; nothing else changes it, so onChanged
 * never fires (the pane rescans after its own actions). There is no Excel selection to move: select
 * does nothing, and the page hides it.
 */
export function createXlsxAdapter(wb: ExcelJS.Workbook): XlsxWorkbookAdapter {
  // What each 标记完成 changed, cell by cell and with its look, for an exact 撤销.
  const snapshots = new WeakMap<DoneUndo, CellSnapshot[]>();
  return {
    async scan(options: { asOf: string; dueSoonDays: number }, onProgress?: (p: ScanProgress) => void): Promise<ScanResult> {
      const total = wb.worksheets.length;
      onProgress?.({ phase: "analysing", done: total, total });
      return scanXlsxWorkbook(wb, options);
    },
    async flag(scan: ScanResult) {
      const outcome = flagXlsxWorkbook(wb, scan);
      return { flagged: outcome.flagged, noteSupport: "notes" as const, skipped: outcome.skipped, problems: outcome.problems };
    },
    async unflag() {
      const { restored, skipped, problems } = unflagXlsxWorkbook(wb);
      return { restored, skipped, problems };
    },
    async markDone(sheet: string, milestoneCell: string, label: string): Promise<DoneUndo> {
      const done = markDoneInWorkbook(wb, sheet, milestoneCell, label);
      const undo: DoneUndo = {
        sheet,
        cell: done.cell,
        label,
        written: done.value,
        previous: previousOf(done.before.find((b) => b.address === done.cell)),
        addedColumn: null,
      };
      snapshots.set(undo, done.before);
      return undo;
    },
    async undoMarkDone(undo: DoneUndo): Promise<void> {
      const before = snapshots.get(undo);
      if (!before) throw new Error("这次标记完成已无法撤销（工作簿已重新打开）。");
      undoMarkDoneInWorkbook(wb, undo.sheet, undo.cell, undo.written, before);
      snapshots.delete(undo);
    },
    async select(): Promise<void> {
      // A file has no selection; the page shows each milestone's place instead.
    },
    async insertFormulaColumns(): Promise<never> {
      throw new Error(`公式列${NEEDS_ADDIN}。`);
    },
    async insertScorecard(): Promise<never> {
      throw new Error(`评分表公式${NEEDS_ADDIN}。`);
    },
    noteSupport: () => "notes",
    async onChanged(): Promise<() => void> {
      return () => undefined;
    },
    toBytes: () => workbookBytes(wb),
  };
}

/** The bytes each workbook was read from, so that saving can put back what ExcelJS does not keep. */
const originals = new WeakMap<ExcelJS.Workbook, Uint8Array>();

/**
 * Opens .xlsx bytes into an ExcelJS workbook, for the CLI and the web page alike: checks what kind of
 * file it is first and says in Chinese, naming `fileName`, why it cannot be read; mends what other
 * programs write that ExcelJS cannot read (package-parts.ts); lists what a copy would lose.
 */
export async function openXlsxBytes(bytes: Uint8Array, fileName: string): Promise<{ wb: ExcelJS.Workbook; lostOnSave: string[] }> {
  const names = zipEntryNames(bytes);
  const reason = notWorkbookReason(bytes, fileName, names);
  if (reason) throw new Error(reason);
  let prepared: Uint8Array;
  try {
    prepared = await prepareForExcelJS(bytes);
  } catch {
    throw new Error(`无法读取工作簿：${fileName}。文件不是完整的压缩包（可能下载或复制时中断），请重新获取原文件。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(prepared as unknown as ArrayBuffer);
  } catch {
    const damage = await describeDamage(bytes).catch(() => null);
    if (damage) throw new Error(`无法读取工作簿：${fileName}。文件已损坏：${damage}。请用 Excel 或 WPS 打开并另存为 .xlsx 后再试。`);
    throw new Error(unreadableWorkbookMessage(fileName));
  }
  originals.set(wb, bytes);
  return { wb, lostOnSave: contentLostOnSave(names) };
}

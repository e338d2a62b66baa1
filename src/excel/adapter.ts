/**
 * WorkbookAdapter over Excel.run — the only place the add-in calls Office.js (docs/design.md §3, §7).
 * Every operation reads in a fixed, small number of context.sync() calls and writes in one batch.
 */
import type { Problem } from "../core/grid";
import { scanWorkbook } from "../core/scan";
import type { ScanResult } from "../core/scan/types";
import { markDoneInSheet, undoMarkDoneInSheet } from "./done-column";
import { type FlagResult, type UnflagResult, flagWorkbook, unflagWorkbook } from "./flags";
import { insertFormulaColumnsInWorkbook } from "./formula-columns";
import { API, type OfficeHost, type RunOptions, detectNoteSupport, errorText, isOfficeError, resolveHost } from "./host";
import { type ReadOptions, readWorkbook } from "./read";
import { insertScorecardSheet } from "./scorecard";
import type { DoneUndo, NoteSupport, ScanProgress, WorkbookAdapter } from "./types";

export interface ExcelAdapterOptions extends RunOptions {
  /** Excel and Office to use; the globals office.js defines when omitted. */
  host?: OfficeHost;
}

export interface ExcelWorkbookAdapter extends WorkbookAdapter {
  flag(scan: ScanResult): Promise<FlagResult>;
  unflag(): Promise<UnflagResult>;
  insertFormulaColumns(): Promise<{ tables: number; added: boolean; problems: Problem[] }>;
}

function protectedScanNotes(sheets: { name: string; isProtected: boolean }[]): Problem[] {
  return sheets
    .filter((s) => s.isProtected)
    .map((s) => ({
      sheet: s.name,
      cell: "",
      message: `工作表“${s.name}”受保护：已正常扫描，但无法在其中就地标注或标记完成；如需这些操作，请先撤销工作表保护。`,
    }));
}

/** Said when flagging needs what this Excel lacks (every Office 2021 or later has ExcelApi 1.9). */
const TOO_OLD_TO_FLAG = `此版本的 Excel 不支持读取单元格格式（需要 ExcelApi ${API.cellProperties}），无法就地标注或清除标注；请升级 Office 后重试。`;

export function createExcelAdapter(options: ExcelAdapterOptions = {}): ExcelWorkbookAdapter {
  const host = resolveHost(options.host, options);
  const noteSupport = (): NoteSupport => detectNoteSupport(host.isSetSupported);
  // ExcelApi 1.13: Range.getMergedAreasOrNullObject; without it tables are read as unmerged.
  const readOptions = (): ReadOptions => ({ mergedAreas: host.isSetSupported(API.mergedAreas) });
  const requireCellProperties = (): void => {
    if (!host.isSetSupported(API.cellProperties)) throw new Error(TOO_OLD_TO_FLAG);
  };

  return {
    async scan(opts: { asOf: string; dueSoonDays: number }, onProgress?: (p: ScanProgress) => void): Promise<ScanResult> {
      // Three syncs whatever the size (read.ts): sheet list, used-range sizes and merged areas, values.
      const read = await host.run((context) => readWorkbook(context, onProgress, undefined, readOptions()));
      onProgress?.({ phase: "analysing", done: read.grids.length, total: read.grids.length });
      const result = scanWorkbook(read.grids, { asOf: opts.asOf, dueSoonDays: opts.dueSoonDays });
      // Sheets that failed to read are in result.unrecognised with their reason (the core reports them).
      return { ...result, problems: [...result.problems, ...read.partial, ...protectedScanNotes(read.sheets)] };
    },

    async flag(scan: ScanResult) {
      requireCellProperties();
      const support = noteSupport();
      return host.run((context) => flagWorkbook(context, scan, support));
    },

    async unflag() {
      requireCellProperties();
      const support = noteSupport();
      return host.run((context) => unflagWorkbook(context, support));
    },

    markDone(sheet: string, milestoneCell: string, label: string): Promise<DoneUndo> {
      return host.run((context) => markDoneInSheet(context, sheet, milestoneCell, label, readOptions()));
    },

    async undoMarkDone(undo: DoneUndo): Promise<void> {
      await host.run((context) => undoMarkDoneInSheet(context, undo));
    },

    async select(sheet: string, cell: string): Promise<void> {
      await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        try {
          await context.sync();
        } catch (error) {
          if (isOfficeError(error, "ItemNotFound")) throw new Error(`找不到工作表“${sheet}”，它可能已被重命名或删除；请重新扫描。`, { cause: error });
          throw new Error(`无法选中 ${sheet}!${cell}：${errorText(error)}`, { cause: error });
        }
      });
    },

    insertFormulaColumns() {
      return host.run((context) => insertFormulaColumnsInWorkbook(context, readOptions()));
    },

    insertScorecard(set, options = {}) {
      // ExcelApi 1.9: Worksheet.pageLayout (print setup); without it the sheet is built all the same.
      return host.run((context) => insertScorecardSheet(context, set, { ...options, pageLayout: host.isSetSupported("1.9") }));
    },

    noteSupport,

    async onChanged(callback: () => void): Promise<() => void> {
      // ExcelApi 1.9: WorksheetCollection.onChanged (any sheet). Without it the pane rescans on demand only.
      if (!host.isSetSupported(API.worksheetsOnChanged)) return () => undefined;
      const registration = await host.run(async (context) => {
        const handler = context.workbook.worksheets.onChanged.add(async () => callback());
        await context.sync();
        return handler;
      });
      return () => {
        // An EventHandlerResult is removed in the RequestContext it was added with:
        // Excel.run(result.context, …) then result.remove() and a sync (Office's "remove an event handler").
        void runInContext(options.host, registration.context, async (context) => {
          registration.remove();
          await context.sync();
        }).catch(() => undefined);
      };
    },
  };
}

/** Excel.run(context, batch): a batch in an earlier RequestContext (the overload Office.js documents for this). */
async function runInContext(
  host: OfficeHost | undefined,
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<void>,
): Promise<void> {
  const excel = host?.Excel ?? (globalThis as unknown as { Excel?: OfficeHost["Excel"] }).Excel;
  if (!excel) return;
  await (excel.run as unknown as (c: OfficeExtension.ClientRequestContext, b: typeof batch) => Promise<void>)(context, batch);
}

/**
 * An in-memory Excel for tests and the browser e2e: the part of the Excel JavaScript API that
 * src/excel uses, with Office's load/sync semantics and a sync counter. Pure TypeScript, no Node APIs.
 *
 *   const fake = createInMemoryExcel(snapshot, { apiVersion: "1.18" });
 *   globalThis.Excel = fake.Excel; globalThis.Office = fake.Office;   // or pass them to the adapter
 *   … fake.syncCount(), fake.snapshot(), fake.triggerSheetChange("Sheet1", "A1")
 */
import { type SnapshotOptions, type SnapshotValue, WorkbookSnapshot, modelFromSnapshot, parseRect, shiftSheet, snapshotFromModel } from "./model";
import { cellAddress } from "../../../src/core/address";
import { ClientObject, FakeRequestContext, Host, OfficeError, apiVersionNumber } from "./proxies";

export type { WorkbookSnapshot, SheetSnapshot, SnapshotCell, SnapshotValue, ConditionalFormatRecord, PageLayoutRecord, SnapshotOptions } from "./model";
export { OfficeError } from "./proxies";

export interface InMemoryExcelOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. "1.18" (notes), "1.10" (comments only), "1.9". */
  apiVersion?: string;
  /** Fire worksheets.onChanged after a sync that wrote to a sheet, as Excel does for add-in edits. Default true. */
  fireChangeEventsOnWrite?: boolean;
  /** Sheets whose cell values fail to load with a GeneralException (a sheet Excel cannot return). */
  failingSheets?: string[];
  /**
   * RangeFill.pattern reads null for every cell, filled or not, as office-js issue #4900 reports
   * (default: "None" for no fill, "Solid" for a fill). Either way "no fill" reads color "#FFFFFF"
   * like white, and tintAndShade is null only for "no fill".
   */
  fillPatternNull?: boolean;
  /**
   * Bytes one request or response may carry. Default 5 MB, the limit of Excel on the web ("Excel on
   * the web has a payload size limit for requests and responses of 5MB"); Infinity for none (desktop).
   */
  payloadLimit?: number;
}

/** The Excel enums the adapter may use, with Office's string values. */
const ENUMS = {
  ConditionalFormatType: { custom: "Custom", containsText: "ContainsText", cellValue: "CellValue" },
  RangeCopyType: { all: "All", formulas: "Formulas", values: "Values", formats: "Formats" },
  InsertShiftDirection: { down: "Down", right: "Right" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
  },
  BorderLineStyle: { none: "None", continuous: "Continuous" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    apiNotFound: "ApiNotFound",
    invalidArgument: "InvalidArgument",
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    propertyNotLoaded: "PropertyNotLoaded",
  },
};

export interface InMemoryExcel {
  /** Assign to globalThis.Excel (or pass to the adapter). */
  Excel: typeof ENUMS & { run: (...args: unknown[]) => Promise<unknown> };
  /** Assign to globalThis.Office. */
  Office: {
    context: { requirements: { isSetSupported: (name: string, version?: string) => boolean } };
    onReady: (cb?: (info: { host: string; platform: string }) => void) => Promise<{ host: string; platform: string }>;
    HostType: { Excel: string };
  };
  /** context.sync() calls so far, over every Excel.run. */
  syncCount(): number;
  /** The workbook as it is now ({ formats: true } adds recorded format properties, for rendering). */
  snapshot(options?: SnapshotOptions): WorkbookSnapshot;
  /** Simulates a user edit: calls every worksheets.onChanged handler. */
  triggerSheetChange(sheet: string, address?: string): Promise<void>;
  /** The current selection ("Sheet1", "B3"), or null before anything was selected. */
  selection(): { sheet: string; address: string } | null;
  /** Changes the host's requirement-set support for the next calls. */
  setApiVersion(version: string): void;
  /** How many onChanged handlers are registered. */
  changeHandlerCount(): number;
  /** Simulates a user protecting (or unprotecting) a sheet, e.g. between an add-in's read and write. */
  setProtected(sheet: string, isProtected: boolean): void;
  /** Simulates the user typing in a cell: the next `syncs` syncs fail with InvalidOperationInCellEditMode. */
  enterCellEditMode(syncs?: number): void;
  /** Simulates a user edit of one cell (value, fill, font colour, bold, note; null removes fill/note). */
  userEdit(sheet: string, address: string, change: { value?: SnapshotValue; fill?: string | null; fontColor?: string | null; bold?: boolean; note?: string | null }): void;
  /** Simulates the user inserting (count > 0) or deleting (count < 0) whole rows or columns at a 0-based index. */
  userShift(sheet: string, axis: "rows" | "columns", at: number, count: number): void;
}

const versionNumber = apiVersionNumber;

export function createInMemoryExcel(snapshot: WorkbookSnapshot, options: InMemoryExcelOptions = {}): InMemoryExcel {
  const host: Host = {
    model: modelFromSnapshot(snapshot),
    apiVersion: versionNumber(options.apiVersion ?? "1.18"),
    syncs: 0,
    changedHandlers: new Set(),
    fireOnWrite: options.fireChangeEventsOnWrite ?? true,
    failingSheets: new Set(options.failingSheets ?? []),
    fillPatternNull: options.fillPatternNull ?? false,
    payloadLimit: options.payloadLimit ?? 5 * 1024 * 1024,
    cellEditSyncs: 0,
  };

  async function run(...args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1] as (ctx: FakeRequestContext) => Promise<unknown>;
    if (typeof batch !== "function") throw new OfficeError("InvalidArgument", "Excel.run needs a batch function.");
    // Excel.run(batch) | (context, batch) | (clientObject, batch) | (clientObjects[], batch) | (RunOptions, batch).
    // Anything else as first argument is read as RunOptions, as office.js does: a new context. So an
    // EventHandlerResult (no ClientObject) passed itself gets a fresh context; its .context is needed.
    const first = args.length > 1 ? args[0] : null;
    const previous = (x: unknown): FakeRequestContext | null => (x instanceof ClientObject ? x.context : null);
    let context: FakeRequestContext | null = null;
    if (first instanceof FakeRequestContext) context = first;
    else if (first instanceof ClientObject) context = first.context;
    else if (Array.isArray(first)) context = previous(first[0]);
    else if (first && typeof first === "object" && Array.isArray((first as { previousObjects?: unknown[] }).previousObjects)) {
      context = previous((first as { previousObjects: unknown[] }).previousObjects[0]);
    }
    context ??= new FakeRequestContext(host);
    const result = await batch(context);
    // Excel.run flushes what the batch left queued.
    if (context.queue.length > 0) await context.sync();
    return result;
  }

  // ExcelApi versions are compared as numbers with two-digit minors: 1.9 < 1.10 < 1.18.
  const supports = (name: string, version?: string): boolean =>
    name.toLowerCase() === "excelapi" && versionNumber(version ?? "1.1") <= host.apiVersion + 1e-9;

  return {
    Excel: { ...ENUMS, run },
    Office: {
      context: { requirements: { isSetSupported: supports } },
      onReady: async (cb) => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        cb?.(info);
        return info;
      },
      HostType: { Excel: "Excel" },
    },
    syncCount: () => host.syncs,
    snapshot: (opts) => snapshotFromModel(host.model, opts),
    triggerSheetChange: async (sheet, address = "A1") => {
      const model = host.model.sheets.find((s) => s.name === sheet);
      const args = { type: "WorksheetChanged", worksheetId: model?.id ?? "", address, changeType: "RangeEdited", source: "Local" };
      await Promise.all([...host.changedHandlers].map((h) => h(args)));
    },
    selection: () => (host.model.selection ? { ...host.model.selection } : null),
    setApiVersion: (version) => {
      host.apiVersion = versionNumber(version);
    },
    changeHandlerCount: () => host.changedHandlers.size,
    setProtected: (sheet, isProtected) => {
      const model = host.model.sheets.find((s) => s.name === sheet);
      if (!model) throw new Error(`no sheet ${sheet}`);
      model.protected = isProtected;
    },
    enterCellEditMode: (syncs = Infinity) => {
      host.cellEditSyncs = syncs;
    },
    userEdit: (sheet, address, change) => {
      const model = host.model.sheets.find((s) => s.name === sheet);
      if (!model) throw new Error(`no sheet ${sheet}`);
      const { top, left } = parseRect(address);
      const k = `${top},${left}`;
      const cell = model.cells.get(k) ?? { value: null };
      model.cells.set(k, cell);
      if (change.value !== undefined) cell.value = change.value;
      if (change.fill !== undefined) cell.fill = change.fill ?? undefined;
      if (change.fontColor !== undefined) cell.fontColor = change.fontColor ?? undefined;
      if (change.bold !== undefined) cell.bold = change.bold || undefined;
      if (change.note !== undefined) {
        if (change.note === null) model.notes.delete(cellAddress(top, left));
        else model.notes.set(cellAddress(top, left), change.note);
      }
    },
    userShift: (sheet, axis, at, count) => {
      const model = host.model.sheets.find((s) => s.name === sheet);
      if (!model) throw new Error(`no sheet ${sheet}`);
      shiftSheet(host.model, model, axis, at, count);
    },
  };
}

/**
 * Proxy objects with Office.js load/sync semantics over a WorkbookModel:
 * - every method call and property write is queued and runs, in order, at context.sync();
 * - load() queues a read; the value is readable only after the sync (else "PropertyNotLoaded");
 * - an operation that fails rejects the sync with an Office-like error; later operations are dropped.
 * Only the part of the Excel API that src/excel uses is implemented, and it is strict on purpose.
 */
import { cellAddress } from "../../../src/core/address";
import {
  CellModel,
  CommentModel,
  ConditionalFormatRecord,
  MAX_COLUMNS,
  MAX_ROWS,
  PageLayoutRecord,
  Rect,
  SheetModel,
  SnapshotValue,
  WorkbookModel,
  intersects,
  isEmptyValue,
  key,
  parseRect,
  quoteSheetName,
  rectAddress,
  splitSheetAddress,
} from "./model";

export class OfficeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function notLoaded(type: string, prop: string): OfficeError {
  return new OfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

/** "1.9" → 1.09, "1.10" → 1.10, "1.18" → 1.18: requirement-set versions compared as numbers. */
export function apiVersionNumber(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major + (minor ?? 0) / 100;
}

export interface Host {
  model: WorkbookModel;
  apiVersion: number;
  syncs: number;
  changedHandlers: Set<(args: unknown) => unknown>;
  fireOnWrite: boolean;
  /** Sheets whose cell values fail to load (simulates a sheet Excel cannot return). */
  failingSheets: Set<string>;
  /** RangeFill.pattern reads null for every cell (reported in office-js #4900). */
  fillPatternNull: boolean;
  /** Bytes a request or a response may carry (Excel on the web: 5 MB); Infinity for no limit. */
  payloadLimit: number;
  /** Syncs still to reject with InvalidOperationInCellEditMode (the user is typing in a cell). */
  cellEditSyncs: number;
}

type Op = () => void;

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  queue: Op[] = [];
  dirty = new Set<SheetModel>();
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(readonly host: Host) {
    this.workbook = new WorkbookProxy(this);
  }
  /** Bytes of the request being built (written arrays and text, plus a little per operation). */
  requestBytes = 0;
  /** Bytes of the response being built (values loaded in this sync). */
  responseBytes = 0;
  async sync(): Promise<void> {
    this.host.syncs++;
    const ops = this.queue;
    const requestBytes = this.requestBytes + ops.length * 40;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    await Promise.resolve();
    if (this.host.cellEditSyncs > 0) {
      // Excel refuses every batch while a cell is being edited, before running any of it.
      this.host.cellEditSyncs--;
      throw new OfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    if (requestBytes > this.host.payloadLimit) {
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    try {
      for (const op of ops) op();
      if (this.responseBytes > this.host.payloadLimit) {
        throw new OfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
      }
    } finally {
      const dirty = [...this.dirty];
      this.dirty.clear();
      if (this.host.fireOnWrite && dirty.length > 0) {
        const handlers = [...this.host.changedHandlers];
        for (const sheet of dirty) {
          const args = { type: "WorksheetChanged", worksheetId: sheet.id, address: "", changeType: "RangeEdited", source: "Local" };
          for (const h of handlers) void Promise.resolve().then(() => h(args));
        }
      }
    }
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /** Throws ApiNotFound unless the host supports ExcelApi `version` ("1.9" < "1.10" < "1.18"). */
  requireApi(version: string, what: string): void {
    if (this.host.apiVersion + 1e-9 < apiVersionNumber(version)) {
      throw new OfficeError("ApiNotFound", `The API you are trying to use could not be found (${what}, ExcelApi ${version}).`);
    }
  }
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  const raw = typeof arg === "string" || Array.isArray(arg) ? arg : (arg.select ?? []);
  const list = typeof raw === "string" ? raw.split(",") : raw.flatMap((r) => r.split(","));
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

export abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected abstract readonly typeName: string;
  constructor(readonly context: FakeRequestContext) {}
  /** Scalar properties load() without arguments reads. */
  protected scalarProps(): string[] {
    return [];
  }
  protected readScalar(name: string): unknown {
    throw new OfficeError("InvalidArgument", `Cannot load '${name}' on ${this.typeName}.`);
  }
  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }
  /** Called at sync before any read or write on this object. */
  protected ensure(): void {}
  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context.enqueue(() => this.loadNow(paths));
    return this;
  }
  loadNow(paths: string[] | null): void {
    this.ensure();
    for (const path of paths ?? this.scalarProps()) {
      const [head, ...rest] = path.split("/");
      const nav = this.navigation(head);
      if (nav) nav.loadNow(rest.length > 0 ? [rest.join("/")] : null);
      else this.loaded.set(head, this.readScalar(head));
    }
  }
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(this.typeName, name);
    return this.loaded.get(name) as T;
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An object that may be a null object (…OrNullObject) and is resolved at its place in the batch. */
abstract class Resolvable<T> extends ClientObject {
  private resolved: { value: T | null } | null = null;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => T | null,
    private readonly orNull: boolean,
    private readonly missing: string,
  ) {
    super(context);
    context.enqueue(() => this.ensure());
  }
  protected override ensure(): void {
    if (this.resolved) return;
    const value = this.resolver();
    if (value === null && !this.orNull) throw new OfficeError("ItemNotFound", this.missing);
    this.resolved = { value };
    this.loaded.set("isNullObject", value === null);
  }
  get isNullObject(): boolean {
    return this.get<boolean>("isNullObject");
  }
  /** The resolved target; throws when it is a null object (writes on null objects are errors here). */
  target(): T {
    this.ensure();
    const value = this.resolved!.value;
    if (value === null) throw new OfficeError("InvalidObjectPath", `${this.typeName} is a null object.`);
    return value;
  }
  targetOrNull(): T | null {
    this.ensure();
    return this.resolved!.value;
  }
  override loadNow(paths: string[] | null): void {
    if (this.targetOrNull() === null) return;
    super.loadNow(paths);
  }
}

export class ClientResult<T> {
  private loadedValue: { v: T } | null = null;
  set(v: T): void {
    this.loadedValue = { v };
  }
  get value(): T {
    if (!this.loadedValue) throw notLoaded("ClientResult", "value");
    return this.loadedValue.v;
  }
}

// ---------------------------------------------------------------------------------------------------
// Workbook, worksheets

export class WorkbookProxy extends ClientObject {
  protected readonly typeName = "Workbook";
  readonly worksheets: WorksheetCollectionProxy;
  private notesProxy: NoteCollectionProxy | null = null;
  private commentsProxy: CommentCollectionProxy | null = null;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
  }
  get notes(): NoteCollectionProxy {
    return (this.notesProxy ??= new NoteCollectionProxy(this.context, null));
  }
  get comments(): CommentCollectionProxy {
    return (this.commentsProxy ??= new CommentCollectionProxy(this.context));
  }
}

export class WorksheetCollectionProxy extends ClientObject {
  protected readonly typeName = "WorksheetCollection";
  private itemProxies = new Map<SheetModel, WorksheetProxy>();
  readonly onChanged: EventSource;
  constructor(context: FakeRequestContext) {
    super(context);
    // ExcelApi 1.9: WorksheetCollection.onChanged (any sheet; Worksheet.onChanged is 1.7, onFormatChanged 1.9).
    this.onChanged = new EventSource(context, context.host.changedHandlers, "1.9", "WorksheetCollection.onChanged");
  }
  private get model(): WorkbookModel {
    return this.context.host.model;
  }
  private find(name: string): SheetModel | null {
    return this.model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  override loadNow(paths: string[] | null): void {
    const items = this.model.sheets.map((sheet) => {
      let proxy = this.itemProxies.get(sheet);
      if (!proxy) {
        proxy = new WorksheetProxy(this.context, () => sheet, false, "");
        this.itemProxies.set(sheet, proxy);
      }
      return proxy;
    });
    this.loaded.set("items", items);
    for (const path of paths ?? ["items"]) {
      const [head, ...rest] = path.split("/");
      if (head !== "items") throw new OfficeError("InvalidArgument", `Cannot load '${head}' on WorksheetCollection.`);
      for (const item of items) item.loadNow(rest.length > 0 ? [rest.join("/")] : null);
    }
  }
  get items(): WorksheetProxy[] {
    return this.get<WorksheetProxy[]>("items");
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.find(name), false, `工作表 ${name} 不存在 (ItemNotFound)`);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.find(name), true, "");
  }
  add(name?: string): WorksheetProxy {
    let created: SheetModel | null = null;
    this.context.enqueue(() => {
      const sheetName = name ?? `Sheet${this.model.sheets.length + 1}`;
      if (this.find(sheetName)) {
        throw new OfficeError("ItemAlreadyExists", `A worksheet named '${sheetName}' already exists.`);
      }
      created = {
        id: `{sheet-${this.model.nextId++}}`,
        name: sheetName,
        cells: new Map(),
        merges: [],
        protected: false,
        visibility: "Visible",
        notes: new Map(),
        conditionalFormats: [],
        columnWidths: new Map(),
      };
      this.model.sheets.push(created);
    });
    // Created after the add operation is queued, so it resolves once the sheet exists.
    return new WorksheetProxy(this.context, () => created, false, "");
  }
}

/**
 * OfficeExtension.EventHandlerResult: not a ClientObject. remove() is queued on the context the handler
 * was added with, so it takes effect only at that context's sync — Excel.run(result.context, …).
 */
export class EventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handlers: Set<(args: unknown) => unknown>,
    private readonly handler: (args: unknown) => unknown,
  ) {}
  remove(): void {
    this.context.enqueue(() => this.handlers.delete(this.handler));
  }
}

class EventSource {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly handlers: Set<(args: unknown) => unknown>,
    private readonly apiVersion: string,
    private readonly what: string,
  ) {}
  add(handler: (args: unknown) => unknown): EventHandlerResult {
    this.context.enqueue(() => {
      this.context.requireApi(this.apiVersion, this.what);
      this.handlers.add(handler);
    });
    return new EventHandlerResult(this.context, this.handlers, handler);
  }
}

export class WorksheetProxy extends Resolvable<SheetModel> implements Pick<Excel.Worksheet, "name" | "id" | "visibility" | "position" | "delete" | "activate"> {
  protected readonly typeName = "Worksheet";
  readonly protection: WorksheetProtectionProxy;
  /** ExcelApi 1.7: freezeRows is recorded (frozenRows). */
  readonly freezePanes = {
    freezeRows: (count?: number): void => this.context.enqueue(() => {
      this.context.requireApi("1.7", "WorksheetFreezePanes.freezeRows");
      this.target().frozenRows = count ?? 1;
    }),
  };
  /**
   * ExcelApi 1.9 Worksheet.pageLayout: what the add-in sets is recorded (orientation, zoom,
   * paperSize, centerHorizontally, setPrintTitleRows); anything else is absent on purpose.
   */
  get pageLayout(): { orientation: string; paperSize: string; zoom: PageLayoutRecord["zoom"]; centerHorizontally: boolean; setPrintTitleRows(rows: string): void } {
    const record = (apply: (layout: PageLayoutRecord) => void): void =>
      this.context.enqueue(() => {
        this.context.requireApi("1.9", "Worksheet.pageLayout");
        const sheet = this.target();
        if (sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        sheet.pageLayout = { ...sheet.pageLayout };
        apply(sheet.pageLayout);
      });
    const layout = {
      setPrintTitleRows: (rows: string): void => record((l) => (l.printTitleRows = rows)),
    };
    Object.defineProperty(layout, "orientation", { set: (v: string) => record((l) => (l.orientation = v as PageLayoutRecord["orientation"])) });
    Object.defineProperty(layout, "zoom", { set: (v: PageLayoutRecord["zoom"]) => record((l) => (l.zoom = { ...v })) });
    Object.defineProperty(layout, "paperSize", { set: (v: string) => record((l) => (l.paperSize = v)) });
    Object.defineProperty(layout, "centerHorizontally", { set: (v: boolean) => record((l) => (l.centerHorizontally = v)) });
    return layout as never;
  }
  private notesProxy: NoteCollectionProxy | null = null;
  constructor(context: FakeRequestContext, resolver: () => SheetModel | null, orNull: boolean, missing: string) {
    super(context, resolver, orNull, missing);
    this.protection = new WorksheetProtectionProxy(context, this);
  }
  protected override scalarProps(): string[] {
    return ["name", "id", "visibility", "position"];
  }
  protected override readScalar(name: string): unknown {
    const sheet = this.target();
    switch (name) {
      case "position":
        return this.context.host.model.sheets.indexOf(sheet);
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "visibility":
        return sheet.visibility;
      default:
        return super.readScalar(name);
    }
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === "protection" ? this.protection : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.context.enqueue(() => {
      const sheet = this.target();
      const model = this.context.host.model;
      if (model.sheets.some((s) => s !== sheet && s.name.toLowerCase() === v.toLowerCase())) {
        throw new OfficeError("ItemAlreadyExists", `A worksheet named '${v}' already exists.`);
      }
      sheet.name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  /** ExcelApi 1.1 Worksheet.position: the zero-based place among the sheets; outside them, InvalidArgument. */
  set position(v: number) {
    this.context.enqueue(() => {
      const sheet = this.target();
      const sheets = this.context.host.model.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length) throw new OfficeError("InvalidArgument", `Position ${v} is outside the workbook's ${sheets.length} sheets.`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(v, 0, sheet);
    });
  }
  get visibility(): Excel.Worksheet["visibility"] {
    return this.get("visibility");
  }
  set visibility(v: Excel.Worksheet["visibility"]) {
    this.context.enqueue(() => {
      this.target().visibility = v as SheetModel["visibility"];
    });
  }
  get notes(): NoteCollectionProxy {
    return (this.notesProxy ??= new NoteCollectionProxy(this.context, this));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      const { local } = splitSheetAddress(address);
      try {
        return { sheet, rect: parseRect(local) };
      } catch {
        throw new OfficeError("InvalidArgument", `The argument is invalid or missing: ${address}`);
      }
    });
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => ({
      sheet: this.target(),
      rect: { top: row, left: col, bottom: row + rowCount - 1, right: col + columnCount - 1 },
    }));
  }
  getCell(row: number, col: number): RangeProxy {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(sheet, valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.target();
        const rect = usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.target();
      const model = this.context.host.model;
      // Worksheet.delete (ExcelApi 1.1): "if the worksheet's visibility is set to "VeryHidden", the
      // delete operation will fail with an InvalidOperation exception".
      if (sheet.visibility === "VeryHidden") {
        throw new OfficeError("InvalidOperation", "This operation is not allowed on a very hidden worksheet: change its visibility to hidden or visible before deleting it.");
      }
      if (model.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible") {
        throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      model.comments = model.comments.filter((c) => c.sheet !== sheet);
      sheet.deleted = true;
    });
  }
  activate(): void {
    this.context.enqueue(() => {
      const sheet = this.target();
      this.context.host.model.selection = { sheet: sheet.name, address: "A1" };
    });
  }
}

class WorksheetProtectionProxy extends ClientObject implements Pick<Excel.WorksheetProtection, "protected"> {
  protected readonly typeName = "WorksheetProtection";
  constructor(
    context: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  protected override scalarProps(): string[] {
    return ["protected"];
  }
  protected override readScalar(name: string): unknown {
    if (name === "protected") return this.sheet.target().protected;
    return super.readScalar(name);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  const grow = (r: number, c: number, r2 = r, c2 = c): void => {
    if (!rect) rect = { top: r, left: c, bottom: r2, right: c2 };
    else {
      rect.top = Math.min(rect.top, r);
      rect.left = Math.min(rect.left, c);
      rect.bottom = Math.max(rect.bottom, r2);
      rect.right = Math.max(rect.right, c2);
    }
  };
  for (const [k, cell] of sheet.cells) {
    const has = valuesOnly
      ? !isEmptyValue(cell.value) || cell.formula !== undefined
      : !isEmptyValue(cell.value) || cell.formula !== undefined || cell.fill !== undefined || cell.fontColor !== undefined ||
        cell.bold || (cell.numberFormat !== undefined && cell.numberFormat !== "General");
    if (!has) continue;
    const [r, c] = k.split(",").map(Number);
    grow(r, c);
  }
  if (!valuesOnly) for (const m of sheet.merges) grow(m.top, m.left, m.bottom, m.right);
  return rect;
}

// ---------------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const MAX_LOADED_CELLS = 5_000_000;
const MAX_MERGED_AREAS = 512;

function displayValue(v: SnapshotValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(cell: CellModel | undefined): string {
  const v = cell?.value ?? null;
  if (v === null || v === "") return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function looksNumeric(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
}

export class RangeProxy extends Resolvable<RangeTarget> implements Pick<Excel.Range, "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "values" | "formulas" | "numberFormat" | "valueTypes" | "text" | "select" | "clear"> {
  protected readonly typeName = "Range";
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(context: FakeRequestContext, resolver: () => RangeTarget | null, orNull = false) {
    super(context, resolver, orNull, "The requested range does not exist.");
    this.format = new RangeFormatProxy(context, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
  }
  protected override scalarProps(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat", "valueTypes", "text"];
  }
  private cells<T>(fn: (cell: CellModel | undefined, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this.target();
    if (this.context.host.failingSheets.has(sheet.name)) {
      throw new OfficeError("GeneralException", "An internal error has occurred.");
    }
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > MAX_LOADED_CELLS) {
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(fn(sheet.cells.get(key(r, c)), r, c));
      out.push(row);
    }
    return out;
  }
  protected override readScalar(name: string): unknown {
    const value = this.readRangeScalar(name);
    if (Array.isArray(value)) this.context.responseBytes += payloadSize(value);
    return value;
  }
  private readRangeScalar(name: string): unknown {
    const { sheet, rect } = this.target();
    switch (name) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        return this.cells((c) => displayValue(c?.value ?? null));
      case "text":
        return this.cells((c) => String(displayValue(c?.value ?? null)));
      case "valueTypes":
        return this.cells((c) => valueType(c));
      case "formulas":
        return this.cells((c) => c?.formula ?? displayValue(c?.value ?? null));
      case "numberFormat":
        return this.cells((c) => c?.numberFormat ?? "General");
      default:
        return super.readScalar(name);
    }
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.write((cell, x) => setCellInput(cell, x, false), v, "values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write((cell, x) => setCellInput(cell, x, true), v, "formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write((cell, x) => {
      cell.numberFormat = String(x);
    }, v, "numberFormat");
  }
  get valueTypes(): Excel.Range["valueTypes"] {
    return this.get("valueTypes");
  }
  get text(): string[][] {
    return this.get("text");
  }
  /** Queues a write of a 2-D array (or one scalar for every cell), checked against the range's size. */
  private write(apply: (cell: CellModel, x: unknown) => void, v: unknown, what: string): void {
    this.context.requestBytes += payloadSize(v);
    this.context.enqueue(() => {
      const { sheet, rect } = this.writableTarget(what === "numberFormat" ? "format" : "data");
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const scalar = !Array.isArray(v);
      if (!scalar) {
        const arr = v as unknown[][];
        if (arr.length !== rows || arr.some((r) => !Array.isArray(r) || r.length !== cols)) {
          throw new OfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
        }
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const cell = cellAt(sheet, rect.top + r, rect.left + c);
          apply(cell, scalar ? v : (v as unknown[][])[r][c]);
        }
      }
    });
  }
  /**
   * The target, refusing writes to a protected sheet the way Excel does. A data write ("data") fires
   * onChanged after the sync; a format write does not: Excel reports those through onFormatChanged
   * (ExcelApi 1.9), which the adapter does not listen to.
   */
  writableTarget(kind: "data" | "format" = "format"): RangeTarget {
    const t = this.target();
    if (t.sheet.protected) {
      throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    }
    if (kind === "data") this.context.dirty.add(t.sheet);
    return t;
  }
  forEachCell(fn: (cell: CellModel, row: number, col: number) => void): void {
    const { sheet, rect } = this.writableTarget();
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > MAX_LOADED_CELLS) {
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The in-memory Excel does not format whole sheets cell by cell.");
    }
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(cellAt(sheet, r, c), r, c);
  }
  private derived(fn: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: fn(t) };
    });
  }
  getCell(row: number, col: number): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top + row, left: rect.left + col, bottom: rect.top + row, right: rect.left + col }));
  }
  /**
   * ExcelApi 1.2 Range.merge(across): one merged area (or one per row when `across`). As in Excel,
   * only the upper-left cell's value is kept; a merge that overlaps an existing merged area is
   * refused (Excel's UI would ask; the API fails with InvalidOperation).
   */
  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.writableTarget();
      const areas = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, k) => ({ ...rect, top: rect.top + k, bottom: rect.top + k })) : [rect];
      for (const area of areas) {
        if (area.top === area.bottom && area.left === area.right) continue;
        if (sheet.merges.some((m) => intersects(m, area))) throw new OfficeError("InvalidOperation", "Cannot merge cells that overlap a merged area.");
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            if (r === area.top && c === area.left) continue;
            const cell = sheet.cells.get(key(r, c));
            if (cell) {
              cell.value = null;
              cell.formula = undefined;
            }
          }
        }
        sheet.merges.push({ ...area });
      }
    });
  }
  /** ExcelApi 1.13. Office documents that it fails when the range holds more than 512 merged areas. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
      const { sheet, rect } = this.target();
      const areas = sheet.merges.filter((m) => intersects(m, rect));
      if (areas.length > MAX_MERGED_AREAS) throw new OfficeError("GeneralException", "An internal error has occurred (more than 512 merged areas).");
      return areas.length > 0 ? { sheet, areas } : null;
    });
  }
  /** ExcelApi 1.9. Fill as Excel reports it: "no fill" reads as color "#FFFFFF" (like white) with tintAndShade null. */
  getCellProperties(options: { address?: boolean; format?: { fill?: Record<string, boolean>; font?: Record<string, boolean> } }): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this.context.enqueue(() => {
      this.context.requireApi("1.9", "Range.getCellProperties");
      const { sheet } = this.target();
      result.set(
        this.sized(this.cells((cell, r, c) => {
          const props: Record<string, unknown> = {};
          if (options.address) props.address = `${quoteSheetName(sheet.name)}!${cellAddress(r, c)}`;
          if (options.format) {
            const format: Record<string, unknown> = {};
            if (options.format.fill) {
              const fill: Record<string, unknown> = {};
              if (options.format.fill.color) fill.color = fillColorOf(cell);
              if (options.format.fill.pattern) fill.pattern = fillPatternOf(cell, this.context.host);
              if (options.format.fill.patternColor) fill.patternColor = "#000000";
              if (options.format.fill.tintAndShade) fill.tintAndShade = fillTintOf(cell);
              format.fill = fill;
            }
            if (options.format.font) {
              const font: Record<string, unknown> = {};
              if (options.format.font.color) font.color = cell?.fontColor ?? "#000000";
              if (options.format.font.bold) font.bold = cell?.bold ?? false;
              format.font = font;
            }
            props.format = format;
          }
          return props;
        })),
      );
    });
    return result;
  }
  private sized<T>(value: T): T {
    this.context.responseBytes += payloadSize(value);
    return value;
  }
  select(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      this.context.host.model.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }
  /** Inserts cells, shifting the existing ones right (entire columns: merges widen as in Excel). */
  insert(shift: string): RangeProxy {
    this.context.enqueue(() => {
      if (shift !== "Right") throw new OfficeError("InvalidArgument", `Only shift Right is implemented in the in-memory Excel (got ${shift}).`);
      const { sheet, rect } = this.writableTarget("data");
      const width = rect.right - rect.left + 1;
      const inBand = (r: number): boolean => r >= rect.top && r <= rect.bottom;
      const moved = new Map<string, CellModel>();
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number);
        moved.set(inBand(r) && c >= rect.left ? key(r, c + width) : k, cell);
      }
      sheet.cells = moved;
      for (const m of sheet.merges) {
        if (!inBand(m.top) && !inBand(m.bottom)) continue;
        if (m.left >= rect.left) {
          m.left += width;
          m.right += width;
        } else if (m.right >= rect.left) m.right += width;
      }
      const notes = new Map<string, string>();
      for (const [addr, text] of sheet.notes) {
        const p = parseRect(addr);
        notes.set(inBand(p.top) && p.left >= rect.left ? cellAddress(p.top, p.left + width) : addr, text);
      }
      sheet.notes = notes;
      for (const cm of this.context.host.model.comments) {
        if (cm.sheet === sheet && inBand(cm.row) && cm.col >= rect.left) cm.col += width;
      }
    });
    return this;
  }
  /** Deletes cells, shifting the ones to the right left (the reverse of insert("Right"); only "Left" is implemented). */
  delete(shift: string): void {
    this.context.enqueue(() => {
      if (shift !== "Left") throw new OfficeError("InvalidArgument", `Only shift Left is implemented in the in-memory Excel (got ${shift}).`);
      const { sheet, rect } = this.writableTarget();
      const width = rect.right - rect.left + 1;
      const inBand = (r: number): boolean => r >= rect.top && r <= rect.bottom;
      const moved = new Map<string, CellModel>();
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number);
        if (inBand(r) && c >= rect.left && c <= rect.right) continue;
        moved.set(inBand(r) && c > rect.right ? key(r, c - width) : k, cell);
      }
      sheet.cells = moved;
      sheet.merges = sheet.merges.filter((m) => !(inBand(m.top) && m.left >= rect.left && m.right <= rect.right));
      for (const m of sheet.merges) {
        if (!inBand(m.top) && !inBand(m.bottom)) continue;
        if (m.left > rect.right) {
          m.left -= width;
          m.right -= width;
        } else if (m.right >= rect.left) m.right = Math.max(m.left, m.right - Math.min(width, m.right - rect.left + 1));
      }
      const notes = new Map<string, string>();
      for (const [addr, text] of sheet.notes) {
        const p = parseRect(addr);
        if (inBand(p.top) && p.left >= rect.left && p.left <= rect.right) continue;
        notes.set(inBand(p.top) && p.left > rect.right ? cellAddress(p.top, p.left - width) : addr, text);
      }
      sheet.notes = notes;
      const model = this.context.host.model;
      model.comments = model.comments.filter((cm) => !(cm.sheet === sheet && inBand(cm.row) && cm.col >= rect.left && cm.col <= rect.right));
      for (const cm of model.comments) {
        if (cm.sheet === sheet && inBand(cm.row) && cm.col > rect.right) cm.col -= width;
      }
    });
  }
  copyFrom(source: RangeProxy | string, copyType?: string): void {
    this.context.enqueue(() => {
      this.context.requireApi("1.9", "Range.copyFrom");
      const src = typeof source === "string" ? null : source.target();
      if (!src) throw new OfficeError("InvalidArgument", "copyFrom needs a Range in the in-memory Excel.");
      const { rect } = this.target();
      this.forEachCell((cell, r, c) => {
        const sr = src.rect.top + ((r - rect.top) % (src.rect.bottom - src.rect.top + 1));
        const sc = src.rect.left + ((c - rect.left) % (src.rect.right - src.rect.left + 1));
        const from = src.sheet.cells.get(key(sr, sc));
        if (copyType === "Formats" || copyType === "All" || copyType === undefined) {
          cell.fill = from?.fill;
          cell.fontColor = from?.fontColor;
          cell.bold = from?.bold;
          cell.numberFormat = from?.numberFormat;
          cell.style = from?.style ? { ...from.style } : undefined;
        }
        if (copyType === "All" || copyType === undefined || copyType === "Values") {
          cell.value = from?.value ?? null;
          cell.formula = copyType === "Values" ? undefined : from?.formula;
        }
      });
    });
  }
  clear(applyTo?: string): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.writableTarget(applyTo === "Formats" ? "format" : "data");
      // Only cells that exist can hold anything: a whole-sheet clear stays cheap.
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number);
        if (r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
        if (applyTo !== "Formats") {
          cell.value = null;
          cell.formula = undefined;
        }
        if (applyTo !== "Contents") {
          cell.fill = undefined;
          cell.fontColor = undefined;
          cell.bold = undefined;
          cell.numberFormat = undefined;
          cell.style = undefined;
        }
      }
    });
  }
}

/** The size of a value as JSON, the form requests and responses travel in. */
export function payloadSize(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

function cellAt(sheet: SheetModel, row: number, col: number): CellModel {
  const k = key(row, col);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = { value: null };
    sheet.cells.set(k, cell);
  }
  return cell;
}

/** What Excel does with a value written through the API: a text cell ("@") keeps it; otherwise it is parsed as if typed. */
function setCellInput(cell: CellModel, x: unknown, asFormula: boolean): void {
  cell.formula = undefined;
  if (x === null || x === undefined || x === "") {
    cell.value = null;
    return;
  }
  if (typeof x === "number" || typeof x === "boolean") {
    cell.value = x;
    return;
  }
  const text = String(x);
  if (cell.numberFormat === "@") {
    cell.value = text;
    return;
  }
  if (text.startsWith("=")) {
    cell.formula = text;
    cell.value = null; // the in-memory Excel does not calculate
    return;
  }
  if (!asFormula && /^[+\-@]/.test(text) && !looksNumeric(text)) {
    cell.formula = text.startsWith("@") ? `=${text.slice(1)}` : `=${text}`;
    cell.value = null;
    return;
  }
  if (looksNumeric(text)) {
    cell.value = Number(text);
    return;
  }
  if (/^(TRUE|FALSE)$/i.test(text)) {
    cell.value = text.toUpperCase() === "TRUE";
    return;
  }
  cell.value = text;
}

export class RangeAreasProxy extends Resolvable<{ sheet: SheetModel; areas: Rect[] }> implements Pick<Excel.RangeAreas, "address" | "areaCount"> {
  protected readonly typeName = "RangeAreas";
  constructor(context: FakeRequestContext, resolver: () => { sheet: SheetModel; areas: Rect[] } | null) {
    super(context, resolver, true, "");
  }
  protected override scalarProps(): string[] {
    return ["address", "areaCount"];
  }
  protected override readScalar(name: string): unknown {
    const { sheet, areas } = this.target();
    // Documented form: "Sheet1!A1:B4, Sheet1!D1:D4" (ExcelApi 1.9 RangeAreas.address).
    if (name === "address") return areas.map((a) => `${quoteSheetName(sheet.name)}!${rectAddress(a)}`).join(", ");
    if (name === "areaCount") return areas.length;
    return super.readScalar(name);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

// ---------------------------------------------------------------------------------------------------
// Formats

class RangeFormatProxy extends ClientObject {
  protected readonly typeName = "RangeFormat";
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: { getItem: (index: string) => Record<string, unknown> };
  constructor(
    context: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
    this.fill = new RangeFillProxy(context, range);
    this.font = new RangeFontProxy(context, range);
    this.borders = {
      getItem: (index: string) => {
        // As in Excel, an edge border is drawn on the range's outer cells only and an inside border
        // between its cells; recorded per cell side ("borderTop.style") so a render draws what Excel would.
        const style = (prop: string) => (value: unknown) =>
          context.enqueue(() => {
            const { rect } = range.target();
            range.forEachCell((cell, r, c) => {
              for (const side of bordersideOf(index, rect, r, c)) cell.style = { ...cell.style, [`border${side}.${prop}`]: value };
            });
          });
        const border: Record<string, unknown> = {};
        for (const prop of ["style", "color", "weight"]) Object.defineProperty(border, prop, { set: style(prop) });
        return border;
      },
    };
  }
  /** ExcelApi 1.2: FormatProtection.locked (takes effect once the sheet is protected). */
  get protection(): { locked: boolean } {
    const setStyle = (v: boolean): void => this.setStyle("locked", v);
    return Object.defineProperty({} as { locked: boolean }, "locked", { set: setStyle });
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
  protected override scalarProps(): string[] {
    return ["columnWidth"];
  }
  protected override readScalar(name: string): unknown {
    if (name === "columnWidth") {
      const { sheet, rect } = this.range.target();
      return sheet.columnWidths.get(rect.left) ?? 48;
    }
    return super.readScalar(name);
  }
  private setStyle(prop: string, value: unknown): void {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.style = { ...cell.style, [prop]: value };
    }));
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(w: number) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.range.writableTarget();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, w);
    });
  }
  set rowHeight(h: number) {
    this.setStyle("rowHeight", h);
  }
  set wrapText(v: boolean) {
    this.setStyle("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.setStyle("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", v);
  }
  autofitRows(): void {
    this.context.enqueue(() => this.range.target());
  }
}

/** The sides of cell (r, c) a border of `index` over `rect` lies on. */
function bordersideOf(index: string, rect: Rect, r: number, c: number): string[] {
  switch (index) {
    case "EdgeTop":
      return r === rect.top ? ["Top"] : [];
    case "EdgeBottom":
      return r === rect.bottom ? ["Bottom"] : [];
    case "EdgeLeft":
      return c === rect.left ? ["Left"] : [];
    case "EdgeRight":
      return c === rect.right ? ["Right"] : [];
    case "InsideHorizontal":
      return [...(r > rect.top ? ["Top"] : []), ...(r < rect.bottom ? ["Bottom"] : [])];
    case "InsideVertical":
      return [...(c > rect.left ? ["Left"] : []), ...(c < rect.right ? ["Right"] : [])];
    default:
      return [index];
  }
}

/** Reads a format property over a range: the common value, or null when the cells differ (as Excel). */
function common<T>(range: RangeProxy, read: (cell: CellModel | undefined) => T): T | null {
  const { sheet, rect } = range.target();
  let first: { v: T } | null = null;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = read(sheet.cells.get(key(r, c)));
      if (!first) first = { v };
      else if (first.v !== v) return null;
    }
  }
  return first ? first.v : null;
}

/** RangeFill.color: "#FFFFFF" for "no fill" as for white (office-js #4900, #6218). */
function fillColorOf(cell: CellModel | undefined): string {
  return cell?.fill ?? "#FFFFFF";
}

/** RangeFill.pattern (ExcelApi 1.9): the in-memory Excel only has solid fills. */
function fillPatternOf(cell: CellModel | undefined, host: Host): string | null {
  if (host.fillPatternNull) return null;
  return cell?.fill ? "Solid" : "None";
}

/** RangeFill.tintAndShade (ExcelApi 1.9): null for "no fill", a number for any colour (office-js #4900). */
function fillTintOf(cell: CellModel | undefined): number | null {
  return cell?.fill ? 0 : null;
}

class RangeFillProxy extends ClientObject implements Pick<Excel.RangeFill, "color" | "pattern" | "clear"> {
  protected readonly typeName = "RangeFill";
  constructor(
    context: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected override scalarProps(): string[] {
    return ["color", "pattern", "tintAndShade"];
  }
  protected override readScalar(name: string): unknown {
    if (name === "color") return common(this.range, fillColorOf);
    if (name === "pattern") {
      this.context.requireApi("1.9", "RangeFill.pattern");
      return common(this.range, (c) => fillPatternOf(c, this.context.host));
    }
    if (name === "tintAndShade") {
      this.context.requireApi("1.9", "RangeFill.tintAndShade");
      return common(this.range, fillTintOf);
    }
    return super.readScalar(name);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.fill = normaliseColor(v);
    }));
  }
  get pattern(): Excel.RangeFill["pattern"] {
    return this.get("pattern");
  }
  /** ExcelApi 1.9; the in-memory Excel draws solid fills only, so a pattern is recorded, not drawn. */
  set pattern(v: Excel.RangeFill["pattern"]) {
    this.context.enqueue(() => {
      this.context.requireApi("1.9", "RangeFill.pattern");
      this.range.forEachCell((cell) => {
        cell.style = { ...cell.style, fillPattern: v };
      });
    });
  }
  set patternColor(v: string) {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.style = { ...cell.style, fillPatternColor: normaliseColor(v) };
    }));
  }
  clear(): void {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.fill = undefined;
    }));
  }
}

class RangeFontProxy extends ClientObject implements Pick<Excel.RangeFont, "color" | "bold" | "size" | "name"> {
  protected readonly typeName = "RangeFont";
  constructor(
    context: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected override scalarProps(): string[] {
    return ["color", "bold", "name"];
  }
  protected override readScalar(name: string): unknown {
    // Excel's default font for a cell nobody styled (the workbook's Normal style) is 等线 in Chinese Office.
    if (name === "name") return common(this.range, (c) => (typeof c?.style?.fontName === "string" ? c.style.fontName : "等线"));
    if (name === "color") return common(this.range, (c) => c?.fontColor ?? "#000000");
    if (name === "bold") return common(this.range, (c) => c?.bold ?? false);
    return super.readScalar(name);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.fontColor = normaliseColor(v);
    }));
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.bold = v || undefined;
    }));
  }
  get name(): string {
    return this.get("name");
  }
  /** ExcelApi 1.1 RangeFont.name: recorded per cell. */
  set name(v: string) {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.style = { ...cell.style, fontName: v };
    }));
  }
  /** ExcelApi 1.1 RangeFont.size (points) and italic: recorded only. */
  set size(v: number) {
    this.context.enqueue(() => this.range.forEachCell((cell) => {
      cell.style = { ...cell.style, fontSize: v };
    }));
  }
}

function normaliseColor(v: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(v)) throw new OfficeError("InvalidArgument", `Invalid colour ${v} (the in-memory Excel takes #RRGGBB).`);
  return v.toUpperCase();
}

class ConditionalFormatCollectionProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {}
  add(type: string): ConditionalFormatProxy {
    const holder: { record: ConditionalFormatRecord | null } = { record: null };
    this.context.enqueue(() => {
      this.context.requireApi("1.6", "ConditionalFormatCollection.add");
      const { sheet, rect } = this.range.writableTarget();
      holder.record = { range: rectAddress(rect), type };
      sheet.conditionalFormats.push(holder.record);
    });
    return new ConditionalFormatProxy(this.context, holder);
  }
}

class ConditionalFormatProxy {
  readonly custom: unknown;
  constructor(context: FakeRequestContext, holder: { record: ConditionalFormatRecord | null }) {
    const setter = (apply: (r: ConditionalFormatRecord, v: unknown) => void) => (v: unknown) =>
      context.enqueue(() => {
        if (!holder.record) throw new OfficeError("InvalidObjectPath", "Conditional format was not created.");
        apply(holder.record, v);
      });
    const format = () => ({
      fill: Object.defineProperty({}, "color", { set: setter((r, v) => (r.fill = normaliseColor(String(v)))) }),
      font: Object.defineProperty({}, "color", { set: setter((r, v) => (r.fontColor = normaliseColor(String(v)))) }),
    });
    this.custom = {
      rule: Object.defineProperty({}, "formula", { set: setter((r, v) => (r.formula = String(v))) }),
      format: format(),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10)

/** Resolves "A1" (sheet-scoped collection) or "Sheet!A1" / a Range (workbook-scoped) to a cell. */
function resolveCell(context: FakeRequestContext, scope: WorksheetProxy | null, where: RangeProxy | string): { sheet: SheetModel; row: number; col: number } {
  if (typeof where !== "string") {
    const { sheet, rect } = where.target();
    return { sheet, row: rect.top, col: rect.left };
  }
  const { sheet: sheetName, local } = splitSheetAddress(where);
  let sheet: SheetModel | undefined;
  if (sheetName !== null) sheet = context.host.model.sheets.find((s) => s.name === sheetName);
  else if (scope) sheet = scope.target();
  if (!sheet) throw new OfficeError("InvalidArgument", `The argument is invalid or missing: ${where}`);
  const rect = parseRect(local);
  if (rect.top !== rect.bottom || rect.left !== rect.right) throw new OfficeError("InvalidArgument", `A note or comment belongs to one cell: ${where}`);
  return { sheet, row: rect.top, col: rect.left };
}

export class NoteCollectionProxy extends ClientObject {
  protected readonly typeName = "NoteCollection";
  constructor(
    context: FakeRequestContext,
    private readonly scope: WorksheetProxy | null,
  ) {
    super(context);
  }
  /** NoteCollection.load("items/content"): the notes of the sheet (or of every sheet, workbook-scoped). */
  override loadNow(paths: string[] | null): void {
    this.context.requireApi("1.18", "NoteCollection.load");
    const sheets = this.scope ? [this.scope.target()] : this.context.host.model.sheets;
    const items = sheets.flatMap((sheet) => [...sheet.notes.keys()].map((addr) => new NoteProxy(this.context, () => (sheet.notes.has(addr) ? { sheet, addr } : null), false)));
    this.loaded.set("items", items);
    for (const path of paths ?? ["items"]) {
      const [head, ...rest] = path.split("/");
      if (head !== "items") throw new OfficeError("InvalidArgument", `Cannot load '${head}' on NoteCollection.`);
      for (const item of items) {
        item.loadNow(rest.length > 0 ? [rest.join("/")] : null);
      }
    }
  }
  get items(): NoteProxy[] {
    return this.get<NoteProxy[]>("items");
  }
  private sheetsInScope(): SheetModel[] {
    return this.scope ? [this.scope.target()] : this.context.host.model.sheets;
  }
  /** NoteCollection.getCount (ExcelApi 1.18). */
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue(() => {
      this.context.requireApi("1.18", "NoteCollection.getCount");
      result.set(this.sheetsInScope().reduce((n, s) => n + s.notes.size, 0));
    });
    return result;
  }
  /** NoteCollection.getItemAt (ExcelApi 1.18): notes in the order the collection lists them. */
  getItemAt(index: number): NoteProxy {
    return new NoteProxy(this.context, () => {
      this.context.requireApi("1.18", "NoteCollection.getItemAt");
      const all = this.sheetsInScope().flatMap((sheet) => [...sheet.notes.keys()].map((addr) => ({ sheet, addr })));
      const item = all[index];
      if (!item) throw new OfficeError("ItemNotFound", `There is no note at index ${index}.`);
      return item;
    }, false);
  }
  add(cellAddress_: RangeProxy | string, content: string): NoteProxy {
    this.context.requestBytes += payloadSize(content);
    let where: { sheet: SheetModel; addr: string } | null = null;
    this.context.enqueue(() => {
      this.context.requireApi("1.18", "NoteCollection.add");
      const { sheet, row, col } = resolveCell(this.context, this.scope, cellAddress_);
      const addr = cellAddress(row, col);
      if (sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      if (sheet.notes.has(addr)) throw new OfficeError("InvalidArgument", `The cell ${addr} already has a note.`);
      sheet.notes.set(addr, String(content));
      where = { sheet, addr };
    });
    return new NoteProxy(this.context, () => where, false);
  }
  private lookup(key_: string): () => { sheet: SheetModel; addr: string } | null {
    return () => {
      this.context.requireApi("1.18", "NoteCollection.getItem");
      const { sheet, row, col } = resolveCell(this.context, this.scope, key_);
      const addr = cellAddress(row, col);
      return sheet.notes.has(addr) ? { sheet, addr } : null;
    };
  }
  getItem(key_: string): NoteProxy {
    return new NoteProxy(this.context, this.lookup(key_), false);
  }
  getItemOrNullObject(key_: string): NoteProxy {
    return new NoteProxy(this.context, this.lookup(key_), true);
  }
}

export class NoteProxy extends Resolvable<{ sheet: SheetModel; addr: string }> implements Pick<Excel.Note, "content" | "delete"> {
  protected readonly typeName = "Note";
  constructor(context: FakeRequestContext, resolver: () => { sheet: SheetModel; addr: string } | null, orNull: boolean) {
    super(context, resolver, orNull, "The note does not exist.");
  }
  protected override scalarProps(): string[] {
    return ["content"];
  }
  protected override readScalar(name: string): unknown {
    const { sheet, addr } = this.target();
    if (name === "content") {
      const content = sheet.notes.get(addr) ?? "";
      this.context.responseBytes += payloadSize(content);
      return content;
    }
    return super.readScalar(name);
  }
  get content(): string {
    return this.get("content");
  }
  /** Note.getLocation (ExcelApi 1.18): the cell the note belongs to. */
  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, addr } = this.target();
      return { sheet, rect: parseRect(addr) };
    });
  }
  set content(v: string) {
    this.context.requestBytes += payloadSize(v);
    this.context.enqueue(() => {
      const { sheet, addr } = this.target();
      if (sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      sheet.notes.set(addr, String(v));
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const { sheet, addr } = this.target();
      if (sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      sheet.notes.delete(addr);
    });
  }
}

export class CommentCollectionProxy extends ClientObject {
  protected readonly typeName = "CommentCollection";
  private proxies = new Map<CommentModel, CommentProxy>();
  private get model(): WorkbookModel {
    return this.context.host.model;
  }
  override loadNow(paths: string[] | null): void {
    this.context.requireApi("1.10", "CommentCollection.load");
    const items = this.model.comments.map((c) => {
      let p = this.proxies.get(c);
      if (!p) {
        p = new CommentProxy(this.context, () => c, false);
        this.proxies.set(c, p);
      }
      return p;
    });
    this.loaded.set("items", items);
    for (const path of paths ?? ["items"]) {
      const [head, ...rest] = path.split("/");
      if (head !== "items") throw new OfficeError("InvalidArgument", `Cannot load '${head}' on CommentCollection.`);
      for (const item of items) item.loadNow(rest.length > 0 ? [rest.join("/")] : null);
    }
  }
  get items(): CommentProxy[] {
    return this.get("items");
  }
  add(cellAddress_: RangeProxy | string, content: string): CommentProxy {
    let created: CommentModel | null = null;
    this.context.enqueue(() => {
      this.context.requireApi("1.10", "CommentCollection.add");
      const { sheet, row, col } = resolveCell(this.context, null, cellAddress_);
      if (sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      if (this.model.comments.some((c) => c.sheet === sheet && c.row === row && c.col === col)) {
        throw new OfficeError("InvalidArgument", `The cell ${cellAddress(row, col)} already has a comment thread.`);
      }
      created = { id: `comment-${this.model.nextId++}`, sheet, row, col, content: String(content), replies: [] };
      this.model.comments.push(created);
    });
    return new CommentProxy(this.context, () => created, false);
  }
  getItem(id: string): CommentProxy {
    return new CommentProxy(this.context, () => this.model.comments.find((c) => c.id === id) ?? null, false);
  }
  getItemOrNullObject(id: string): CommentProxy {
    return new CommentProxy(this.context, () => this.model.comments.find((c) => c.id === id) ?? null, true);
  }
}

export class CommentProxy extends Resolvable<CommentModel> implements Pick<Excel.Comment, "id" | "content" | "delete"> {
  protected readonly typeName = "Comment";
  constructor(context: FakeRequestContext, resolver: () => CommentModel | null, orNull: boolean) {
    super(context, () => {
      context.requireApi("1.10", "Comment");
      return resolver();
    }, orNull, "The comment does not exist.");
  }
  protected override scalarProps(): string[] {
    return ["id", "content"];
  }
  protected override readScalar(name: string): unknown {
    const c = this.target();
    if (name === "id") return c.id;
    if (name === "content") return c.content;
    return super.readScalar(name);
  }
  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.context.enqueue(() => {
      this.target().content = String(v);
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const c = this.target();
      return { sheet: c.sheet, rect: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const c = this.target();
      if (c.sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      const model = this.context.host.model;
      model.comments = model.comments.filter((x) => x !== c);
    });
  }
}

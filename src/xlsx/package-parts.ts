/**
 * Zip-level care around ExcelJS, for files other programs wrote: before loading, spell the XML the way
 * ExcelJS expects it; after saving, put back from the original what ExcelJS reads wrongly or drops.
 * No Node APIs (shared by the CLI and the web page); bytes in, bytes out.
 */
import JSZip from "jszip";

type Bytes = Uint8Array;

/**
 * SpreadsheetML booleans that ExcelJS only recognises as "1"/"0", though the schema (xsd:boolean) also
 * allows "true"/"false", which LibreOffice writes: a protected sheet would come out unprotected, unlocked
 * cells locked, "fit to page" off. Only these attributes are touched: none of them holds user text.
 */
const BOOLEAN_ATTRIBUTES = [
  "sheet", "objects", "scenarios", "formatCells", "formatColumns", "formatRows", "insertColumns", "insertRows",
  "insertHyperlinks", "deleteColumns", "deleteRows", "selectLockedCells", "sort", "autoFilter", "pivotTables",
  "selectUnlockedCells", "lockStructure", "lockWindows", "lockRevision", "locked", "hidden", "applyNumberFormat",
  "applyFont", "applyFill", "applyBorder", "applyAlignment", "applyProtection", "quotePrefix", "wrapText",
  "shrinkToFit", "fitToPage", "autoPageBreaks", "summaryBelow", "summaryRight", "horizontalCentered",
  "verticalCentered", "headings", "gridLines", "gridLinesSet", "usePrinterDefaults", "blackAndWhite", "draft",
  "useFirstPageNumber", "customHeight", "customWidth", "bestFit", "collapsed", "customFormat", "tabSelected",
  "showGridLines", "showRowColHeaders", "showZeros", "date1904", "allowBlank", "showDropDown",
  "showInputMessage", "showErrorMessage", "differentFirst", "differentOddEven", "val",
];
const BOOLEAN_SPELLED_OUT = new RegExp(`(\\s(?:${BOOLEAN_ATTRIBUTES.join("|")}))="(true|false)"`, "g");

function booleansAsDigits(xml: string): string {
  return xml.replace(BOOLEAN_SPELLED_OUT, (_m, attr: string, value: string) => `${attr}="${value === "true" ? 1 : 0}"`);
}

/** The folder a .rels part's relationships are relative to: "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/". */
function relsBase(relsPath: string): string {
  return relsPath.replace(/_rels\/[^/]*$/, "");
}

/** "/xl/comments1.xml" seen from "xl/worksheets/" → "../comments1.xml" (ExcelJS looks parts up by relative path). */
function relativeTarget(base: string, absolute: string): string {
  const from = base.split("/").filter(Boolean);
  const to = absolute.replace(/^\/+/, "").split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Absolute part names in relationships (allowed by OPC, written by some programs) made relative. */
function relativeRelationships(xml: string, relsPath: string): string {
  const base = relsBase(relsPath);
  return xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
    if (/TargetMode="External"/.test(tag)) return tag;
    return tag.replace(/\sTarget="(\/[^"]*)"/, (_m, target: string) => ` Target="${relativeTarget(base, target)}"`);
  });
}

/** Notes whose text is a bare <t> (openpyxl and others) rather than rich-text runs, which ExcelJS expects. */
function notesAsRuns(xml: string): string {
  return xml.replace(/<text>(\s*<t(?:\s[^>]*)?>[\s\S]*?<\/t>)/g, "<text><r>$1</r>");
}

/** The workbook spelled the way ExcelJS reads it (the same bytes when nothing needed changing). */
export async function prepareForExcelJS(bytes: Bytes): Promise<Bytes> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  const fix = async (name: string, fixXml: (xml: string) => string): Promise<boolean> => {
    const before = await zip.files[name].async("string");
    const after = fixXml(before);
    if (after === before) return false;
    zip.file(name, after);
    changed = true;
    return true;
  };
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  let spelledOut = false;
  for (const name of names) {
    if (/\.rels$/i.test(name)) await fix(name, (xml) => relativeRelationships(xml, name));
    else if (/^xl\/comments[^/]*\.xml$/i.test(name)) await fix(name, notesAsRuns);
    else if (/^xl\/(styles|workbook)\.xml$/i.test(name)) spelledOut = (await fix(name, booleansAsDigits)) || spelledOut;
  }
  // Sheets can be large: they are only read through when the small parts show a writer that spells
  // booleans out (LibreOffice does so in styles.xml and workbook.xml too).
  if (spelledOut) {
    for (const name of names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))) await fix(name, booleansAsDigits);
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

// ---------------------------------------------------------------------------------------------------

/** Children of <worksheet> in schema order (ECMA-376 CT_Worksheet): where a carried-over element goes. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
  "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors",
  "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
];
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches",
  "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

/**
 * Parts of a sheet that flag and unflag never change but ExcelJS alters: the protection (an old-style
 * `password` is dropped), data validations (ranges split into duplicated rules), print settings.
 */
const KEPT_SHEET_ELEMENTS = ["sheetProtection", "dataValidations", "printOptions", "pageMargins", "pageSetup"];
/** Workbook-level: structure protection and the write-reservation password, which ExcelJS drops. */
const KEPT_WORKBOOK_ELEMENTS = ["fileSharing", "workbookProtection"];

function elementPattern(tag: string): RegExp {
  return new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, "g");
}

function findElement(xml: string, tag: string): string | null {
  return xml.match(elementPattern(tag))?.[0] ?? null;
}

/** Puts `element` in place of the tag's current element, or where the schema order wants it. */
function placeElement(xml: string, tag: string, element: string, order: string[], root: string): string {
  const without = xml.replace(elementPattern(tag), "");
  for (const next of order.slice(order.indexOf(tag) + 1)) {
    const at = without.search(new RegExp(`<${next}\\b`));
    if (at >= 0) return without.slice(0, at) + element + without.slice(at);
  }
  return without.replace(`</${root}>`, `${element}</${root}>`);
}

interface SheetEntry {
  name: string;
  part: string;
}

function xmlText(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]) : null;
}

/** The workbook's sheets in order, each with the zip path of its part. */
async function sheetEntries(zip: JSZip): Promise<{ workbook: string; sheets: SheetEntry[] }> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetEntry[] = [];
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, "name");
    const part = targets.get(attribute(tag, "r:id") ?? "");
    if (name !== null && part) sheets.push({ name, part });
  }
  return { workbook, sheets };
}

interface DefinedName {
  tag: string;
  name: string;
  sheetName: string | null;
  text: string;
}

function definedNames(workbook: string, sheets: SheetEntry[]): DefinedName[] {
  const list = findElement(workbook, "definedNames") ?? "";
  const names: DefinedName[] = [];
  for (const m of list.matchAll(/<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g)) {
    const local = attribute(m[0], "localSheetId");
    names.push({
      tag: m[1],
      name: attribute(m[0], "name") ?? "",
      sheetName: local === null ? null : (sheets[Number(local)]?.name ?? "\u0000"),
      text: m[2] ?? "",
    });
  }
  return names;
}

/**
 * The original's defined names (constants, print titles written without `$`, which ExcelJS drops or
 * rewrites), with sheet-local ones renumbered for the copy's sheets; names only the copy has are kept.
 */
function mergedDefinedNames(original: DefinedName[], saved: DefinedName[], sheets: SheetEntry[]): string {
  const index = new Map(sheets.map((s, i) => [s.name, i]));
  const key = (n: DefinedName) => `${n.name}\u0000${n.sheetName ?? ""}`;
  const have = new Set(original.map(key));
  const all = [...original, ...saved.filter((n) => !have.has(key(n)))];
  const out: string[] = [];
  for (const n of all) {
    let tag = n.tag.replace(/\slocalSheetId="[^"]*"/, "");
    if (n.sheetName !== null) {
      const at = index.get(n.sheetName);
      if (at === undefined) continue; // its sheet is not in the copy
      tag += ` localSheetId="${at}"`;
    }
    out.push(`<definedName${tag}>${n.text}</definedName>`);
  }
  return out.length ? `<definedNames>${out.join("")}</definedNames>` : "";
}

/** The copy ExcelJS saved, with what it lost or changed put back from the original. */
export async function keepFromOriginal(saved: Bytes, original: Bytes): Promise<Bytes> {
  const from = await JSZip.loadAsync(original);
  const to = await JSZip.loadAsync(saved);
  const a = await sheetEntries(from);
  const b = await sheetEntries(to);
  let changed = false;

  for (const sheet of b.sheets) {
    const source = a.sheets.find((s) => s.name === sheet.name);
    if (!source) continue;
    const before = await from.file(source.part)?.async("string");
    const xml = await to.file(sheet.part)?.async("string");
    if (before === undefined || xml === undefined) continue;
    let next = xml;
    for (const tag of KEPT_SHEET_ELEMENTS) {
      // Copied with booleans as digits, so that the copy reads right the next time too.
      let element = findElement(before, tag);
      if (element === null) continue;
      element = booleansAsDigits(element);
      // The printer settings part it may point to is not in the copy.
      if (tag === "pageSetup") element = element.replace(/\sr:id="[^"]*"/, "");
      next = placeElement(next, tag, element, WORKSHEET_ORDER, "worksheet");
    }
    const fit = findElement(before, "pageSetUpPr");
    if (fit !== null) {
      const element = booleansAsDigits(fit);
      next = next.replace(elementPattern("pageSetUpPr"), "");
      if (/<sheetPr\b/.test(next)) next = next.replace(/<sheetPr\b([^>]*?)\/>/, "<sheetPr$1></sheetPr>").replace(/(<sheetPr\b[^>]*>)/, `$1${element}`);
      else next = placeElement(next, "sheetPr", `<sheetPr>${element}</sheetPr>`, WORKSHEET_ORDER, "worksheet");
    }
    if (next !== xml) {
      to.file(sheet.part, next);
      changed = true;
    }
  }

  let workbook = b.workbook;
  for (const tag of KEPT_WORKBOOK_ELEMENTS) {
    const element = findElement(a.workbook, tag);
    if (element !== null) workbook = placeElement(workbook, tag, booleansAsDigits(element), WORKBOOK_ORDER, "workbook");
  }
  const names = mergedDefinedNames(definedNames(a.workbook, a.sheets), definedNames(b.workbook, b.sheets), b.sheets);
  workbook = workbook.replace(elementPattern("definedNames"), "");
  if (names) workbook = placeElement(workbook, "definedNames", names, WORKBOOK_ORDER, "workbook");
  if (workbook !== b.workbook) {
    to.file("xl/workbook.xml", workbook);
    changed = true;
  }
  return changed ? to.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : saved;
}

/**
 * What is wrong with a workbook ExcelJS could not read, in words, when the package shows it: a missing
 * part, a relationship to a part that is not there, XML that is cut off. Null when nothing is found.
 */
export async function describeDamage(bytes: Bytes): Promise<string | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return "压缩包不完整（可能下载或复制时中断）";
  }
  for (const part of ["[Content_Types].xml", "xl/workbook.xml"]) {
    if (!zip.file(part)) return `缺少必需的部件 ${part}`;
  }
  for (const relsPath of Object.keys(zip.files).filter((n) => /\.rels$/i.test(n))) {
    const xml = await zip.file(relsPath)!.async("string");
    const base = relsBase(relsPath);
    for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (/TargetMode="External"/.test(tag)) continue;
      const target = attribute(tag, "Target");
      if (!target) continue;
      const parts: string[] = [];
      for (const step of (target.startsWith("/") ? target.slice(1) : base + target).split("/")) {
        if (step === "..") parts.pop();
        else if (step !== "." && step !== "") parts.push(step);
      }
      const name = parts.join("/");
      if (!zip.file(name) && !Object.keys(zip.files).some((n) => n.toLowerCase() === name.toLowerCase())) {
        return `${relsPath} 引用的部件 ${name} 不存在`;
      }
    }
  }
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/.*\.xml$/i.test(n))) {
    const xml = (await zip.file(name)!.async("string")).trimEnd();
    if (xml.length > 0 && !xml.endsWith(">")) return `部件 ${name} 的内容被截断`;
  }
  return null;
}

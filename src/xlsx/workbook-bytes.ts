/**
 * What a file's bytes say before ExcelJS reads them: whether it is an .xlsx at all (old .xls,
 * password-protected, Word, PowerPoint …) and which parts a copy written by ExcelJS would lose.
 * Pure over bytes (Uint8Array; a Node Buffer is one), so the CLI and the web page say the same.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/**
 * An OLE (CFB) container is either an old .xls or an encrypted (password-protected) .xlsx; the latter
 * holds the streams "EncryptionInfo" and "EncryptedPackage", whose names the directory stores in UTF-16LE.
 */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  return includesBytes(bytes, utf16le("EncryptedPackage")) || includesBytes(bytes, utf16le("EncryptionInfo"));
}

/** Names of the files inside a zip, from its central directory (no decompression needed). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const EOCD = 0x06054b50;
  const ENTRY = 0x02014b50;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  const names: string[] = [];
  const utf8 = new TextDecoder("utf-8");
  for (let n = 0; n < count && at + 46 <= bytes.length && u32(at) === ENTRY; n++) {
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    names.push(utf8.decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength))));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Why these bytes are not an .xlsx ExcelJS can open, in Chinese naming `file` (a path or a file
 * name), or null when they look like one. `names` are the zip's entries (zipEntryNames).
 */
export function notWorkbookReason(bytes: Uint8Array, file: string, names: string[] = zipEntryNames(bytes)): string | null {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOle(bytes)) {
      return `文件设有打开密码（已加密）：${file}。请在 Excel 中去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再试。`;
    }
    return `这是旧版 Excel 97-2003 文件（.xls）：${file}。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再试。`;
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    return `不是 Excel 工作簿（.xlsx）：${file}。请选择用 Excel 或 WPS 保存的 .xlsx 文件。`;
  }
  // Word and PowerPoint files are zip files too; ExcelJS would read them as a workbook without sheets.
  if (names.length > 0 && !names.some((name) => name.startsWith("xl/"))) {
    const kind = names.some((n) => n.startsWith("word/")) ? "Word 文档" : names.some((n) => n.startsWith("ppt/")) ? "PowerPoint 演示文稿" : "压缩文件";
    return `不是 Excel 工作簿（.xlsx），而是${kind}：${file}。请选择用 Excel 或 WPS 保存的 .xlsx 文件。`;
  }
  return null;
}

/** Said when ExcelJS fails on bytes that looked like an .xlsx. */
export function unreadableWorkbookMessage(file: string): string {
  return `无法读取工作簿：${file}。文件可能已损坏，或不是 Excel 保存的 .xlsx 文件。`;
}

/** Workbook parts ExcelJS reads past and does not write back (exceljs issues #141, #1734). */
const PARTS_LOST_ON_SAVE: { pattern: RegExp; what: string }[] = [
  { pattern: /^xl\/charts\/chart\d*\.xml$/i, what: "图表" },
  { pattern: /^xl\/chartsheets\/[^/]+\.xml$/i, what: "图表工作表" },
  { pattern: /^xl\/pivotTables\/[^/]+\.xml$/i, what: "数据透视表" },
  { pattern: /^xl\/slicers\/[^/]+\.xml$/i, what: "切片器" },
  { pattern: /^xl\/embeddings\/[^/]+$/i, what: "嵌入的对象" },
  { pattern: /^xl\/ctrlProps\/[^/]+\.xml$/i, what: "表单控件" },
  { pattern: /^xl\/externalLinks\/[^/]+\.xml$/i, what: "外部链接" },
  // The VBA project of an .xlsm; a copy saved as .xlsx cannot hold macros anyway.
  { pattern: /^xl\/vbaProject\.bin$/i, what: "宏（VBA 代码）" },
  // Excel 365's threaded comments: the copy keeps only their plain-text note, without replies' authors.
  { pattern: /^xl\/threadedComments\/[^/]+\.xml$/i, what: "可回复的新式批注（副本中只剩批注文字）所在的工作表" },
];

/** Every kind of part PARTS_LOST_ON_SAVE names, for a page that says in advance what a copy cannot keep. */
export const KINDS_LOST_ON_SAVE: readonly string[] = PARTS_LOST_ON_SAVE.map((p) => p.what);

/** What a copy written by this tool will lack, e.g. ["图表（2个）"]; [] when nothing is lost. */
export function contentLostOnSave(entryNames: string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of entryNames) {
    const part = PARTS_LOST_ON_SAVE.find((p) => p.pattern.test(name));
    if (part) counts.set(part.what, (counts.get(part.what) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what}（${n}个）`);
}

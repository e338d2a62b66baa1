/**
 * Opening and saving .xlsx files, with a Chinese message for every way a file can be unusable.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

/** An error meant for the user: its message is shown as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/**
 * An OLE (CFB) container is either an old .xls or an encrypted (password-protected) .xlsx; the latter
 * holds the streams "EncryptionInfo" and "EncryptedPackage", whose names the directory stores in UTF-16LE.
 */
export function isEncryptedOle(buf: Buffer): boolean {
  return buf.includes(Buffer.from("EncryptedPackage", "utf16le")) || buf.includes(Buffer.from("EncryptionInfo", "utf16le"));
}

/** Why a file could not be read, in words (the system's code otherwise). */
const READ_ERRORS: Record<string, string> = {
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  EBUSY: "文件正在被其他程序使用（可能在 Excel、WPS 中打开），请关闭后再试",
  EISDIR: "这是一个文件夹",
};

/** Reads the file and checks what kind of file it is before ExcelJS sees it. */
export function readWorkbookBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`找不到文件：${file}`);
  }
  if (stat.isDirectory()) throw new CliError(`这是一个文件夹，不是 Excel 文件：${file}`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`无法读取文件：${file}（${(code && READ_ERRORS[code]) ?? code ?? "未知原因"}）`);
  }
  if (startsWith(buf, OLE_MAGIC)) {
    if (isEncryptedOle(buf)) {
      throw new CliError(`文件设有打开密码（已加密）：${file}。请在 Excel 中去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再试。`);
    }
    throw new CliError(`这是旧版 Excel 97-2003 文件（.xls）：${file}。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再试。`);
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new CliError(`不是 Excel 工作簿（.xlsx）：${file}。请选择用 Excel 或 WPS 保存的 .xlsx 文件。`);
  }
  return buf;
}

/** Names of the files inside a zip, from its central directory (no decompression needed). */
export function zipEntryNames(buf: Buffer): string[] {
  const EOCD = 0x06054b50;
  const ENTRY = 0x02014b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count && at + 46 <= buf.length && buf.readUInt32LE(at) === ENTRY; n++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    names.push(buf.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
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
];

/** What a copy written by this tool will lack, e.g. ["图表（2个）"]; [] when nothing is lost. */
export function contentLostOnSave(entryNames: string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of entryNames) {
    const part = PARTS_LOST_ON_SAVE.find((p) => p.pattern.test(name));
    if (part) counts.set(part.what, (counts.get(part.what) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what}（${n}个）`);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(file)).wb;
}

/** Loads a workbook and says what a copy saved by this tool would lose. */
export async function openWorkbook(file: string): Promise<{ wb: ExcelJS.Workbook; lostOnSave: string[] }> {
  const buf = readWorkbookBytes(file);
  const names = zipEntryNames(buf);
  // Word and PowerPoint files are zip files too; ExcelJS would read them as a workbook without sheets.
  if (names.length > 0 && !names.some((name) => name.startsWith("xl/"))) {
    const kind = names.some((n) => n.startsWith("word/")) ? "Word 文档" : names.some((n) => n.startsWith("ppt/")) ? "PowerPoint 演示文稿" : "压缩文件";
    throw new CliError(`不是 Excel 工作簿（.xlsx），而是${kind}：${file}。请选择用 Excel 或 WPS 保存的 .xlsx 文件。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new CliError(`无法读取工作簿：${file}。文件可能已损坏，或不是 Excel 保存的 .xlsx 文件。`);
  }
  return { wb, lostOnSave: contentLostOnSave(names) };
}

/** Whether two paths name the same file (also when one of them does not exist yet). */
export function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Why a file could not be written, in words (the system's code otherwise). */
export const WRITE_ERRORS: Record<string, string> = {
  EISDIR: "这是一个文件夹，请写上文件名",
  EACCES: "没有写入权限",
  EPERM: "没有写入权限，或文件正在 Excel、WPS 中打开，请关闭后再试",
  EBUSY: "文件正在被其他程序使用（可能在 Excel、WPS 中打开），请关闭后再试",
  ENOSPC: "磁盘空间不足",
  EROFS: "该位置只读",
};

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new CliError(`输出文件夹不存在：${dir}`);
  // Write to a temporary name first so that a failure never leaves half a workbook behind.
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing left to clean
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`无法写入文件：${file}（${(code && WRITE_ERRORS[code]) ?? code ?? (e as Error).message}）`);
  }
}

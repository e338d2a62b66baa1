/**
 * Opening and saving .xlsx files, with a Chinese message for every way a file can be unusable.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { contentLostOnSave, notWorkbookReason, unreadableWorkbookMessage, zipEntryNames } from "../xlsx/workbook-bytes";

// The checks over bytes live in src/xlsx (the web page makes them too); re-exported for existing callers.
export { contentLostOnSave, isEncryptedOle, zipEntryNames } from "../xlsx/workbook-bytes";

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
  const reason = notWorkbookReason(buf, file);
  if (reason) throw new CliError(reason);
  return buf;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(file)).wb;
}

/** Loads a workbook and says what a copy saved by this tool would lose. */
export async function openWorkbook(file: string): Promise<{ wb: ExcelJS.Workbook; lostOnSave: string[] }> {
  const buf = readWorkbookBytes(file);
  const names = zipEntryNames(buf);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new CliError(unreadableWorkbookMessage(file));
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
const WRITE_ERRORS: Record<string, string> = {
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

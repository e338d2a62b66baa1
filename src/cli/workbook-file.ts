/**
 * Opening and saving .xlsx files, with a Chinese message for every way a file can be unusable.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxBytes, workbookBytes } from "../xlsx/adapter";
import { notWorkbookReason } from "../xlsx/workbook-bytes";

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

/**
 * The system's reasons (errno codes) a user can meet when reading or writing a file, in words; the raw
 * code is never shown on its own.
 */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "文件或文件夹不存在",
  ENOTDIR: "路径中有一段不是文件夹，而是文件",
  EACCES: "没有权限",
  EPERM: "没有权限，或文件正在 Excel、WPS 中打开，请关闭后再试",
  EBUSY: "文件正在被其他程序使用（可能在 Excel、WPS 中打开），请关闭后再试",
  EISDIR: "这是一个文件夹，请写上文件名",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EROFS: "该位置只读（如光盘或写保护的U盘）",
  EMFILE: "同时打开的文件过多，请关闭一些程序后再试",
  ENFILE: "系统同时打开的文件过多，请关闭一些程序后再试",
  ENAMETOOLONG: "文件名或路径太长",
  ELOOP: "路径中的快捷方式（符号链接）循环指向自己",
  EEXIST: "同名文件已存在",
  EXDEV: "不能跨磁盘移动文件",
  EIO: "读写磁盘出错（磁盘或网络盘可能有故障）",
  EFBIG: "文件太大",
  EINVAL: "文件名中有不允许的字符",
  ETXTBSY: "文件正在被使用",
  EAGAIN: "资源暂时不可用，请稍后再试",
  ENXIO: "设备不存在或未连接",
  ENODEV: "设备不存在或未连接",
  ETIMEDOUT: "网络盘响应超时",
  ECONNRESET: "与网络盘的连接中断",
  EHOSTUNREACH: "无法连接网络盘",
  ECANCELED: "操作被取消",
};

/** A system error as words: "磁盘空间不足"; an unknown code still says what kind of thing happened. */
export function systemReason(e: unknown, action?: "读取" | "写入"): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (action && (code === "EACCES" || (code === "EPERM" && action === "读取"))) return `没有${action}权限`;
  if (code && SYSTEM_REASONS[code]) return SYSTEM_REASONS[code];
  return code ? `操作系统报告了错误，代码 ${code}` : "原因不明";
}

/** Reads the file and checks what kind of file it is before ExcelJS sees it. */
export function readWorkbookBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(`找不到文件：${file}`);
    throw new CliError(`无法读取文件：${file}（${systemReason(e, "读取")}）`);
  }
  if (stat.isDirectory()) throw new CliError(`这是一个文件夹，不是 Excel 文件：${file}`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`无法读取文件：${file}（${systemReason(e, "读取")}）`);
  }
  const reason = notWorkbookReason(buf, file);
  if (reason) throw new CliError(reason);
  return buf;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(file)).wb;
}

/** Loads a workbook and says what a copy saved by this tool would lose (src/xlsx/adapter.ts, shared with the web page). */
export async function openWorkbook(file: string): Promise<{ wb: ExcelJS.Workbook; lostOnSave: string[] }> {
  const buf = readWorkbookBytes(file);
  try {
    return await openXlsxBytes(buf, file);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
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

/**
 * Creates the temporary file exclusively (O_CREAT|O_EXCL: never opens an existing file, never follows a
 * symbolic link planted there) under a random name in the output's folder, so the rename is atomic.
 */
function createTemp(dir: string, base: string): { tmp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.${base}.${randomBytes(8).toString("hex")}.tmp`);
    try {
      return { tmp, fd: fs.openSync(tmp, "wx", 0o666) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 9) throw e;
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
  fs.fsyncSync(fd);
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  checkOutputFolder(file);
  writeFileSafely(await workbookBytes(wb), file, { overwrite: true });
}

function checkOutputFolder(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let dirStat: fs.Stats | null = null;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    // reported below
  }
  if (!dirStat) throw new CliError(`输出文件夹不存在：${dir}`);
  if (!dirStat.isDirectory()) throw new CliError(`输出位置不是文件夹：${dir}`);
}

/**
 * Writes bytes to `file` through a temporary file created exclusively under a random name in the same
 * folder (never following a link planted there), then moves it into place, so a failure never leaves
 * half a file or a stray temporary one. Without `overwrite` the move is a hard link, which fails
 * atomically when the name was taken meanwhile.
 */
export function writeFileSafely(bytes: Uint8Array, file: string, options: { overwrite: boolean }): void {
  checkOutputFolder(file);
  const dir = path.dirname(path.resolve(file));
  let tmp: string | null = null;
  try {
    const created = createTemp(dir, path.basename(file));
    tmp = created.tmp;
    try {
      writeAll(created.fd, bytes);
    } finally {
      fs.closeSync(created.fd);
    }
    if (options.overwrite) fs.renameSync(tmp, file);
    else moveWithoutOverwriting(tmp, file);
  } catch (e) {
    if (tmp !== null) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing left to clean
      }
    }
    if ((e as NodeJS.ErrnoException).code === "EEXIST" && !options.overwrite) {
      throw new CliError(`输出文件已存在：${file}。如需覆盖请加 --force，或用 -o 另取一个文件名。`);
    }
    throw new CliError(`无法写入文件：${file}（${systemReason(e, "写入")}）`);
  }
}

/**
 * A hard link fails if the name is taken (EEXIST), atomically. Drives without hard links (FAT and exFAT
 * USB sticks, some network shares) refuse the link itself: there the name is checked, then renamed onto.
 */
function moveWithoutOverwriting(tmp: string, file: string): void {
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || fs.existsSync(file)) throw Object.assign(new Error(file), { code: "EEXIST" });
    fs.renameSync(tmp, file);
    return;
  }
  fs.rmSync(tmp, { force: true });
}

/** The copy is written by ExcelJS, which cannot carry some parts over: say so rather than lose them unnoticed. */
export function lostOnSaveWarning(lostOnSave: string[]): string {
  if (lostOnSave.length === 0) return "";
  return `注意：原文件中的${lostOnSave.join("、")}无法由命令行工具保留，副本中没有这些内容（单元格内容不受影响）。请勿用副本替换原文件；需要保留它们时，请在 Excel 中用大练兵助手插件就地标注。`;
}

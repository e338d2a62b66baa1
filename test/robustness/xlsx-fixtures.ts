/**
 * Workbooks as other programs save them, for the file-layer tests: an ExcelJS-written 攻坚 table whose
 * XML is then edited inside the zip the way Excel, LibreOffice, openpyxl or WPS write it.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export const HEADER = ["序号", "评审项目", "攻坚任务", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导"];

/** Sheet 攻坚: E3 overdue as of 2024-09-01 (31 May) with a note, E4 due soon (5 Sep), E5 pending. */
export function gongjianBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("攻坚");
  ws.addRow(["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"]);
  ws.addRow(HEADER);
  ws.addRow([1, "机构规范化建设", "任务", "综合办公室", "1.5月底前,出台方案", "张三", "李四", "王五"]);
  ws.addRow([2, "", "任务", "法规科", "9月5日前上报", "赵六", "李四", "王五"]);
  ws.addRow([3, "", "任务", "法规科", "12月底前总结", "赵六", "李四", "王五"]);
  ws.getCell("E3").note = "原批注";
  return wb;
}

export type XmlEdit = (xml: string) => string;

/** Writes the workbook, applies the edits to its parts (by zip path) and adds the extra parts. */
export async function writeEdited(
  wb: ExcelJS.Workbook,
  file: string,
  edits: Record<string, XmlEdit>,
  extra: Record<string, string | Buffer> = {},
): Promise<string> {
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const [name, edit] of Object.entries(edits)) {
    const part = zip.file(name);
    if (!part) throw new Error(`no part ${name}`);
    const before = await part.async("string");
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${name} changed nothing`);
    zip.file(name, after);
  }
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** The text of one part of an .xlsx file (null when the part is absent). */
export async function partText(file: string, name: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file(name)?.async("string")) ?? null;
}

export async function partNames(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files).filter((n) => !n.endsWith("/"));
}

export function addContentType(partName: string, contentType: string): XmlEdit {
  return (x) => x.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

/**
 * The 周报 as a workbook (ExcelJS; Node and browser): 总体情况 (title, summary, counts, months),
 * 按牵头部门 (one block per department), 按人员 (counts per 盯办人/责任人/分管领导), 催办通知, and
 * 评分情况 when a score is given. Column widths, wrapping and row heights are set so that multi-line
 * cells read without resizing anything.
 */
import ExcelJS from "exceljs";
import { STATUS_SEVERITY, STATUS_ZH } from "../core/milestones/types";
import { leadName, MONTH_SERIES, PERSON_ROLES } from "../core/weekly";
import type { WeeklyReport } from "../core/weekly/types";

const FONT_BODY: Partial<ExcelJS.Font> = { name: "宋体", size: 11 };
const FONT_HEADER: Partial<ExcelJS.Font> = { name: "黑体", size: 11, bold: true };
const FONT_TITLE: Partial<ExcelJS.Font> = { name: "黑体", size: 16, bold: true };
const FONT_SECTION: Partial<ExcelJS.Font> = { name: "黑体", size: 12, bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
const OVERDUE_FONT: Partial<ExcelJS.Font> = { ...FONT_BODY, bold: true, color: { argb: "FFC00000" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF808080" } },
  left: { style: "thin", color: { argb: "FF808080" } },
  bottom: { style: "thin", color: { argb: "FF808080" } },
  right: { style: "thin", color: { argb: "FF808080" } },
};
/** Points per wrapped line at 11 pt. */
const LINE_HEIGHT = 15;

/** Display width of text in Excel's character units: CJK and full-width characters count two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uFFFF]/.test(ch) && !/[\uFF61-\uFF9F]/.test(ch) ? 2 : 1;
  return w;
}

/** Lines a cell of `width` characters needs for `text` (explicit line breaks and wrapping). */
function lineCount(text: string, width: number): number {
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width - 1))), 0);
}

interface Col {
  header: string;
  width: number;
  center?: boolean;
}

/** Writes a header row and data rows; sets fonts, borders, wrapping and each row's height. */
function writeTable(ws: ExcelJS.Worksheet, startRow: number, cols: Col[], rows: (string | number)[][], overdueCol?: number): number {
  const header = ws.getRow(startRow);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = FONT_HEADER;
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = Math.max(20, Math.max(...cols.map((c) => lineCount(c.header, c.width))) * LINE_HEIGHT + 4);
  rows.forEach((values, r) => {
    const row = ws.getRow(startRow + 1 + r);
    let lines = 1;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = overdueCol === i && typeof v === "string" && v.startsWith("逾期") ? OVERDUE_FONT : FONT_BODY;
      cell.border = THIN;
      cell.alignment = { horizontal: cols[i].center ? "center" : "left", vertical: "middle", wrapText: true };
      lines = Math.max(lines, lineCount(String(v), cols[i].width));
    });
    row.height = Math.max(18, lines * LINE_HEIGHT + 4);
  });
  return startRow + 1 + rows.length;
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function sectionTitle(ws: ExcelJS.Worksheet, row: number, text: string, span: number): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = FONT_SECTION;
  if (span > 1) ws.mergeCells(row, 1, row, span);
  ws.getRow(row).height = 22;
}

/** A merged paragraph across `span` columns, tall enough for its text. */
function paragraph(ws: ExcelJS.Worksheet, row: number, text: string, span: number, totalWidth: number): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = FONT_BODY;
  cell.alignment = { wrapText: true, vertical: "top" };
  if (span > 1) ws.mergeCells(row, 1, row, span);
  ws.getRow(row).height = lineCount(text, totalWidth) * LINE_HEIGHT + 6;
}

function printSetup(ws: ExcelJS.Worksheet, repeatRows?: string): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(repeatRows ? { printTitlesRow: repeatRows } : {}),
  };
}

function summarySheet(wb: ExcelJS.Workbook, report: WeeklyReport): void {
  const ws = wb.addWorksheet("总体情况");
  const widths = [16, 12, 12, 12, 12, 12, 12];
  setWidths(ws, widths);
  const span = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  const title = ws.getCell(1, 1);
  title.value = report.title;
  title.font = FONT_TITLE;
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.mergeCells(1, 1, 1, span);
  ws.getRow(1).height = lineCount(report.title, total / 1.4) * 22 + 8;

  let row = 3;
  sectionTitle(ws, row++, "一、总体情况", span);
  paragraph(ws, row++, report.summary, span, total);
  row += 1;
  row = writeTable(
    ws,
    row,
    [{ header: "", width: widths[0] }, ...STATUS_SEVERITY.map((s, i) => ({ header: STATUS_ZH[s], width: widths[i + 1], center: true })), { header: "合计", width: widths[6], center: true }],
    [["节点数", ...STATUS_SEVERITY.map((s) => report.counts[s]), report.total]],
  );
  row += 1;

  sectionTitle(ws, row++, "二、各月到期节点", span);
  if (report.months.length === 0) paragraph(ws, row++, "没有带明确期限的节点。", span, total);
  else {
    const cols: Col[] = [{ header: "月份", width: widths[0], center: true }, ...MONTH_SERIES.map((s, i) => ({ header: s.name, width: widths[i + 1], center: true })), { header: "合计", width: widths[4], center: true }];
    row = writeTable(
      ws,
      row,
      cols,
      report.months.map((m, i) => [`${m.label}${i === report.todayMonth ? "（本月）" : ""}`, m.done, m.overdue, m.pending, m.done + m.overdue + m.pending]),
    );
  }
  row += 1;

  if (report.newlyOverdue.length > 0) {
    sectionTitle(ws, row++, `三、本周新增逾期（${report.newlyOverdue.length}个）`, span);
    row = writeTable(
      ws,
      row,
      [
        { header: "节点", width: widths[0] },
        { header: "逾期天数", width: widths[1], center: true },
        { header: "牵头部门", width: widths[2] + widths[3] },
      ],
      report.newlyOverdue.map((r) => [r.milestone, r.daysText, leadName(r.lead)]),
    );
    row += 1;
  }
  sectionTitle(ws, row++, "说明", span);
  for (const text of [...(report.sources.length ? [`数据来源：${report.sources.join("、")}。`] : []), ...report.notes]) {
    paragraph(ws, row++, text, span, total);
  }
  printSetup(ws);
}

const DEPARTMENT_COLS: Col[] = [
  { header: "序号", width: 6, center: true },
  { header: "评审项目", width: 18 },
  { header: "节点", width: 16 },
  { header: "节点内容", width: 40 },
  { header: "到期日", width: 16, center: true },
  { header: "逾期/剩余天数", width: 14, center: true },
  { header: "盯办人", width: 10, center: true },
  { header: "责任人", width: 10, center: true },
  { header: "分管领导", width: 10, center: true },
];

function departmentSheet(wb: ExcelJS.Workbook, report: WeeklyReport): void {
  const ws = wb.addWorksheet("按牵头部门");
  setWidths(ws, DEPARTMENT_COLS.map((c) => c.width));
  let row = 1;
  if (report.departments.length === 0) {
    ws.getCell(1, 1).value = "各部门均无逾期或临期节点。";
    ws.getCell(1, 1).font = FONT_BODY;
  }
  for (const d of report.departments) {
    sectionTitle(ws, row++, `${leadName(d.lead)}：已逾期${d.overdue}个，临期${d.dueSoon}个`, DEPARTMENT_COLS.length);
    row = writeTable(
      ws,
      row,
      DEPARTMENT_COLS,
      d.rows.map((r) => [r.index, r.item, r.milestone, r.text, r.dueText, r.daysText, r.盯办人, r.责任人, r.分管领导]),
      5,
    );
    row += 1;
  }
  printSetup(ws);
}

function peopleSheet(wb: ExcelJS.Workbook, report: WeeklyReport): void {
  const ws = wb.addWorksheet("按人员");
  const cols: Col[] = [
    { header: "序号", width: 6, center: true },
    { header: "姓名", width: 14, center: true },
    { header: "已逾期", width: 10, center: true },
    { header: "临期", width: 10, center: true },
    { header: "合计", width: 10, center: true },
  ];
  setWidths(ws, cols.map((c) => c.width));
  let row = 1;
  for (const role of PERSON_ROLES) {
    sectionTitle(ws, row++, role, cols.length);
    const people = report.people[role];
    row = writeTable(
      ws,
      row,
      cols.map((c, i) => (i === 1 ? { ...c, header: role } : c)),
      people.map((p, i) => [i + 1, p.name, p.overdue, p.dueSoon, p.overdue + p.dueSoon]),
    );
    row += 1;
  }
  printSetup(ws);
}

function reminderSheet(wb: ExcelJS.Workbook, report: WeeklyReport): void {
  const ws = wb.addWorksheet("催办通知");
  const cols: Col[] = [
    { header: "序号", width: 6, center: true },
    { header: "对象", width: 14, center: true },
    { header: "角色", width: 10, center: true },
    { header: "已逾期", width: 8, center: true },
    { header: "临期", width: 8, center: true },
    { header: "催办通知（可直接复制粘贴）", width: 80 },
  ];
  setWidths(ws, cols.map((c) => c.width));
  writeTable(
    ws,
    1,
    cols,
    report.reminders.map((r, i) => [i + 1, r.person, r.role, r.overdue, r.dueSoon, r.text]),
  );
  ws.views = [{ state: "frozen", ySplit: 1 }];
  printSetup(ws, "1:1");
}

function scoreSheet(wb: ExcelJS.Workbook, report: WeeklyReport): void {
  const s = report.score;
  if (!s) return;
  const ws = wb.addWorksheet("评分情况");
  const cols: Col[] = [
    { header: "序号", width: 8, center: true },
    { header: "评审项目", width: 40 },
    { header: "分值", width: 10, center: true },
    { header: "得分", width: 10, center: true },
    { header: "失分", width: 10, center: true },
  ];
  setWidths(ws, cols.map((c) => c.width));
  const total = s.veto ? `触及否决项：${s.veto}` : s.total === null ? "总分尚不能计算（有输入项未填或有误）" : `目前得分 ${s.total} 分（满分 ${s.max} 分）`;
  paragraph(ws, 1, `评分表“${s.sheet}”：${total}${s.unscored > 0 ? `；尚有${s.unscored}项未计分` : ""}。`, cols.length, 78);
  writeTable(ws, 3, cols, s.losses.map((l) => [l.serial, l.item, l.max, l.score, l.lost]));
  printSetup(ws);
}

export async function weeklyXlsx(report: WeeklyReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "大练兵助手";
  wb.title = report.title;
  summarySheet(wb, report);
  departmentSheet(wb, report);
  peopleSheet(wb, report);
  reminderSheet(wb, report);
  scoreSheet(wb, report);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

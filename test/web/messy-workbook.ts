/**
 * A 攻坚 table as offices really keep it, for the web page's tests (unit and e2e): two title rows,
 * 评审项目 merged down three rows, one 市级辅助成果 cell merged across two rows, the title and header
 * repeated after a page break, header names with line breaks, a 备注 column, staff's own notes in the
 * column right of the table, a user's note and green fill on a milestone cell, a formula, an error
 * value, and a second sheet without a table.
 *
 * As of 2024-09-25 (临期 7 days): 序号1 节点1 (5月底) and 序号5's two clauses (8月底, 9月20日) are
 * overdue, 序号1 节点2 (9月30日) is due soon, 序号2 (10月15日) not yet due, 序号4 recurring.
 * As of 2024-09-01: 序号1 节点1 and 序号5 节点1 (8月底) overdue, nothing due soon.
 */
import ExcelJS from "exceljs";

export const MESSY_SHEET = "攻坚任务（第二批）";
const TITLE = "盘锦市2024年大练兵表现突出集体攻坚任务责任分解表";
const HEADER = ["序号", "评审项目", "攻坚任务", "牵头\n部门", "责任部门", "市级辅助\n成果", "盯办人", "责任人", "分管领导", "备注"];
const GREEN: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } };

export async function buildMessyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(MESSY_SHEET);
  ws.getRow(1).values = [TITLE];
  ws.mergeCells("A1:J1");
  ws.getRow(2).values = ["（第二批，2024年8月修订）"];
  ws.mergeCells("A2:J2");
  ws.getRow(3).values = HEADER;
  ws.getRow(3).font = { bold: true };
  ws.getRow(4).values = [1, "执法队伍建设（7分）", "开展执法人员轮训", "法规科", "各执法大队", "1.5月底前,出台轮训方案;2.9月30日前,完成全员轮训", "张三", "李四", "王五", "已报送方案"];
  ws.getRow(5).values = [2, null, "规范案卷归档", "监察科", "法规科", "10月15日前,完成档案归档并上报省厅", "赵六", { error: "#N/A" }, "王五"];
  ws.getRow(6).values = [3, null, "执法记录仪配备", "综合科", null, null, "赵六", "李四", "王五"];
  ws.mergeCells("B4:B6");
  ws.mergeCells("F5:F6");
  // Staff's own jottings right of the table, without a header: the 已完成节点 column must not land on them.
  ws.getCell("K4").value = "8月已催";
  // Page break: title and header again.
  ws.getRow(7).values = [TITLE];
  ws.getRow(8).values = HEADER;
  ws.getRow(9).values = [4, "装备保障（3分）", "装备台账", "综合科", null, "每月5日前报送装备使用情况", "钱七", "李四", "王五"];
  ws.getRow(10).values = [5, "典型案例（2分）", "案例报送", "法规科", "各执法大队", "8月底前,完成案例初选;9月20日前,完成案例报送", "孙八", "李四", "王五"];
  ws.getCell("C10").value = { formula: '"案例"&"报送"', result: "案例报送" };
  ws.getCell("F10").fill = GREEN;
  ws.getCell("F10").note = "孙八已电话确认";
  ws.getColumn(6).width = 36;
  const other = wb.addWorksheet("说明");
  other.getCell("A1").value = "本表由法规科汇总，每周一更新。";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

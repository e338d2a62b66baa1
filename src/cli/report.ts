/**
 * The Chinese text report of `dalianbing scan`: overdue and due-soon milestones grouped by 盯办人,
 * then counts, then rule discrepancies and problems.
 */
import { chineseDate, groupMilestones, shorten } from "../core/scan";
import type { ScannedMilestone, ScanResult } from "../core/scan/types";
import { STATUS_SEVERITY, STATUS_ZH } from "../core/milestones/types";

export interface ReportOptions {
  file: string;
  /** ANSI colours, only for a terminal. */
  color: boolean;
}

const ANSI = { red: "\x1b[31m", yellow: "\x1b[33m", bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m" };

export function formatScanReport(result: ScanResult, options: ReportOptions): string {
  const paint = (code: keyof typeof ANSI, text: string) => (options.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  const tableList = result.tables.map((t) => `${t.sheet}（${t.kind}，${t.rows}行）`).join("、");
  out.push(paint("bold", `大练兵助手 · 节点检查`));
  out.push(`文件：${options.file}`);
  out.push(`截至日期：${chineseDate(result.asOf)}（临期：${result.dueSoonDays}天内到期）`);
  out.push(`识别到 ${result.tables.length} 张责任分解表${tableList ? `：${tableList}` : ""}`);
  out.push("");

  const overdue = result.milestones.filter((m) => m.status === "overdue");
  const dueSoon = result.milestones.filter((m) => m.status === "due-soon");
  out.push(paint("bold", `【已逾期】${overdue.length}项`));
  out.push(...groupLines(overdue, paint, "red"));
  out.push("");
  out.push(paint("bold", `【临期】${dueSoon.length}项`));
  out.push(...groupLines(dueSoon, paint, "yellow"));
  out.push("");

  out.push(paint("bold", "【节点统计】"));
  out.push(
    "  " +
      STATUS_SEVERITY.map((s) => `${STATUS_ZH[s]} ${result.counts[s]}`).join("　") +
      `　合计 ${result.milestones.length}`,
  );
  out.push("");

  out.push(paint("bold", `【规则差异】${result.discrepancies.length}处（计分以省厅评审细则为准）`));
  if (result.discrepancies.length === 0) out.push("  无");
  for (const d of result.discrepancies) out.push(`  · ${d.sheet}!${d.cell} 序号${d.serial}：${d.message}`);
  out.push("");

  const problemCount = result.problems.length + result.unrecognised.length;
  out.push(paint("bold", `【问题】${problemCount}条`));
  if (problemCount === 0) out.push("  无");
  for (const u of result.unrecognised) out.push(`  · 工作表“${u.sheet}”未识别为责任分解表：${u.reason}`);
  for (const p of result.problems) out.push(`  · ${p.cell ? `${p.sheet}!${p.cell}` : p.sheet}：${p.message}`);
  return out.join("\n") + "\n";
}

function groupLines(
  ms: ScannedMilestone[],
  paint: (code: "red" | "yellow" | "dim", text: string) => string,
  colour: "red" | "yellow",
): string[] {
  if (ms.length === 0) return ["  无"];
  const lines: string[] = [];
  for (const [person, list] of groupMilestones(ms, "盯办人")) {
    lines.push(`  盯办人：${person}（${list.length}项）`);
    for (const m of list) {
      const when =
        m.status === "overdue"
          ? paint(colour, `已逾期${m.daysOverdue}天`)
          : paint(colour, m.daysLeft === 0 ? "今天到期" : `还剩${m.daysLeft}天`);
      lines.push(`    · 序号${m.serial}-${m.label} ${shorten(m.text, 36)}`);
      lines.push(
        paint(
          "dim",
          `      责任人：${m.owners.责任人 || "—"}　分管领导：${m.owners.分管领导 || "—"}　牵头部门：${m.lead || "—"}　位置：${m.sheet}!${m.cell}`,
        ) + `　截止：${m.due ?? "—"}　${when}`,
      );
    }
  }
  return lines;
}

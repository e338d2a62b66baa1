/**
 * The Chinese text report of `dalianbing scan`: overdue and due-soon milestones grouped by 盯办人,
 * then counts, then rule discrepancies and problems.
 */
import { milestoneName } from "../core/milestones/name";
import { chineseDate, groupMilestones, shorten } from "../core/scan";
import type { ScannedMilestone, ScanResult } from "../core/scan/types";
import { STATUS_SEVERITY, STATUS_ZH } from "../core/milestones/types";
import { parseCellAddress } from "../core/address";
import type { Problem } from "../core/grid";

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
  if (result.tables.length === 0 && result.unrecognised.length === 0) out.push("工作簿中没有任何工作表。");
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
  for (const p of groupProblems(result.problems)) out.push(`  · ${p.place}：${p.message}`);
  return out.join("\n") + "\n";
}

/**
 * The same problem down one column (a column of #N/A from a failed lookup) is one line naming its
 * rows, so that 20,000 of them do not bury the rest. The JSON report keeps every cell.
 */
export function groupProblems(problems: Problem[]): { place: string; message: string }[] {
  const groups = new Map<string, { sheet: string; column: string; message: string; rows: number[]; cell: string }>();
  const out: { place: string; message: string; group?: string }[] = [];
  for (const p of problems) {
    const column = /^([A-Z]{1,3})\d+$/.exec(p.cell)?.[1];
    if (column === undefined) {
      out.push({ place: p.cell ? `${p.sheet}!${p.cell}` : p.sheet, message: p.message });
      continue;
    }
    const key = `${p.sheet}\u0000${column}\u0000${p.message}`;
    const group = groups.get(key);
    const row = parseCellAddress(p.cell).row + 1;
    if (group) group.rows.push(row);
    else {
      groups.set(key, { sheet: p.sheet, column, message: p.message, rows: [row], cell: p.cell });
      out.push({ place: "", message: p.message, group: key });
    }
  }
  return out.map(({ place, message, group }) => {
    const g = group === undefined ? undefined : groups.get(group);
    if (!g) return { place, message };
    if (g.rows.length === 1) return { place: `${g.sheet}!${g.cell}`, message };
    const ranges = rowRanges(g.rows).map(([from, to]) => (from === to ? `${g.column}${from}` : `${g.column}${from}:${g.column}${to}`));
    const shown = ranges.slice(0, 3).join("、") + (ranges.length > 3 ? "等" : "");
    return { place: `${g.sheet}!${shown}（共${g.rows.length}个单元格）`, message };
  });
}

function rowRanges(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const row of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else ranges.push([row, row]);
  }
  return ranges;
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
      lines.push(`    · ${milestoneName(m)} ${shorten(m.text, 36)}`);
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

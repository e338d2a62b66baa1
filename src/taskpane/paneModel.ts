/**
 * Pure helpers behind the task pane: which milestones to list, how to filter and label them, and the
 * Chinese texts the pane shows. No React, no Office.js — unit-tested in test/taskpane/paneModel.test.ts.
 */
import { milestoneName } from "../core/milestones/name";
import { isoDate, isoParts, lastDayOfMonth, parseIsoDate, type IsoDate } from "../core/dates";
import type { Problem } from "../core/grid";
import type { MilestoneStatus } from "../core/milestones/types";
import { chineseDate, shorten, UNASSIGNED, type GroupBy } from "../core/scan";
import type { MonthCounts, MonthlyMilestones } from "../core/scan/months";
import { groupsByUrgency, urgentMilestones as urgentOrder } from "../core/scan/urgency";
import type { ScannedMilestone, ScanResult } from "../core/scan/types";
import type { NoteSupport, ScanProgress } from "../excel/types";

export type { GroupBy };

export const GROUP_OPTIONS: GroupBy[] = ["盯办人", "责任人", "分管领导", "牵头部门"];

/** Order of the count tiles: what needs action first. */
export const COUNT_ORDER: MilestoneStatus[] = ["overdue", "due-soon", "pending", "done", "open-ended"];

/** Groupings by person, where a 催办通知 addressed to one person makes sense (not 牵头部门). */
export const PERSON_GROUPS: GroupBy[] = ["盯办人", "责任人", "分管领导"];

/**
 * The milestones that need action — overdue and due soon — most urgent first:
 * overdue by days overdue (longest first), then due soon by days left (fewest first) (core/scan/urgency.ts).
 */
export function urgentMilestones(scan: ScanResult): ScannedMilestone[] {
  return urgentOrder(scan.milestones);
}

/**
 * Keeps the milestones matching every word of the query (split on spaces, case-insensitive).
 * A word of digits ("7", "7-1", "序号7", "第7项") is a 序号 (with its 节点号) and must match it exactly, so that "7" does
 * not also find every text with a 7 in a date. Any other word may appear in 盯办人, 责任人, 分管领导,
 * 牵头部门, 评审项目, the milestone's text, the sheet name or the cell address.
 * An empty query keeps everything.
 */
export function filterMilestones(milestones: ScannedMilestone[], query: string): ScannedMilestone[] {
  const words = query.trim().toLowerCase().split(/[\s\u3000]+/).filter(Boolean);
  if (words.length === 0) return milestones;
  return milestones.filter((m) => {
    const haystack = [m.owners.盯办人, m.owners.责任人, m.owners.分管领导, m.lead, m.item, m.text, m.sheet, m.cell]
      .join("\n")
      .toLowerCase();
    const serial = m.serial.trim().toLowerCase();
    const serialWithLabel = `${serial}-${m.label.toLowerCase()}`;
    return words.every((w) => {
      const asSerial = w.replace(/^(序号|第)/, "").replace(/项$/, "");
      if (/^\d+(-\w+)?$/.test(asSerial)) return asSerial === serial || asSerial === serialWithLabel;
      return haystack.includes(w);
    });
  });
}

/** "逾期12天", "3天后到期", "今天到期" — how far a milestone is from its due date. */
export function dayText(m: Pick<ScannedMilestone, "status" | "daysOverdue" | "daysLeft">): string {
  if (m.status === "overdue" && m.daysOverdue !== null) return `逾期${m.daysOverdue}天`;
  if (m.daysLeft !== null) return m.daysLeft === 0 ? "今天到期" : `${m.daysLeft}天后到期`;
  return "";
}

/** "2024年5月31日", or "无固定期限" when there is no due date. */
export function dueText(due: IsoDate | null): string {
  return due ? chineseDate(due) : "无固定期限";
}

/** "盯办人 王江 · 责任人 崔志宇 · 分管领导 曾增" (blank cells shown as —). */
export function peopleText(m: Pick<ScannedMilestone, "owners">): string {
  return PERSON_GROUPS.map((role) => `${role} ${m.owners[role as "盯办人" | "责任人" | "分管领导"].trim() || "—"}`).join(" · ");
}

/** "攻坚表!I7" */
export function placeText(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** "序号12·节点2": the one milestone name (core/milestones/name.ts). */
export function itemTitle(m: Pick<ScannedMilestone, "serial" | "label" | "row">): string {
  return milestoneName(m);
}

/** Keeps a long clause to one readable line; the full text stays available as a tooltip. */
export function shortText(text: string, maxChars = 40): string {
  return shorten(text, maxChars);
}

export function groupLabel(key: string): string {
  return key.trim() ? key : UNASSIGNED;
}

/** Whether a group key names someone (not a blank cell). */
export function isNamed(key: string): boolean {
  return key.trim() !== "" && key !== UNASSIGNED;
}

/** Whether a group gets a 复制催办通知 button: a named person, when grouping by person. */
export function isRemindable(key: string, by: GroupBy): boolean {
  return isNamed(key) && PERSON_GROUPS.includes(by);
}

/** How the pane explains the note mode (docs/design.md §7: notes need ExcelApi 1.18). */
export function noteSupportText(mode: NoteSupport): { label: string; explanation: string } {
  switch (mode) {
    case "notes":
      return { label: "批注", explanation: "逾期、临期的单元格标上颜色，说明写在单元格批注中。" };
    case "comments":
      return {
        label: "线程批注",
        explanation: "此版本 Excel 不支持“批注”（需 ExcelApi 1.18），逾期说明改写在线程批注中。",
      };
    case "fill-only":
      return {
        label: "仅填充颜色",
        explanation: "此版本 Excel 不支持批注和线程批注，只用填充颜色标出逾期和临期的单元格，说明请看本窗格。",
      };
  }
}

/** "正在读取工作表 3/7" or "正在分析表格…". */
export function progressText(p: ScanProgress): string {
  return p.phase === "reading" ? `正在读取工作表 ${p.done}/${p.total}` : "正在分析表格…";
}

/** Fraction for a progress bar, or undefined (indeterminate) when the total is not known yet. */
export function progressValue(p: ScanProgress | null): number | undefined {
  if (!p || p.total <= 0) return undefined;
  if (p.phase === "analysing") return 1;
  return Math.min(1, p.done / p.total);
}

/**
 * Problems an action reports next to its result (the Excel adapter adds `problems`, e.g. a protected
 * sheet it had to skip); absent on adapters that report none.
 */
export function problemsOf(result: unknown): Problem[] {
  const problems = (result as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}

/** "未处理：攻坚任务!I5：……；说明：……" — what an action skipped, by place. */
export function problemsText(problems: Problem[]): string {
  const items = problems.map((p) => `${p.cell ? placeText(p.sheet, p.cell) : p.sheet}：${p.message}`);
  return `未处理：${items.join("；")}`;
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * A Chinese message for a failed adapter call. Messages already in Chinese (the adapter's own) are
 * kept; an English one from Excel is shown after a Chinese explanation so nothing is hidden.
 */
export function errorText(action: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const message = raw.trim();
  if (!message) return `${action}失败：发生未知错误，请重试。`;
  if (HAN.test(message)) return `${action}失败：${message}`;
  return `${action}失败：Excel 返回了错误，请稍后重试或检查工作表是否受保护。（${message}）`;
}

export type ValidOptions = { ok: true; asOf: IsoDate; dueSoonDays: number } | { ok: false; message: string };

/** Checks the 截至日期 and 临期天数 fields; the message names the field. */
export function validateScanOptions(asOfText: string, dueSoonText: string): ValidOptions {
  const asOf = parseFieldDate(asOfText) ?? parseIsoDate(asOfText);
  if (!asOf) {
    const what = asOfText.trim() === "" ? "未填写" : `“${asOfText.trim()}”不是日期`;
    return { ok: false, message: `截至日期无效：${what}，请按 年/月/日 填写，如 2024/09/01。` };
  }
  const trimmed = dueSoonText.trim();
  const days = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isInteger(days) || days > 366) {
    return { ok: false, message: "临期天数无效：请输入 0 到 366 之间的整数。" };
  }
  return { ok: true, asOf, dueSoonDays: days };
}

export interface GroupEntry {
  key: string;
  milestones: ScannedMilestone[];
  overdue: number;
  dueSoon: number;
}

/**
 * Groups (already filtered, urgency-ordered) milestones by the chosen column; groups with the most
 * overdue items come first, blank names last (the same order as the CLI report: core/scan/urgency.ts).
 */
export function groupEntries(milestones: ScannedMilestone[], by: GroupBy): GroupEntry[] {
  return groupsByUrgency(milestones, by);
}

/** "5月" under a bar of the chart. */
export function monthLabel(c: Pick<MonthCounts, "month">): string {
  return `${c.month}月`;
}

/**
 * The chart's numbers in words, for screen readers:
 * "2024年5月：共12个，已逾期6个，已完成2个；…；另有38个无固定期限。截至2024年9月25日。"
 */
export function monthChartText(data: MonthlyMilestones, asOf: IsoDate): string {
  const parts = data.months.map((c) => {
    const detail = [
      c.overdue ? `已逾期${c.overdue}个` : "",
      c.dueSoon ? `临期${c.dueSoon}个` : "",
      c.pending ? `未到期${c.pending}个` : "",
      c.done ? `已完成${c.done}个` : "",
    ].filter(Boolean);
    return `${c.year}年${c.month}月：${c.total === 0 ? "无" : `共${c.total}个，${detail.join("，")}`}`;
  });
  const undated = data.undated > 0 ? `；另有${data.undated}个无固定期限` : "";
  return `各月到期的节点：${parts.join("；")}${undated}。截至${chineseDate(asOf)}。`;
}

/** The 截至日期 field's text: "2024/09/25", whatever the browser's locale. */
export function fieldDateText(date: IsoDate): string {
  const { year, month, day } = isoParts(date);
  return `${year}/${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}`;
}

/**
 * Reads the 截至日期 field: yyyy/mm/dd (one-digit month and day too), or the same with "-" or ".",
 * or "2024年9月25日". Null when it is not a real calendar date.
 */
export function parseFieldDate(text: string): IsoDate | null {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return null;
  return isoDate(y, mo, d);
}

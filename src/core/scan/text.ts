/** Small text helpers shared by the scan report, reminders and flag notes. */
import { isoParts, type IsoDate } from "../dates";
import type { ScannedTable } from "./types";

/** "2024-09-01" → "2024年9月1日". */
export function chineseDate(date: IsoDate): string {
  const { year, month, day } = isoParts(date);
  return `${year}年${month}月${day}日`;
}

/** Cuts long cell text for one-line display (whitespace and line breaks folded to one space). */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

/** The year a table's deadlines are read in, and where it came from (issue 9 §2). */
export function tableYearText(t: Pick<ScannedTable, "year" | "yearSource">): string {
  return t.yearSource === "title" ? `${t.year}年，取自标题` : `标题无年份，按截至日期取${t.year}年`;
}

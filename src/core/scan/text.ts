/** Small text helpers shared by the scan report, reminders and flag notes. */
import { isoParts, type IsoDate } from "../dates";

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

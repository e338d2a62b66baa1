/** Range addresses as Office.js writes them: "Sheet1!A1:C3", "'My Sheet'!B2", lists joined by commas. */
import type { MergedArea } from "../core/grid";
import { cellAddress, columnIndex, columnName } from "../core/address";

/** Splits a comma-separated list of addresses, keeping commas inside quoted sheet names. */
export function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (current.trim() !== "") parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** The part after "!" (the whole text when there is no sheet name). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** "A1:C3" or "B2" (with or without $ and a sheet name) to a 0-based inclusive area. */
export function parseArea(address: string): MergedArea {
  const local = localAddress(address).replace(/\$/g, "");
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local.trim());
  if (!m) throw new Error(`不是有效的区域地址：${address}`);
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** RangeAreas.address of merged areas to MergedArea[] (areas that cannot be parsed are skipped). */
export function parseMergedAddresses(address: string | null | undefined): MergedArea[] {
  if (!address) return [];
  const out: MergedArea[] = [];
  for (const part of splitAddressList(address)) {
    try {
      const area = parseArea(part);
      if (area.top !== area.bottom || area.left !== area.right) out.push(area);
    } catch {
      // An address form this parser does not know (whole rows/columns) is no merged cell of a table.
    }
  }
  return out;
}

/** "C:E" for 0-based columns 2..4. */
export function columnsAddress(first: number, last: number): string {
  return `${columnName(first)}:${columnName(last)}`;
}

export function areaAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

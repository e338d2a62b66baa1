/** "#RRGGBB" → ExcelJS's opaque ARGB ("FFRRGGBB"), for every ExcelJS writer here. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

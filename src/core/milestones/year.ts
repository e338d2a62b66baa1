/**
 * The campaign year from a table's title (docs/design.md §4: "盘锦市2024年…", source line 23).
 */
import { foldWidth } from "./normalize";

const TITLE_YEAR = /(^|\D)(20\d{2})\s*年/;

export function yearFromTitle(title: string): number | null {
  const match = TITLE_YEAR.exec(foldWidth(String(title ?? "")));
  return match ? Number(match[2]) : null;
}

/**
 * The source document, checked in verbatim as a fixture (same line numbers as
 * test/fixtures/source-2024-panjin-dalianbing.txt, which the catalogs cite).
 */
import * as fs from "fs";
import * as path from "path";

export const SOURCE_LINES: string[] = fs
  .readFileSync(path.join(__dirname, "..", "fixtures", "source-2024-panjin-dalianbing.txt"), "utf8")
  .split(/\r?\n/);

/** Line n (1-based), as cited in the catalogs. */
export const line = (n: number): string => SOURCE_LINES[n - 1];

/** The 攻坚 分解表 rows (lines 23–145): 序号 → its 攻坚任务 cell (5th column). */
export function gongjianTaskTexts(): Map<string, string> {
  const rows = new Map<string, string>();
  for (let n = 23; n <= 145; n++) {
    const cells = line(n).split("\t");
    if (/^\d+$/.test(cells[0])) rows.set(cells[0], cells[4] ?? "");
  }
  return rows;
}

/**
 * The numbered headings of a 评审细则 ("1. 机构规范化建设(7 分)", "(1)规范建设(3 分)", "(4)统一着装持证
 * (扣分项)") between two lines, HTML tags removed.
 */
export function headingsIn(from: number, to: number): string[] {
  const re =
    /(?:^|[>\s。；;])(?:\d+\s*[.．、]|[（(]\s*\d+\s*[)）])\s*([^（()）。，,；;<>\d]{2,30}?)\s*[（(]\s*(?:\d+(?:\.\d+)?\s*分?|扣分项|加分项|否决项|\d+分，按比例赋分)\s*[)）]/g;
  const names: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = line(n).replace(/<[^>]+>/g, " ");
    let hit: RegExpExecArray | null;
    while ((hit = re.exec(text)) !== null) names.push(hit[1].trim());
  }
  return names;
}

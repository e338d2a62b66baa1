/**
 * Golden test: every non-empty 市级辅助成果 cell of the 攻坚 table in the source document
 * (docs/source-2024-panjin-dalianbing.txt, lines 23–145, column 9), with the milestones a reader
 * expects, written by hand in golden.tsv. Rows 22–24, 34–36 and 42–43 are one cell split across
 * rows in the export; they appear both as exported and merged. Row 20 lost a cell in the export
 * (its 9th field is the 盯办人 曹东), so it has no 市级辅助成果 and is not listed.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseMilestones } from "../../src/core/milestones";

interface GoldenRow {
  serial: string;
  text: string;
  expected: string[];
}

function readGolden(): GoldenRow[] {
  const body = readFileSync(join(__dirname, "golden.tsv"), "utf8");
  return body
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [serial, text, expected] = line.split("\t");
      return { serial, text, expected: expected.split(";").map((part) => part.trim()) };
    });
}

const golden = readGolden();

describe("golden: 市级辅助成果 cells of the source 攻坚 table (year 2024)", () => {
  test("the table covers all 30 non-empty cells plus the 3 merged ones", () => {
    const serials = golden.map((row) => row.serial);
    expect(new Set(serials).size).toBe(serials.length);
    expect(serials.filter((s) => /^\d+$/.test(s))).toHaveLength(30);
    expect(serials.filter((s) => s.includes("-"))).toEqual(["22-24", "34-36", "42-43"]);
  });

  test.each(golden.map((row) => [row.serial, row] as const))("序号 %s", (_serial, row) => {
    const actual = parseMilestones(row.text, 2024).map((m) => `${m.label}|${m.due ?? m.kind}`);
    expect(actual).toEqual(row.expected);
  });

  test("every dated milestone of the source carries its clause text", () => {
    for (const row of golden) {
      for (const m of parseMilestones(row.text, 2024)) {
        expect(m.text.length).toBeGreaterThan(0);
        expect(row.text).toContain(m.text);
      }
    }
  });

  test("序号 36 item 5 is relative to the penalty decision, 7 calendar days", () => {
    const row = golden.find((r) => r.serial === "36")!;
    const item5 = parseMilestones(row.text, 2024).find((m) => m.label === "5")!;
    expect(item5.relative).toEqual({ amount: 7, unit: "day", after: "下达处罚决定" });
  });
});

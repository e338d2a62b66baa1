/**
 * Golden test: every non-empty 市级辅助成果 cell of the 攻坚 table in the source document
 * (docs/source-2024-panjin-dalianbing.txt, lines 23–145, column 9), with the milestones a reader
 * expects, written by hand in golden.tsv. Rows 22–24, 34–36 and 42–43 are one cell split across
 * rows in the export; they appear both as exported and merged. Row 20 lost a cell in the export
 * (its 9th field is the 盯办人 曹东), so it has no 市级辅助成果 and is not listed.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseMilestones, readMilestones } from "../../src/core/milestones";

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

interface PhraseRow {
  kind: string;
  text: string;
  expected: string[];
  notes: string[];
}

function readPhrases(): PhraseRow[] {
  const body = readFileSync(join(__dirname, "golden-phrases.tsv"), "utf8");
  return body
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [kind, text, expected, notes] = line.split("\t");
      const list = (field: string) => (field.trim() === "-" ? [] : field.split(";").map((part) => part.trim()));
      return { kind, text, expected: list(expected), notes: list(notes) };
    });
}

const phrases = readPhrases();

describe("golden: office phrasings and what cannot be read (issue 9, year 2024)", () => {
  test("the table has every phrase kind and every problem kind of the issue", () => {
    const kinds = phrases.map((row) => row.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const kind of ["国庆节前", "春节前", "年内", "一季度", "月中", "month.day", "号", "day range", "次年", "Chinese list numbers", "months", "impossible month", "impossible day", "time word, no deadline", "plain undated work"]) {
      expect(kinds).toContain(kind);
    }
  });

  test.each(phrases.map((row) => [row.kind, row] as const))("%s", (_kind, row) => {
    const reading = readMilestones(row.text, 2024);
    expect(reading.milestones.map((m) => `${m.label}|${m.due ?? m.kind}`)).toEqual(row.expected);
    expect(reading.notes).toHaveLength(row.notes.length);
    row.notes.forEach((expected, i) => {
      const [label, words] = expected.split("|");
      expect(reading.notes[i].label).toBe(label);
      expect(reading.notes[i].reason).toContain(words);
      // The note quotes the clause as written, so a person can find it in the cell.
      expect(row.text).toContain(reading.notes[i].clause);
    });
  });

  test("no cell of the source table is a problem", () => {
    for (const row of golden) expect(readMilestones(row.text, 2024).notes).toEqual([]);
  });

  test("a relative milestone says what it needs; one with its start written has its start", () => {
    const [penalty] = readMilestones("下达处罚决定后,7日内将案卷上传系统", 2024).milestones;
    expect(penalty.due).toBeNull();
    expect(penalty.needs).toContain("“下达处罚决定”的日期");
    expect(penalty.needs).toContain("开始日期");
    const [months] = readMilestones("3个月内完成整改", 2024).milestones;
    expect(months.relative).toMatchObject({ amount: 3, unit: "month" });
    const [written] = readMilestones("自2024年9月1日起15个工作日内办结", 2024).milestones;
    // 15 working days after Sunday 1 September: 中秋 15–17 September off, Saturday 14 September worked.
    expect(written).toMatchObject({ kind: "relative", due: "2024-09-23", relative: { start: "2024-09-01", unit: "workingDay" } });
    expect(written.needs).toBeUndefined();
  });

  test("festival dates follow the year: 春节前 is 28 January in 2025", () => {
    expect(parseMilestones("春节前完成慰问", 2025).map((m) => m.due)).toEqual(["2025-01-28"]);
    expect(parseMilestones("中秋前完成排查", 2025).map((m) => m.due)).toEqual(["2025-10-05"]);
  });
});

describe("cost linear in the cell's length (issue 9 §5)", () => {
  const cases: [string, string][] = [
    ["a number then 100,000 spaces", "1" + " ".repeat(100_000)],
    ["a list number, 100,000 spaces, a date", "1." + " ".repeat(100_000) + "9月30日前"],
    ["an open bracket then 100,000 spaces", "(" + " ".repeat(100_000)],
    ["month.day with 100,000 spaces", "9." + " ".repeat(100_000) + "30前"],
    ["100,000 Chinese numerals", "十".repeat(100_000)],
    ["30,000 months", "9月 ".repeat(30_000)],
  ];
  test.each(cases)("%s reads in well under a second", (_name, text) => {
    const start = Date.now();
    readMilestones(text, 2024);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe("readings of repeated cells", () => {
  test("a caller changing its reading does not change the next reading of the same cell", () => {
    const first = readMilestones("1.下达处罚决定后,7日内上传; 2.9月底前完成", 2024);
    first.milestones[0].relative!.amount = 99;
    first.milestones[1].due = "2000-01-01";
    first.milestones.pop();
    const again = readMilestones("1.下达处罚决定后,7日内上传; 2.9月底前完成", 2024);
    expect(again.milestones.map((m) => m.due ?? m.relative?.amount)).toEqual([7, "2024-09-30"]);
  });

  test("the same text in another year is read in that year", () => {
    expect(parseMilestones("国庆节前完成", 2024)[0].due).toBe("2024-09-30");
    expect(parseMilestones("国庆节前完成", 2025)[0].due).toBe("2025-09-30");
  });
});

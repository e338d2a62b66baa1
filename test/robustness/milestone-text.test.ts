/**
 * Deadline phrases as staff type them besides the source's own forms: numeric dates ("2024/9/30",
 * "2024.9.30", "2024-09-30", also what a date cell reads as), next to the traps docs/design.md §4 says are no
 * deadlines. Table year 2024.
 */
import { parseMilestones } from "../../src/core/milestones";

const brief = (text: string) => parseMilestones(text, 2024).map((m) => `${m.label}|${m.due ?? m.kind}`);

describe("numeric dates", () => {
  it("read as that day, in any of the three spellings", () => {
    expect(brief("2024-08-15")).toEqual(["1|2024-08-15"]);
    expect(brief("1.2024/8/20前上报;2.2024.8.25前归档")).toEqual(["1|2024-08-20", "2|2024-08-25"]);
    expect(brief("２０２４／８／２０前上报")).toEqual(["1|2024-08-20"]);
  });

  it("a date cell with a time of day keeps its day", () => {
    expect(brief("2024-08-15 17:30")).toEqual(["1|2024-08-15"]);
  });

  it("two dated clauses in one item give two milestones", () => {
    expect(brief("2024/8/20前上报初稿,2024/9/20前定稿")).toEqual(["1a|2024-08-20", "1b|2024-09-20"]);
  });

  it("an explicit year wins over the table's", () => {
    expect(brief("2025-03-31前完成")).toEqual(["1|2025-03-31"]);
  });

  it("a range within a year is due at its end", () => {
    expect(brief("2024-08-20至2024-09-30开展专项检查")).toEqual(["1|2024-09-30"]);
  });
});

describe("still not deadlines", () => {
  it("a period across years, a baseline, a start, a year range", () => {
    expect(brief("2023-12-01至2024-11-30期间办理的案件")).toEqual(["1|undated"]);
    expect(brief("以2024-11-30在编在岗人数为基准")).toEqual(["1|undated"]);
    expect(brief("自2024-03-01起执行")).toEqual(["1|undated"]);
    expect(brief("2022-2024年案卷")).toEqual(["1|undated"]);
  });

  it("an impossible date", () => {
    expect(brief("2024-02-30前完成")).toEqual(["1|undated"]);
    expect(brief("2024-13-01前完成")).toEqual(["1|undated"]);
  });

  it("list numbers are still list numbers", () => {
    expect(brief("1.5月底前,出台;2.9月底前,上报")).toEqual(["1|2024-05-31", "2|2024-09-30"]);
  });
});

/**
 * The 攻坚任务 texts of the source's 分解表 (lines 23–145) against the catalog (附件4): docs/design.md §4
 * lists five rows where they disagree, and exactly those are reported.
 */
import { findDiscrepancies, findItem, pointsWrittenIn } from "../../src/core/rules";
import { gongjianTaskTexts } from "./source";

const texts = gongjianTaskTexts();

describe("findDiscrepancies on the source's 攻坚任务 cells", () => {
  const reported = [...texts].filter(([serial, text]) => findDiscrepancies(serial, text).length > 0).map(([s]) => s);

  it("reports exactly rows 15, 29, 35, 42 and 47", () => {
    expect(reported).toEqual(["15", "29", "35", "42", "47"]);
  });
  it("row 15: 每件1分 in the table, 0.5分 in 附件4", () => {
    const [m] = findDiscrepancies("15", texts.get("15")!);
    expect(m).toContain("每件得1分");
    expect(m).toContain("每件得0.5分");
  });
  it("row 29: 50%/40% in the table, 40%/30% in 附件4", () => {
    const [m] = findDiscrepancies("29", texts.get("29")!);
    expect(m).toContain("50%/40%");
    expect(m).toContain("40%/30%");
  });
  it("row 35: 6分 in the table, 7分 in 附件4, the 1分 moved to row 38", () => {
    const [m] = findDiscrepancies("35", texts.get("35")!);
    expect(m).toContain("表中写6分");
    expect(m).toContain("7分");
    expect(m).toContain("序号38");
  });
  it("row 42: 25名以下 in the table leaves ranks 21–24 unscored; 附件4 says 20名以下", () => {
    const [m] = findDiscrepancies("42", texts.get("42")!);
    expect(m).toContain("25名以下");
    expect(m).toContain("20名以下");
    expect(m).toContain("第21–24名");
  });
  it("row 47: a 1分 item whose text awards 1.5分 is capped at 1分", () => {
    const [m] = findDiscrepancies("47", texts.get("47")!);
    expect(m).toContain("分值1分");
    expect(m).toContain("得1.5分");
    expect(m).toContain("按分值上限计1分");
  });
});

describe("findDiscrepancies on texts that agree", () => {
  it("the province's own wording of rows 15, 29, 35, 42 raises nothing", () => {
    for (const serial of ["15", "29", "35", "42"]) {
      expect(findDiscrepancies(serial, findItem(serial)!.rule)).toEqual([]);
    }
  });
  it("a row 47 text that awards its 分值 raises nothing", () => {
    expect(findDiscrepancies("47", "技能比武违法行为查处情况（1分）。在省级组织的比武活动查获违法行为的，得1分。")).toEqual([]);
  });
  it("edited cells are read as typed: full-width digits, spaces", () => {
    expect(findDiscrepancies("15", "……每件得 ０.５ 分")).toEqual([]);
    expect(findDiscrepancies("15", "……每件得 1 分")).toHaveLength(1);
  });
  it("empty text, unknown serials and rows without a check raise nothing", () => {
    expect(findDiscrepancies("15", "")).toEqual([]);
    expect(findDiscrepancies("99", texts.get("15")!)).toEqual([]);
    expect(findDiscrepancies("1", "完全不同的文字 9分")).toEqual([]);
  });
  it("accepts the serial with spaces or leading zeros", () => {
    expect(findDiscrepancies(" 015 ", texts.get("15")!)).toHaveLength(1);
  });
});

describe("pointsWrittenIn", () => {
  it("lists the points a text states, in order", () => {
    expect(pointsWrittenIn(texts.get("47")!)).toEqual([1, 1.5]);
    expect(pointsWrittenIn(texts.get("29")!)).toEqual([1, 0.5]);
    expect(pointsWrittenIn("(3分)。得2分；扣０．５分")).toEqual([3, 2, 0.5]);
  });
  it("does not read 分别 or 百分比 as points", () => {
    expect(pointsWrittenIn("从最高3分到1分，分别赋分")).toEqual([3, 1]);
  });
});

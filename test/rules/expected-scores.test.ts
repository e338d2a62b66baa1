/**
 * The catalog against the hand-written table of expected scores (issue 7 §3): a rule change that
 * moves any band edge, cap, floor, veto or "该项不得分" fails here, whatever the catalog's own tests say.
 */
import { findItem, RULE_SETS, scoreItem, type RawInput, type RuleSetId } from "../../src/core/rules";
import { EXPECTED_SCORES, type ExpectedScore } from "./expected-scores";
import { line } from "./source";

const SETS: RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];

function actual(row: ExpectedScore): unknown {
  const item = findItem(row.item, row.set);
  if (!item) return `没有${row.set} ${row.item}`;
  const r = scoreItem(item, row.inputs as RawInput[]);
  if (r.kind === "points") return r.points;
  if (r.kind === "veto") return r.text;
  return { error: r.message };
}

describe("expected scores written from the source text", () => {
  it.each(EXPECTED_SCORES.map((row) => [`${row.set} ${row.item} ${JSON.stringify(row.inputs)} (第${row.line}行 ${row.why})`, row] as const))(
    "%s",
    (_name, row) => {
      const got = actual(row);
      if (typeof row.expected === "object") {
        expect(got).toEqual({ error: expect.stringContaining(row.expected.error) });
      } else {
        expect(got).toEqual(row.expected);
      }
    },
  );

  it("cites real lines of 附件4/5/6 (or the 分解表 row for 攻坚21)", () => {
    for (const row of EXPECTED_SCORES) {
      const allowed = row.set === "攻坚" ? row.line === 74 || (row.line >= 196 && row.line <= 219) : row.set === "个人" ? row.line >= 258 && row.line <= 267 : row.line >= 228 && row.line <= 248;
      expect([row.item, row.line, allowed]).toEqual([row.item, row.line, true]);
      expect(line(row.line).trim()).not.toBe("");
    }
  });

  it.each(SETS)("covers every item of %s, every veto with 否决 and every deduction at its cap", (set) => {
    const rows = EXPECTED_SCORES.filter((r) => r.set === set);
    for (const item of RULE_SETS[set]) {
      const mine = rows.filter((r) => findItem(r.item, set) === item);
      expect([item.id, mine.length > 0]).toEqual([item.id, true]);
      if (item.type === "veto") expect([item.id, mine.some((r) => r.expected === "否决")]).toEqual([item.id, true]);
      if (item.type === "deduction") expect([item.id, mine.some((r) => r.expected === -item.maxPoints)]).toEqual([item.id, true]);
    }
  });
});

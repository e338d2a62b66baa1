import {
  findItem,
  LEVEL1_TOTALS,
  RULE_SETS,
  scoreItem,
  type RawInput,
  type RuleItem,
  type RuleSetId,
} from "../../src/core/rules";
import { checkBandTable } from "../../src/core/scoring";
import { gongjianTaskTexts, headingsIn, line } from "./source";

const SETS: RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];
const all = (): RuleItem[] => SETS.flatMap((s) => RULE_SETS[s]);

function level1Sums(set: RuleSetId): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const item of RULE_SETS[set]) {
    if (item.type === "score") sums[item.level1] = (sums[item.level1] ?? 0) + item.maxPoints;
  }
  return sums;
}

describe("per-一级指标 maxima (docs/design.md §4 Totals)", () => {
  it("攻坚 sums to 33/41/26 = 100 (附件4 lines 196, 207, 215)", () => {
    expect(level1Sums("攻坚")).toEqual({ 队伍建设与管理: 33, 日常监督执法工作: 41, 实战练兵: 26 });
    expect(LEVEL1_TOTALS["攻坚"]).toEqual({ 队伍建设与管理: 33, 日常监督执法工作: 41, 实战练兵: 26 });
  });
  it("基准市 sums to 30/42/28 (附件5 lines 228, 241, 244)", () => {
    expect(level1Sums("基准市")).toEqual({ 队伍建设与管理: 30, 日常监督执法工作: 42, 实战练兵: 28 });
    expect(LEVEL1_TOTALS["基准市"]).toEqual(level1Sums("基准市"));
  });
  it("基准县 lacks the 5分 of 稽查准备/稽查开展 that counties do not take part in (line 236)", () => {
    expect(line(236)).toContain("县级候选集体不参加上述评查");
    expect(level1Sums("基准县")).toEqual({ 队伍建设与管理: 25, 日常监督执法工作: 42, 实战练兵: 28 });
    expect(LEVEL1_TOTALS["基准县"]).toEqual(level1Sums("基准县"));
  });
  it("个人 sums to 8/50/31/11 (附件6 lines 258–264)", () => {
    expect(level1Sums("个人")).toEqual({ 荣誉称号: 8, 案件办理: 50, 实战练兵: 31, 专业技能: 11 });
    expect(LEVEL1_TOTALS["个人"]).toEqual(level1Sums("个人"));
  });
  it("bonus items sit outside the 100: 攻坚 创新与成效 3分 (+ row 21), 基准 2.3.5 + 练兵成效, 个人 法律资格", () => {
    const bonus = (s: RuleSetId) => RULE_SETS[s].filter((i) => i.type === "bonus").map((i) => `${i.id}:${i.maxPoints}`);
    expect(bonus("攻坚")).toEqual(["21:1", "49:2", "50:1"]);
    expect(bonus("基准市")).toEqual(["基准市-2.3.5:1", "基准市-10:1"]);
    expect(bonus("个人")).toEqual(["个人-1.4:1"]);
  });
});

describe("band tables", () => {
  // Convention: bands[k] is the table of inputs[k].
  const banded = all().filter((i) => i.bands);
  it("are present on the banded items", () => {
    expect(banded.map((i) => i.id)).toEqual([
      "1", "2", "23", "29", "42",
      "基准市-1.2.1", "基准市-1.2.2", "基准市-3.2.1",
      "基准县-1.2.1", "基准县-1.2.2",
    ]);
  });
  it.each(banded.map((i) => [i.id, i] as const))("item %s has no gap and no overlap", (_id, item) => {
    item.bands!.forEach((table, k) => {
      const spec = item.inputs[k];
      const lo = spec.min ?? (spec.kind === "rank" ? 1 : 0);
      const hi = spec.max ?? null;
      expect(checkBandTable(table, lo, hi)).toEqual([]);
    });
  });
  it("give at most the item's 分值", () => {
    for (const item of banded) {
      const best = item.bands!.reduce((sum, t) => sum + Math.max(...t.map((b) => b.points)), 0);
      expect(best).toBeLessThanOrEqual(item.maxPoints);
    }
  });
});

describe("every item of the three documents is present", () => {
  const namesAndGroups = (set: RuleSetId) => new Set(RULE_SETS[set].flatMap((i) => [i.name, i.group ?? ""]));

  it("攻坚: one item per 分解表 序号 1–51 (lines 23–145)", () => {
    const serials = [...gongjianTaskTexts().keys()];
    expect(serials).toHaveLength(51);
    expect(RULE_SETS["攻坚"].map((i) => i.id)).toEqual(serials);
  });
  it("攻坚: all 50 numbered headings of 附件4 (lines 196–219) are items or their groups", () => {
    const headings = headingsIn(196, 219);
    expect(headings).toHaveLength(50);
    const known = namesAndGroups("攻坚");
    expect(headings.filter((h) => !known.has(h))).toEqual([]);
  });
  it("基准: all 31 numbered headings of 附件5 (lines 228–248) and the 3 unnumbered ones", () => {
    const headings = headingsIn(228, 248);
    expect(headings).toHaveLength(31);
    // Written without a list number, counted by hand: line 237, 241, 246.
    headings.push("“两打”专项行动", "案卷质量", "表现突出集体和个人覆盖情况");
    const city = namesAndGroups("基准市");
    expect(headings.filter((h) => !city.has(h))).toEqual([]);
    // The county set lacks exactly what counties do not take part in (3.1, 3.2) and the city-only
    // 技能比武 items (9.1–9.3), replaced by the county sentence of line 245.
    const county = namesAndGroups("基准县");
    expect(headings.filter((h) => !county.has(h))).toEqual(["稽查准备情况", "稽查开展情况", "比武内容", "比武形式", "组织方式"]);
  });
  it("个人: all 14 numbered headings of 附件6 (lines 258–267)", () => {
    const headings = headingsIn(258, 267);
    expect(headings).toHaveLength(14);
    const known = namesAndGroups("个人");
    expect(headings.filter((h) => !known.has(h))).toEqual([]);
  });
  it("the vetoes of each document are exactly the 取消参评资格 clauses (lines 219, 248, 267)", () => {
    expect(RULE_SETS["攻坚"].filter((i) => i.type === "veto").map((i) => i.id)).toEqual(["51"]);
    expect(RULE_SETS["基准市"].filter((i) => i.type === "veto").map((i) => i.id)).toEqual(["基准市-11"]);
    expect(RULE_SETS["基准县"].filter((i) => i.type === "veto").map((i) => i.id)).toEqual(["基准县-11"]);
    expect(RULE_SETS["个人"].filter((i) => i.type === "veto").map((i) => i.id)).toEqual(["个人-5"]);
    for (const item of all().filter((i) => i.type === "veto")) expect(item.rule).toContain("取消参评资格");
    // "该项不得分" (lines 215, 244) is a deduction, not a veto.
    for (const id of ["44", "基准市-8.3", "基准县-8.3"]) expect(findItem(id)!.type).toBe("deduction");
  });
  it("every item cites a source line that holds its text's key words", () => {
    for (const item of all()) {
      const cited = [...item.source.matchAll(/第(\d+)(?:、(\d+))?行/g)].flatMap((m) => [m[1], m[2]]).filter(Boolean);
      expect(cited.length).toBeGreaterThan(0);
      const text = cited.map((n) => line(Number(n))).join("").replace(/\s+/g, "");
      // The item's heading (or its group's) is on a cited line, spaces of the export removed.
      const words = (item.group ?? item.name).replace(/[“”]/g, "");
      const key = text.includes(words) || text.includes(item.name.replace(/[“”]/g, ""));
      if (!key) {
        // Items without a heading of their own: the first 8 characters of their rule must be there.
        expect(text.replace(/[“”]/g, "")).toContain(item.rule.replace(/\s+/g, "").replace(/[“”]/g, "").slice(0, 8));
      }
    }
  });
});

describe("ids and findItem", () => {
  it("ids are unique across the catalogs", () => {
    const ids = all().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("finds 攻坚 items by number, text and prefixed text", () => {
    const five = RULE_SETS["攻坚"][4];
    expect(findItem(5)).toBe(five);
    expect(findItem("5")).toBe(five);
    expect(findItem(" 05 ")).toBe(five);
    expect(findItem("攻坚5")).toBe(five);
    expect(findItem("攻坚-5")).toBe(five);
    expect(findItem(5, "攻坚")).toBe(five);
  });
  it("finds 基准 and 个人 items by full id or by set", () => {
    expect(findItem("基准市-1.2.1")?.name).toBe("标配装备");
    expect(findItem("1.2.1", "基准县")?.id).toBe("基准县-1.2.1");
    expect(findItem("基准县1.2.1")?.id).toBe("基准县-1.2.1");
    expect(findItem(4, "基准市")?.name).toBe("“两打”专项行动");
    expect(findItem("个人-2.3")?.maxPoints).toBe(35);
    expect(findItem("1.1", "个人")?.name).toBe("获得荣誉称号情况");
  });
  it("answers null for what is not there", () => {
    expect(findItem(99)).toBeNull();
    expect(findItem(0)).toBeNull();
    expect(findItem(5.5)).toBeNull();
    expect(findItem("")).toBeNull();
    expect(findItem("abc")).toBeNull();
    expect(findItem("3.1", "基准县")).toBeNull(); // counties do not take part in 稽查准备情况
    expect(findItem("9.4", "基准市")).toBeNull();
  });
});

/** Deterministic inputs spread over each input's whole range (and past a cap). */
function* inputGrid(item: RuleItem, seed: number): Generator<RawInput[]> {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 60; k++) {
    yield item.inputs.map((spec): RawInput => {
      const r = rand();
      switch (spec.kind) {
        case "ratio":
          return k === 0 ? 1 : k === 1 ? 0 : Math.round(r * 1000) / 1000;
        case "count":
          return k === 0 ? (spec.max ?? 1000) : (spec.min ?? 0) + Math.floor(r * ((spec.max ?? 30) + 1 - (spec.min ?? 0)));
        case "rank":
          return k === 0 ? 1 : 1 + Math.floor(r * 40);
        case "flag":
          return k === 0 ? "是" : r < 0.5 ? "是" : "否";
        case "points":
          return spec.optional && r < 0.3 ? null : k === 0 ? (spec.max ?? 0) : Math.round(r * (spec.max ?? 0) * 10) / 10;
        case "monthly":
          return [Array.from({ length: 12 }, (_, i) => (k === 0 ? (spec.max ?? 5) : ((i * 7 + k) % 10) / (spec.max === 1 ? 10 : 2)))];
      }
    });
  }
}

/**
 * Score items that may exceed their printed 分值 because another item's 分值 moves into them when the
 * candidate is not in the remote rounds (lines 215, 244: 相应分值纳入现场监督帮扶表现分值).
 */
const CEILING: Record<string, number> = { "42": 20, "基准市-8.1": 24, "基准县-8.1": 24 };
/** Items whose inputs are checked against each other, so random inputs may be refused. */
const CROSS_CHECKED = new Set(["16", "42", "44", "基准市-8.3", "基准县-8.3"]);

describe("invariants over every item (docs/design.md §4 Numbers)", () => {
  it("scores and bonuses stay within [0, 分值], deductions within [−cap, 0], all at 4 decimals", () => {
    for (const item of all()) {
      for (const inputs of inputGrid(item, 7)) {
        const r = scoreItem(item, inputs);
        if (item.type === "veto") {
          expect(["veto", "points"]).toContain(r.kind);
          continue;
        }
        if (r.kind === "error" && CROSS_CHECKED.has(item.id)) {
          expect(r.message).toMatch(/[\u4e00-\u9fff]/);
          continue;
        }
        if (r.kind !== "points") throw new Error(`${item.id}: ${JSON.stringify(inputs)} → ${JSON.stringify(r)}`);
        if (item.type === "deduction") {
          expect(r.points).toBeLessThanOrEqual(0);
          expect(r.points).toBeGreaterThanOrEqual(-item.maxPoints);
        } else {
          expect(r.points).toBeGreaterThanOrEqual(0);
          expect(r.points).toBeLessThanOrEqual(CEILING[item.id] ?? item.maxPoints);
        }
        expect(Math.round(r.points * 10000) / 10000).toBe(r.points);
        expect(Object.is(r.points, -0)).toBe(false);
      }
    }
  });
  it("a deduction with a very large count reaches exactly its cap", () => {
    const deductions = all().filter((i) => i.type === "deduction");
    // 攻坚 4 统一着装持证 (source line 198) is one; the loop below must not run over nothing.
    expect(deductions.map((i) => i.id)).toContain("4");
    for (const item of deductions) {
      const inputs = item.inputs.map((s): RawInput => (s.kind === "count" ? 1000 : s.kind === "flag" ? "是" : s.kind === "points" ? s.max! : null));
      expect([item.id, scoreItem(item, inputs)]).toEqual([item.id, { kind: "points", points: -item.maxPoints }]);
    }
  });
  it("vetoes answer as vetoes, not as 0", () => {
    for (const item of all().filter((i) => i.type === "veto")) {
      expect(item.maxPoints).toBe(0);
      const yes = item.inputs.map((): RawInput => "是");
      const no = item.inputs.map((): RawInput => "否");
      expect(scoreItem(item, yes)).toEqual({ kind: "veto", text: "否决" });
      expect(scoreItem(item, no)).toEqual({ kind: "points", points: 0 });
    }
    // Either ground of a two-ground veto is enough.
    expect(scoreItem(findItem("11", "基准市")!, ["否", true])).toEqual({ kind: "veto", text: "否决" });
    expect(scoreItem(findItem("个人-5")!, [true, false])).toEqual({ kind: "veto", text: "否决" });
  });
});

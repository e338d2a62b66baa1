/**
 * computeTotals (src/core/rules/totals.ts): subtotals per 一级指标, bonus, veto and total of a set,
 * with "扣完该项分值为止" floors, "该项不得分" emptying its heading, and 攻坚21 kept apart.
 */
import { bonusMaximum, computeTotals, findItem, forfeitedHeading, maxReachable, RULE_SETS, type ItemScore, type RuleSetId } from "../../src/core/rules";

/** Every score and bonus item at its 分值, every deduction and veto at 0. */
function full(set: RuleSetId): Record<string, ItemScore> {
  const out: Record<string, ItemScore> = {};
  for (const item of RULE_SETS[set]) out[item.id] = item.type === "score" || item.type === "bonus" ? item.maxPoints : 0;
  return out;
}

describe("computeTotals", () => {
  it("攻坚 at full marks: 33/41/26, bonus 附件4's 3分 with row 21 apart, total 103", () => {
    const t = computeTotals("攻坚", full("攻坚"));
    expect(t.subtotals).toEqual({ 队伍建设与管理: 33, 日常监督执法工作: 41, 实战练兵: 26 });
    expect(t.bonus).toBe(3);
    expect(t.outside).toEqual({ "21": 1 });
    expect(t.total).toBe(103);
    expect(t.veto).toBe(false);
    expect(t.missing).toEqual([]);
  });
  it("基准市 30/42/28, 基准县 25/42/28 (line 236), 个人 8/50/31/11", () => {
    expect(computeTotals("基准市", full("基准市")).subtotals).toEqual({ 队伍建设与管理: 30, 日常监督执法工作: 42, 实战练兵: 28 });
    expect(computeTotals("基准县", full("基准县")).subtotals).toEqual({ 队伍建设与管理: 25, 日常监督执法工作: 42, 实战练兵: 28 });
    expect(computeTotals("个人", full("个人")).subtotals).toEqual({ 荣誉称号: 8, 案件办理: 50, 实战练兵: 31, 专业技能: 11 });
    expect([bonusMaximum("攻坚"), bonusMaximum("基准市"), bonusMaximum("个人")]).toEqual([3, 2, 1]);
  });
  it("攻坚44 该项不得分 empties 大气监督帮扶 (20分) only: 实战练兵 keeps 技能比武's 6, the total stays a number", () => {
    const t = computeTotals("攻坚", { ...full("攻坚"), "44": -20 });
    expect(t.subtotals["实战练兵"]).toBe(6);
    expect(t.total).toBe(83);
    expect(t.veto).toBe(false);
  });
  it("a 该项不得分 that says more than the heading earned takes back only what it earned", () => {
    const t = computeTotals("攻坚", { ...full("攻坚"), "42": 10, "43": 2, "44": -20 });
    expect(t.items["44"]).toBe(-12);
    expect(t.subtotals["实战练兵"]).toBe(6);
  });
  it("扣完该项分值为止 floors at what the heading earned (攻坚13, 个人-3.1.2)", () => {
    expect(computeTotals("攻坚", { ...full("攻坚"), "12": 0, "13": -2 }).items["13"]).toBe(0);
    const person = computeTotals("个人", { ...full("个人"), "个人-3.1.1": 10, "个人-3.1.2": -15 });
    expect(person.items["个人-3.1.2"]).toBe(-10);
    expect(person.subtotals["实战练兵"]).toBe(3);
    // Without the earned points the floor is the heading's 分值 (2 for 13).
    expect(computeTotals("攻坚", { "13": -1.5 }).items["13"]).toBe(-1.5);
    expect(computeTotals("攻坚", { "13": -5 }).items["13"]).toBe(-2);
  });
  it("only 取消参评资格 turns the total into 否决; the subtotals are still given", () => {
    const t = computeTotals("攻坚", { ...full("攻坚"), "51": "否决" });
    expect(t.total).toBe("否决");
    expect(t.veto).toBe(true);
    expect(t.subtotals["实战练兵"]).toBe(26);
    expect(computeTotals("个人", { ...full("个人"), "个人-5": "否决" }).total).toBe("否决");
  });
  it("the bonus is capped at the 附件's maximum and row 21 never counts", () => {
    const t = computeTotals("攻坚", { ...full("攻坚"), "21": 1, "49": 2, "50": 1 });
    expect(t.bonus).toBe(3);
    const none = computeTotals("攻坚", { ...full("攻坚"), "49": 0, "50": 0 });
    expect(none.bonus).toBe(0);
    expect(none.total).toBe(100);
  });
  it("items without a score count 0 and are listed", () => {
    const t = computeTotals("攻坚", { "1": 3, "2": 2.5 });
    expect(t.subtotals["队伍建设与管理"]).toBe(5.5);
    expect(t.missing).toContain("3");
    expect(t.missing).not.toContain("1");
    expect(t.items["3"]).toBeNull();
    expect(t.total).toBe(5.5);
  });
  it("maxReachable: 42 reaches 20 and 8.1 reaches 24 when the remote 4分 move in; others their 分值", () => {
    expect(maxReachable(findItem(42)!)).toBe(20);
    expect(maxReachable(findItem("8.1", "基准县")!)).toBe(24);
    expect(maxReachable(findItem(1)!)).toBe(3);
    expect(findItem(42)!.maxPoints).toBe(16);
  });
  it("forfeitedHeading names the heading a 该项不得分 clause empties", () => {
    expect(forfeitedHeading(findItem(44)!)).toBe("大气监督帮扶");
    expect(forfeitedHeading(findItem("8.3", "基准市")!)).toBe("大气监督帮扶");
    expect(forfeitedHeading(findItem(13)!)).toBeNull();
    expect(forfeitedHeading(findItem(51)!)).toBeNull();
  });
});

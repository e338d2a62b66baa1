/** 基准 (附件5, city and county) and 个人 (附件6) items, scored by hand from the rule text. */
import { findItem, scoreItem, type RawInput, type RuleSetId } from "../../src/core/rules";

const score = (set: RuleSetId, id: string, ...inputs: RawInput[]) => scoreItem(findItem(id, set)!, inputs);
const pts = (points: number) => ({ kind: "points", points });
const both: RuleSetId[] = ["基准市", "基准县"];

describe("基准, the same for city and county", () => {
  it.each(both)("%s 1.2.1 标配: 完成20项 2分；不足20项 0", (set) => {
    expect(score(set, "1.2.1", 20)).toEqual(pts(2));
    expect(score(set, "1.2.1", 19)).toEqual(pts(0));
  });
  it.each(both)("%s 1.2.2 选配: 6项及以上 1；3-5项 0.5；不足3项 0", (set) => {
    expect(score(set, "1.2.2", 6)).toEqual(pts(1));
    expect(score(set, "1.2.2", 5)).toEqual(pts(0.5));
    expect(score(set, "1.2.2", 3)).toEqual(pts(0.5));
    expect(score(set, "1.2.2", 2)).toEqual(pts(0));
  });
  it.each(both)("%s 1.4.1 集体荣誉: 2 / 每项1 / 市级每项0.8, 最多2", (set) => {
    expect(score(set, "1.4.1", "否", 0, 1)).toEqual(pts(0.8));
    expect(score(set, "1.4.1", "否", 1, 1)).toEqual(pts(1.8));
    expect(score(set, "1.4.1", "否", 1, 2)).toEqual(pts(2));
  });
  it.each(both)("%s 2.1.1 传输率: 90% → 1, 每增加1%多得0.2, 最高2; 未达90%但补全95%以上 → 0.5", (set) => {
    expect(score(set, "2.1.1", 0.9, 0)).toEqual(pts(1));
    expect(score(set, "2.1.1", 0.93, 0)).toEqual(pts(1.6));
    expect(score(set, "2.1.1", 0.939, 0)).toEqual(pts(1.6));
    expect(score(set, "2.1.1", 0.95, 0)).toEqual(pts(2));
    expect(score(set, "2.1.1", 0.99, 1)).toEqual(pts(2));
    expect(score(set, "2.1.1", 0.8999, 0.95)).toEqual(pts(0.5));
    expect(score(set, "2.1.1", 0.8999, 0.9499)).toEqual(pts(0));
  });
  it.each(both)("%s 2.2.3 整改反馈: 扣1分 + 每件0.2, 扣完5分为止", (set) => {
    expect(score(set, "2.2.3", "是", 3)).toEqual(pts(-1.6));
    expect(score(set, "2.2.3", "是", 30)).toEqual(pts(-5));
  });
  it.each(both)("%s 2.3.1: each month ≥ 80% → 0.2, all → 3", (set) => {
    const row: RawInput[] = Array(12).fill(0.8);
    expect(score(set, "2.3.1", [row])).toEqual(pts(3));
    row[2] = 0.5;
    expect(score(set, "2.3.1", [row])).toEqual(pts(2.2));
  });
  it.each(both)("%s 2.3.4 执法数据质量: 0.5/起 最多2 + 0.5/起 最多2", (set) => {
    expect(score(set, "2.3.4", null, 3, 1)).toEqual(pts(-2));
    expect(score(set, "2.3.4", null, 9, 9)).toEqual(pts(-4));
  });
  it.each(both)("%s 6 案卷质量: 22 × 得分率, 每份严重情形另扣1, not below 0", (set) => {
    expect(score(set, "6", 0.8, 0)).toEqual(pts(17.6));
    expect(score(set, "6", 0.5, 1)).toEqual(pts(10));
    expect(score(set, "6", 0, 2)).toEqual(pts(0));
  });
  it.each(both)("%s 7.1 典型案例: 部2 / 省1 / 市0.5, 最多2", (set) => {
    expect(score(set, "7.1", 0, 1, 1)).toEqual(pts(1.5));
    expect(score(set, "7.1", 1, 1, 0)).toEqual(pts(2));
  });
  it.each(both)("%s 11 (取消参评资格) is the veto; 8.3 (该项不得分) takes back 8.1 + 8.2", (set) => {
    expect(score(set, "11", "否", "是")).toEqual({ kind: "veto", text: "否决" });
    expect(score(set, "8.3", "否")).toEqual(pts(0));
    expect(score(set, "8.3", "是", 15.5, 3)).toEqual(pts(-18.5));
    expect(score(set, "8.3", "是", 24, 0)).toEqual(pts(-24));
    expect(score(set, "8.3", "是").kind).toBe("error");
  });
  it.each(both)("%s 8.1/8.2 未纳入远程监督帮扶 (line 244): 8.2 → 0, 8.1 × 24/20", (set) => {
    expect(score(set, "8.2", "未纳入")).toEqual(pts(0));
    expect(score(set, "8.2", 3)).toEqual(pts(3));
    expect(score(set, "8.1", 15)).toEqual(pts(15));
    expect(score(set, "8.1", 15, "否")).toEqual(pts(18));
    expect(score(set, "8.1", 20, "否")).toEqual(pts(24));
  });
  it.each(both)("%s 2.1.2 and 2.2.3 floor at the heading's earned points, else at its 分值", (set) => {
    expect(score(set, "2.1.2", 3)).toEqual(pts(-1.5));
    expect(score(set, "2.1.2", 3, 1.2)).toEqual(pts(-1.2));
    expect(score(set, "2.1.2", 9)).toEqual(pts(-2));
    expect(score(set, "2.2.3", "是", 10)).toEqual(pts(-3));
    expect(score(set, "2.2.3", "是", 10, 2)).toEqual(pts(-2));
    expect(score(set, "2.2.3", "是", 100)).toEqual(pts(-5));
  });
});

describe("基准, where city and county differ (附件5)", () => {
  it("3.1 and 3.2 exist for the city only (县级候选集体不参加上述评查)", () => {
    expect(score("基准市", "3.2.1", 0.3)).toEqual(pts(3));
    expect(score("基准市", "3.2.1", 0.2999)).toEqual(pts(0));
    expect(findItem("3.2.1", "基准县")).toBeNull();
  });
  it("3.3 稽查抽查: city 0.1 (最多2) + 0.2 (最多2); county 0.5, 最多扣5", () => {
    expect(score("基准市", "3.3", 3, 2)).toEqual(pts(-0.7));
    expect(score("基准市", "3.3", 30, 30)).toEqual(pts(-4));
    expect(score("基准县", "3.3", 3)).toEqual(pts(-1.5));
    expect(score("基准县", "3.3", 20)).toEqual(pts(-5));
  });
  it("4 “两打”: city 2/1/1, county 3/2/2; 重大案件 at most 2; 12 in all", () => {
    expect(score("基准市", "4", 1, 2, 3)).toEqual(pts(2 + 2 + 2));
    expect(score("基准县", "4", 1, 2, 3)).toEqual(pts(3 + 4 + 2));
    expect(score("基准县", "4", 3, 2, 1)).toEqual(pts(12)); // 9 + 4 + 2 = 15, capped
    expect(score("基准市", "4", 0, 0, 0)).toEqual(pts(0));
  });
  it("5.1 新装备: city 0.2, county 0.5 per case, 最高2", () => {
    expect(score("基准市", "5.1", 3)).toEqual(pts(0.6));
    expect(score("基准县", "5.1", 3)).toEqual(pts(1.5));
    expect(score("基准县", "5.1", 5)).toEqual(pts(2));
  });
  it("5.2 新领域: city 0.5, county 1 per class, 分值1", () => {
    expect(score("基准市", "5.2", 1)).toEqual(pts(0.5));
    expect(score("基准市", "5.2", 3)).toEqual(pts(1));
    expect(score("基准县", "5.2", 1)).toEqual(pts(1));
  });
  it("9 技能比武: city 内容1 + 形式2/1 + 组织1/0.5; county 参加1 + 先进3", () => {
    expect(score("基准市", "9.1", "是")).toEqual(pts(1));
    expect(score("基准市", "9.2", "否", "是")).toEqual(pts(1));
    expect(score("基准市", "9.2", "是", "是")).toEqual(pts(2));
    expect(score("基准市", "9.3", "否", "是")).toEqual(pts(0.5));
    expect(score("基准县", "9.4", "是")).toEqual(pts(1));
    expect(score("基准县", "9.5", "是")).toEqual(pts(3));
    expect(findItem("9.1", "基准县")).toBeNull();
  });
  it("10 练兵成效: a bonus of 0.5 + 0.5 naming the right winners", () => {
    expect(score("基准市", "10", "是", "是")).toEqual(pts(1));
    expect(findItem("10", "基准市")!.inputs[1].name).toContain("县级");
    expect(findItem("10", "基准县")!.inputs[1].name).toContain("表现突出个人");
  });
});

describe("个人 (附件6)", () => {
  it("1.1 荣誉称号: 省级以上3 / 地市级2 / 县级1 / 媒体加2, 最多4", () => {
    expect(score("个人", "1.1", 0, 1, 1, "否")).toEqual(pts(3));
    expect(score("个人", "1.1", 1, 1, 0, "否")).toEqual(pts(4));
    expect(score("个人", "1.1", 0, 0, 1, "是")).toEqual(pts(3));
  });
  it("1.2 师资库 and 1.3 稽查 count the highest; 1.4 法律资格 is a bonus", () => {
    expect(score("个人", "1.2", "是", "是", "否")).toEqual(pts(1.5));
    expect(score("个人", "1.2", "是", "是", "是")).toEqual(pts(2));
    expect(score("个人", "1.3", "否", "是")).toEqual(pts(1));
    expect(findItem("个人-1.4")!.type).toBe("bonus");
  });
  it("2.1 重大案件: 立案 6/2 最高6, 典型案例 2/4 最高4", () => {
    expect(score("个人", "2.1", 0, 2, 0, 0)).toEqual(pts(4));
    expect(score("个人", "2.1", 1, 1, 0, 0)).toEqual(pts(6));
    expect(score("个人", "2.1", 0, 2, 1, 1)).toEqual(pts(8));
  });
  it("2.2 关键领域: 每类2.5, 最高5; 2.3 案卷质量 35 × 得分率", () => {
    expect(score("个人", "2.2", 1)).toEqual(pts(2.5));
    expect(score("个人", "2.2", 3)).toEqual(pts(5));
    // "…等案件的，每类得2.5分，最高得5分": any number of 类, capped.
    expect(score("个人", "2.2", 6)).toEqual(pts(5));
    expect(score("个人", "2.3", 0.9, 0)).toEqual(pts(31.5));
  });
  it("3.1.2 工作纪律: 每次扣5分，扣完该项分值为止 (floors at 3.1.1's earned points)", () => {
    expect(score("个人", "3.1.2", 1)).toEqual(pts(-5));
    expect(score("个人", "3.1.2", 3, 10)).toEqual(pts(-10));
    expect(score("个人", "3.1.2", 10)).toEqual(pts(-28));
  });
  it("3.2 技能比武: 省级2 + 市级1", () => {
    expect(score("个人", "3.2", "是", "是")).toEqual(pts(3));
  });
  it("4.1.1: each month 2条及以上 → 0.3, all → 4", () => {
    const row: RawInput[] = Array(12).fill(2);
    expect(score("个人", "4.1.1", [row])).toEqual(pts(4));
    row[0] = 1;
    expect(score("个人", "4.1.1", [row])).toEqual(pts(3.3));
  });
  it("4.1.2 每份1.5; 4.1.3 扣分 0.5/起 最多2 ×2", () => {
    expect(score("个人", "4.1.2", 2)).toEqual(pts(3));
    expect(score("个人", "4.1.3", 1, 5)).toEqual(pts(-2.5));
  });
  it("5 is a veto", () => {
    expect(score("个人", "5", "否", "是")).toEqual({ kind: "veto", text: "否决" });
  });
});

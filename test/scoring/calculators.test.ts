import {
  deduct,
  monthly,
  perUnit,
  proportion,
  round4,
  InputError,
  step,
  tier,
  tierRank,
  wholeSteps,
} from "../../src/core/scoring";

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected a InputError");
}

describe("round4", () => {
  it("removes binary noise a user would see", () => {
    expect(round4(0.1 + 0.2)).toBe(0.3);
    expect(round4(0.6000000000000001)).toBe(0.6);
    expect(round4(3 * 0.1)).toBe(0.3);
  });
  it("rounds to four decimals, half away from zero", () => {
    expect(round4(2 / 3)).toBe(0.6667);
    expect(round4(1.00005)).toBe(1.0001);
    expect(round4(-1.00005)).toBe(-1.0001);
  });
  it("never answers minus zero", () => {
    expect(Object.is(round4(-0.00001), 0)).toBe(true);
    expect(Object.is(round4(-0), 0)).toBe(true);
  });
});

describe("tier", () => {
  // 附件4 row 1: 5% → 1分, 10% → 2分, 15% → 3分.
  const thresholds = [0.05, 0.1, 0.15];
  const pts = [1, 2, 3];
  it("gives the points of the highest threshold reached, the threshold itself included", () => {
    expect(tier(0.15, thresholds, pts)).toBe(3);
    expect(tier(0.1499, thresholds, pts)).toBe(2);
    expect(tier(0.1, thresholds, pts)).toBe(2);
    expect(tier(0.05, thresholds, pts)).toBe(1);
    expect(tier(0.9, thresholds, pts)).toBe(3);
  });
  it("is 0 below every threshold", () => {
    expect(tier(0.0499, thresholds, pts)).toBe(0);
  });
  it("accepts thresholds in any order", () => {
    expect(tier(0.12, [0.15, 0.05, 0.1], [3, 1, 2])).toBe(2);
  });
  it("counts a ratio computed with binary noise as reaching", () => {
    expect(tier(0.1 + 0.05, thresholds, pts)).toBe(3); // 0.15000000000000002
    expect(tier(1.5 / 10, thresholds, pts)).toBe(3);
  });
  it("skips pairs left empty on both sides", () => {
    expect(tier(0.12, [0.05, 0.1, null, null], [1, 2, null, null])).toBe(2);
  });
  it("rejects lists of different lengths, naming both parameters", () => {
    expect(messageOf(() => tier(1, [1, 2], [1]))).toBe("门槛与分值的个数应相同，收到 2 个门槛、1 个分值");
  });
  it("rejects a repeated threshold and text", () => {
    expect(messageOf(() => tier(1, [1, 1], [1, 2]))).toContain("门槛中有重复的值 1");
    expect(messageOf(() => tier(1, [1, "x" as unknown as number], [1, 2]))).toBe("门槛第2个应为数字，收到 “x”");
  });
  it("names a value that is no number, text or range in words, never as [object Object]", () => {
    expect(messageOf(() => tier(1, [1, {} as unknown as number], [1, 2]))).toBe("门槛第2个应为数字，收到 无法识别的值");
  });
});

describe("perUnit and deduct", () => {
  it("perUnit = min(count × per, cap)", () => {
    expect(perUnit(1, 0.5, 1)).toBe(0.5);
    expect(perUnit(3, 0.5, 1)).toBe(1);
    expect(perUnit(3, 0.1, 0.5)).toBe(0.3); // not 0.30000000000000004
    expect(perUnit(0, 0.5, 1)).toBe(0);
  });
  it("deduct = −min(count × per, cap), never below −cap, never −0", () => {
    expect(deduct(3, 0.2, 2)).toBe(-0.6);
    expect(deduct(10, 0.2, 2)).toBe(-2);
    expect(deduct(11, 0.2, 2)).toBe(-2);
    expect(Object.is(deduct(0, 0.2, 2), 0)).toBe(true);
  });
  it("wants whole counts ≥ 0", () => {
    expect(messageOf(() => perUnit(-1, 0.5, 1))).toBe("数量应为不小于0的整数，收到 -1");
    expect(messageOf(() => deduct(1.5, 0.2, 2))).toBe("次数应为不小于0的整数，收到 1.5");
    expect(messageOf(() => perUnit(1, 0.5, -1))).toBe("上限不能为负数，收到 -1");
  });
});

describe("monthly", () => {
  const all = Array(12).fill(0.85);
  it("every month reaching → the all-months points", () => {
    expect(monthly(all, 0.8, 0.1, 2)).toBe(2);
  });
  it("a month exactly at the threshold reaches it (80%以上)", () => {
    expect(monthly(Array(12).fill(0.8), 0.8, 0.1, 2)).toBe(2);
  });
  it("otherwise per month reaching", () => {
    const values = [...all];
    values[0] = 0.79;
    expect(monthly(values, 0.8, 0.1, 2)).toBe(1.1);
    expect(monthly([0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.1, 0.1, 0.1, 0.9, 0.1], 0.8, 0.1, 2)).toBe(0.5);
  });
  it("an empty cell is a month that did not reach", () => {
    const values: (number | null)[] = [...all];
    values[5] = null;
    expect(monthly(values, 0.8, 0.1, 2)).toBe(1.1);
    expect(monthly(Array(12).fill(null), 0.8, 0.1, 2)).toBe(0);
  });
  it("names the month of a bad value", () => {
    expect(messageOf(() => monthly([1, "a" as unknown as number], 0.8, 0.1, 2))).toBe("各月数值第2个月应为数字，收到 “a”");
  });
});

describe("tierRank", () => {
  // 攻坚 分解表 row 27's national rule: 前3名 2分；4-6名 1.5分；7名以后 1分.
  const ends = [3, 6, 99];
  const pts = [2, 1.5, 1];
  it("rank = 1 + peers strictly greater; ties share (RANK.EQ)", () => {
    // Peers 9, 7, 5, 5: value 5 has rank 3 (two peers are greater), inside 前3名.
    expect(tierRank(5, [9, 7, 5, 5], ends, pts)).toBe(2);
    // value 4 among 9,8,7,6,5: rank 6 → 1.5分.
    expect(tierRank(4, [9, 8, 7, 6, 5], ends, pts)).toBe(1.5);
    // value 4 among 9,8,7,6,5,5: rank 7 → 1分.
    expect(tierRank(4, [9, 8, 7, 6, 5, 5], ends, pts)).toBe(1);
  });
  it("the value itself among the peers does not move its rank", () => {
    expect(tierRank(7, [9, 8, 7, 6], ends, pts)).toBe(2);
  });
  it("未办理案件的不得分: value ≤ 0 → 0, even when ranked first", () => {
    expect(tierRank(0, [0, 0], ends, pts)).toBe(0);
  });
  it("past the last band → 0", () => {
    expect(tierRank(1, [5, 5, 5, 5], [3], [2])).toBe(0);
  });
  it("ignores empty peer cells", () => {
    expect(tierRank(5, [9, null, 7, null], ends, pts)).toBe(2);
  });
  it("rejects rank ends out of order", () => {
    expect(messageOf(() => tierRank(5, [], [6, 3], [1, 2]))).toBe(
      "名次档应为从小到大的正整数（如 3, 6, 99），第2个收到 3",
    );
  });
});

describe("proportion", () => {
  it("full when the baseline is met, else pro rata, 0 for no cases", () => {
    expect(proportion(0, 3, 4)).toBe(0);
    expect(proportion(1, 3, 4)).toBe(1.3333);
    expect(proportion(2, 3, 4)).toBe(2.6667);
    expect(proportion(3, 3, 4)).toBe(4);
    expect(proportion(5, 3, 4)).toBe(4);
  });
  it("wants a baseline above 0", () => {
    expect(messageOf(() => proportion(1, 0, 4))).toBe("基准数应大于0，收到 0");
  });
});

describe("step", () => {
  // 附件5 2.1.1: 90% → 1分, each further 1% → 0.2分, at most 2分.
  it("counts whole steps without float noise (0.93 over 0.90 by 0.01 is 3 steps)", () => {
    expect(wholeSteps(0.93, 0.9, 0.01)).toBe(3);
    expect(step(0.93, 0.9, 1, 0.01, 0.2, 2)).toBe(1.6);
  });
  it("only whole steps count", () => {
    expect(step(0.935, 0.9, 1, 0.01, 0.2, 2)).toBe(1.6);
    expect(step(0.9099, 0.9, 1, 0.01, 0.2, 2)).toBe(1);
  });
  it("below the start → 0; at the start → the start points", () => {
    expect(step(0.8999, 0.9, 1, 0.01, 0.2, 2)).toBe(0);
    expect(step(0.9, 0.9, 1, 0.01, 0.2, 2)).toBe(1);
  });
  it("is capped", () => {
    expect(step(0.95, 0.9, 1, 0.01, 0.2, 2)).toBe(2);
    expect(step(1, 0.9, 1, 0.01, 0.2, 2)).toBe(2);
  });
  it("wants a positive step", () => {
    expect(messageOf(() => step(1, 0.9, 1, 0, 0.2, 2))).toBe("步长应大于0，收到 0");
  });
});

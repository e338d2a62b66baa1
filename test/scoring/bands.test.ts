import { bandPoints, checkBandTable, findBand } from "../../src/core/scoring";
import type { Band } from "../../src/core/rules";

// 附件4 row 1: 15%及以上 3分；10%-15% 2分；5%-10% 1分；不足5% 0分.
const row1: Band[] = [
  { from: 0, to: 0.05, points: 0 },
  { from: 0.05, to: 0.1, points: 1 },
  { from: 0.1, to: 0.15, points: 2 },
  { from: 0.15, to: 1, toInclusive: true, points: 3 },
];

describe("band lookup", () => {
  it("a shared edge belongs to the higher band (a-b is [a, b))", () => {
    expect(bandPoints(0.15, row1)).toBe(3);
    expect(bandPoints(0.1, row1)).toBe(2);
    expect(bandPoints(0.05, row1)).toBe(1);
  });
  it("不足 excludes the number", () => {
    expect(bandPoints(0.0499, row1)).toBe(0);
    expect(bandPoints(0.1499, row1)).toBe(2);
  });
  it("an inclusive top end holds the top value", () => {
    expect(bandPoints(1, row1)).toBe(3);
    expect(findBand(1.01, row1)).toBeNull();
  });
  it("binary noise at an edge does not drop a band", () => {
    expect(bandPoints(0.1 + 0.05, row1)).toBe(3);
  });
});

describe("checkBandTable", () => {
  it("accepts a sound table", () => {
    expect(checkBandTable(row1, 0, 1)).toEqual([]);
    expect(checkBandTable([{ from: 0, to: 6, points: 0 }, { from: 6, to: null, points: 1 }], 0, null)).toEqual([]);
  });
  it("finds a gap", () => {
    const gap = [row1[0], row1[2], row1[3]];
    expect(checkBandTable(gap, 0, 1)).toEqual(["分档之间有空档：0.05 至 0.1"]);
  });
  it("finds an overlap", () => {
    const overlap = [row1[0], { from: 0.04, to: 0.1, points: 1 }, row1[2], row1[3]];
    expect(checkBandTable(overlap, 0, 1)[0]).toContain("分档重叠");
    const sharedEdge = [{ from: 0, to: 0.05, toInclusive: true, points: 0 }, row1[1], row1[2], row1[3]];
    expect(checkBandTable(sharedEdge, 0, 1)).toEqual(["分档重叠：0.05 同时属于两个分档"]);
  });
  it("finds a table that does not cover its whole domain", () => {
    expect(checkBandTable(row1.slice(1), 0, 1)[0]).toContain("未覆盖 0 至 0.05");
    expect(checkBandTable(row1.slice(0, 3), 0, 1)).toEqual(["最后一档止于 0.15，未覆盖到 1"]);
    expect(checkBandTable([{ from: 0, to: 1, points: 0 }], 0, 1)).toEqual(["最后一档不含上限 1"]);
    expect(checkBandTable([{ from: 0, to: 5, points: 0 }], 0, null)).toEqual(["最后一档止于 5，更大的值没有分档"]);
  });
});

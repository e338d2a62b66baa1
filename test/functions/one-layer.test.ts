/**
 * One layer for inputs and messages (issue 8 §4, first bullet): one input-error type, one way to
 * show a received value, one full-width folding, one parameter table for the calculators' names and
 * the zh-CN help.
 */
import { findItem, scoreItem } from "../../src/core/rules";
import { CALCULATOR_PARAMS, InputError as CoreInputError, perUnit, showReceived } from "../../src/core/scoring";
import { foldWidth } from "../../src/core/width";
import { foldWidth as milestoneFold } from "../../src/core/milestones/normalize";
import { InputError, toOptionalNumber } from "../../src/functions/coerce";
import { paramName, ZH_CN_HELP } from "../../src/functions/zh-cn";

const messageOf = (call: () => unknown): string => {
  try {
    call();
  } catch (e) {
    if (e instanceof CoreInputError) return e.message;
    throw e;
  }
  throw new Error("expected an InputError");
};

test("the functions' InputError is the core's one type", () => {
  expect(InputError).toBe(CoreInputError);
  const e = (() => {
    try {
      perUnit(-1, 1, 1);
    } catch (error) {
      return error;
    }
  })();
  expect(e).toBeInstanceOf(InputError);
  expect((e as CoreInputError).param).toBe("数量");
});

test("an empty value reads 空值 in every path: core calculators, item scores, function coercion", () => {
  expect(showReceived(null)).toBe("空值");
  expect(showReceived("  ")).toBe("空值");
  expect(messageOf(() => perUnit(null as unknown as number, 1, 1))).toBe("数量应为数字，收到 空值");
  const rank = scoreItem(findItem(42)!, [[[null, null]]]);
  expect(rank).toEqual({ kind: "error", message: "当轮名次应为单个单元格的不小于1的整数名次，收到 一个区域" });
  expect(messageOf(() => toOptionalNumber([[1, 2]], "“数量”"))).toBe("参数“数量”应为单个数值，收到 一个区域");
  expect(messageOf(() => toOptionalNumber(Number.NaN, "“数量”"))).toBe("参数“数量”应为数字，收到 无效的数字");
  expect(showReceived({ errorCode: "#N/A" })).toBe("错误值");
  // The second way of showing values (describeValue, "空") is gone.
  expect((require("../../src/functions/coerce") as Record<string, unknown>).describeValue).toBeUndefined();
});

test("one full-width folding: the milestones, the probes and the cells read １５％ alike", () => {
  expect(milestoneFold).toBe(foldWidth);
  expect(foldWidth("１５％，（３）")).toBe("15%,(3)");
  expect(foldWidth("１５％").length).toBe(3);
  expect(toOptionalNumber("１５％", "x")).toBe(0.15);
  expect(scoreItem(findItem(1)!, ["１５％"])).toEqual({ kind: "points", points: 3 });
  expect(scoreItem(findItem(7)!, ["３"])).toEqual({ kind: "points", points: 0.3 });
});

test("one parameter table: the zh-CN help and the core's messages take the same names", () => {
  expect(ZH_CN_HELP.PERUNIT.params).toBe(CALCULATOR_PARAMS.PERUNIT);
  expect(paramName("STEP", "stepPoints")).toBe(`“${CALCULATOR_PARAMS.STEP.stepPoints.zh}”`);
  expect(paramName("SCORE", "item")).toBe("“评审项目”");
  // A misspelt parameter does not compile (tsc -p tsconfig.json checks this file).
  // @ts-expect-error "valeu" is not a parameter of TIER
  expect(() => paramName("TIER", "valeu")).toThrow();
});

/**
 * Argument coercion without Office: how cells arrive from Excel (null, "", serials, 2-D ranges,
 * repeating parameters, error values) and the Chinese messages for bad ones.
 */
import {
  InputError,
  flattenCells,
  toCellList,
  toItemId,
  toOptionalIsoDate,
  toOptionalNumber,
  toOptionalYear,
  toRawInputs,
  toText,
} from "../../src/functions/coerce";

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("expected an InputError");
}

test("ranges flatten in reading order, rows then columns", () => {
  expect(flattenCells([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
  expect(flattenCells(5)).toEqual([5]);
});

test("numbers: empty is null, numeric text and full-width digits read, percent text is a fraction", () => {
  expect(toOptionalNumber(null, "x")).toBeNull();
  expect(toOptionalNumber("  ", "x")).toBeNull();
  expect(toOptionalNumber([[7]], "x")).toBe(7);
  expect(toOptionalNumber("１５", "x")).toBe(15);
  expect(toOptionalNumber("12%", "x")).toBe(0.12);
  expect(toOptionalNumber("1,200", "x")).toBe(1200);
  expect(messageOf(() => toOptionalNumber(true, "“数量”"))).toBe("参数“数量”应为数字，收到 TRUE");
});

test("a range keeps its empty cells in place so two ranges stay aligned", () => {
  expect(toCellList([[0.9], [null], [""], ["0.7"]], "t")).toEqual([0.9, null, null, 0.7]);
  expect(messageOf(() => toCellList([[1, "高"]], "“分值”"))).toBe("参数“分值”的第 2 个值应为数字，收到 “高”");
});

test("an error value that reaches a function is refused, not read as a number", () => {
  expect(messageOf(() => toOptionalNumber({ errorCode: "#N/A" }, "“数值”"))).toContain("含有错误值");
  expect(messageOf(() => toCellList([[1], [{ code: "#REF!" }]], "“同组数值”"))).toContain("含有错误值");
});

test("dates: Excel serials (time of day ignored), date text, and 0/empty as 'not given'", () => {
  expect(toOptionalIsoDate(45536, "d")).toBe("2024-09-01");
  expect(toOptionalIsoDate(45536.75, "d")).toBe("2024-09-01");
  expect(toOptionalIsoDate("2024/9/1", "d")).toBe("2024-09-01");
  expect(toOptionalIsoDate("２０２４年９月１日", "d")).toBe("2024-09-01");
  expect(toOptionalIsoDate(0, "d")).toBeNull();
  expect(toOptionalIsoDate("", "d")).toBeNull();
  expect(toOptionalIsoDate(null, "d")).toBeNull();
  expect(messageOf(() => toOptionalIsoDate("2024-02-30", "“参照日期”"))).toContain("“参照日期”应为日期");
  expect(messageOf(() => toOptionalIsoDate(-3, "“参照日期”"))).toContain("应为 Excel 日期");
});

test("years are four digits; 0 and empty mean 'not given'", () => {
  expect(toOptionalYear(2024, "y")).toBe(2024);
  expect(toOptionalYear("2024", "y")).toBe(2024);
  expect(toOptionalYear(0, "y")).toBeNull();
  expect(toOptionalYear(null, "y")).toBeNull();
  expect(messageOf(() => toOptionalYear(2024.5, "“年份”"))).toBe("参数“年份”应为整数，收到 2024.5");
});

test("text: numbers read as written, a range joins its non-empty cells", () => {
  expect(toText(null, "t")).toBe("");
  expect(toText(1, "t")).toBe("1");
  expect(toText([["1"], [null], ["4a"]], "done", ",")).toBe("1,4a");
});

test("a repeating parameter: single cells become values, larger ranges stay ranges, empties are null", () => {
  expect(toRawInputs([[[0.15]], [[""]], [[1], [2]]], "“输入”")).toEqual([0.15, null, [[1], [2]]]);
  expect(toRawInputs(null, "“输入”")).toEqual([]);
});

test("item ids: numbers, trimmed text, full-width digits; empty is refused", () => {
  expect(toItemId(5, "item")).toBe(5);
  expect(toItemId(" 攻坚５ ", "item")).toBe("攻坚5");
  expect(messageOf(() => toItemId("", "“评审项目”"))).toBe("参数“评审项目”不能为空，请填写评审项目的序号");
});

test("a value Excel should never send is described in words, not as NaN or [object Object]", () => {
  expect(messageOf(() => toOptionalNumber({ kind: "entity" }, "“数量”"))).toBe("参数“数量”应为数字，收到 无法识别的值");
  expect(messageOf(() => toOptionalNumber(Number.NaN, "“数量”"))).toBe("参数“数量”应为数字，收到 无效的数字");
  expect(messageOf(() => toItemId(Number.POSITIVE_INFINITY, "“评审项目”"))).toBe(
    "参数“评审项目”应为评审项目的序号，收到 无效的数字",
  );
});

/**
 * Issue 9 §2–§3 in the custom functions: WORKDAY and NETWORKDAYS with China's holidays and 调休,
 * an empty 市级辅助成果 cell answering "" / 0, and the new phrasings read as the scan reads them.
 */
import { excelError } from "../support/custom-functions-mock";
import {
  milestonesFunction,
  networkdaysFunction,
  nextDueFunction,
  overdueFunction,
  statusFunction,
  workdayFunction,
} from "../../src/functions/functions";
import { excelSerialFromIso, isoFromExcelSerial } from "../../src/core/dates";

const serial = (iso: string) => excelSerialFromIso(iso);

describe("DALIANBING.WORKDAY", () => {
  test("skips 国庆 1–7 October 2024 and counts the make-up days 29 September and 12 October", () => {
    // Friday 27 September + 1 working day is Sunday 29 September (调休上班).
    expect(isoFromExcelSerial(workdayFunction(serial("2024-09-27"), 1))).toBe("2024-09-29");
    expect(isoFromExcelSerial(workdayFunction(serial("2024-09-27"), 2))).toBe("2024-09-30");
    expect(isoFromExcelSerial(workdayFunction(serial("2024-09-27"), 3))).toBe("2024-10-08");
    // 11 October (Friday) + 1 is Saturday 12 October, a make-up working day.
    expect(isoFromExcelSerial(workdayFunction(serial("2024-10-11"), 1))).toBe("2024-10-12");
    expect(isoFromExcelSerial(workdayFunction(serial("2024-09-27"), 15))).toBe("2024-10-23");
  });

  test("negative days count backwards; 0 is the start; text dates are read", () => {
    expect(isoFromExcelSerial(workdayFunction(serial("2024-10-08"), -1))).toBe("2024-09-30");
    expect(isoFromExcelSerial(workdayFunction("2024-09-27", 0))).toBe("2024-09-27");
  });

  test("a year outside the holiday data answers #VALUE! saying which years are known", () => {
    const error = excelError(() => workdayFunction("2099-03-01", 5));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("没有2099年的法定节假日和调休数据");
    expect(error.message).toMatch(/已知年份为\d{4}–\d{4}年/);
  });

  test("a missing start or a non-integer count names the parameter", () => {
    expect(excelError(() => workdayFunction(null, 5)).message).toContain("“开始日期”");
    expect(excelError(() => workdayFunction("2024-09-27", 1.5)).message).toContain("“天数”");
    expect(excelError(() => workdayFunction("下周", 1)).message).toContain("“开始日期”");
  });
});

describe("DALIANBING.NETWORKDAYS", () => {
  test("counts both ends, with holidays and 调休", () => {
    // 27 Sep – 12 Oct 2024: 27, 29, 30 Sep and 8–12 Oct (12 Oct a make-up Saturday) = 8.
    expect(networkdaysFunction(serial("2024-09-27"), serial("2024-10-12"))).toBe(8);
    expect(networkdaysFunction("2024-10-01", "2024-10-07")).toBe(0);
    expect(networkdaysFunction("2024-09-29", "2024-09-29")).toBe(1);
    expect(networkdaysFunction(serial("2024-10-12"), serial("2024-09-27"))).toBe(-8);
  });

  test("outside the holiday data: #VALUE! with the known years", () => {
    const error = excelError(() => networkdaysFunction("2099-01-01", "2099-01-10"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("已知年份为");
  });

  test("a missing end names the parameter", () => {
    expect(excelError(() => networkdaysFunction("2024-09-27", null)).message).toContain("“结束日期”");
  });
});

describe("milestone functions on an empty cell and on the new phrasings", () => {
  const asOf = serial("2024-10-08");

  test("an empty 市级辅助成果 cell: STATUS answers \"\" and OVERDUE 0, not 无固定期限", () => {
    expect(statusFunction(null, asOf, null, 2024)).toBe("");
    expect(statusFunction("  ", asOf, null, 2024)).toBe("");
    expect(overdueFunction(null, asOf, null, 2024)).toBe(0);
  });

  test("国庆节前, 年内, 9.30前 can turn red", () => {
    expect(statusFunction("国庆节前完成自查", asOf, null, 2024)).toBe("已逾期");
    expect(overdueFunction("1.国庆节前完成自查; 2.9.30前完成整改; 3.年内完成总结", asOf, null, 2024)).toBe(2);
    expect(isoFromExcelSerial(nextDueFunction("1.国庆节前完成自查; 2.9.30前完成整改; 3.年内完成总结", asOf, null, 2024))).toBe("2024-12-31");
  });

  test("全部 / 第1项 in 已完成节点", () => {
    expect(statusFunction("1.国庆节前完成自查; 2.9.30前完成整改", asOf, "全部", 2024)).toBe("已完成");
    expect(overdueFunction("1.国庆节前完成自查; 2.9.30前完成整改", asOf, "第1项", 2024)).toBe(1);
  });

  test("MILESTONES lists 次年 and 春节前 with their dates", () => {
    const rows = milestonesFunction("1.次年3月底前完成复查; 2.春节前完成慰问", 2024);
    expect(rows.map((r) => [r[0], isoFromExcelSerial(r[1] as number), r[2]])).toEqual([
      ["1", "2025-03-31", "定期"],
      ["2", "2024-02-09", "定期"],
    ]);
  });

  test("a custom function on 200,000 spaces answers fast (issue 9 §5)", () => {
    const start = Date.now();
    expect(statusFunction("1" + " ".repeat(200_000) + "9月30日前", asOf, null, 2024)).toBe("已逾期");
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

import { addWorkingDays } from "../../src/core/milestones";

// 2024 National Day (国办发明电〔2023〕7号): 10-01..10-07 off; Sunday 09-29 and Saturday 10-12 are
// make-up working days; Saturday 09-28 is an ordinary weekend day.
describe("addWorkingDays across 2024 National Day", () => {
  test.each([
    ["2024-09-27", 1, "2024-09-29"],
    ["2024-09-27", 2, "2024-09-30"],
    ["2024-09-27", 3, "2024-10-08"],
    ["2024-09-30", 1, "2024-10-08"],
    ["2024-09-30", 5, "2024-10-12"],
    ["2024-09-30", 6, "2024-10-14"],
    ["2024-10-01", 1, "2024-10-08"],
    ["2024-10-08", -1, "2024-09-30"],
    ["2024-10-08", -3, "2024-09-27"],
    ["2024-10-08", 0, "2024-10-08"],
  ])("%s + %i working days = %s", (start, days, expected) => {
    expect(addWorkingDays(start, days)).toEqual({ ok: true, date: expected });
  });

  test("an ordinary week is Monday to Friday", () => {
    // Mon 2024-06-17 + 5 -> Mon 2024-06-24.
    expect(addWorkingDays("2024-06-17", 5)).toEqual({ ok: true, date: "2024-06-24" });
  });

  test("a one-day holiday on a Monday is skipped (端午节 2024-06-10, no make-up day)", () => {
    expect(addWorkingDays("2024-06-03", 5)).toEqual({ ok: true, date: "2024-06-11" });
  });
});

describe("years without holiday data are reported, never assumed Mon–Fri", () => {
  test("a start in a year past the data", () => {
    expect(addWorkingDays("2030-03-01", 5)).toEqual({ ok: false, message: expect.stringMatching(/没有2030年的法定节假日/) });
  });
  test("a count that runs from a covered year into an uncovered one", () => {
    expect(addWorkingDays("2026-12-28", 10)).toEqual({ ok: false, message: expect.stringMatching(/2027年/) });
  });
  test("a year before the data", () => {
    expect(addWorkingDays("2003-06-02", 1)).toEqual({ ok: false, message: expect.stringMatching(/没有2003年的法定节假日/) });
  });
});

describe("bad input gets a Chinese message", () => {
  test("a start that is not a date", () => {
    expect(addWorkingDays("2024-02-30", 1)).toEqual({ ok: false, message: expect.stringContaining("开始日期") });
  });
  test("a fractional count", () => {
    expect(addWorkingDays("2024-06-03", 1.5)).toEqual({ ok: false, message: expect.stringContaining("工作日天数") });
  });
});

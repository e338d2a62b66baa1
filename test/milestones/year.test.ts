import { yearFromTitle } from "../../src/core/milestones";

describe("yearFromTitle", () => {
  test("the year in a table title", () => {
    expect(yearFromTitle("盘锦市2024年大练兵表现突出集体攻坚任务责任分解表")).toBe(2024);
    expect(yearFromTitle("盘锦市２０２５年执法大练兵基准任务")).toBe(2025);
  });
  test("no 4-digit year 2000–2099 followed by 年 gives null", () => {
    expect(yearFromTitle("攻坚任务责任分解表")).toBeNull();
    expect(yearFromTitle("第1999年")).toBeNull();
    expect(yearFromTitle("2024版责任分解表")).toBeNull();
    expect(yearFromTitle("")).toBeNull();
    expect(yearFromTitle("120245年")).toBeNull();
  });
});

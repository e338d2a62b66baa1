/**
 * RangeAreas.address as Excel writes it (ExcelApi 1.9: "Sheet1!A1:B4, Sheet1!D1:D4"): every area
 * carries its sheet name, quoted when Excel quotes it. The parser must read every form Excel may give.
 */
import { parseMergedAddresses, splitAddressList } from "../../src/excel/addresses";

const E22_E25 = { top: 21, left: 4, bottom: 24, right: 4 };
const A1_H1 = { top: 0, left: 0, bottom: 0, right: 7 };

test("the documented form, with a space after each comma", () => {
  expect(parseMergedAddresses("攻坚任务!A1:H1, 攻坚任务!E22:E25")).toEqual([A1_H1, E22_E25]);
});

test("a Chinese sheet name quoted or not, with or without $ and spaces, reads the same", () => {
  for (const text of ["'攻坚任务'!A1:H1,'攻坚任务'!E22:E25", "攻坚任务!$A$1:$H$1,攻坚任务!$E$22:$E$25", "'攻坚任务'!$A$1:$H$1, '攻坚任务'!E22:E25"]) {
    expect(parseMergedAddresses(text)).toEqual([A1_H1, E22_E25]);
  }
});

test("commas, exclamation marks and doubled quotes inside a quoted sheet name do not split the list", () => {
  const name = "'2024年,攻坚!任务(张三''s)'";
  expect(splitAddressList(`${name}!A1:H1, ${name}!E22:E25`)).toEqual([`${name}!A1:H1`, `${name}!E22:E25`]);
  expect(parseMergedAddresses(`${name}!A1:H1, ${name}!E22:E25`)).toEqual([A1_H1, E22_E25]);
});

test("no merged areas, whole rows or columns and single cells give no merged area of a table", () => {
  expect(parseMergedAddresses(null)).toEqual([]);
  expect(parseMergedAddresses("")).toEqual([]);
  expect(parseMergedAddresses("表!3:4, 表!C:D, 表!B2, 表!B2:C2")).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
});

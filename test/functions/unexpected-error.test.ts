/**
 * A failure that is not an input error (a bug in the core) still reaches the cell as #VALUE! with a
 * Chinese message; the original English text is kept in brackets for the maintainers.
 */
import { excelError } from "../support/custom-functions-mock";

jest.mock("../../src/core/rules", () => ({
  ...jest.requireActual("../../src/core/rules"),
  scoreItem: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'points')");
  },
}));

import { scoreFunction } from "../../src/functions/functions";

test("an unexpected English exception gets a Chinese lead-in", () => {
  expect(excelError(() => scoreFunction(5, [[[0.5]]]))).toEqual({
    code: "#VALUE!",
    message: "计算出错，请检查输入或联系维护人员（Cannot read properties of undefined (reading 'points')）",
  });
});

/** A bug inside the CLI ends in a Chinese line that asks for a report, exit 70, never "undefined". */
import { main, type Io } from "../../src/cli/main";

let mockThrown: unknown;
jest.mock("../../src/core/rules", () => ({
  ...jest.requireActual("../../src/core/rules"),
  formatRulesCatalog: () => {
    throw mockThrown;
  },
}));

function run(): { code: Promise<number>; err: () => string } {
  const err: string[] = [];
  const io: Io = { stdout: () => undefined, stderr: (t) => err.push(t), isTty: false, now: new Date(2024, 8, 1) };
  return { code: main(["rules"], io), err: () => err.join("") };
}

test.each([
  ["an Error", new TypeError("Cannot read properties of undefined"), "Cannot read properties of undefined"],
  ["a mockThrown object", { reason: 1 }, "未知错误"],
  ["undefined", undefined, "未知错误"],
])("%s", async (_name, error, shown) => {
  mockThrown = error;
  const r = run();
  expect(await r.code).toBe(70);
  expect(r.err()).toBe(`内部错误：${shown}\n请把这条信息和所用文件反馈给维护人员。\n`);
});

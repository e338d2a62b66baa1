/** @jest-environment jsdom */
/**
 * When the pane cannot start, the person sees a Chinese sentence saying so and what to do, with the
 * cause in words (never "undefined" or "[object Object]").
 */
import "./setup";

let mockFailure: unknown;
jest.mock("react-dom/client", () => ({
  createRoot: () => {
    throw mockFailure;
  },
}));

function startPane(): HTMLElement {
  document.body.innerHTML = "";
  (globalThis as unknown as { Office: unknown }).Office = { onReady: (ready: () => void) => Promise.resolve(ready()) };
  jest.isolateModules(() => {
    require("../../src/taskpane/index");
  });
  return document.getElementById("container")!;
}

test("a failing start names the cause after a Chinese lead-in", () => {
  mockFailure = new Error("Office.js 版本过旧");
  const container = startPane();
  expect(container).toHaveAttribute("role", "alert");
  expect(container.textContent).toBe("大练兵助手无法启动：Office.js 版本过旧。请关闭任务窗格后重新打开；如仍不行，请联系管理员。");
});

test("a failure without a message reads 未知错误", () => {
  mockFailure = { code: 5 };
  expect(startPane().textContent).toBe("大练兵助手无法启动：未知错误。请关闭任务窗格后重新打开；如仍不行，请联系管理员。");
});

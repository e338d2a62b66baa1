/**
 * errorText quotes Excel's own message inside a Chinese sentence ("无法读取工作表“X”：…", shown in the
 * pane's problem list); what it quotes must be readable, never "undefined" or "[object Object]".
 */
import { errorText } from "../../src/excel/host";

test("quotes the message of an Office error or a plain string", () => {
  expect(errorText({ code: "GeneralException", message: "发生内部错误。" })).toBe("发生内部错误。");
  expect(errorText(new Error("The requested resource doesn't exist."))).toBe("The requested resource doesn't exist.");
  expect(errorText("ItemNotFound")).toBe("ItemNotFound");
});

test("an error without a message reads 未知错误", () => {
  expect(errorText(undefined)).toBe("未知错误");
  expect(errorText(null)).toBe("未知错误");
  expect(errorText({ code: "GeneralException" })).toBe("未知错误");
  expect(errorText({ message: undefined })).toBe("未知错误");
  expect(errorText(new Error(""))).toBe("未知错误");
});

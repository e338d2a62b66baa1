/** @jest-environment jsdom */
/**
 * The web page's extension point (src/web/extensions.ts): an entry of WEB_TOOLS becomes a button next
 * to the downloads, gets the open workbook and the newest scan, and its file is offered as a download.
 * Here with a stand-in entry; 下载周报 and 评分表 are wired the same way once merged.
 */
import "../taskpane/setup";
import "./setup";
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WebToolContext } from "../../src/web/extensions";
import { buildMessyWorkbook, MESSY_SHEET } from "./messy-workbook";

const seen: WebToolContext[] = [];

jest.mock("../../src/web/extensions", () => ({
  WEB_TOOLS: [
    {
      label: "下载试用报告",
      hint: "测试用",
      run: async (context: WebToolContext) => {
        seen.push(context);
        return { message: `已生成（${context.scan.counts.overdue} 项逾期）`, download: { bytes: new Uint8Array([1, 2, 3]), fileName: "报告.docx", type: "application/test" } };
      },
    },
  ],
}));

// Imported after the mock so that the page sees the stand-in entry.
import { WebApp } from "../../src/web/WebApp";

jest.setTimeout(30_000);

test("a WEB_TOOLS entry is a button that receives the workbook and the scan, and downloads its file", async () => {
  const names: string[] = [];
  Object.defineProperty(URL, "createObjectURL", { configurable: true, value: () => "blob:test" });
  Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: () => undefined });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByLabelText("选择工作簿"), { target: { files: [new File([(await buildMessyWorkbook()) as BlobPart], "第二批.xlsx")] } });
  await screen.findByRole("list", { name: "节点状态统计" }, { timeout: 10_000 });
  await userEvent.setup().click(screen.getByRole("button", { name: "下载试用报告" }));
  await screen.findByText(/^已生成（\d+ 项逾期）$/);
  expect(names).toEqual(["报告.docx"]);
  expect(seen).toHaveLength(1);
  expect(seen[0].fileName).toBe("第二批.xlsx");
  expect(seen[0].workbook.getWorksheet(MESSY_SHEET)).toBeDefined();
  expect(seen[0].scan.tables.map((t) => t.sheet)).toEqual([MESSY_SHEET]);
});

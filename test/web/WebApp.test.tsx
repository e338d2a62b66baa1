/** @jest-environment jsdom */
/**
 * The web page's own behaviour around the pane (issue 11): choosing a file, the downloads, 标记完成
 * kept until a download, and refusing what is not an .xlsx. The real browser run is test/e2e/web.js.
 */
import "../taskpane/setup";
import "./setup";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { WebApp } from "../../src/web/WebApp";
import { buildMessyWorkbook, MESSY_SHEET } from "./messy-workbook";

jest.setTimeout(30_000);

let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  downloads = [];
  let lastBlob: Blob | null = null;
  Object.defineProperty(URL, "createObjectURL", { configurable: true, value: (b: Blob) => ((lastBlob = b), "blob:test") });
  Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: () => undefined });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob as Blob });
  });
});
afterEach(() => jest.restoreAllMocks());

async function xlsxFile(name: string): Promise<File> {
  return new File([(await buildMessyWorkbook()) as BlobPart], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** What the browser does when a file is picked in 选择工作簿. */
function choose(file: File): void {
  fireEvent.change(screen.getByLabelText("选择工作簿"), { target: { files: [file] } });
}

async function openPage(name = "第二批.xlsx") {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>,
  );
  choose(await xlsxFile(name));
  await screen.findByRole("list", { name: "节点状态统计" }, { timeout: 10_000 });
  await user.clear(screen.getByLabelText("截至日期"));
  await user.type(screen.getByLabelText("截至日期"), "2024-09-25");
  await user.click(screen.getByRole("button", { name: "扫描" }));
  await screen.findByText(/截至 2024年9月25日/);
  return user;
}

async function downloaded(index: number): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await downloads[index].blob.arrayBuffer()) as ArrayBuffer);
  return wb;
}

test("a picked workbook is scanned with the pane's controls, without the add-in's Excel-only buttons", async () => {
  await openPage();
  const tiles = screen.getByRole("list", { name: "节点状态统计" });
  expect(within(tiles).getByLabelText("已逾期 3 个")).toBeInTheDocument();
  expect(within(tiles).getByLabelText("临期 1 个")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "下载标注副本" })).toBeEnabled();
  expect(screen.getByRole("button", { name: "下载清除标注副本" })).toBeEnabled();
  for (const name of ["就地标注", "清除标注", "插入公式列", "插入评分表"]) expect(screen.queryByRole("button", { name })).toBeNull();
  // No Excel selection on a file: the milestone is text, not a "go to cell" button.
  expect(screen.queryAllByRole("button", { name: /按回车定位到该单元格/ })).toHaveLength(0);
  expect(screen.getByTestId("file-name")).toHaveTextContent("第二批.xlsx");
});

test("下载标注副本 offers the flagged copy under a recognisable name and says so", async () => {
  const user = await openPage();
  await user.click(screen.getByRole("button", { name: "下载标注副本" }));
  await screen.findByText(/已下载“第二批-已标注.xlsx”（截至2024年9月25日）：副本中 2 个单元格已标注/);
  expect(downloads.map((d) => d.name)).toEqual(["第二批-已标注.xlsx"]);
  const ws = (await downloaded(0)).getWorksheet(MESSY_SHEET)!;
  expect(ws.getCell("F4").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
  expect(ws.getCell("F9").fill).toBeUndefined();
});

test("标记完成 waits for a download; opening another workbook first asks, and keeps the marks when refused", async () => {
  const user = await openPage();
  await user.click(screen.getByRole("button", { name: "标记完成：序号5·节点1a" }));
  await screen.findByText(/已标记完成 1 项，尚未保存/);
  const confirm = jest.spyOn(window, "confirm").mockReturnValue(false);
  choose(await xlsxFile("另一个.xlsx"));
  expect(confirm).toHaveBeenCalledWith(expect.stringContaining("“第二批.xlsx”中已标记完成 1 项，尚未下载副本"));
  expect(screen.getByTestId("file-name")).toHaveTextContent("第二批.xlsx");
  await user.click(screen.getByRole("button", { name: "下载清除标注副本" }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0].name).toBe("第二批-已清除标注.xlsx");
  const ws = (await downloaded(0)).getWorksheet(MESSY_SHEET)!;
  expect(ws.getCell("L3").value).toBe("已完成节点");
  expect(ws.getCell("L10").value).toBe("1a");
  expect(screen.getByText(/已下载“第二批-已清除标注.xlsx”/)).toHaveTextContent("副本中含本页标记完成的 1 项");
  expect(ws.getCell("K4").value).toBe("8月已催");
  expect(screen.queryByText(/尚未保存/)).toBeNull();
});

test("a file that is not an .xlsx is refused by name; the open workbook stays", async () => {
  await openPage();
  choose(new File(["姓名,电话\n张三,123"], "通讯录.xlsx"));
  expect(await screen.findByText(/不是 Excel 工作簿（.xlsx）：通讯录.xlsx/)).toHaveTextContent("下方仍是之前打开的“第二批.xlsx”");
  expect(screen.getByTestId("file-name")).toHaveTextContent("第二批.xlsx");
  expect(screen.getByRole("list", { name: "节点状态统计" })).toBeInTheDocument();
});

test("a workbook with a chart and a pivot table is warned about before anything is downloaded", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await buildMessyWorkbook());
  zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
  zip.file("xl/charts/chart2.xml", "<c:chartSpace/>");
  zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>,
  );
  // Before a file: the general list of what a copy cannot keep.
  expect(screen.getByTestId("lost-on-save")).toHaveTextContent("不含图表、图表工作表、数据透视表、切片器、嵌入的对象、表单控件、外部链接");
  choose(new File([(await zip.generateAsync({ type: "uint8array" })) as BlobPart], "带图表.xlsx"));
  await screen.findByRole("list", { name: "节点状态统计" }, { timeout: 10_000 });
  expect(screen.getByTestId("lost-on-save")).toHaveTextContent("“带图表.xlsx”中有图表（2个）、数据透视表（1个），网页版下载的副本中没有这些内容");
});

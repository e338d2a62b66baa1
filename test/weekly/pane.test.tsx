/** @jest-environment jsdom */
/**
 * 生成周报 in the pane: the button builds the Word 周报 of the current scan and offers it for download
 * (an object URL clicked through <a download>), keeps an 打开周报 link, and still delivers the document
 * when the browser cannot draw the chart.
 */
import "../taskpane/setup";
import { TextDecoder, TextEncoder } from "util";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { chartPng } from "../../src/cli/chart-png";
import { WeeklyReportButton } from "../../src/taskpane/components/WeeklyReportButton";
import { fakeAdapter, makeScan, renderPane } from "../taskpane/fixtures";
import { decodePng, readDocx } from "./support";

interface Download {
  fileName: string;
  href: string;
  blob: Blob;
}

// Every browser has these; jsdom does not (the docx package encodes its XML with them).
Object.assign(globalThis, { TextEncoder, TextDecoder });

let downloads: Download[];
let blobs: Map<string, Blob>;

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  let n = 0;
  // jsdom has no object URLs and does not navigate on click: record both.
  URL.createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:pane/${++n}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn();
  // jsdom has no canvas (echarts then estimates text widths itself, as in Node); say so instead of logging.
  jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, href: this.getAttribute("href") ?? "", blob: blobs.get(this.getAttribute("href") ?? "")! });
  });
});

afterEach(() => jest.restoreAllMocks());

test("the button downloads the 周报 as a .docx with the scan's counts and the chart", async () => {
  const show = jest.fn();
  const scan = makeScan();
  render(
    <FluentProvider theme={webLightTheme}>
      <WeeklyReportButton scan={scan} busy={false} show={show} renderChart={async (o, w, h) => chartPng(o, w, h)} />
    </FluentProvider>,
  );
  await userEvent.setup().click(screen.getByRole("button", { name: "生成周报" }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  const [d] = downloads;
  expect(d.fileName).toBe("大练兵周报_2024-09-01.docx");
  expect(d.blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const doc = await readDocx(await blobBytes(d.blob));
  expect(doc.paragraphs[0]).toBe("盘锦市2024年大练兵工作推进情况\n（截至2024年9月1日）");
  expect(doc.all).toContain(`已逾期${scan.counts.overdue}个、临期${scan.counts["due-soon"]}个`);
  expect(doc.tableHeadings).toContain("（一）执法监督科：已逾期2个，临期1个");
  expect(doc.all).toContain("王明同志：截至2024年9月1日");
  const [image] = [...doc.media.values()];
  expect(decodePng(image).width).toBe(1200);

  await waitFor(() => expect(show).toHaveBeenCalledWith("report", "success", expect.stringContaining("已生成周报“大练兵周报_2024-09-01.docx”")));
  const link = await screen.findByRole("link", { name: "打开周报（大练兵周报_2024-09-01.docx）" });
  expect(link).toHaveAttribute("href", d.href);
  expect(link).toHaveAttribute("download", "大练兵周报_2024-09-01.docx");
});

test("in the pane, a browser that cannot draw the chart still gets the 周报, with a warning that says so", async () => {
  // jsdom loads no images and has no canvas: let the <img> "load", and the canvas refuse, as a locked-down webview would.
  class LoadingImage {
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(_: string) {
      setTimeout(() => this.onload?.(), 0);
    }
  }
  const originalImage = window.Image;
  (window as unknown as { Image: unknown }).Image = LoadingImage;
  try {
    renderPane(fakeAdapter());
    await userEvent.setup().click(await screen.findByRole("button", { name: "生成周报" }));
    expect(await screen.findByText(/按月统计图未能生成（浏览器不支持画布（canvas））/)).toBeInTheDocument();
    expect(screen.getByText(/若没有出现保存提示（部分桌面版 Excel 不允许插件下载文件），请点击下方“打开周报”/)).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    const doc = await readDocx(await blobBytes(downloads[0].blob));
    expect(doc.media.size).toBe(0);
    expect(doc.all).toContain("（按月统计图未能生成，数字见上表。）");
  } finally {
    (window as unknown as { Image: unknown }).Image = originalImage;
  }
});

test("without a scan the button is disabled", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <WeeklyReportButton scan={null} busy={false} show={jest.fn()} />
    </FluentProvider>,
  );
  expect(screen.getByRole("button", { name: "生成周报" })).toBeDisabled();
});

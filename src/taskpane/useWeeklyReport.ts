/**
 * 生成周报 in the pane: the same model and the same Word builder as `dalianbing report`, run in the
 * browser; the document is offered for download, nothing is written into the workbook.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { EChartsOption } from "echarts";
import type { ScanResult } from "../core/scan/types";
import { weeklyReport } from "../core/weekly";
import { offerDownload, type OfferedFile } from "./download";
import type { NoticeState } from "./useNotices";

export type ChartRenderer = (option: EChartsOption, width: number, height: number) => Promise<Uint8Array>;

/**
 * echarts and docx are loaded on the first click, in a chunk of their own: the pane (which shares its
 * page with the custom functions) starts without them.
 */
async function reportModules() {
  const [chart, docx, png] = await Promise.all([import("../report/weekly-chart"), import("../report/weekly-docx"), import("./chartPng")]);
  return { ...chart, ...docx, ...png };
}

export interface WeeklyReportState {
  busy: boolean;
  /** The last document built, kept for the 打开周报 link. */
  file: OfferedFile | null;
  generate: () => void;
}

export function weeklyFileName(asOf: string): string {
  return `大练兵周报_${asOf}.docx`;
}

export function useWeeklyReport(
  scan: ScanResult | null,
  show: NoticeState["show"],
  renderChart?: ChartRenderer,
): WeeklyReportState {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<OfferedFile | null>(null);
  const last = useRef<OfferedFile | null>(null);

  // An object URL holds the document in memory until revoked.
  useEffect(() => () => (last.current ? URL.revokeObjectURL(last.current.url) : undefined), []);

  const generate = useCallback(() => {
    if (!scan || busy) return;
    setBusy(true);
    void (async () => {
      try {
        const report = weeklyReport(scan);
        const { CHART_HEIGHT, CHART_WIDTH, weeklyChartOption, weeklyDocx, chartPngInBrowser } = await reportModules();
        const render = renderChart ?? chartPngInBrowser;
        let png: Uint8Array | null = null;
        let chartNote = "";
        if (report.months.length > 0) {
          try {
            png = await render(weeklyChartOption(report), CHART_WIDTH, CHART_HEIGHT);
          } catch (e) {
            chartNote = `按月统计图未能生成（${e instanceof Error ? e.message : String(e)}），周报中没有该图，其余内容完整。`;
          }
        }
        const bytes = await weeklyDocx(report, png);
        const offered = offerDownload(bytes, weeklyFileName(scan.asOf));
        if (last.current) URL.revokeObjectURL(last.current.url);
        last.current = offered;
        setFile(offered);
        const text =
          `已生成周报“${offered.fileName}”（截至${report.asOfText}：已逾期${report.counts.overdue}个，临期${report.counts["due-soon"]}个）。` +
          "若没有出现保存提示（部分桌面版 Excel 不允许插件下载文件），请点击下方“打开周报”，或在电脑上运行 npx dalianbing report 生成同一份周报。" +
          chartNote;
        show("report", chartNote ? "warning" : "success", text);
      } catch (e) {
        // Not an Excel error: building the document happens in the pane alone.
        const why = e instanceof Error && e.message.trim() ? e.message.trim() : "未知错误";
        show("report", "error", `生成周报失败：${why}。请重试；仍不行时可在电脑上运行 npx dalianbing report。`);
      } finally {
        setBusy(false);
      }
    })();
  }, [busy, renderChart, scan, show]);

  return { busy, file, generate };
}

/**
 * The 周报's chart as a plain echarts option: milestones due per month of the campaign, stacked by
 * status, with a line at the as-of month. Pure data, so Node (chart-png.ts) and the browser
 * (taskpane/chartPng.ts) render the very same picture.
 */
import type { EChartsOption } from "echarts";
import { isoParts, lastDayOfMonth } from "../core/dates";
import { MONTH_SERIES } from "../core/weekly";
import type { WeeklyReport } from "../core/weekly/types";

/** Picture size in pixels; the docx shows it at 16 cm wide, so this prints sharp at about 190 dpi. */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 600;

/** A font every renderer finds: the office's 黑体 first, then the Linux and macOS equivalents. */
export const CHART_FONT = "SimHei, 'Microsoft YaHei', 'WenQuanYi Zen Hei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

/** The plot area inside the picture, in pixels (the today line is placed by it). */
const GRID = { left: 80, right: 40, top: 120, bottom: 100 };

/**
 * x of the as-of day: a category axis puts lines only at a month's middle (over its bar, hiding the
 * bar's numbers), so the line is drawn in pixels at the day's place within its month.
 */
function todayX(report: WeeklyReport, width: number): number | null {
  if (report.todayMonth === null) return null;
  const { year, month, day } = isoParts(report.asOf);
  const slot = (width - GRID.left - GRID.right) / report.months.length;
  return Math.round(GRID.left + slot * (report.todayMonth + (day - 0.5) / lastDayOfMonth(year, month)));
}

export function weeklyChartOption(report: WeeklyReport, width = CHART_WIDTH, height = CHART_HEIGHT): EChartsOption {
  const labels = report.months.map((m) => m.label);
  const today = todayX(report, width);
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT, fontSize: 22 },
    title: {
      text: `${report.year}年大练兵节点按月分布`,
      subtext: `按到期月份统计，共${report.months.reduce((n, m) => n + m.done + m.overdue + m.pending, 0)}个有明确期限的节点`,
      left: "center",
      textStyle: { fontFamily: CHART_FONT, fontSize: 30, fontWeight: "bold", color: "#222" },
      subtextStyle: { fontFamily: CHART_FONT, fontSize: 20, color: "#555" },
    },
    legend: {
      bottom: 10,
      itemWidth: 28,
      itemHeight: 18,
      textStyle: { fontFamily: CHART_FONT, fontSize: 22, color: "#222" },
      data: MONTH_SERIES.map((s) => s.name),
    },
    grid: GRID,
    xAxis: {
      type: "category",
      data: labels,
      axisLabel: { fontFamily: CHART_FONT, fontSize: 22, color: "#222" },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: "value",
      name: "节点数",
      minInterval: 1,
      nameTextStyle: { fontFamily: CHART_FONT, fontSize: 20, color: "#444" },
      axisLabel: { fontFamily: CHART_FONT, fontSize: 20, color: "#444" },
    },
    series: MONTH_SERIES.map((s, i) => ({
      type: "bar" as const,
      name: s.name,
      stack: "节点",
      barMaxWidth: 70,
      itemStyle: { color: s.color },
      label: {
        show: true,
        fontFamily: CHART_FONT,
        fontSize: 18,
        color: s.key === "pending" ? "#1a1a1a" : "#ffffff",
        // A zero segment gets no label.
        formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ""),
      },
      data: report.months.map((m) => m[s.key]),
      // The today line rides on the first series; markLine needs a series to belong to.
      ...(i === 0 && today !== null
        ? {
            markLine: {
              symbol: "none",
              silent: true,
              lineStyle: { color: "#E67E22", width: 3, type: "dashed" as const },
              label: {
                formatter: `今天 ${report.asOfText.replace(/^\d+年/, "")}`,
                position: "end" as const,
                fontFamily: CHART_FONT,
                fontSize: 20,
                color: "#E67E22",
              },
              data: [
                [
                  { x: today, y: height - GRID.bottom },
                  { x: today, y: GRID.top - 10 },
                ],
              ],
            },
          }
        : {}),
    })),
  };
}

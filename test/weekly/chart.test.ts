/**
 * The 周报 chart: the echarts option rendered in Node (echarts SVG → resvg PNG) is a real PNG of the
 * requested size, with the status colours in it and the today line over the as-of month.
 */
import { chartPng } from "../../src/cli/chart-png";
import { scanWorkbook } from "../../src/core/scan";
import { MONTH_SERIES, weeklyReport } from "../../src/core/weekly";
import { weeklyChartOption } from "../../src/report/weekly-chart";
import { chartSvg } from "../../src/taskpane/chartPng";
import { countColour, decodePng } from "./support";

const HEADER = ["序号", "评审项目", "牵头部门", "市级辅助成果", "盯办人", "责任人", "分管领导", "已完成节点"];
const scan = scanWorkbook(
  [
    {
      name: "攻坚任务",
      merges: [],
      values: [
        ["盘锦市2024年大练兵表现突出集体攻坚任务责任分解表"],
        HEADER,
        [1, "机构规范化建设", "综合办公室", "1.5月底前,出台方案; 2.6月底前,完成培训; 3.10月15日前,上报", "白聖豪", "崔志宇", "曾增", "2"],
        [2, "执法培训", "政策法规科", "1.7月30日前,完成; 2.9月底前,上报; 3.11月底前,总结", "周子杨", "周子杨", "张振伟"],
      ],
    },
  ],
  { asOf: "2024-09-25" },
);
const report = weeklyReport(scan);
const colour = (key: string) => MONTH_SERIES.find((s) => s.key === key)!.color;

describe("weekly chart", () => {
  const png = decodePng(chartPng(weeklyChartOption(report), 1200, 600));

  it("is a PNG of the requested size on a white ground, not one flat colour", () => {
    expect([png.width, png.height]).toEqual([1200, 600]);
    const white = countColour(png, "#FFFFFF", 3);
    expect(white).toBeGreaterThan(1200 * 600 * 0.5);
    expect(white).toBeLessThan(1200 * 600 * 0.98);
    const small = decodePng(chartPng(weeklyChartOption(report, 600, 300), 600, 300));
    expect([small.width, small.height]).toEqual([600, 300]);
  });

  it("draws the three statuses in their colours (done in June, overdue in May and July, pending from September)", () => {
    expect(report.months.map((m) => m.label)).toEqual(["5月", "6月", "7月", "8月", "9月", "10月", "11月"]);
    for (const key of ["done", "overdue", "pending"]) expect(countColour(png, colour(key))).toBeGreaterThan(2000);
  });

  it("puts the today line over 9月, the fifth of seven months", () => {
    // Orange pixels in the plot area's middle band (the label above the plot is excluded).
    const xs: number[] = [];
    for (let y = 250; y < 450; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        const [r, g, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
        if (Math.abs(r - 0xe6) < 20 && Math.abs(g - 0x7e) < 20 && Math.abs(b - 0x22) < 20) xs.push(x);
      }
    }
    expect(xs.length).toBeGreaterThan(50);
    // grid left 80, right 40: 1080 px for 7 months; September's slot is the fifth.
    const slot = Math.floor((Math.min(...xs) - 80) / (1080 / 7));
    expect(slot).toBe(4);
  });

  it("the pane renders the very same SVG as the command line feeds to resvg", () => {
    const svg = chartSvg(weeklyChartOption(report), 1200, 600);
    expect(svg).toMatch(/^<svg width="1200" height="600"/);
    expect(svg).toContain("今天 9月25日");
    expect(svg).toContain("已逾期");
  });
});

/**
 * Node: an echarts option → PNG bytes. echarts renders it to SVG server-side (no DOM, no canvas), and
 * resvg rasterises the SVG with the machine's fonts (WenQuanYi Zen Hei when no Chinese office font is found).
 */
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";

export function chartPng(option: EChartsOption, width: number, height: number): Uint8Array {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "WenQuanYi Zen Hei" },
  });
  return new Uint8Array(resvg.render().asPng());
}

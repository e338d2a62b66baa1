/**
 * Browser: the 周报 chart option → PNG bytes. echarts renders the option to an SVG string (its SSR
 * mode works in a browser too, so the picture matches the command line's), the SVG is drawn into an
 * <img>, and a <canvas> turns it into PNG bytes. Fonts are the machine's own (黑体/微软雅黑 on Windows).
 */
import * as echarts from "echarts";
import type { EChartsOption } from "echarts";

const LOAD_TIMEOUT_MS = 10_000;

export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const timer = setTimeout(() => reject(new Error("图片加载超时")), LOAD_TIMEOUT_MS);
    img.onload = () => {
      clearTimeout(timer);
      resolve(img);
    };
    img.onerror = () => {
      clearTimeout(timer);
      reject(new Error("浏览器无法显示统计图"));
    };
    img.src = src;
  });
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error("浏览器无法把统计图转为图片"));
      blob.arrayBuffer().then((buf) => resolve(new Uint8Array(buf)), reject);
    }, "image/png");
  });
}

export async function chartPngInBrowser(option: EChartsOption, width: number, height: number): Promise<Uint8Array> {
  const svg = chartSvg(option, width, height);
  // A data URL rather than a blob URL: the canvas stays untainted in every webview Office uses.
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("浏览器不支持画布（canvas）");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.drawImage(img, 0, 0, width, height);
  return canvasPng(canvas);
}

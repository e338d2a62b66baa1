/**
 * Test-only readers for the 周报 files: a docx's paragraphs and tables from word/document.xml (jszip),
 * and a PNG decoded to RGBA pixels (zlib + the five PNG row filters), so that tests check what a reader sees.
 */
import * as zlib from "zlib";
import JSZip from "jszip";

export interface DocxText {
  /** Body paragraphs outside tables, in order, as plain text. */
  paragraphs: string[];
  /** Every table: rows of cell texts (a cell's paragraphs joined by "\n"). */
  tables: string[][][];
  /** For each table, the last paragraph before it (its heading). */
  tableHeadings: string[];
  /** Everything, in order. */
  all: string;
  media: Map<string, Uint8Array>;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Text of one <w:p>: its <w:t> runs, <w:br/> as a line break. */
function paragraphText(xml: string): string {
  let out = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) out += m[1] !== undefined ? decode(m[1]) : "\n";
  return out;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const body = xml.slice(xml.indexOf("<w:body>"), xml.indexOf("</w:body>"));
  const paragraphs: string[] = [];
  const tables: string[][][] = [];
  const tableHeadings: string[] = [];
  // Tables are not nested in the 周报, so a flat scan of top-level <w:tbl> and <w:p> is exact.
  for (const m of body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
        [...tr[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) =>
          [...tc[1].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join("\n"),
        ),
      );
      tables.push(rows);
      tableHeadings.push([...paragraphs].reverse().find((p) => p.trim() !== "") ?? "");
    } else {
      paragraphs.push(paragraphText(m[0]));
    }
  }
  const media = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("word/media/"))) {
    media.set(name, await zip.file(name)!.async("uint8array"));
  }
  return { paragraphs, tables, tableHeadings, all: [...paragraphs, ...tables.flat(2)].join("\n"), media };
}

export interface Png {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Decodes 8-bit RGB or RGBA non-interlaced PNGs (what resvg and canvases write). */
export function decodePng(bytes: Uint8Array): Png {
  const buf = Buffer.from(bytes);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error("not a PNG");
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("ascii", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`unsupported PNG ${depth}/${colour}/${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[x] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out.set([cur[x * channels], cur[x * channels + 1], cur[x * channels + 2], channels === 4 ? cur[x * channels + 3] : 255], (y * width + x) * 4);
    }
    prev = cur;
  }
  return { width, height, pixels: out };
}

/** How many pixels are within `tolerance` of an opaque colour "#RRGGBB". */
export function countColour(png: Png, hex: string, tolerance = 12): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    const p = png.pixels;
    if (p[i + 3] > 200 && Math.abs(p[i] - r) <= tolerance && Math.abs(p[i + 1] - g) <= tolerance && Math.abs(p[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

/**
 * Renders what the add-in writes into a workbook, to look at it as staff will:
 * the sample workbook in the in-memory Excel → the real adapter (scan as of 2024-09-25 → flag →
 * 插入公式列 → 插入评分表) → plausible inputs typed into the 评分表 → .xlsx (to-xlsx.ts, formulas with
 * cached results) → PDF (LibreOffice) → PNG pages (pdftoppm).
 *
 *   npx tsx scripts/render-addin-sheets.ts [OUT_DIR]        (default /tmp/addin-render)
 *
 * Needs `soffice` and `pdftoppm` on the PATH. Prints the paths of the PNG pages.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { columnIndex, columnName } from "../src/core/address";
import { RULE_SETS } from "../src/core/rules";
import type { InputSpec } from "../src/core/rules/types";
import { createExcelAdapter } from "../src/excel";
import type { OfficeHost } from "../src/excel/host";
import { createInMemoryExcel } from "../test/support/in-memory-excel";
import { snapshotFromWorkbook } from "../test/support/in-memory-excel/from-xlsx";
import { writeXlsx } from "../test/support/in-memory-excel/to-xlsx";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");
const AS_OF = "2024-09-25";

/** What a city office might have typed by late September (invented, within each input's range). */
function plausible(itemId: string, spec: InputSpec, index: number): (string | number)[] {
  if (spec.kind === "monthly") {
    const month = spec.unit === "%" ? [0.92, 0.95, 0.97, 0.9, 0.96, 0.98, 0.94, 0.95, 0.97, 0.99, 0.96, 0.95] : [5, 6, 4, 7, 6, 5, 8, 6, 5, 7, 6, 6];
    return month;
  }
  switch (spec.kind) {
    case "ratio":
      return [0.9 + ((Number(itemId) * 7) % 10) / 100];
    case "count":
      return [["4", "13", "17", "20", "26", "36"].includes(itemId) ? 0 : 2 + ((Number(itemId) + index) % 3)];
    case "rank":
      return [8];
    case "flag":
      // Vetoes and deduction triggers not met; most achievements met.
      return [["44", "51", "17", "37"].includes(itemId) || (itemId === "10" && index === 0) ? "否" : "是"];
    case "points":
      return spec.optional ? [] : [Math.round((spec.max ?? 1) * 0.8 * 10) / 10];
  }
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? "/tmp/addin-render");
  fs.mkdirSync(outDir, { recursive: true });
  const base = new ExcelJS.Workbook();
  await base.xlsx.readFile(SAMPLE);
  const fake = createInMemoryExcel(snapshotFromWorkbook(base, { formats: true }));
  const adapter = createExcelAdapter({ host: fake as unknown as OfficeHost });

  const scan = await adapter.scan({ asOf: AS_OF, dueSoonDays: 7 });
  const flagged = await adapter.flag(scan);
  const columns = await adapter.insertFormulaColumns();
  const scorecard = await adapter.insertScorecard();
  console.log(`flagged ${flagged.flagged} cells; formula columns in ${columns.tables} table(s); 评分表 with ${scorecard.items} items`);

  // Type values into the 评分表's input cells: the cell right of each input's label.
  const card = fake.snapshot().sheets.find((s) => s.name === scorecard.sheet)!;
  const items = new Map(RULE_SETS["攻坚"].map((i) => [i.id, i]));
  const writes: { address: string; values: (string | number)[] }[] = [];
  for (const [address, cell] of Object.entries(card.cells)) {
    const m = /^A(\d+)$/.exec(address);
    const item = m ? items.get(String(cell.value)) : undefined;
    if (!m || !item || item.id === "48") continue; // 48 left empty: how an unfilled item looks
    const row = Number(m[1]);
    const labels = Object.entries(card.cells).filter(([a, c]) => new RegExp(`^[A-Z]+${row}$`).test(a) && typeof c.value === "string");
    item.inputs.forEach((spec, index) => {
      const values = plausible(item.id, spec, index);
      if (values.length === 0) return;
      const label = labels.find(([, c]) => String(c.value).startsWith(spec.name));
      if (!label) throw new Error(`评分表: no label for ${item.id} ${spec.name}`);
      const col = label[0].replace(/\d+$/, "");
      const first = columnIndex(col) + 1;
      writes.push({ address: `${columnName(first)}${row}:${columnName(first + values.length - 1)}${row}`, values });
    });
  }
  await fake.Excel.run((async (ctx: Excel.RequestContext) => {
    const sheet = ctx.workbook.worksheets.getItem(scorecard.sheet);
    for (const w of writes) sheet.getRange(w.address).values = [w.values];
    await ctx.sync();
  }) as never);

  const xlsx = path.join(outDir, "addin.xlsx");
  await writeXlsx(fake.snapshot({ formats: true }), xlsx, { today: AS_OF, base, libreOfficeView: true });
  const converted = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", outDir, xlsx], { encoding: "utf8" });
  if (converted.status !== 0) throw new Error(`soffice failed: ${converted.stderr}`);
  const pdf = path.join(outDir, "addin.pdf");
  for (const f of fs.readdirSync(outDir)) if (/^page-\d+\.png$/.test(f)) fs.rmSync(path.join(outDir, f));
  const rendered = spawnSync("pdftoppm", ["-png", "-r", "70", pdf, path.join(outDir, "page")], { encoding: "utf8" });
  if (rendered.status !== 0) throw new Error(`pdftoppm failed: ${rendered.stderr}`);
  console.log(xlsx);
  console.log(pdf);
  for (const f of fs.readdirSync(outDir).filter((f) => /^page-\d+\.png$/.test(f)).sort()) console.log(path.join(outDir, f));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

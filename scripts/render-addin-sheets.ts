/**
 * Renders what the add-in writes into a workbook, to look at it as staff will:
 * the sample workbook in the in-memory Excel → the real adapter (scan as of 2024-09-25 → flag →
 * 插入公式列 → 插入评分表 for each of the four sets: 攻坚, 基准市, 基准县, 个人 with a candidate) →
 * plausible inputs typed into each 评分表 → .xlsx (to-xlsx.ts, formulas with cached results) → PDF
 * (LibreOffice) → PNG pages (pdftoppm).
 *
 *   npx tsx scripts/render-addin-sheets.ts [OUT_DIR]        (default /tmp/addin-render)
 *
 * Needs `soffice` and `pdftoppm` on the PATH. Prints the paths of the PNG pages.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cellAddress } from "../src/core/address";
import { RULE_SETS } from "../src/core/rules";
import type { InputSpec, RuleItem, RuleSetId } from "../src/core/rules/types";
import { inputLabel, scorecardLayout, tableFontCell } from "../src/core/scorecard";
import { createExcelAdapter } from "../src/excel";
import type { OfficeHost } from "../src/excel/host";
import { createInMemoryExcel } from "../test/support/in-memory-excel";
import { snapshotFromWorkbook } from "../test/support/in-memory-excel/from-xlsx";
import { writeXlsx } from "../test/support/in-memory-excel/to-xlsx";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "盘锦市2024年大练兵责任分解表.xlsx");
const AS_OF = "2024-09-25";

const SETS: RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];
/** 个人 is one sheet per candidate: the render shows one with its name filled in. */
const CANDIDATE = "张三";
/** One item per set left empty: how an unfilled item looks. */
const LEFT_EMPTY: Record<RuleSetId, string> = { 攻坚: "48", 基准市: "基准市-9.3", 基准县: "基准县-9.5", 个人: "个人-4.2.2" };

/**
 * What an office might have typed by late September (invented, within each input's range). `serial`
 * is the item's place in its catalog (攻坚: its 序号), to vary the numbers from item to item.
 */
function plausible(item: RuleItem, serial: number, spec: InputSpec, index: number): (string | number)[] {
  // Other items' scores are the sheet's own formulas; optional inputs are left as staff often do.
  if (spec.scoreOf || spec.optional) return [];
  const capped = (v: number): number => (spec.max === undefined ? v : Math.min(v, spec.max));
  switch (spec.kind) {
    case "monthly":
      return spec.unit === "%" ? [0.92, 0.95, 0.97, 0.9, 0.96, 0.98, 0.94, 0.95, 0.97, 0.99, 0.96, 0.95] : [5, 6, 4, 7, 6, 5, 8, 6, 5, 7, 6, 6];
    case "ratio":
      return [0.9 + ((serial * 7) % 10) / 100];
    case "count":
      // Deductions count what went wrong: nothing found.
      return [item.type === "deduction" ? 0 : capped(2 + ((serial + index) % 3))];
    case "rank":
      return [8];
    case "flag":
      // Vetoes, deduction triggers and shortcomings (…缺失) not met; most achievements met.
      if (item.type === "veto" || item.type === "deduction" || spec.name.includes("缺失")) return ["否"];
      return [(serial + index) % 5 === 0 ? "否" : "是"];
    case "points":
      return [Math.round((spec.max ?? 1) * 0.8 * 10) / 10];
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
  const fontFrom = tableFontCell(scan) ?? undefined;
  const scorecards: { set: RuleSetId; sheet: string; items: number }[] = [];
  for (const set of SETS) {
    const candidate = set === "个人" ? CANDIDATE : undefined;
    scorecards.push({ set, ...(await adapter.insertScorecard(set, { candidate, fontFrom })) });
  }
  console.log(`flagged ${flagged.flagged} cells; formula columns in ${columns.tables} table(s); ${scorecards.map((c) => `${c.sheet} with ${c.items} items`).join(", ")}`);

  // Type values into each 评分表's input cells, where the core's layout puts them; the label beside
  // each must be the one the add-in wrote, or the layout and the sheet have drifted apart.
  const writes: { sheet: string; address: string; values: (string | number)[] }[] = [];
  const snapshot = fake.snapshot();
  for (const { set, sheet } of scorecards) {
    const card = snapshot.sheets.find((s) => s.name === sheet)!;
    const layout = scorecardLayout(set, { candidate: set === "个人" ? CANDIDATE : undefined });
    for (const place of layout.items) {
      if (place.item.id === LEFT_EMPTY[set]) continue;
      const serial = RULE_SETS[set].indexOf(place.item) + 1;
      place.inputs.forEach((input, index) => {
        const label = card.cells[cellAddress(input.labelRow, input.label)]?.value;
        if (label !== inputLabel(input.spec)) throw new Error(`${sheet}: expected the label “${inputLabel(input.spec)}” at ${cellAddress(input.labelRow, input.label)}, found “${String(label)}”`);
        const values = plausible(place.item, serial, input.spec, index);
        if (values.length === 0) return;
        writes.push({ sheet, address: `${cellAddress(input.valueRow, input.first)}:${cellAddress(input.valueRow, input.first + values.length - 1)}`, values });
      });
    }
  }
  await fake.Excel.run((async (ctx: Excel.RequestContext) => {
    for (const w of writes) ctx.workbook.worksheets.getItem(w.sheet).getRange(w.address).values = [w.values];
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

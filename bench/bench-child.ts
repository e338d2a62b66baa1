/**
 * One measured run for bench.ts, in a fresh process so that maxRSS is this run's own:
 *   read FILE  → ExcelJS read + SheetGrid
 *   scan FILE  → the same, then recognise + parse + status (what `dalianbing scan` does)
 *   flag FILE  → the scan, then flag in place and write the copy to memory (what `dalianbing flag` does)
 * Prints one JSON line: { ms, maxRssKb, milestones?, flagged? }.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../src/xlsx/read-workbook";

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  // The scan's own modules are loaded before timing, like the CLI does at startup.
  const scan = mode !== "read" ? (require("../src/core/scan") as typeof import("../src/core/scan")) : null;
  const flags = mode === "flag" ? { ...(require("../src/core/flags") as typeof import("../src/core/flags")), ...(require("../src/xlsx/flag-workbook") as typeof import("../src/xlsx/flag-workbook")) } : null;
  const start = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const grids = readWorkbook(wb);
  let milestones: number | undefined;
  let flagged: number | undefined;
  if (scan) {
    const result = scan.scanWorkbook(grids, { asOf: "2024-09-01" });
    milestones = result.milestones.length;
    if (flags) {
      flagged = flags.flagWorkbook(wb, flags.planFlags(result)).flagged;
      await wb.xlsx.writeBuffer();
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // The grids must still be alive at the end of the read, as they are when a scan starts.
  if (grids.length === 0) throw new Error("no sheets");
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, milestones, flagged }) + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + "\n");
  process.exitCode = 1;
});

/** The adapter over the in-memory Excel loaded from the shipped sample workbook. */
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook as readCliWorkbook } from "../../src/xlsx/read-workbook";
import { scanWorkbook } from "../../src/core/scan";
import type { ScannedMilestone } from "../../src/core/scan/types";
import { BACKUP_SHEET, FLAG_STYLE } from "../../src/core/flags/types";
import { snapshotFromXlsx } from "../support/in-memory-excel/from-xlsx";
import { measureSyncsPerScan } from "../support/in-memory-excel/measure";
import type { WorkbookSnapshot } from "../support/in-memory-excel";
import { asSeen, contents, setup } from "./fixtures";

const SAMPLE = path.join(__dirname, "../../samples/盘锦市2024年大练兵责任分解表.xlsx");
const options = { asOf: "2024-09-01", dueSoonDays: 7 };

let sample: WorkbookSnapshot;
beforeAll(async () => {
  sample = await snapshotFromXlsx(SAMPLE);
});

test("the sample is scanned in at most 3 syncs, and measureSyncsPerScan says the same", async () => {
  const { fake, adapter } = setup(sample);
  const result = await adapter.scan(options);
  expect(fake.syncCount()).toBeLessThanOrEqual(3);
  expect(await measureSyncsPerScan(sample)).toBe(fake.syncCount());
  const gongjian = result.tables.find((t) => t.kind === "攻坚")!;
  expect(gongjian.rows).toBe(51);
  expect(result.tables.some((t) => t.kind === "基准")).toBe(true);
  // The pane sees what the command line sees in the same file (read there with ExcelJS).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const cli = scanWorkbook(readCliWorkbook(wb), options);
  expect(result.counts).toEqual(cli.counts);
  const key = (m: ScannedMilestone) => `${m.sheet}!${m.cell}#${m.label} ${m.status} ${m.due}`;
  expect(result.milestones.map(key)).toEqual(cli.milestones.map(key));
  expect(result.counts.overdue).toBeGreaterThan(0);
});

test("flag then unflag on the sample: values never change and every cell is restored", async () => {
  const { fake, adapter } = setup(sample);
  const scan = await adapter.scan(options);
  const flagged = await adapter.flag(scan);
  const overdueCells = new Set(scan.milestones.filter((m) => m.status === "overdue").map((m) => `${m.sheet}!${m.cell}`));
  expect(flagged.flagged).toBeGreaterThanOrEqual(overdueCells.size);
  const after = fake.snapshot();
  expect(contents({ sheets: after.sheets.filter((s) => s.name !== BACKUP_SHEET) })).toEqual(contents(sample));
  const [sheet, cell] = [...overdueCells][0].split("!");
  expect(after.sheets.find((s) => s.name === sheet)!.cells[cell].fill).toBe(FLAG_STYLE.overdue.fill);
  await adapter.unflag();
  expect(asSeen(fake.snapshot())).toEqual(asSeen(sample));
});

test("marking the rows 22–25 merged milestone cell done writes the 已完成节点 cell of its first row", async () => {
  const { fake, adapter } = setup(sample);
  const scan = await adapter.scan(options);
  const merged = scan.milestones.find((m) => m.serial === "22")!;
  expect(merged).toBeDefined();
  await adapter.markDone(merged.sheet, merged.cell, merged.label);
  const again = await adapter.scan(options);
  const doneCell = again.milestones.find((m) => m.serial === "22")!.doneCell!;
  const cells = fake.snapshot().sheets.find((s) => s.name === merged.sheet)!.cells;
  expect(cells[doneCell].value).toBe(merged.label);
  expect(again.milestones.find((m) => m.serial === "22" && m.label === merged.label)!.status).toBe("done");
});

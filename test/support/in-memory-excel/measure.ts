/**
 * For the bench (issue 4 §4: `npm run bench -- --json` adds syncsPerScan): how many context.sync()
 * calls one adapter scan of the workbook makes. Pure; build the snapshot with from-xlsx.ts in Node.
 *
 *   const syncs = await measureSyncsPerScan(await snapshotFromXlsx(samplePath));
 */
import { createExcelAdapter } from "../../../src/excel/adapter";
import type { OfficeHost } from "../../../src/excel/host";
import { createInMemoryExcel, type WorkbookSnapshot } from "./index";

export async function measureSyncsPerScan(snapshot: WorkbookSnapshot, asOf = "2024-09-01"): Promise<number> {
  const fake = createInMemoryExcel(snapshot);
  const adapter = createExcelAdapter({ host: fake as unknown as OfficeHost });
  const before = fake.syncCount();
  await adapter.scan({ asOf, dueSoonDays: 7 });
  return fake.syncCount() - before;
}

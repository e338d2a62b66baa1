import { AS_OF, bigSheet, setup, tableSheet, workbook } from "./fixtures";

const options = { asOf: AS_OF, dueSoonDays: 7 };

describe("scan", () => {
  test("reads the workbook in at most 3 syncs, the same for 1 sheet and for 5 sheets of 2,000 rows", async () => {
    const small = setup(workbook(tableSheet()));
    const smallResult = await small.adapter.scan(options);
    const smallSyncs = small.fake.syncCount();

    const sheets = [1, 2, 3, 4, 5].map((i) => bigSheet(`攻坚${i}`, 2000));
    const big = setup(workbook(...sheets));
    const bigResult = await big.adapter.scan(options);
    const bigSyncs = big.fake.syncCount();

    expect(smallSyncs).toBeLessThanOrEqual(3);
    expect(bigSyncs).toBe(smallSyncs);
    // The reads were real: every sheet's table was found with all its rows.
    expect(smallResult.tables).toEqual([expect.objectContaining({ sheet: "攻坚任务", rows: 4, headerRow: 2 })]);
    expect(bigResult.tables.map((t) => [t.sheet, t.rows])).toEqual(sheets.map((s) => [s.name, 2000]));
    // Every fifth row is due end of May: 400 overdue per sheet.
    expect(bigResult.counts.overdue).toBe(5 * 400);
  });

  test("finds the milestones of the table with their status as of the date", async () => {
    const { adapter } = setup();
    const result = await adapter.scan(options);
    expect(result.milestones.map((m) => [m.cell, m.label, m.status])).toEqual([
      ["E3", "1", "overdue"],
      ["E3", "2", "pending"],
      ["E4", "1", "due-soon"],
      ["E5", "1", "open-ended"],
      ["E6", "1", "pending"],
    ]);
  });

  test("reports progress while reading, then analysing", async () => {
    const { adapter } = setup(workbook(tableSheet("甲"), tableSheet("乙")));
    const seen: string[] = [];
    await adapter.scan(options, (p) => seen.push(`${p.phase} ${p.done}/${p.total}`));
    expect(seen[0]).toBe("reading 0/2");
    expect(seen).toContain("reading 2/2");
    expect(seen[seen.length - 1]).toBe("analysing 2/2");
  });

  test("an error value in a cell arrives as an error, not as the text #N/A", async () => {
    const sheet = tableSheet();
    sheet.cells.F3 = { value: { error: "#N/A" } };
    const { adapter } = setup(workbook(sheet));
    const result = await adapter.scan(options);
    const m = result.milestones.find((x) => x.cell === "E3")!;
    expect(m.owners.盯办人).toBe("");
    expect(result.problems.some((p) => p.sheet === "攻坚任务" && p.cell === "F3")).toBe(true);
  });

  test("a protected sheet is still scanned, with a Chinese note naming it", async () => {
    const locked = { ...tableSheet("锁定表"), protected: true };
    const { adapter } = setup(workbook(locked, tableSheet("其他")));
    const result = await adapter.scan(options);
    expect(result.tables.map((t) => t.sheet)).toEqual(["锁定表", "其他"]);
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: "锁定表", message: expect.stringContaining("工作表“锁定表”受保护") }));
  });

  test("a sheet that cannot be read is reported by name and the others are still scanned", async () => {
    const { adapter, fake } = setup(workbook(tableSheet("坏表"), tableSheet("好表")), { failingSheets: ["坏表"] });
    const result = await adapter.scan(options);
    expect(result.tables.map((t) => t.sheet)).toEqual(["好表"]);
    expect(result.unrecognised).toContainEqual({ sheet: "坏表", reason: expect.stringContaining("无法读取工作表“坏表”") });
    expect(fake.syncCount()).toBeGreaterThan(3); // the retry sheet by sheet happens only on failure
  });

  test("a sheet of 100,000 rows is read in part with a message naming it; the rest is scanned", async () => {
    const huge = tableSheet("十万行");
    huge.cells.L100000 = { value: "末行" };
    const { adapter } = setup(workbook(huge, tableSheet("其他")));
    const result = await adapter.scan(options);
    expect(result.tables.map((t) => t.sheet)).toEqual(["十万行", "其他"]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ sheet: "十万行", message: expect.stringMatching(/工作表“十万行”有 100000 行.*只读取了前 \d+ 行/) }),
    );
  });

  test("an empty sheet and a sheet that is no table do not stop the scan", async () => {
    const { adapter } = setup(workbook({ name: "空白", cells: {} }, { name: "说明", cells: { A1: { value: "本表说明" } } }, tableSheet()));
    const result = await adapter.scan(options);
    expect(result.tables.map((t) => t.sheet)).toEqual(["攻坚任务"]);
    expect(result.unrecognised.map((u) => u.sheet)).toEqual(expect.arrayContaining(["说明"]));
  });
});

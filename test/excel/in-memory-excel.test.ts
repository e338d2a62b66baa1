/**
 * The in-memory Excel must behave like Office where the adapter depends on it; otherwise adapter tests
 * would prove nothing. These tests pin the semantics the adapter tests lean on.
 */
import { createInMemoryExcel, type WorkbookSnapshot } from "../support/in-memory-excel";

type Ctx = Excel.RequestContext;

function book(): WorkbookSnapshot {
  return {
    sheets: [
      { name: "表一", cells: { A1: { value: "序号" }, B2: { value: 5, fill: "#00B050" }, C3: { value: { error: "#N/A" } } }, merges: ["A5:B6"] },
      { name: "空表", cells: {} },
      { name: "锁定", cells: { A1: { value: "x" } }, protected: true },
    ],
  };
}

function runner(fake: ReturnType<typeof createInMemoryExcel>) {
  return <T>(batch: (ctx: Ctx) => Promise<T>): Promise<T> => fake.Excel.run(batch as never) as Promise<T>;
}

test("reading a property that was not loaded fails as in Office", async () => {
  const fake = createInMemoryExcel(book());
  const run = runner(fake);
  await expect(
    run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("表一").getRange("A1");
      range.load("address");
      await ctx.sync();
      expect(range.address).toBe("表一!A1");
      return range.values;
    }),
  ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
});

test("a loaded value is available only after sync", async () => {
  const fake = createInMemoryExcel(book());
  await runner(fake)(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem("表一").getRange("A1:C3").load("values,valueTypes");
    expect(() => range.values).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([
      ["序号", "", ""],
      ["", 5, ""],
      ["", "", "#N/A"],
    ]);
    expect(range.valueTypes[2][2]).toBe("Error");
    expect(range.valueTypes[1][1]).toBe("Double");
  });
});

test("writes are queued until sync and counted syncs include only real syncs", async () => {
  const fake = createInMemoryExcel(book());
  await runner(fake)(async (ctx) => {
    ctx.workbook.worksheets.getItem("表一").getRange("D1").values = [["新"]];
    expect(fake.snapshot().sheets[0].cells.D1).toBeUndefined();
    await ctx.sync();
    expect(fake.snapshot().sheets[0].cells.D1).toEqual({ value: "新" });
  });
  expect(fake.syncCount()).toBe(1);
});

test("a value starting with = becomes a formula unless the cell is formatted as text", async () => {
  const fake = createInMemoryExcel(book());
  await runner(fake)(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("表一");
    sheet.getRange("E1").values = [["=1+1"]];
    sheet.getRange("E2").values = [["-abc"]];
    const text = sheet.getRange("E3");
    text.numberFormat = [["@"]];
    text.values = [["=1+1"]];
    await ctx.sync();
  });
  const cells = fake.snapshot().sheets[0].cells;
  expect(cells.E1.formula).toBe("=1+1");
  expect(cells.E2.formula).toBe("=-abc");
  expect(cells.E3).toEqual({ value: "=1+1", numberFormat: "@" });
});

test("a protected sheet refuses writes with an Office-like error; reading is allowed", async () => {
  const fake = createInMemoryExcel(book());
  const run = runner(fake);
  const read = await run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("锁定").getRange("A1").load("values");
    await ctx.sync();
    return r.values;
  });
  expect(read).toEqual([["x"]]);
  await expect(
    run(async (ctx) => {
      ctx.workbook.worksheets.getItem("锁定").getRange("A1").format.fill.color = "#FF0000";
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
  expect(fake.snapshot().sheets[2].cells.A1.fill).toBeUndefined();
});

test("used range, null objects, merged areas and cell properties", async () => {
  const fake = createInMemoryExcel(book());
  await runner(fake)(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const used = sheets.getItem("表一").getUsedRangeOrNullObject(true).load("address");
    const empty = sheets.getItem("空表").getUsedRangeOrNullObject(true);
    const merged = sheets.getItem("表一").getRange().getMergedAreasOrNullObject().load("address");
    const noMerge = sheets.getItem("空表").getRange().getMergedAreasOrNullObject();
    const missing = sheets.getItemOrNullObject("没有");
    const props = sheets.getItem("表一").getRange("B2:C2").getCellProperties({ format: { fill: { color: true, pattern: true } } });
    await ctx.sync();
    expect(used.address).toBe("表一!A1:C3");
    expect(empty.isNullObject).toBe(true);
    expect(merged.address).toBe("表一!A5:B6");
    expect(noMerge.isNullObject).toBe(true);
    expect(missing.isNullObject).toBe(true);
    expect(props.value[0].map((p) => p.format?.fill)).toEqual([
      { color: "#00B050", pattern: "Solid" },
      { color: "#FFFFFF", pattern: "None" },
    ]);
  });
});

test("as in Excel, 'no fill' reads as #FFFFFF like white; only tintAndShade (null) tells them apart (office-js #4900, #6218)", async () => {
  const snapshot: WorkbookSnapshot = { sheets: [{ name: "表", cells: { A1: { value: 1 }, A2: { value: 2, fill: "#FFFFFF" } } }] };
  for (const fillPatternNull of [false, true]) {
    const fake = createInMemoryExcel(snapshot, { fillPatternNull });
    await runner(fake)(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem("表").getRange("A1:A2").getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await ctx.sync();
      expect(props.value.map((r) => r[0].format?.fill)).toEqual([
        { color: "#FFFFFF", pattern: fillPatternNull ? null : "None", tintAndShade: null },
        { color: "#FFFFFF", pattern: fillPatternNull ? null : "Solid", tintAndShade: 0 },
      ]);
    });
  }
});

test("merged areas: the documented address list, ExcelApi 1.13, and failure above 512 areas", async () => {
  const merges = ["A1:B1", "C3:C5"];
  const fake = createInMemoryExcel({ sheets: [{ name: "My Sheet", cells: {}, merges }] });
  await runner(fake)(async (ctx) => {
    const merged = ctx.workbook.worksheets.getItem("My Sheet").getRange().getMergedAreasOrNullObject().load("address");
    await ctx.sync();
    expect(merged.address).toBe("'My Sheet'!A1:B1, 'My Sheet'!C3:C5");
  });
  const old = createInMemoryExcel({ sheets: [{ name: "表", cells: {}, merges }] }, { apiVersion: "1.12" });
  await expect(
    runner(old)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").getRange().getMergedAreasOrNullObject().load("address");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
  const many = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
  const crowded = createInMemoryExcel({ sheets: [{ name: "表", cells: {}, merges: many }] });
  await expect(
    runner(crowded)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").getRange().getMergedAreasOrNullObject().load("address");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "GeneralException" });
  // 512 areas are still read.
  const full = createInMemoryExcel({ sheets: [{ name: "表", cells: {}, merges: many.slice(0, 512) }] });
  await runner(full)(async (ctx) => {
    const merged = ctx.workbook.worksheets.getItem("表").getRange().getMergedAreasOrNullObject().load("areaCount");
    await ctx.sync();
    expect(merged.areaCount).toBe(512);
  });
});

test("notes need ExcelApi 1.18; the host answers isSetSupported by version", async () => {
  const fake = createInMemoryExcel(book(), { apiVersion: "1.10" });
  expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(true);
  expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
  expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
  await expect(
    runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表一").notes.add("A1", "x");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("onChanged handlers are registered at sync and called on a sheet change", async () => {
  const fake = createInMemoryExcel(book());
  const calls: unknown[] = [];
  await runner(fake)(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (e) => {
      calls.push(e);
    });
    expect(fake.changeHandlerCount()).toBe(0);
    await ctx.sync();
  });
  expect(fake.changeHandlerCount()).toBe(1);
  await fake.triggerSheetChange("表一", "B2");
  expect(calls).toHaveLength(1);
});

test("a handler is removed only in the context it was added with: Excel.run(result.context, …)", async () => {
  const fake = createInMemoryExcel(book());
  const run = fake.Excel.run as unknown as <T>(first: unknown, batch: (ctx: Ctx) => Promise<T>) => Promise<T>;
  const result = await runner(fake)(async (ctx) => {
    const added = ctx.workbook.worksheets.onChanged.add(async () => undefined);
    await ctx.sync();
    return added;
  });
  // The EventHandlerResult itself is no ClientObject: office.js reads it as RunOptions, a new context.
  await run(result, async (ctx) => {
    result.remove();
    await ctx.sync();
  });
  expect(fake.changeHandlerCount()).toBe(1);
  await run(result.context, async (ctx) => {
    result.remove();
    await ctx.sync();
  });
  expect(fake.changeHandlerCount()).toBe(0);
});

test("the snapshot round-trips", () => {
  const snapshot = book();
  const fake = createInMemoryExcel(snapshot);
  expect(fake.snapshot()).toEqual(snapshot);
});

describe("documented constraints the in-memory Excel enforces (test/support/in-memory-excel/README.md)", () => {
  test("Worksheet.delete on a VeryHidden sheet fails with InvalidOperation; made Hidden first, it goes", async () => {
    const fake = createInMemoryExcel({ sheets: [{ name: "表", cells: {} }, { name: "备份", cells: {}, visibility: "VeryHidden" }] });
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("备份").delete();
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
    await runner(fake)(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("备份");
      sheet.visibility = "Hidden";
      sheet.delete();
      await ctx.sync();
    });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["表"]);
  });

  test("Worksheet.getUsedRange on an empty sheet answers A1; getUsedRangeOrNullObject a null object", async () => {
    const fake = createInMemoryExcel(book());
    await runner(fake)(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("空表").getUsedRange().load("address");
      const orNull = ctx.workbook.worksheets.getItem("空表").getUsedRangeOrNullObject();
      await ctx.sync();
      expect(used.address).toBe("空表!A1");
      expect(orNull.isNullObject).toBe(true);
    });
  });

  test("a response over the 5 MB payload limit (Excel on the web) fails with ResponsePayloadSizeLimitExceeded", async () => {
    const long = "字".repeat(30_000);
    const cells = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`A${i + 1}`, { value: long }]));
    const fake = createInMemoryExcel({ sheets: [{ name: "大", cells }] }, { payloadLimit: 5 * 1024 * 1024 });
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("大").getRange("A1:A200").load("values");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // Half of it fits.
    await runner(fake)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("大").getRange("A1:A100").load("values");
      await ctx.sync();
      expect(r.values).toHaveLength(100);
    });
  });

  test("a request over 5 MB is refused before any of it runs (RequestPayloadSizeLimitExceeded)", async () => {
    const fake = createInMemoryExcel({ sheets: [{ name: "表", cells: {} }] });
    const rows = Array.from({ length: 200 }, () => ["字".repeat(30_000)]);
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").getRange("A1:A200").values = rows;
      await ctx.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.snapshot().sheets[0].cells).toEqual({});
  });

  test("while the user edits a cell every batch fails with InvalidOperationInCellEditMode, and nothing of it runs", async () => {
    const fake = createInMemoryExcel(book());
    fake.enterCellEditMode(1);
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表一").getRange("A1").values = [["改"]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(fake.snapshot().sheets[0].cells.A1.value).toBe("序号");
  });

  test("threaded comments need ExcelApi 1.10, worksheet events 1.9, getCellProperties 1.9", async () => {
    const fake = createInMemoryExcel(book(), { apiVersion: "1.8" });
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.comments.load("items");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表一").getRange("A1").getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("a note is read with its location (Note.getLocation, ExcelApi 1.18); a second note on a cell is refused", async () => {
    const fake = createInMemoryExcel({ sheets: [{ name: "表", cells: { B2: { value: 1, note: "已有" } } }] });
    await runner(fake)(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("表").notes.load("items/content");
      await ctx.sync();
      const where = notes.items[0].getLocation().load("address");
      await ctx.sync();
      expect([notes.items[0].content, where.address]).toEqual(["已有", "表!B2"]);
    });
    await expect(runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").notes.add("B2", "又一个");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("Range.merge (ExcelApi 1.2) keeps only the upper-left value; across merges each row apart", async () => {
    const fake = createInMemoryExcel({ sheets: [{ name: "表", cells: { A1: { value: "左上" }, B1: { value: "右" }, A2: { value: 2, formula: "=1+1" }, D1: { value: "行一" }, D2: { value: "行二" }, E2: { value: "丢" } } }] });
    await runner(fake)(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("表");
      sheet.getRange("A1:B2").merge();
      sheet.getRange("D1:E2").merge(true);
      await ctx.sync();
    });
    const { cells, merges } = fake.snapshot().sheets[0];
    expect(merges).toEqual(["A1:B2", "D1:E1", "D2:E2"]);
    expect(cells).toEqual({ A1: { value: "左上" }, D1: { value: "行一" }, D2: { value: "行二" } });
  });

  test("Range.merge over an existing merged area fails with InvalidOperation and leaves the sheet as it was", async () => {
    const fake = createInMemoryExcel({ sheets: [{ name: "表", cells: { A1: { value: "标题" }, C2: { value: "留" } }, merges: ["A1:C1"] }] });
    for (const address of ["B1:D2", "A1:C1"]) {
      await expect(runner(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem("表").getRange(address).merge();
        await ctx.sync();
      })).rejects.toMatchObject({ code: "InvalidOperation" });
    }
    expect(fake.snapshot().sheets[0]).toEqual({ name: "表", cells: { A1: { value: "标题" }, C2: { value: "留" } }, merges: ["A1:C1"] });
    // Next to it is fine.
    await runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").getRange("A2:B2").merge();
      await ctx.sync();
    });
    expect(fake.snapshot().sheets[0].merges).toEqual(["A1:C1", "A2:B2"]);
  });

  test("RangeFont.name (ExcelApi 1.1) reads Excel's default 等线 for an unstyled cell and what was set otherwise", async () => {
    const fake = createInMemoryExcel({ sheets: [{ name: "表", cells: { A1: { value: 1, style: { fontName: "仿宋_GB2312" } }, A2: { value: 2 } } }] });
    await runner(fake)(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("表");
      const [styled, plain, both] = ["A1", "A2", "A1:A2"].map((a) => sheet.getRange(a).format.font.load("name"));
      await ctx.sync();
      // A range whose cells differ reads null, as for the other font properties.
      expect([styled.name, plain.name, both.name]).toEqual(["仿宋_GB2312", "等线", null]);
      sheet.getRange("B1").format.font.name = "宋体";
      await ctx.sync();
    });
    expect(fake.snapshot({ formats: true }).sheets[0].cells.B1.style).toEqual({ fontName: "宋体" });
  });

  test("onChanged fires for data written through the API, not for formats or notes (those are onFormatChanged and note events)", async () => {
    const fake = createInMemoryExcel(book());
    const seen: unknown[] = [];
    await runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e));
      await ctx.sync();
    });
    await runner(fake)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("表一").getRange("D4");
      r.format.fill.color = "#FFC7CE";
      ctx.workbook.worksheets.getItem("表一").notes.add("D4", "批注");
      await ctx.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toHaveLength(0);
    await runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("表一").getRange("D4").values = [["新值"]];
      await ctx.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toHaveLength(1);
  });
});

test("Worksheet.position reads the tab's place, moves a sheet, and refuses a place outside the sheets", async () => {
  const fake = createInMemoryExcel({ sheets: ["甲", "乙", "丙"].map((name) => ({ name, cells: {} })) });
  await runner(fake)(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("丙").load("position");
    await ctx.sync();
    expect(sheet.position).toBe(2);
    sheet.position = 0;
    await ctx.sync();
  });
  expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["丙", "甲", "乙"]);
  await expect(
    runner(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem("甲").position = 3;
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
});

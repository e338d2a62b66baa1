import { FLAG_STYLE } from "../../src/core/flags/types";
import { setup, tableSheet, workbook } from "./fixtures";

function sheetOf(fake: ReturnType<typeof setup>["fake"], name = "攻坚任务") {
  return fake.snapshot().sheets.find((s) => s.name === name)!;
}

describe("insertFormulaColumns", () => {
  test("adds 已完成节点, 节点状态, 下一节点, 逾期数 at the right edge with one formula per row", async () => {
    const { fake, adapter } = setup();
    expect(await adapter.insertFormulaColumns()).toMatchObject({ tables: 1, added: true });
    const { cells } = sheetOf(fake);
    expect(["I2", "J2", "K2", "L2"].map((a) => cells[a].value)).toEqual(["已完成节点", "节点状态", "下一节点", "逾期数"]);
    for (const r of [3, 4, 5, 6]) {
      expect(cells[`J${r}`].formula).toBe(`=DALIANBING.STATUS(E${r},TODAY(),I${r},2024)`);
      expect(cells[`K${r}`].formula).toBe(`=IFNA(DALIANBING.NEXTDUE(E${r},TODAY(),I${r},2024),"")`);
      expect(cells[`K${r}`].numberFormat).toBe("yyyy-mm-dd");
      expect(cells[`L${r}`].formula).toBe(`=DALIANBING.OVERDUE(E${r},TODAY(),I${r},2024)`);
    }
    expect(cells.J7).toBeUndefined();
  });

  test("running it twice adds nothing twice", async () => {
    const { fake, adapter } = setup();
    await adapter.insertFormulaColumns();
    const once = fake.snapshot();
    expect(await adapter.insertFormulaColumns()).toMatchObject({ tables: 1, added: false });
    expect(fake.snapshot()).toEqual(once);
  });

  test("节点状态 turns red for 已逾期 and amber for 临期 by conditional formatting", async () => {
    const { fake, adapter } = setup();
    await adapter.insertFormulaColumns();
    expect(sheetOf(fake).conditionalFormats).toEqual([
      { range: "J3:J6", type: "Custom", formula: '=$J3="已逾期"', fill: FLAG_STYLE.overdue.fill, fontColor: FLAG_STYLE.overdue.font },
      { range: "J3:J6", type: "Custom", formula: '=$J3="临期"', fill: FLAG_STYLE["due-soon"].fill, fontColor: FLAG_STYLE["due-soon"].font },
    ]);
  });

  test("rows of a merged 市级辅助成果 cell reference its top-left cell and the done cell of its first row", async () => {
    const sheet = tableSheet();
    sheet.cells.E4 = { value: null };
    sheet.cells.E5 = { value: null };
    sheet.merges = [...(sheet.merges ?? []), "E3:E5"];
    sheet.cells.I2 = { value: "已完成节点" };
    const { fake, adapter } = setup(workbook(sheet));
    await adapter.insertFormulaColumns();
    const { cells } = sheetOf(fake);
    expect(cells.J2.value).toBe("节点状态");
    for (const r of [3, 4, 5]) expect(cells[`J${r}`].formula).toBe("=DALIANBING.STATUS(E3,TODAY(),I3,2024)");
    expect(cells.J6.formula).toBe("=DALIANBING.STATUS(E6,TODAY(),I6,2024)");
  });

  test("the staff's own cells and formatting are left as they were", async () => {
    const sheet = tableSheet();
    sheet.cells.E3 = { ...sheet.cells.E3, fill: "#00B050" };
    sheet.cells.I5 = { value: "员工备注" };
    const { fake, adapter } = setup(workbook(sheet));
    await adapter.insertFormulaColumns();
    const { cells } = sheetOf(fake);
    expect(cells.E3).toEqual(sheet.cells.E3);
    // The right edge was in use: columns were inserted, the staff's note moved right with its row.
    expect(cells.I2.value).toBe("已完成节点");
    expect(cells.M5.value).toBe("员工备注");
  });

  test("the new cells are a bordered, centred grid like the table's, wide enough for 无固定期限 and a date", async () => {
    const { fake, adapter } = setup();
    await adapter.insertFormulaColumns();
    const sheet = fake.snapshot({ formats: true }).sheets.find((s) => s.name === "攻坚任务")!;
    for (const r of [3, 6]) {
      for (const c of ["I", "J", "K", "L"]) {
        expect(sheet.cells[`${c}${r}`].style).toMatchObject({ horizontalAlignment: "Center", verticalAlignment: "Center", "borderTop.style": "Continuous", "borderLeft.style": "Continuous", "borderRight.style": "Continuous", "borderBottom.style": "Continuous" });
      }
    }
    // The table's own cells get nothing.
    expect(sheet.cells.H3.style).toBeUndefined();
    expect(sheet.columnWidths).toMatchObject({ I: 72, J: 68, K: 76, L: 48 });
  });
});

import { LEVEL1_TOTALS, RULE_SETS } from "../../src/core/rules";
import { setup } from "./fixtures";

function scorecard(fake: ReturnType<typeof setup>["fake"]) {
  return fake.snapshot({ formats: true }).sheets.find((s) => s.name === "评分表")!;
}

type Cells = ReturnType<typeof scorecard>["cells"];

/** The 1-based row whose 序号 (column A) is the item's id. */
function rowOfItem(cells: Cells, id: number): number {
  return Number(Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].value === id)!.slice(1));
}

function rowOfLabel(cells: Cells, text: string): number {
  return Number(Object.keys(cells).find((a) => /^[A-C]\d+$/.test(a) && cells[a].value === text)!.replace(/^[A-Z]+/, ""));
}

describe("insertScorecard", () => {
  test("builds one row per 攻坚 item with a SCORE formula over its labelled input cells, blank until filled", async () => {
    const { fake, adapter } = setup();
    expect(await adapter.insertScorecard()).toEqual({ sheet: "评分表", items: 51 });
    const { cells } = scorecard(fake);
    const itemRows = Object.entries(cells).filter(([a, c]) => /^F\d+$/.test(a) && c.formula?.includes("DALIANBING.SCORE("));
    expect(itemRows).toHaveLength(51);
    expect(RULE_SETS["攻坚"]).toHaveLength(51);

    // Item 1 takes 完成比例 (issue 3 §3): label in G, value in H, and the formula reads H.
    const r1 = rowOfItem(cells, 1);
    expect(cells[`F${r1}`].formula).toBe(`=IF(COUNTA(H${r1})=0,"",DALIANBING.SCORE(1,H${r1}))`);
    expect(String(cells[`G${r1}`].value)).toBe("完成比例（%）");
    // Item 18 takes the twelve monthly values as one range.
    const r18 = rowOfItem(cells, 18);
    expect(cells[`F${r18}`].formula).toBe(`=IF(COUNTA(H${r18}:S${r18})=0,"",DALIANBING.SCORE(18,H${r18}:S${r18}))`);
  });

  test("input cells are yellow, unlocked and formatted; scores show two decimals, a veto item 未否决 instead of 0", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const r1 = rowOfItem(cells, 1);
    expect(cells[`H${r1}`]).toMatchObject({ fill: "#FFF2CC", numberFormat: "0.00%", style: { locked: false } });
    // The label and the formula cell are neither yellow nor unlocked: only inputs are typed in.
    expect(cells[`G${r1}`].fill).toBeUndefined();
    expect(cells[`F${r1}`].fill).toBeUndefined();
    expect(cells[`F${r1}`].style?.locked).toBeUndefined();
    expect(cells[`F${r1}`].numberFormat).toBe("0.00");
    const r18 = rowOfItem(cells, 18);
    for (const c of ["H", "M", "S"]) expect(cells[`${c}${r18}`]).toMatchObject({ fill: "#FFF2CC", style: { locked: false } });
    expect(cells[`T${r18}`]?.fill).toBeUndefined();
    expect(cells[`F${rowOfItem(cells, 51)}`].numberFormat).toBe('"未否决";"未否决";"未否决";@');
  });

  test("each 一级指标 is a group closed by a 小计 over exactly its own rows (33/41/26), and the totals add up", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const subtotalCells: string[] = [];
    for (const [level1, max] of Object.entries(LEVEL1_TOTALS["攻坚"])) {
      const r = rowOfLabel(cells, `${level1} 小计`);
      expect(cells[`E${r}`].value).toBe(max);
      const m = /^=SUM\(\$F\$(\d+):\$F\$(\d+)\)$/.exec(cells[`F${r}`].formula ?? "");
      expect(m).not.toBeNull();
      const [first, last] = [Number(m![1]), Number(m![2])];
      const inRange = RULE_SETS["攻坚"].filter((i) => {
        const row = rowOfItem(cells, Number(i.id));
        return row >= first && row <= last;
      });
      const expected = RULE_SETS["攻坚"].filter((i) => i.level1 === level1 && (i.type === "score" || i.type === "deduction"));
      expect(inRange.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
      expect(last - first + 1).toBe(expected.length);
      // The group's title row sits right above its first item.
      expect(String(cells[`A${first - 1}`].value)).toContain(`${level1}（${max}分）`);
      subtotalCells.push(`F${r}`);
    }
    const baseTotal = rowOfLabel(cells, "基础分合计");
    expect(cells[`E${baseTotal}`].value).toBe(100);
    expect(cells[`F${baseTotal}`].formula).toBe(`=SUM(${subtotalCells.join(",")})`);
    const total = rowOfLabel(cells, "总分");
    const veto = rowOfLabel(cells, "否决情况");
    expect(cells[`F${total}`].formula).toBe(`=IF(F${veto}="否决","否决",F${baseTotal}+F${rowOfLabel(cells, "加分合计")})`);
  });

  test("bonus and veto items sit in their own sections, below the scored items", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const rowOf = (text: string) => Number(Object.keys(cells).find((a) => /^A\d+$/.test(a) && String(cells[a].value).startsWith(text))!.slice(1));
    const bonusSection = rowOf("二、加分项");
    const vetoSection = rowOf("三、否决项");
    for (const item of RULE_SETS["攻坚"]) {
      const r = rowOfItem(cells, Number(item.id));
      expect(cells[`D${r}`].value).toBe({ score: "得分项", bonus: "加分项", deduction: "扣分项", veto: "否决项" }[item.type]);
      if (item.type === "bonus") expect(r > bonusSection && r < vetoSection).toBe(true);
      else if (item.type === "veto") expect(r).toBeGreaterThan(vetoSection);
      else expect(r).toBeLessThan(bonusSection);
    }
  });

  test("prints landscape A3, one page wide, with the header row on every page, where ExcelApi 1.9 is there", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const sheet = scorecard(fake);
    expect(sheet.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A3", zoom: { horizontalFitToPages: 1 }, centerHorizontally: true, printTitleRows: "$3:$3" });
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.cells.A3.value).toBe("序号");

    const old = setup(undefined, { apiVersion: "1.8" });
    await old.adapter.insertScorecard();
    const built = scorecard(old.fake);
    expect(built.pageLayout).toBeUndefined();
    expect(Object.values(built.cells).filter((c) => c.formula?.includes("DALIANBING.SCORE("))).toHaveLength(51);
  });

  test("rebuilding keeps what staff typed in the input cells", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const r1 = rowOfItem(cells, 1);
    const r18 = rowOfItem(cells, 18);
    await fake.Excel.run((async (ctx: Excel.RequestContext) => {
      const sheet = ctx.workbook.worksheets.getItem("评分表");
      sheet.getRange(`H${r1}`).values = [[0.95]];
      sheet.getRange(`H${r18}:S${r18}`).values = [[0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 1, 0.9]];
      await ctx.sync();
    }) as never);
    await adapter.insertScorecard();
    const after = scorecard(fake);
    expect(after.cells[`H${r1}`].value).toBe(0.95);
    expect(after.cells[`S${r18}`].value).toBe(0.9);
    expect(fake.snapshot().sheets.filter((s) => s.name.startsWith("评分表"))).toHaveLength(1);
  });

  test("a sheet of the earlier layout (一级指标 in B, inputs from H) keeps its typed inputs when rebuilt", async () => {
    // Item 1's label in H and value in I, as the first version of 插入评分表 wrote them.
    const { fake, adapter } = setup({
      sheets: [
        { name: "攻坚任务", cells: { A1: { value: "x" } } },
        { name: "评分表", cells: { A1: { value: "盘锦市2024年大练兵 表现突出集体攻坚任务评分表" }, A5: { value: 1 }, B5: { value: "队伍建设与管理" }, H5: { value: "完成比例（%）" }, I5: { value: 0.8 } } },
      ],
    });
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    expect(cells[`H${rowOfItem(cells, 1)}`].value).toBe(0.8);
  });
});

import { LEVEL1_TOTALS, RULE_SETS } from "../../src/core/rules";
import { setup } from "./fixtures";

function scorecard(fake: ReturnType<typeof setup>["fake"]) {
  return fake.snapshot().sheets.find((s) => s.name === "评分表")!;
}

describe("insertScorecard", () => {
  test("builds one row per 攻坚 item with a SCORE formula over its labelled input cells", async () => {
    const { fake, adapter } = setup();
    expect(await adapter.insertScorecard()).toEqual({ sheet: "评分表", items: 51 });
    const { cells } = scorecard(fake);
    const itemRows = Object.entries(cells).filter(([a, c]) => /^G\d+$/.test(a) && c.formula?.startsWith("=DALIANBING.SCORE("));
    expect(itemRows).toHaveLength(51);
    expect(RULE_SETS["攻坚"]).toHaveLength(51);

    // Item 1 takes 完成比例 (issue 3 §3): label in H, value in I, and the formula reads I.
    const row1 = Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].value === 1)!.slice(1);
    expect(cells[`G${row1}`].formula).toBe(`=DALIANBING.SCORE(1,I${row1})`);
    expect(String(cells[`H${row1}`].value)).toContain("完成比例");
    expect(cells[`I${row1}`].fill).toBe("#FFF2CC");

    // Item 18 takes the twelve monthly values as one range.
    const row18 = Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].value === 18)!.slice(1);
    expect(cells[`G${row18}`].formula).toBe(`=DALIANBING.SCORE(18,I${row18}:T${row18})`);
  });

  test("subtotals per 一级指标 sum the score column; the total adds the bonus unless vetoed", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const level1s = Object.keys(LEVEL1_TOTALS["攻坚"]);
    for (const level1 of level1s) {
      const label = Object.keys(cells).find((a) => /^D\d+$/.test(a) && cells[a].value === `${level1} 小计`);
      expect(label).toBeDefined();
      const r = label!.slice(1);
      expect(cells[`F${r}`].value).toBe(LEVEL1_TOTALS["攻坚"][level1]);
      expect(cells[`G${r}`].formula).toMatch(new RegExp(`^=SUMIFS\\(\\$G\\$\\d+:\\$G\\$\\d+,\\$B\\$\\d+:\\$B\\$\\d+,"${level1}"\\)$`));
    }
    const totalRow = Object.keys(cells).find((a) => /^D\d+$/.test(a) && cells[a].value === "总分")!.slice(1);
    expect(cells[`G${totalRow}`].formula).toMatch(/^=IF\(G\d+="否决","否决",G\d+\+G\d+\)$/);
  });

  test("bonus and veto items sit in their own sections, below the scored items", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const rowOf = (text: string) => Number(Object.keys(cells).find((a) => /^A\d+$/.test(a) && String(cells[a].value).startsWith(text))!.slice(1));
    const bonusSection = rowOf("二、加分项");
    for (const item of RULE_SETS["攻坚"]) {
      const r = Number(Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].value === Number(item.id))!.slice(1));
      expect(cells[`E${r}`].value).toBe({ score: "得分项", bonus: "加分项", deduction: "扣分项", veto: "否决项" }[item.type]);
      if (item.type === "bonus" || item.type === "veto") expect(r).toBeGreaterThan(bonusSection);
      else expect(r).toBeLessThan(bonusSection);
    }
  });

  test("rebuilding keeps what staff typed in the input cells", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard();
    const { cells } = scorecard(fake);
    const row1 = Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].value === 1)!.slice(1);
    await fake.Excel.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("评分表").getRange(`I${row1}`).values = [[0.95]];
      await ctx.sync();
    }) as never);
    await adapter.insertScorecard();
    const after = scorecard(fake);
    expect(after.cells[`I${row1}`].value).toBe(0.95);
    expect(fake.snapshot().sheets.filter((s) => s.name.startsWith("评分表"))).toHaveLength(1);
  });
});

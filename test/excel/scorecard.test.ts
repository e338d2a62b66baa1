/**
 * 插入评分表 (issue 7 §2) through the real adapter on the in-memory Excel, for all four rule sets:
 * what a person opening the sheet would see — one live score per item, yellow input cells, month
 * names over monthly inputs, subtotals, bonus cap, veto, total, merged cells, font and print setup —
 * and that rebuilding keeps what was typed, in sheets of this layout and of the earlier one.
 */
import { bonusMaximum, CAMPAIGN_MONTHS, LEVEL1_TOTALS, RULE_SETS } from "../../src/core/rules";
import type { RuleItem, RuleSetId } from "../../src/core/rules/types";
import { columnIndex, columnName } from "../../src/core/address";
import type { SheetSnapshot, SnapshotCell } from "../support/in-memory-excel";
import { setup, tableSheet, workbook } from "./fixtures";

type Fake = ReturnType<typeof setup>["fake"];
type Cells = Record<string, SnapshotCell>;

const SETS: RuleSetId[] = ["攻坚", "基准市", "基准县", "个人"];
const SHEET: Record<RuleSetId, string> = { 攻坚: "评分表", 基准市: "评分表（基准市级）", 基准县: "评分表（基准县级）", 个人: "评分表（个人）" };
/** The maxima of the 一级指标 as 附件4–6 give them (基准县: 附件5's 30 less the 稽查评查 it takes no part in). */
const MAXIMA: Record<RuleSetId, number[]> = { 攻坚: [33, 41, 26], 基准市: [30, 42, 28], 基准县: [25, 42, 28], 个人: [8, 50, 31, 11] };
const INPUT_FILL = "#FFF2CC";

function sheetOf(fake: Fake, name: string): SheetSnapshot {
  const sheet = fake.snapshot({ formats: true }).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The 序号 as the sheet shows it: 攻坚's serial number, the 附件 number ("2.1.1") otherwise. */
function shownId(item: RuleItem): string {
  return item.set === "攻坚" ? item.id : item.id.slice(item.id.indexOf("-") + 1);
}

/** The 1-based row whose 序号 (column A) is the item's. */
function rowOfItem(cells: Cells, item: RuleItem): number {
  const address = Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a].value !== null && String(cells[a].value) === shownId(item));
  if (!address) throw new Error(`no row for ${item.id}`);
  return Number(address.slice(1));
}

function item(set: RuleSetId, id: string): RuleItem {
  return RULE_SETS[set].find((i) => i.id === id)!;
}

/** The row of the cell in columns A–C holding exactly `text` (小计, 合计 labels). */
function rowOfText(cells: Cells, text: string): number {
  const address = Object.keys(cells).find((a) => /^[A-C]\d+$/.test(a) && cells[a].value === text);
  if (!address) throw new Error(`no cell ${text}`);
  return Number(address.replace(/^[A-Z]+/, ""));
}

/** The row of the section title (column A) starting with `text`, e.g. "二、加分项". */
function rowOfSection(cells: Cells, text: RegExp): number {
  const address = Object.keys(cells).find((a) => /^A\d+$/.test(a) && text.test(String(cells[a].value)));
  if (!address) throw new Error(`no section ${text}`);
  return Number(address.slice(1));
}

interface ScoreFormula {
  id: string;
  /** The ranges COUNTA looks at: what staff type. */
  counted: string[];
  /** Every SCORE argument after the id, one per input. */
  args: string[];
}

const SCORE = /^=IF\(COUNTA\(([^()]*)\)=0,"",DALIANBING\.SCORE\(([^()]*)\)\)$/;

function scoreFormula(cells: Cells, row: number): ScoreFormula {
  const formula = cells[`F${row}`]?.formula ?? "";
  const m = SCORE.exec(formula);
  if (!m) throw new Error(`F${row} is not a blank-until-filled SCORE formula: ${formula}`);
  const [id, ...args] = m[2].split(",");
  return { id, counted: m[1].split(","), args };
}

/** "H7:S7" → H7 … S7; "H7" → H7. */
function cellsIn(range: string): string[] {
  const [first, last = first] = range.split(":");
  const row = Number(first.replace(/^[A-Z]+/, ""));
  expect(Number(last.replace(/^[A-Z]+/, ""))).toBe(row);
  const out: string[] = [];
  for (let c = columnIndex(first.replace(/\d+$/, "")); c <= columnIndex(last.replace(/\d+$/, "")); c++) out.push(`${columnName(c)}${row}`);
  return out;
}

const rowOfAddress = (address: string): number => Number(address.replace(/^\$?[A-Z]+\$?/, "").split(":")[0]);

/** The F rows a summary formula adds up: its $F$a:$F$b ranges and single F cells. */
function summedRows(formula: string): number[] {
  const rows: number[] = [];
  for (const m of formula.matchAll(/\$?F\$?(\d+)(?::\$?F\$?(\d+))?/g)) {
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    for (let r = first; r <= last; r++) rows.push(r);
  }
  return rows;
}

/** The 得分 cells (column F) a reference formula reads; it reads no typed cell and scores nothing itself. */
function referencedScores(formula: string | undefined): string[] {
  expect(formula).toMatch(/^=/);
  expect(formula).not.toMatch(/DALIANBING|[G-Z]\$?\d/);
  return [...new Set(formula!.match(/F\d+/g) ?? [])].sort();
}

function isBase(i: RuleItem): boolean {
  return (i.type === "score" || i.type === "deduction") && !i.outsideProvince;
}

/** Types a distinct number into every cell SCORE counts as typed input, in one batch; returns them. */
async function fillEveryInput(fake: Fake, set: RuleSetId, sheet = SHEET[set]): Promise<Map<string, number>> {
  const { cells } = sheetOf(fake, sheet);
  const typed = new Map<string, number>();
  for (const i of RULE_SETS[set]) for (const range of scoreFormula(cells, rowOfItem(cells, i)).counted) for (const a of cellsIn(range)) typed.set(a, typed.size + 1);
  await fake.Excel.run((async (ctx: Excel.RequestContext) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [address, value] of typed) ws.getRange(address).values = [[value]];
    await ctx.sync();
  }) as never);
  return typed;
}

describe.each(SETS)("插入评分表 %s", (set) => {
  test("one live DALIANBING.SCORE per catalog item, blank until its typed inputs are filled, with the item's id", async () => {
    const { fake, adapter } = setup();
    expect(await adapter.insertScorecard(set)).toEqual({ sheet: SHEET[set], items: RULE_SETS[set].length, kept: 0 });
    const { cells } = sheetOf(fake, SHEET[set]);
    const scores = Object.entries(cells).filter(([, c]) => c.formula?.includes("DALIANBING.SCORE("));
    expect(scores).toHaveLength(RULE_SETS[set].length);
    for (const i of RULE_SETS[set]) {
      const row = rowOfItem(cells, i);
      const f = scoreFormula(cells, row);
      // 攻坚 takes its serial as a number; the others their catalog id, quoted ("基准市-2.1.1").
      expect(f.id).toBe(set === "攻坚" ? i.id : `"${i.id}"`);
      expect(f.args).toHaveLength(i.inputs.length);
      // COUNTA looks at exactly the typed inputs, not at references to other items' scores.
      expect(f.counted).toEqual(f.args.filter((_, k) => !i.inputs[k].scoreOf));
      // The score cell is computed: never yellow, never unlocked; nothing is shown before filling.
      expect(cells[`F${row}`]).toMatchObject({ value: null, numberFormat: i.type === "veto" ? '"未否决";"未否决";"未否决";@' : "0.00" });
      expect(cells[`F${row}`].fill).toBeUndefined();
      expect(cells[`F${row}`].style?.locked).toBeUndefined();
    }
  });

  test("every typed input is a yellow unlocked cell in 填报数值 (H…) beside its label in 填报内容 (G)", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard(set);
    const { cells } = sheetOf(fake, SHEET[set]);
    expect(["A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3"].map((a) => cells[a].value)).toEqual(["序号", "二级指标", "评审项目", "类型", "分值", "得分", "填报内容（单位）", "填报数值"]);
    for (const i of RULE_SETS[set]) {
      const f = scoreFormula(cells, rowOfItem(cells, i));
      i.inputs.forEach((spec, k) => {
        const range = cellsIn(f.args[k]);
        expect(range[0]).toMatch(/^H\d+$/);
        const valueRow = rowOfAddress(range[0]);
        // A monthly input's label sits in the month-name row above its values (merged over both).
        const labelRow = spec.kind === "monthly" ? valueRow - 1 : valueRow;
        expect(String(cells[`G${labelRow}`].value).startsWith(spec.name)).toBe(true);
        expect(cells[`G${labelRow}`].fill).toBeUndefined();
        for (const a of range) {
          if (spec.scoreOf) expect(cells[a].fill).toBeUndefined();
          else expect(cells[a]).toMatchObject({ fill: INPUT_FILL, style: { locked: false } });
        }
        if (spec.kind === "monthly") {
          expect(range).toHaveLength(12);
          expect(range.map((a) => cells[a.replace(/\d+$/, String(labelRow))].value)).toEqual(CAMPAIGN_MONTHS);
        }
        if (spec.kind === "ratio") expect(cells[range[0]].numberFormat).toBe("0.00%");
      });
    }
  });

  test("each 一级指标 is a group closed by a 小计 of its maximum over exactly its own rows; 基础分合计 adds the 小计", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard(set);
    const { cells } = sheetOf(fake, SHEET[set]);
    const levels = Object.keys(LEVEL1_TOTALS[set]);
    expect(levels.map((l) => LEVEL1_TOTALS[set][l])).toEqual(MAXIMA[set]);
    const subtotalCells: string[] = [];
    levels.forEach((level1, g) => {
      const r = rowOfText(cells, `${level1} 小计`);
      expect(cells[`E${r}`].value).toBe(MAXIMA[set][g]);
      const m = /^=SUM\(\$F\$(\d+):\$F\$(\d+)\)$/.exec(cells[`F${r}`].formula ?? "");
      expect(m).not.toBeNull();
      const [first, last] = [Number(m![1]), Number(m![2])];
      const inRange = RULE_SETS[set].filter((i) => {
        const row = rowOfItem(cells, i);
        return row >= first && row <= last;
      });
      const own = RULE_SETS[set].filter((i) => i.level1 === level1 && isBase(i));
      expect(inRange.map((i) => i.id).sort()).toEqual(own.map((i) => i.id).sort());
      // The range starts at the group's first item, right below the group's title, and ends before the 小计.
      expect(Math.min(...own.map((i) => rowOfItem(cells, i)))).toBe(first);
      expect(String(cells[`A${first - 1}`].value)).toContain(`${level1}（${MAXIMA[set][g]}分`);
      // …and ends at the group's last item (the top row of an item spanning several), just above the 小计.
      const lastTop = Math.max(...own.map((i) => rowOfItem(cells, i)));
      expect(last).toBe(lastTop);
      expect(Math.max(lastTop, ...scoreFormula(cells, lastTop).args.map(rowOfAddress))).toBe(r - 1);
      subtotalCells.push(`F${r}`);
    });
    const baseTotal = rowOfText(cells, "基础分合计");
    expect(cells[`E${baseTotal}`].value).toBe(MAXIMA[set].reduce((a, b) => a + b, 0));
    expect(cells[`F${baseTotal}`].formula).toBe(`=SUM(${subtotalCells.join(",")})`);
  });

  test("bonus items are in their own section, capped with MIN(…, the bonus maximum); the veto section decides 否决情况; 总分 adds up", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard(set);
    const { cells } = sheetOf(fake, SHEET[set]);
    const bonusSection = rowOfSection(cells, /^二、加分项/);
    const vetoSection = rowOfSection(cells, /^[三四]、否决项/);
    const totalsSection = rowOfSection(cells, /^[四五]、合计/);
    for (const i of RULE_SETS[set]) {
      const r = rowOfItem(cells, i);
      expect(cells[`D${r}`].value).toMatch({ score: /^得分项$/, bonus: /^加分项$/, deduction: /^扣分项/, veto: /^否决项$/ }[i.type]);
      if (i.type === "veto") expect(r > vetoSection && r < totalsSection).toBe(true);
      else if (i.type === "bonus") expect(r > bonusSection && r < vetoSection).toBe(true);
      else expect(r).toBeLessThan(bonusSection);
    }

    const bonusRow = rowOfText(cells, `加分合计（最多${bonusMaximum(set)}分）`);
    expect(cells[`E${bonusRow}`].value).toBe(bonusMaximum(set));
    const bonus = /^=MIN\(SUM\(\$F\$(\d+):\$F\$(\d+)\),([\d.]+)\)$/.exec(cells[`F${bonusRow}`].formula ?? "");
    expect(bonus).not.toBeNull();
    expect(Number(bonus![3])).toBe(bonusMaximum(set));
    const bonusItems = RULE_SETS[set].filter((i) => i.type === "bonus" && !i.outsideProvince);
    const inBonus = RULE_SETS[set].filter((i) => {
      const r = rowOfItem(cells, i);
      return r >= Number(bonus![1]) && r <= Number(bonus![2]);
    });
    expect(inBonus.map((i) => i.id).sort()).toEqual(bonusItems.map((i) => i.id).sort());

    const vetoRow = rowOfText(cells, "否决情况");
    const veto = /^=IF\(COUNTIF\(\$F\$(\d+):\$F\$(\d+),"否决\*"\)>0,"否决","未否决"\)$/.exec(cells[`F${vetoRow}`].formula ?? "");
    expect(veto).not.toBeNull();
    const vetoItems = RULE_SETS[set].filter((i) => i.type === "veto");
    expect(vetoItems.length).toBeGreaterThan(0);
    for (const i of vetoItems) expect(rowOfItem(cells, i)).toBeGreaterThanOrEqual(Number(veto![1]));
    for (const i of vetoItems) expect(rowOfItem(cells, i)).toBeLessThanOrEqual(Number(veto![2]));

    const baseTotal = rowOfText(cells, "基础分合计");
    const total = rowOfText(cells, "总分");
    expect(cells[`F${total}`].formula).toBe(`=IF(F${vetoRow}="否决","否决",F${baseTotal}+F${bonusRow})`);
    expect(cells[`E${total}`].value).toBe(MAXIMA[set].reduce((a, b) => a + b, 0) + bonusMaximum(set));
  });

  test("the title, the header's 填报数值 and every item over several rows are merged cells", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard(set);
    const { cells, merges = [] } = sheetOf(fake, SHEET[set]);
    // Every set has a monthly input, so the table is A…S wide.
    expect(merges).toEqual(expect.arrayContaining(["A1:S1", "H3:S3"]));
    let spanning = 0;
    for (const i of RULE_SETS[set]) {
      const top = rowOfItem(cells, i);
      const bottom = Math.max(...scoreFormula(cells, top).args.map(rowOfAddress));
      if (bottom === top) continue;
      spanning++;
      for (const c of ["A", "B", "C", "D", "E", "F"]) expect(merges).toContain(`${c}${top}:${c}${bottom}`);
    }
    expect(spanning).toBeGreaterThan(0);
  });

  test("prints landscape A3, one page wide at ≥ 90 %, the header row on every page, where ExcelApi 1.9 is there", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard(set);
    const sheet = sheetOf(fake, SHEET[set]);
    expect(sheet.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A3", zoom: { horizontalFitToPages: 1 }, centerHorizontally: true, printTitleRows: "$3:$3" });
    expect(sheet.frozenRows).toBe(3);
    // A3 landscape less 0.7-inch margins: the 10 pt labels print at ≥ 9 pt.
    const printable = (420 / 25.4) * 72 - 2 * 0.7 * 72;
    const width = Object.values(sheet.columnWidths ?? {}).reduce((a, b) => a + b, 0);
    expect(Object.keys(sheet.columnWidths ?? {})).toHaveLength(19);
    expect(printable / width).toBeGreaterThanOrEqual(0.9);

    const old = setup(undefined, { apiVersion: "1.8" });
    await old.adapter.insertScorecard(set);
    const built = sheetOf(old.fake, SHEET[set]);
    expect(built.pageLayout).toBeUndefined();
    expect(Object.values(built.cells).filter((c) => c.formula?.includes("DALIANBING.SCORE("))).toHaveLength(RULE_SETS[set].length);
  });

  test("rebuilding keeps every typed input where it was, says how many, and leaves one sheet", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard(set);
    const typed = await fillEveryInput(fake, set);
    const before = sheetOf(fake, SHEET[set]).cells;
    expect(await adapter.insertScorecard(set)).toEqual({ sheet: SHEET[set], items: RULE_SETS[set].length, kept: typed.size });
    const after = sheetOf(fake, SHEET[set]);
    for (const [address, value] of typed) expect(after.cells[address].value).toBe(value);
    // The formulas are the new sheet's, the same as before.
    for (const [address, c] of Object.entries(before)) if (c.formula) expect(after.cells[address].formula).toBe(c.formula);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["攻坚任务", SHEET[set]]);
  });

  test("the number of syncs is small and does not grow with the items or the typed inputs", async () => {
    const { fake, adapter } = setup();
    let at = fake.syncCount();
    await adapter.insertScorecard(set);
    expect(fake.syncCount() - at).toBeLessThanOrEqual(3);
    at = fake.syncCount();
    await adapter.insertScorecard(set, { fontFrom: { sheet: "攻坚任务", row: 2, col: 0 } });
    const emptyRebuild = fake.syncCount() - at;
    expect(emptyRebuild).toBeLessThanOrEqual(4);
    await fillEveryInput(fake, set);
    at = fake.syncCount();
    await adapter.insertScorecard(set, { fontFrom: { sheet: "攻坚任务", row: 2, col: 0 } });
    expect(fake.syncCount() - at).toBe(emptyRebuild);
  });
});

test("插入评分表 takes as many syncs for 个人's 16 items as for 攻坚's 51", async () => {
  const syncs = async (set: RuleSetId): Promise<number[]> => {
    const { fake, adapter } = setup();
    const counts: number[] = [];
    for (let k = 0; k < 2; k++) {
      const at = fake.syncCount();
      await adapter.insertScorecard(set, { fontFrom: { sheet: "攻坚任务", row: 2, col: 0 } });
      counts.push(fake.syncCount() - at);
    }
    return counts;
  };
  const counts = await Promise.all(SETS.map(syncs));
  for (const c of counts) expect(c).toEqual(counts[0]);
});

describe("插入评分表: what is particular to one set", () => {
  test("攻坚18 shows 2023年12月 … 2024年11月 in the row above its twelve yellow unlocked cells, and its formula reads that row's H:S", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("攻坚");
    const { cells } = sheetOf(fake, "评分表");
    const r = rowOfItem(cells, item("攻坚", "18"));
    expect(cells[`F${r}`].formula).toBe(`=IF(COUNTA(H${r + 1}:S${r + 1})=0,"",DALIANBING.SCORE(18,H${r + 1}:S${r + 1}))`);
    const months = ["H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S"];
    expect(months.map((c) => cells[`${c}${r}`].value)).toEqual([
      "2023年12月",
      "2024年1月",
      "2024年2月",
      "2024年3月",
      "2024年4月",
      "2024年5月",
      "2024年6月",
      "2024年7月",
      "2024年8月",
      "2024年9月",
      "2024年10月",
      "2024年11月",
    ]);
    for (const c of months) {
      // Month names are text, not typed in; the values below them are.
      expect(cells[`${c}${r}`].fill).not.toBe(INPUT_FILL);
      expect(cells[`${c}${r}`].style?.locked).toBeUndefined();
      expect(cells[`${c}${r + 1}`]).toMatchObject({ fill: INPUT_FILL, numberFormat: "0.00%", style: { locked: false } });
    }
    expect(cells[`T${r + 1}`]?.fill).toBeUndefined();
    expect(String(cells[`G${r}`].value)).toBe("各月录入移动执法系统人员比例（%），按月填写");
    const { merges = [] } = sheetOf(fake, "评分表");
    expect(merges).toEqual(expect.arrayContaining([`A${r}:A${r + 1}`, `F${r}:F${r + 1}`, `G${r}:G${r + 1}`]));
  });

  test("攻坚1 takes 完成比例 in H, formatted as a percentage", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("攻坚");
    const { cells } = sheetOf(fake, "评分表");
    const r = rowOfItem(cells, item("攻坚", "1"));
    expect(cells[`F${r}`].formula).toBe(`=IF(COUNTA(H${r})=0,"",DALIANBING.SCORE(1,H${r}))`);
    expect(cells[`G${r}`].value).toBe("完成比例（%）");
    expect(cells[`H${r}`]).toMatchObject({ fill: INPUT_FILL, numberFormat: "0.00%", style: { locked: false } });
  });

  test("an input that is another item's score is a formula on that item's 得分 cell (攻坚13 → 12, 攻坚44 → 42 and 43), neither yellow nor unlocked", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("攻坚");
    const { cells } = sheetOf(fake, "评分表");
    const scoreCell = (id: string) => `F${rowOfItem(cells, item("攻坚", id))}`;

    const r13 = rowOfItem(cells, item("攻坚", "13"));
    expect(cells[`F${r13}`].formula).toBe(`=IF(COUNTA(H${r13})=0,"",DALIANBING.SCORE(13,H${r13},H${r13 + 1}))`);
    expect(cells[`G${r13 + 1}`].value).toBe("第12项得分（自动引用）");
    expect(referencedScores(cells[`H${r13 + 1}`].formula)).toEqual([scoreCell("12")]);

    const r44 = rowOfItem(cells, item("攻坚", "44"));
    const f44 = scoreFormula(cells, r44);
    expect(f44.counted).toEqual([`H${r44}`]);
    expect(f44.args).toEqual([`H${r44}`, `H${r44 + 1}`, `H${r44 + 2}`]);
    expect(referencedScores(cells[`H${r44 + 1}`].formula)).toEqual([scoreCell("42")]);
    expect(referencedScores(cells[`H${r44 + 2}`].formula)).toEqual([scoreCell("43")]);

    for (const a of [`H${r13 + 1}`, `H${r44 + 1}`, `H${r44 + 2}`]) {
      expect(cells[a].fill).toBeUndefined();
      expect(cells[a].style?.locked).toBeUndefined();
    }
  });

  test("基准市-2.2.3 takes the scores of 2.2.1 and 2.2.2 together", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("基准市");
    const { cells } = sheetOf(fake, "评分表（基准市级）");
    const scoreCell = (id: string) => `F${rowOfItem(cells, item("基准市", id))}`;
    const f = scoreFormula(cells, rowOfItem(cells, item("基准市", "基准市-2.2.3")));
    expect(referencedScores(cells[f.args[2]].formula)).toEqual([scoreCell("基准市-2.2.1"), scoreCell("基准市-2.2.2")].sort());
    expect(f.counted).toEqual(f.args.slice(0, 2));
  });

  test("攻坚21 (分解表自设项, not in 附件4) has its own section and counts in no 小计, bonus, veto or total", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("攻坚");
    const { cells } = sheetOf(fake, "评分表");
    const r21 = rowOfItem(cells, item("攻坚", "21"));
    const section = rowOfSection(cells, /^三、分解表自设项/);
    expect(String(cells[`A${section}`].value)).toContain("不计入总分");
    expect(r21).toBeGreaterThan(section);
    expect(r21).toBeLessThan(rowOfSection(cells, /^四、否决项/));
    // It is still scored in its own row.
    expect(scoreFormula(cells, r21).id).toBe("21");
    const itemRows = new Set(RULE_SETS["攻坚"].map((i) => rowOfItem(cells, i)));
    const summaries = Object.entries(cells).filter(([a, c]) => /^F\d+$/.test(a) && c.formula && !itemRows.has(rowOfAddress(a)));
    expect(summaries.length).toBeGreaterThanOrEqual(3 + 4);
    for (const [, c] of summaries) expect(summedRows(c.formula!)).not.toContain(r21);
  });

  test("攻坚's bonus is capped at 3 分 and its veto is item 51", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("攻坚");
    const { cells } = sheetOf(fake, "评分表");
    expect(cells[`F${rowOfText(cells, "加分合计（最多3分）")}`].formula).toMatch(/^=MIN\(SUM\(\$F\$\d+:\$F\$\d+\),3\)$/);
    const r51 = rowOfItem(cells, item("攻坚", "51"));
    expect(r51).toBeGreaterThan(rowOfSection(cells, /^四、否决项/));
    expect(cells[`F${r51}`].numberFormat).toBe('"未否决";"未否决";"未否决";@');
  });

  test("个人 with candidate 张三 makes 评分表（个人-张三） with 张三 in the 候选人姓名 cell; another candidate gets a sheet of their own", async () => {
    const { fake, adapter } = setup();
    expect(await adapter.insertScorecard("个人", { candidate: "张三" })).toEqual({ sheet: "评分表（个人-张三）", items: RULE_SETS["个人"].length, kept: 0 });
    const { cells } = sheetOf(fake, "评分表（个人-张三）");
    expect(cells.G2.value).toBe("候选人姓名");
    expect(cells.H2).toMatchObject({ value: "张三", fill: INPUT_FILL, style: { locked: false } });
    expect(Object.values(cells).filter((c) => c.formula?.includes("DALIANBING.SCORE("))).toHaveLength(RULE_SETS["个人"].length);
    await adapter.insertScorecard("个人", { candidate: "李四" });
    await adapter.insertScorecard("个人");
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["攻坚任务", "评分表（个人-张三）", "评分表（个人-李四）", "评分表（个人）"]);
    const blank = sheetOf(fake, "评分表（个人）").cells;
    expect(blank.G2.value).toBe("候选人姓名");
    expect(blank.H2).toMatchObject({ value: null, fill: INPUT_FILL });
  });

  test("the four sets live side by side in one workbook", async () => {
    const { fake, adapter } = setup();
    for (const set of SETS) await adapter.insertScorecard(set);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["攻坚任务", ...SETS.map((s) => SHEET[s])]);
    for (const set of SETS) {
      const { cells } = sheetOf(fake, SHEET[set]);
      expect(String(cells.A1.value)).toContain("评分表");
      expect(Object.values(cells).filter((c) => c.formula?.includes("DALIANBING.SCORE("))).toHaveLength(RULE_SETS[set].length);
    }
  });
});

describe("插入评分表: font", () => {
  test("new cells take the table's font when fontFrom points at a cell with a font name", async () => {
    const table = tableSheet();
    table.cells.A2 = { ...table.cells.A2, style: { fontName: "仿宋_GB2312" } };
    const { fake, adapter } = setup(workbook(table));
    await adapter.insertScorecard("基准县", { fontFrom: { sheet: "攻坚任务", row: 1, col: 0 } });
    const { cells } = sheetOf(fake, "评分表（基准县级）");
    const fonts = new Set(Object.values(cells).map((c) => c.style?.fontName));
    expect([...fonts]).toEqual(["仿宋_GB2312"]);
    // The table itself is not touched.
    expect(sheetOf(fake, "攻坚任务").cells.B2.style?.fontName).toBeUndefined();
  });

  test("without fontFrom, or when its sheet is gone, the cells keep Excel's default font and the sheet is built", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("攻坚");
    await adapter.insertScorecard("个人", { fontFrom: { sheet: "已删除的表", row: 1, col: 0 } });
    for (const name of ["评分表", "评分表（个人）"]) {
      const { cells } = sheetOf(fake, name);
      expect(Object.values(cells).filter((c) => c.style?.fontName !== undefined)).toEqual([]);
      expect(Object.values(cells).filter((c) => c.formula?.includes("DALIANBING.SCORE(")).length).toBeGreaterThan(0);
    }
  });
});

describe("插入评分表: rebuilding an existing sheet", () => {
  test("the rebuilt sheet keeps its tab: a 评分表 between two sheets stays between them", async () => {
    const { fake, adapter } = setup(workbook(tableSheet("攻坚任务"), { name: "说明", cells: { A1: { value: "备注" } } }));
    await adapter.insertScorecard("攻坚");
    // Move it between the two sheets, as a user would drag the tab.
    const moved = fake.snapshot();
    const card = moved.sheets.pop()!;
    moved.sheets.splice(1, 0, card);
    const again = setup(moved);
    await again.adapter.insertScorecard("攻坚");
    expect(again.fake.snapshot().sheets.map((s) => s.name)).toEqual(["攻坚任务", "评分表", "说明"]);
  });

  test("a sheet of the earlier layout (all inputs of an item in one row, monthly values beside the label) keeps its typed inputs", async () => {
    const spec = (id: string, k: number) => item("攻坚", id).inputs[k];
    const label = (id: string, k: number) => {
      const s = spec(id, k);
      return s.scoreOf ? `${s.name}（自动引用）` : `${s.name}${s.unit ? `（${s.unit}）` : ""}`;
    };
    const monthly = [0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 1, 0.9];
    const old: Cells = {
      A1: { value: "盘锦市2024年大练兵 表现突出集体攻坚任务评分表" },
      A3: { value: "序号" },
      B3: { value: "二级指标" },
      C3: { value: "评审项目" },
      D3: { value: "类型" },
      E3: { value: "分值" },
      F3: { value: "得分" },
      G3: { value: "填报内容" },
      A5: { value: 1 },
      F5: { value: null, formula: '=IF(COUNTA(H5)=0,"",DALIANBING.SCORE(1,H5))' },
      G5: { value: label("1", 0) },
      H5: { value: 0.8 },
      // Two inputs in one row: label G, value H, label I, value J.
      A6: { value: 2 },
      G6: { value: label("2", 0) },
      H6: { value: 3 },
      I6: { value: label("2", 1) },
      J6: { value: 2 },
      // Twelve monthly values right of the label, no month names.
      A7: { value: 18 },
      G7: { value: label("18", 0) },
      ...Object.fromEntries(monthly.map((v, k) => [`${columnName(7 + k)}7`, { value: v }])),
      // A reference to item 12's score is the sheet's, not typed: not carried over.
      A8: { value: 13 },
      G8: { value: label("13", 0) },
      H8: { value: 1 },
      I8: { value: label("13", 1) },
      J8: { value: 2.5, formula: "=F9" },
      A9: { value: 12 },
    };
    const { fake, adapter } = setup(workbook(tableSheet(), { name: "评分表", cells: old }));
    expect(await adapter.insertScorecard("攻坚")).toEqual({ sheet: "评分表", items: 51, kept: 1 + 2 + 12 + 1 });
    const { cells } = sheetOf(fake, "评分表");
    const r1 = rowOfItem(cells, item("攻坚", "1"));
    const r2 = rowOfItem(cells, item("攻坚", "2"));
    const r18 = rowOfItem(cells, item("攻坚", "18"));
    const r13 = rowOfItem(cells, item("攻坚", "13"));
    expect(cells[`H${r1}`].value).toBe(0.8);
    expect([cells[`H${r2}`].value, cells[`H${r2 + 1}`].value]).toEqual([3, 2]);
    expect(cellsIn(`H${r18 + 1}:S${r18 + 1}`).map((a) => cells[a].value)).toEqual(monthly);
    // The month names stay above the values.
    expect(cells[`H${r18}`].value).toBe("2023年12月");
    expect(cells[`H${r13}`].value).toBe(1);
    expect(referencedScores(cells[`H${r13 + 1}`].formula)).toEqual([`F${rowOfItem(cells, item("攻坚", "12"))}`]);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["攻坚任务", "评分表"]);
  });

  test("a sheet of the first release (一级指标 in B, inputs from H, no header) keeps its typed inputs", async () => {
    const { fake, adapter } = setup({
      sheets: [
        { name: "攻坚任务", cells: { A1: { value: "x" } } },
        { name: "评分表", cells: { A1: { value: "盘锦市2024年大练兵 表现突出集体攻坚任务评分表" }, A5: { value: 1 }, B5: { value: "队伍建设与管理" }, H5: { value: "完成比例（%）" }, I5: { value: 0.8 } } },
      ],
    });
    expect((await adapter.insertScorecard("攻坚")).kept).toBe(1);
    const { cells } = sheetOf(fake, "评分表");
    expect(cells[`H${rowOfItem(cells, item("攻坚", "1"))}`].value).toBe(0.8);
  });

  test("a protected sheet is refused in Chinese and left as it was", async () => {
    const { fake, adapter } = setup(workbook(tableSheet(), { name: "评分表（基准市级）", cells: { A1: { value: "旧表" } }, protected: true }));
    await expect(adapter.insertScorecard("基准市")).rejects.toThrow("工作表“评分表（基准市级）”受保护，无法重建；请先撤销工作表保护后重试。");
    const sheets = fake.snapshot().sheets;
    expect(sheets.map((s) => s.name)).toEqual(["攻坚任务", "评分表（基准市级）"]);
    expect(sheets[1].cells).toEqual({ A1: { value: "旧表" } });
  });

  test("a rebuilt 评分表（个人） keeps the name typed in its 候选人姓名 cell", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("个人");
    fake.userEdit("评分表（个人）", "H2", { value: "李四" });
    expect(await adapter.insertScorecard("个人")).toEqual({ sheet: "评分表（个人）", items: RULE_SETS["个人"].length, kept: 1 });
    expect(sheetOf(fake, "评分表（个人）").cells.H2).toMatchObject({ value: "李四", fill: INPUT_FILL, style: { locked: false } });
  });

  test("a rebuilt 个人 sheet keeps its candidate's inputs", async () => {
    const { fake, adapter } = setup();
    await adapter.insertScorecard("个人", { candidate: "张三" });
    const typed = await fillEveryInput(fake, "个人", "评分表（个人-张三）");
    expect((await adapter.insertScorecard("个人", { candidate: "张三" })).kept).toBe(typed.size);
    const { cells } = sheetOf(fake, "评分表（个人-张三）");
    for (const [address, value] of typed) expect(cells[address].value).toBe(value);
    expect(cells.H2.value).toBe("张三");
  });
});

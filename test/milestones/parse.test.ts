import { parseMilestones } from "../../src/core/milestones";
import type { Milestone } from "../../src/core/milestones/types";

const brief = (ms: Milestone[]) => ms.map((m) => `${m.label}|${m.due ?? m.kind}`);
const parse = (text: string, year = 2024) => brief(parseMilestones(text, year));

describe("list numbers are not dates", () => {
  test("'1.5月底前' is item 1 due end of May; '4.10月15日前' is item 4 due 15 October", () => {
    expect(parse("1.5月底前,出台方案; 4.10月15日前,完成归档")).toEqual(["1|2024-05-31", "4|2024-10-15"]);
  });
  test("'3、10月15日前' is item 3", () => {
    expect(parse("3、10月15日前,完成档案归档并上报省厅")).toEqual(["3|2024-10-15"]);
  });
  test("separators: '1. ', '（1）', full-width semicolons, line breaks, <p> fragments", () => {
    expect(parse("1. 5月底前,出台；2. 9月底前,上报")).toEqual(["1|2024-05-31", "2|2024-09-30"]);
    expect(parse("（1）5月底前,出台\n（2）9月底前,上报")).toEqual(["1|2024-05-31", "2|2024-09-30"]);
    expect(parse("<p>1.5月底前,出台</p><p>2.9月底前,上报</p>")).toEqual(["1|2024-05-31", "2|2024-09-30"]);
    expect(parse("①5月底前出台②9月底前上报")).toEqual(["1|2024-05-31", "2|2024-09-30"]);
    expect(parse("1.加强管理;2.2022-2024年法院判决数量;3.10月15日前,归档")).toEqual([
      "1|undated",
      "2|undated",
      "3|2024-10-15",
    ]);
  });
  test("unnumbered text is item 1", () => {
    expect(parse("9月底前,上报评估报告")).toEqual(["1|2024-09-30"]);
    expect(parse("积极推选市本级参加国家大练兵评选。")).toEqual(["1|undated"]);
  });
  test("a heading before the first number is not a milestone unless it holds a deadline", () => {
    expect(parse("工作要求如下：1.5月底前,出台方案; 2.9月底前,上报")).toEqual(["1|2024-05-31", "2|2024-09-30"]);
    expect(parse("年底前完成以下工作：1.出台方案; 2.9月底前,上报")).toEqual(["0|2024-12-31", "1|undated", "2|2024-09-30"]);
  });
  test("an empty or blank cell has no milestones", () => {
    expect(parseMilestones("", 2024)).toEqual([]);
    expect(parseMilestones("  \n ", 2024)).toEqual([]);
  });
  test("a page-break duplicate of an item is read once", () => {
    const text = "2. 6月中旬完成培训; 3. 7月底前,完成现场稽查; 3. 7月底前,完成现场稽查; 4. 8-9月推进整改";
    expect(parse(text)).toEqual(["2|2024-06-20", "3|2024-07-31", "4|2024-09-30"]);
  });
  test("the milestone text is the clause without its list number", () => {
    expect(parseMilestones("1.5月底前,出台方案; 2.9月底前,上报", 2024)[0].text).toBe("5月底前,出台方案");
  });
});

describe("one item with two dated clauses gives two milestones", () => {
  test("'1.8月30日前,…;9月30日前完成…' -> 1a, 1b with their own clause texts", () => {
    const ms = parseMilestones("1.8月30日前,完成所有车辆和办公场所;9月30日前完成其他装备的统一标识; 2.10月15日前,上报", 2024);
    expect(brief(ms)).toEqual(["1a|2024-08-30", "1b|2024-09-30", "2|2024-10-15"]);
    expect(ms[0].text).toBe("8月30日前,完成所有车辆和办公场所");
    expect(ms[1].text).toBe("9月30日前完成其他装备的统一标识");
  });
  test("'6月底和9月底前' -> two milestones sharing the clause", () => {
    const ms = parseMilestones("1.6月底和9月底前,至少分别发布1期典型案例", 2024);
    expect(brief(ms)).toEqual(["1a|2024-06-30", "1b|2024-09-30"]);
    expect(ms[0].text).toBe(ms[1].text);
  });
  test("'4.以上稿件9月30日前完成,10月15日前,完成…' -> 4a, 4b", () => {
    expect(parse("4.以上稿件9月30日前完成,10月15日前,完成档案归档并上报省厅。")).toEqual([
      "4a|2024-09-30",
      "4b|2024-10-15",
    ]);
  });
  test("the same date twice in one item is one milestone with the plain label", () => {
    expect(parse("2.10月15日前,上报报告。10月15日前完成归档")).toEqual(["2|2024-10-15"]);
  });
});

describe("deadline phrases", () => {
  test.each([
    ["9月30日前完成", "2024-09-30"],
    ["9月30号前完成", "2024-09-30"],
    ["5月底前出台", "2024-05-31"],
    ["2月底前出台", "2024-02-29"],
    ["9月份完成", "2024-09-30"],
    ["6月末完成", "2024-06-30"],
    ["9月完成验收", "2024-09-30"],
    ["6月上旬完成", "2024-06-10"],
    ["6月中旬完成", "2024-06-20"],
    ["6月下旬完成", "2024-06-30"],
    ["上半年完成", "2024-06-30"],
    ["下半年完成", "2024-12-31"],
    ["年底前完成", "2024-12-31"],
    ["年末完成", "2024-12-31"],
    ["8-9月推进问题整改", "2024-09-30"],
    ["8月至9月底推进整改", "2024-09-30"],
    ["9月1日至10月15日开展专项行动", "2024-10-15"],
    ["第三季度末完成", "2024-09-30"],
  ])("%s -> %s", (text, due) => {
    expect(parse(text)).toEqual([`1|${due}`]);
  });

  test("'X月前' is before month X begins", () => {
    expect(parse("9月前完成")).toEqual(["1|2024-08-31"]);
  });

  test("an explicit year in a deadline is used", () => {
    expect(parse("2024年9月30日前完成", 2023)).toEqual(["1|2024-09-30"]);
    expect(parse("2025年上半年完成", 2024)).toEqual(["1|2025-06-30"]);
    expect(parse("2024年底前完成", 2023)).toEqual(["1|2024-12-31"]);
  });

  test("the year argument is used when the text has none", () => {
    expect(parse("2月底前", 2023)).toEqual(["1|2023-02-28"]);
  });

  test("full-width digits read the same", () => {
    expect(parse("１．５月底前，出台；２、１０月１５日前，完成")).toEqual(["1|2024-05-31", "2|2024-10-15"]);
  });

  test("Chinese numerals read the same", () => {
    expect(parse("十月十五日前完成归档")).toEqual(["1|2024-10-15"]);
    expect(parse("十二月底前完成")).toEqual(["1|2024-12-31"]);
    expect(parse("二月二十九日前")).toEqual(["1|2024-02-29"]);
    expect(parse("三月三十一日前")).toEqual(["1|2024-03-31"]);
    expect(parse("1.九月底前,上报")).toEqual(["1|2024-09-30"]);
  });

  test("impossible dates are not deadlines", () => {
    expect(parse("2月30日前完成")).toEqual(["1|undated"]);
    expect(parse("13月底前完成")).toEqual(["1|undated"]);
  });
});

describe("traps that are not deadlines", () => {
  test("a bare year", () => {
    expect(parse("1.结合2023年国家大练兵通报成绩,完成表彰")).toEqual(["1|undated"]);
  });
  test("a year range", () => {
    expect(parse("2022-2024年法院判决的刑事案件数量与移送数量的比值50%")).toEqual(["1|undated"]);
  });
  test("a baseline date", () => {
    expect(parse("以2024年11月30日在编在岗人数为基准")).toEqual(["1|undated"]);
  });
  test("a period", () => {
    expect(parse("2023年12月至2024年11月期间办理的案卷")).toEqual(["1|undated"]);
    expect(parse("2023年11月1日至2024年10月31日办理的案卷")).toEqual(["1|undated"]);
    expect(parse("8月至9月期间开展检查")).toEqual(["1|undated"]);
  });
  test("a start date", () => {
    expect(parse("自2023年11月1日起已下达处罚决定的案卷")).toEqual(["1|undated"]);
  });
  test("counts and percentages next to dates do not shift them", () => {
    expect(parse("1.9月30日前,至少完成25项标配和10项选配装备配备工作")).toEqual(["1|2024-09-30"]);
    expect(parse("1.6月底前,按照30%的比例,建立清单")).toEqual(["1|2024-06-30"]);
  });
  test("a trap next to a real deadline leaves the deadline", () => {
    expect(parse("2.2023年工作成效为基础,10月15日前完成表彰")).toEqual(["2|2024-10-15"]);
  });
});

describe("recurring, relative and undated", () => {
  test.each(["每月案件评查通知、通报", "每日调度各组情况", "逐月传输率证明材料", "常态化核查宣传材料", "组织开展每轮次帮扶组的行前教育", "每个轮次必须完成相应指标"])(
    "%s is recurring",
    (text) => {
      const [m] = parseMilestones(text, 2024);
      expect(m.kind).toBe("recurring");
      expect(m.due).toBeNull();
    },
  );

  test("'下达处罚决定后,7日内' is relative to the decision, 7 days", () => {
    const [m] = parseMilestones("5.下达处罚决定后,7日内将案卷上传系统", 2024);
    expect(m).toMatchObject({ label: "5", kind: "relative", due: null });
    expect(m.relative).toEqual({ amount: 7, unit: "day", after: "下达处罚决定" });
  });

  test("'15个工作日内' is relative in working days", () => {
    const [m] = parseMilestones("收到整改通知后15个工作日内报送整改报告", 2024);
    expect(m.kind).toBe("relative");
    expect(m.relative).toEqual({ amount: 15, unit: "workingDay", after: "收到整改通知" });
  });

  test("a relative clause without a named event still is relative", () => {
    const [m] = parseMilestones("十五个工作日内完成", 2024);
    expect(m.relative).toEqual({ amount: 15, unit: "workingDay", after: "" });
  });

  test("text without any deadline is undated", () => {
    expect(parse("2.按要求报名参加省级岗位培训")).toEqual(["2|undated"]);
  });

  test("a date wins over a recurring word in the same item", () => {
    expect(parse("1.7月30日前,制定1项创新举措(非省厅部署的常态化工作)")).toEqual(["1|2024-07-30"]);
  });
});

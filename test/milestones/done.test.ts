import { addDoneLabel, isMilestoneDone, parseDoneList, readDoneList } from "../../src/core/milestones";

const sorted = (s: Set<string>) => [...s].sort();

describe("parseDoneList (已完成节点 column)", () => {
  test.each([
    ["1,2,4a", ["1", "2", "4a"]],
    ["1，2、4a", ["1", "2", "4a"]],
    ["1 2 4a", ["1", "2", "4a"]],
    ["1;2", ["1", "2"]],
    ["1；2。", ["1", "2"]],
    ["３", ["3"]],
    ["3", ["3"]],
    ["3.0", ["3"]],
    ["4A, 05", ["4a", "5"]],
    ["1-3", ["1", "2", "3"]],
  ])("%s", (text, labels) => {
    expect(sorted(parseDoneList(text))).toEqual(labels);
  });

  test("junk is ignored without failing", () => {
    expect(sorted(parseDoneList("已完成：1,见备注, ??, 2b"))).toEqual(["1", "2b"]);
    expect(parseDoneList("").size).toBe(0);
    expect(parseDoneList("#N/A").size).toBe(0);
    expect(parseDoneList("x".repeat(10_000)).size).toBe(0);
    expect(parseDoneList(null as unknown as string).size).toBe(0);
    expect(sorted(parseDoneList(3 as unknown as string))).toEqual(["3"]);
  });

  test("a backwards or huge range is ignored", () => {
    expect(parseDoneList("5-2").size).toBe(0);
    expect(parseDoneList("1-999").size).toBe(0);
  });
});

describe("isMilestoneDone", () => {
  test("an item number covers its lettered milestones", () => {
    const done = parseDoneList("1,4a");
    expect(isMilestoneDone("1a", done)).toBe(true);
    expect(isMilestoneDone("1b", done)).toBe(true);
    expect(isMilestoneDone("4a", done)).toBe(true);
    expect(isMilestoneDone("4b", done)).toBe(false);
    expect(isMilestoneDone("4", done)).toBe(false);
    expect(isMilestoneDone("11", done)).toBe(false);
  });
});

describe("addDoneLabel", () => {
  test("appends in order, keeping the separator the user typed", () => {
    expect(addDoneLabel("1,2", "4a")).toBe("1,2,4a");
    expect(addDoneLabel("1，2", "3")).toBe("1，2，3");
    expect(addDoneLabel("1 2", "3")).toBe("1 2 3");
    expect(addDoneLabel("3", "4")).toBe("3,4");
  });
  test("an empty column gets the label alone", () => {
    expect(addDoneLabel("", "2")).toBe("2");
    expect(addDoneLabel("  ", "2")).toBe("2");
  });
  test("a label already there (or covered by its item) returns the input unchanged", () => {
    expect(addDoneLabel("1,2", "2")).toBe("1,2");
    expect(addDoneLabel("1, 2 ", "1a")).toBe("1, 2 ");
    expect(addDoneLabel("1,4A", "4a")).toBe("1,4A");
  });
  test("nothing the user typed is lost", () => {
    expect(addDoneLabel("1,见备注", "2")).toBe("1,见备注,2");
    expect(addDoneLabel("1,2,", "3")).toBe("1,2,3");
  });
});

describe("readDoneList: what offices write, and what names nothing (issue 9 §2)", () => {
  const LABELS = ["1", "2", "3", "4a", "4b"];
  test.each([
    ["1,2,4a", ["1", "2", "4a"]],
    ["1、2", ["1", "2"]],
    ["1，2", ["1", "2"]],
    ["１，２", ["1", "2"]],
    ["1-3", ["1", "2", "3"]],
    ["1.2", ["1", "2"]],
    ["3.0", ["3"]],
    ["第1项", ["1"]],
    ["第2个节点", ["2"]],
    ["节点3", ["3"]],
    ["1、2项", ["1", "2"]],
    ["已完成：1,2", ["1", "2"]],
  ])("“%s” → %j", (text, labels) => {
    const reading = readDoneList(text, LABELS);
    expect([...reading.done]).toEqual(labels);
    expect(reading.unreadable).toEqual([]);
    expect(reading.unknown).toEqual([]);
  });

  test.each(["全部", "全部完成", "已完成", "完成", "√", "✓"])("“%s” marks every milestone of the row done", (text) => {
    const done = readDoneList(text, LABELS).done;
    for (const label of LABELS) expect(isMilestoneDone(label, done)).toBe(true);
  });

  test("an unreadable token is listed; the readable part still counts", () => {
    expect(readDoneList("1,差不多了,4a", LABELS)).toEqual({ done: new Set(["1", "4a"]), unreadable: ["差不多了"], unknown: [] });
  });

  test("a label the row does not have is listed as unknown", () => {
    expect(readDoneList("1,9", LABELS).unknown).toEqual(["9"]);
    // "4" covers 4a and 4b, so the row has it.
    expect(readDoneList("4", LABELS).unknown).toEqual([]);
  });

  test("addDoneLabel leaves a 全部 cell as it is", () => {
    expect(addDoneLabel("全部", "2")).toBe("全部");
  });
});

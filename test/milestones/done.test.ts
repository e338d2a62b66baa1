import { addDoneLabel, isMilestoneDone, parseDoneList } from "../../src/core/milestones";

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

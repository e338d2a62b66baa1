/** Valid inputs for every item, for the benchmark and for tests of the catalog as a whole. */
import type { InputSpec, RawInput, RuleItem } from "./types";

function sampleFor(spec: InputSpec): RawInput {
  switch (spec.kind) {
    case "ratio":
      return 0.5;
    case "count":
      return spec.max === undefined ? 3 : Math.min(3, spec.max);
    case "rank":
      return 12;
    case "flag":
      return "是";
    case "points":
      return ((spec.min ?? 0) + (spec.max ?? 0)) / 2;
    case "monthly": {
      const value = spec.max === 1 ? 0.9 : 2.5;
      const row: RawInput[] = [];
      for (let i = 0; i < 12; i++) row.push(i === 3 ? value / 2 : value);
      return [row];
    }
  }
}

/** One valid raw input per parameter of the item, as cells would deliver them. */
export function sampleValidInputs(item: RuleItem): RawInput[] {
  return item.inputs.map(sampleFor);
}

import { describe, expect, it } from "vitest";
import { sizes } from "./scaling";
import { markdown } from "./scaling-report";

describe("scaling sizes", () => {
  it("reads a comma-separated list, sorted and without repeats, else the defaults", () => {
    expect(sizes("2000, 200,200", [1])).toEqual([200, 2000]);
    expect(sizes(undefined, [50, 500])).toEqual([50, 500]);
    expect(() => sizes("200,lots", [1])).toThrow("not a list of positive integers: 200,lots");
    expect(() => sizes("0", [1])).toThrow();
  });
});

describe("markdown table", () => {
  it("pads every column to its widest cell and escapes pipes", () => {
    expect(markdown(["a", "figure"], [["long cell", "1|2"]])).toBe(
      ["| a         | figure |", "| --------- | ------ |", "| long cell | 1\\|2   |"].join("\n"),
    );
  });
});

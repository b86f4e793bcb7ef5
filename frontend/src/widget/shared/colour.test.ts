import { describe, expect, it } from "vitest";
import { contrastRatio, normaliseColour, readableTextColour, relativeLuminance } from "./colour";

describe("normaliseColour", () => {
  it("accepts #rgb and #rrggbb in any case", () => {
    expect(normaliseColour("#0A6")).toBe("#00aa66");
    expect(normaliseColour(" #008060 ")).toBe("#008060");
    expect(normaliseColour("#FFCC00")).toBe("#ffcc00");
  });

  it("refuses anything that is not a hex colour (no CSS injection through the setting)", () => {
    expect(normaliseColour("red")).toBeNull();
    expect(normaliseColour("#12345")).toBeNull();
    expect(normaliseColour("#008060;background:url(x)")).toBeNull();
    expect(normaliseColour(undefined)).toBeNull();
  });
});

describe("contrast", () => {
  it("matches WCAG's reference values", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(contrastRatio("#ffffff", "#000000")).toBe(21);
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("readableTextColour", () => {
  it("puts white on dark accents and black on light ones", () => {
    expect(readableTextColour("#008060")).toBe("#ffffff");
    expect(readableTextColour("#1a1a1a")).toBe("#ffffff");
    expect(readableTextColour("#5c6ac4")).toBe("#ffffff");
    expect(readableTextColour("#ffcc00")).toBe("#000000");
    expect(readableTextColour("#ffffff")).toBe("#000000");
    expect(readableTextColour("#95bf47")).toBe("#000000");
  });

  it("always gives at least 4.5:1 on saturated brand colours", () => {
    for (const colour of ["#008060", "#d72c0d", "#2c6ecb", "#ffcc00", "#95bf47", "#ff6d00", "#7b1fa2"]) {
      expect(contrastRatio(colour, readableTextColour(colour))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

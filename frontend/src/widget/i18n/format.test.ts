import { describe, expect, it } from "vitest";
import { format, placeholders } from "./format";

describe("format", () => {
  it("fills known placeholders and leaves unknown ones", () => {
    expect(format("Parcel {index} of {count}", { index: 1, count: 2 })).toBe("Parcel 1 of 2");
    expect(format("Remove {name}", {})).toBe("Remove {name}");
  });

  it("inserts values as plain text", () => {
    expect(format("Remove {name}", { name: "<img src=x onerror=alert(1)>.png" })).toBe("Remove <img src=x onerror=alert(1)>.png");
  });
});

describe("placeholders", () => {
  it("lists them sorted", () => {
    expect(placeholders("{count} – {label}")).toEqual(["count", "label"]);
    expect(placeholders("none")).toEqual([]);
  });
});

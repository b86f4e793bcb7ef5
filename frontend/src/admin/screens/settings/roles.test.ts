import { describe, expect, it } from "vitest";
import { canEditSettings } from "./roles";

describe("canEditSettings", () => {
  it.each([
    ["owner", true],
    ["admin", true],
    ["supervisor", false],
    ["agent", false],
    ["", false],
  ])("%s -> %s", (role, allowed) => {
    expect(canEditSettings(role)).toBe(allowed);
  });
});

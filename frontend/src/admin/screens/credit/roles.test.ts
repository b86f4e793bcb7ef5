import { describe, expect, it } from "vitest";
import { canEditSettings, roleAtLeast } from "./roles";

describe("roleAtLeast", () => {
  it.each([
    ["owner", "supervisor", true],
    ["admin", "admin", true],
    ["supervisor", "admin", false],
    ["agent", "supervisor", false],
    ["agent", "agent", true],
    ["guest", "agent", false],
    ["owner", "superuser", false],
  ])("%s at least %s: %s", (role, minimum, expected) => {
    expect(roleAtLeast(role, minimum)).toBe(expected);
  });
});

describe("canEditSettings", () => {
  it("owners and admins only", () => {
    expect(["owner", "admin", "supervisor", "agent"].map(canEditSettings)).toEqual([true, true, false, false]);
  });
});

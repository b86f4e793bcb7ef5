import { describe, expect, it } from "vitest";
import { isPlausibleEmail } from "./validation";

describe("isPlausibleEmail", () => {
  it("accepts ordinary addresses and refuses typos", () => {
    expect(isPlausibleEmail("ana@example.com")).toBe(true);
    expect(isPlausibleEmail(" li.wei@shop.example.cn ")).toBe(true);
    expect(isPlausibleEmail("ana@example")).toBe(false);
    expect(isPlausibleEmail("ana example.com")).toBe(false);
    expect(isPlausibleEmail("")).toBe(false);
  });
});

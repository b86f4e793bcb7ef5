import { describe, expect, it } from "vitest";
import { CAP_MS, reconnectDelay } from "./backoff";

describe("reconnectDelay", () => {
  it.each([
    [0, 0, 500],
    [0, 1, 1000],
    [1, 0.5, 1500],
    [3, 1, 8000],
    [5, 0, 15000],
    [5, 1, 30000],
    [40, 1, CAP_MS],
    [40, 0, CAP_MS / 2],
  ])("attempt %i, random %f -> %i ms", (attempt, random, expected) => {
    expect(reconnectDelay(attempt, random)).toBe(expected);
  });
});

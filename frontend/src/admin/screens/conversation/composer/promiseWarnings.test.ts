import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import { promiseWarningsOf } from "./promiseWarnings";

const BODY = {
  detail: "the reply promises what the shop's policy does not allow",
  code: "promise_warning",
  warnings: [
    { code: "refund", phrase: "full refund" },
    { code: "free_replacement", phrase: "send you a new one free of charge" },
  ],
};

describe("promiseWarningsOf", () => {
  it("reads the warnings of the reply endpoint's 409", () => {
    expect(promiseWarningsOf(new ApiError(409, BODY.detail, BODY))).toEqual([
      { code: "refund", phrase: "full refund" },
      { code: "free_replacement", phrase: "send you a new one free of charge" },
    ]);
  });

  it("leaves out malformed warnings", () => {
    const body = { ...BODY, warnings: [{ code: "refund" }, "x", { code: "guarantee", phrase: "guaranteed" }] };
    expect(promiseWarningsOf(new ApiError(409, "x", body))).toEqual([{ code: "guarantee", phrase: "guaranteed" }]);
  });

  it("is null for any other error", () => {
    expect(promiseWarningsOf(new ApiError(400, "x", BODY))).toBeNull();
    expect(promiseWarningsOf(new ApiError(409, "conflict", { code: "conflict", warnings: BODY.warnings }))).toBeNull();
    expect(promiseWarningsOf(new ApiError(409, "x", { ...BODY, warnings: [] }))).toBeNull();
    expect(promiseWarningsOf(new ApiError(409, "x"))).toBeNull();
    expect(promiseWarningsOf(new ApiError(0, "Network error"))).toBeNull();
  });
});

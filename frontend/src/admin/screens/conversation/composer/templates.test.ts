import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import {
  blockedReason,
  filledValues,
  previewPath,
  previewRefusalOf,
  templateSearchPath,
  type OfferedTemplate,
} from "./templates";

const TEMPLATE: OfferedTemplate = {
  id: "41",
  name: "Late parcel",
  category: "shipping",
  needs_approval: false,
  variants: { en: "Hi {{customer.first_name}}" },
  variables: ["customer.first_name"],
  language: "en",
  offered: true,
  missing: [],
  unavailable: [],
  can_send: true,
};

describe("paths", () => {
  it("search with the conversation and the trimmed words, preview by ids", () => {
    expect(templateSearchPath("901", "")).toBe("/api/admin/templates?conversation=901");
    expect(templateSearchPath("901", " late & lost ")).toBe("/api/admin/templates?conversation=901&q=late+%26+lost");
    expect(previewPath("9007199254740993", "41")).toBe(
      "/api/admin/conversations/9007199254740993/templates/41/preview",
    );
  });
});

describe("blockedReason", () => {
  it("keeps templates that need approval for supervisors and above", () => {
    const approval = { ...TEMPLATE, needs_approval: true };
    expect(blockedReason(approval, "agent")).toBe("approval");
    expect(blockedReason(approval, "supervisor")).toBeNull();
    expect(blockedReason(approval, "owner")).toBeNull();
    expect(blockedReason({ ...approval, can_send: false }, "owner")).toBe("approval");
    expect(blockedReason(TEMPLATE, "agent")).toBeNull();
  });

  it("refuses a template nobody can fill here", () => {
    expect(blockedReason({ ...TEMPLATE, offered: false, unavailable: ["tracking.number"] }, "owner")).toBe(
      "unavailable",
    );
  });
});

describe("previewRefusalOf", () => {
  it("reads the 422's names, and nothing else", () => {
    const missing = new ApiError(422, "some variables have no value", {
      code: "missing_values",
      reason: "missing_values",
      missing: ["credit.offered", 4],
    });
    expect(previewRefusalOf(missing)).toEqual({ kind: "missing", names: ["credit.offered"] });
    const invalid = new ApiError(422, "x", { reason: "invalid_values", invalid: ["credit.offered"] });
    expect(previewRefusalOf(invalid)).toEqual({ kind: "invalid", names: ["credit.offered"] });
    expect(previewRefusalOf(new ApiError(400, "unknown variable", { code: "unknown_variable" }))).toBeNull();
    expect(previewRefusalOf(new Error("x"))).toBeNull();
  });
});

describe("filledValues", () => {
  it("sends the typed values of the asked names, blanks left out", () => {
    expect(filledValues({ a: " 20 ", b: "  ", c: "x" }, ["a", "b"])).toEqual({ a: "20" });
  });
});

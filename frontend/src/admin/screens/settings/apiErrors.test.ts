import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { flattenFields, namesOf, refusalOf, refusalText } from "./apiErrors";

describe("namesOf", () => {
  it("reads the names a refusal lists in parentheses, none otherwise", () => {
    expect(namesOf("refused: missing_variables (opening, shop_name)")).toEqual(["opening", "shop_name"]);
    expect(namesOf("refused: blank_body")).toEqual([]);
    expect(namesOf("refused: x ()")).toEqual([]);
  });
});

describe("flattenFields", () => {
  it("flattens nested objects and list indexes to dotted paths, joining messages", () => {
    expect(
      flattenFields({
        A: { first_response_minutes: ["Ensure this value is greater than or equal to 1."] },
        questions: { "0": ["This field may not be blank.", "Too short."] },
        retention_months: ["A valid integer is required."],
      }),
    ).toEqual({
      "A.first_response_minutes": "Ensure this value is greater than or equal to 1.",
      "questions.0": "This field may not be blank. Too short.",
      retention_months: "A valid integer is required.",
    });
    expect(flattenFields([["bad"], []], "closed_dates")).toEqual({ "closed_dates.0": "bad" });
    expect(flattenFields(undefined)).toEqual({});
  });
});

describe("refusalOf", () => {
  it("reads an ApiError's code, detail, names and fields", () => {
    const error = new ApiError(400, "refused: promises_money (refund)", {
      detail: "refused: promises_money (refund)",
      code: "promises_money",
    });
    expect(refusalOf(error)).toEqual({
      status: 400,
      code: "promises_money",
      detail: "refused: promises_money (refund)",
      names: ["refund"],
      fields: {},
    });
  });

  it("keeps invalid input's fields", () => {
    const error = new ApiError(400, "invalid input", {
      detail: "invalid input",
      code: "invalid_input",
      fields: { nudge_after_hours: ["Ensure this value is less than or equal to 720."] },
    });
    expect(refusalOf(error).fields).toEqual({ nudge_after_hours: "Ensure this value is less than or equal to 720." });
  });

  it("answers the message of any other error, without a code", () => {
    expect(refusalOf(new Error("Network down"))).toEqual({
      status: 0,
      code: null,
      detail: "Network down",
      names: [],
      fields: {},
    });
  });
});

describe("refusalText", () => {
  const t = (key: string, vars?: Record<string, string | number>) =>
    key === "demo.refused.missing_variables" ? `Keep these: ${String(vars?.names)}` : key;

  it("uses the area's sentence for a known code, with the names", () => {
    const refusal = refusalOf(
      new ApiError(400, "refused: missing_variables (opening)", { code: "missing_variables" }),
    );
    expect(refusalText(t, "demo", refusal)).toBe("Keep these: opening");
  });

  it("falls back to the server's sentence for an unknown code or none", () => {
    const unknown = refusalOf(new ApiError(400, "refused: brand_new", { code: "brand_new" }));
    expect(refusalText(t, "demo", unknown)).toBe("refused: brand_new");
    expect(refusalText(t, "demo", refusalOf(new Error("offline")))).toBe("offline");
  });
});

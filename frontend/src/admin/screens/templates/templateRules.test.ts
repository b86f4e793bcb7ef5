import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import {
  apiDraftErrors,
  draftFromTemplate,
  emptyDraft,
  insertAt,
  isMalformed,
  languagesLeft,
  templateBody,
  templatesPath,
  usedVariables,
  variableToken,
  type Draft,
} from "./templateRules";

const KNOWN = ["customer.first_name", "order.name", "tracking.url"];

function draft(variants: Record<string, string>, name = "Where is my order"): Draft {
  const list = Object.entries(variants).map(([language, body]) => ({ language, body }));
  return { name, category: "Shipping", needsApproval: false, variants: list };
}

describe("bodies", () => {
  it("finds the variables in order of first use, spaces inside the braces allowed", () => {
    expect(usedVariables("Hi {{ customer.first_name }}, order {{order.name}} for {{customer.first_name}}")).toEqual([
      "customer.first_name",
      "order.name",
    ]);
    expect(usedVariables("No variables")).toEqual([]);
  });

  it("spots a stray {{ or }}", () => {
    expect(isMalformed("Hi {{customer.first_name}}")).toBe(false);
    expect(isMalformed("Hi {{customer.first_name")).toBe(true);
    expect(isMalformed("Hi }} there")).toBe(true);
  });

  it("inserts a variable in place of the selection", () => {
    expect(variableToken("order.name")).toBe("{{order.name}}");
    expect(insertAt("Your order  is late", 11, 11, "{{order.name}}")).toEqual({
      text: "Your order {{order.name}} is late",
      cursor: 25,
    });
    expect(insertAt("Hi NAME!", 3, 7, "{{customer.first_name}}")).toEqual({
      text: "Hi {{customer.first_name}}!",
      cursor: 26,
    });
    expect(insertAt("Hi", 99, 120, "{{shop.name}}")).toEqual({ text: "Hi{{shop.name}}", cursor: 15 });
  });
});

describe("drafts", () => {
  it("reads a template with its languages in the backend's order", () => {
    expect(
      draftFromTemplate({
        name: "N",
        category: "",
        needs_approval: true,
        variants: { zh: "你好", en: "Hi", de: "Hallo" },
      }),
    ).toEqual({
      name: "N",
      category: "",
      needsApproval: true,
      variants: [
        { language: "en", body: "Hi" },
        { language: "de", body: "Hallo" },
        { language: "zh", body: "你好" },
      ],
    });
  });

  it("offers the languages not used yet", () => {
    expect(languagesLeft(draft({ en: "", zh: "" }))).toEqual(["es", "fr", "de", "pt", "it", "nl"]);
    expect(emptyDraft()).toEqual({
      name: "",
      category: "",
      needsApproval: false,
      variants: [{ language: "en", body: "" }],
    });
  });

  it("writes the API's body: spaces tidied, bodies trimmed", () => {
    const messy = { ...draft({ en: "  Hi {{customer.first_name}} \n" }), name: " Where   is  it ", category: " Ship" };
    expect(templateBody(messy, KNOWN)).toEqual({
      body: {
        name: "Where is it",
        category: "Ship",
        needs_approval: false,
        variants: { en: "Hi {{customer.first_name}}" },
      },
      errors: {},
    });
  });

  it("names what is wrong, per field", () => {
    const bad = draft(
      { en: "  ", fr: "Bonjour {{customer.name}} {{order.name}} {{nope}}", de: "Hallo {{order.name" },
      " ",
    );
    expect(templateBody(bad, KNOWN).errors).toEqual({
      name: { code: "empty_name" },
      "body.en": { code: "empty_body" },
      "body.fr": { code: "unknown_variables", names: ["customer.name", "nope"] },
      "body.de": { code: "malformed_template" },
    });
    expect(templateBody({ ...bad, variants: [] }, KNOWN).errors).toEqual({
      name: { code: "empty_name" },
      variants: { code: "no_variant" },
    });
  });

  it("leaves the variables to the API when their list is not loaded", () => {
    expect(templateBody(draft({ en: "Hi {{nope}}" }), null).errors).toEqual({});
  });
});

describe("apiDraftErrors", () => {
  const d = draft({ en: "Hi {{order.number}}", fr: "Salut" });

  it("puts the name's refusals on the name", () => {
    const error = new ApiError(400, "refused: duplicate_name", {
      detail: "refused: duplicate_name",
      code: "duplicate_name",
    });
    expect(apiDraftErrors(error, d)).toEqual({ name: { code: "duplicate_name" } });
  });

  it("puts unknown variables on the bodies that use them", () => {
    const error = new ApiError(400, "unknown_variables: order.number", {
      code: "unknown_variables",
      variables: ["order.number"],
    });
    expect(apiDraftErrors(error, d)).toEqual({ "body.en": { code: "unknown_variables", names: ["order.number"] } });
  });

  it("reads DRF's field messages, bodies by language", () => {
    const error = new ApiError(400, "invalid input", {
      code: "invalid_input",
      fields: { name: ["Ensure this field has no more than 120 characters."], variants: { fr: ["Too long."] } },
    });
    expect(apiDraftErrors(error, d)).toEqual({
      name: { code: "Ensure this field has no more than 120 characters." },
      "body.fr": { code: "Too long." },
    });
  });

  it("is about no field for other refusals", () => {
    expect(apiDraftErrors(new ApiError(403, "only admins", { code: "permission_denied" }), d)).toEqual({});
    expect(apiDraftErrors(new ApiError(0, "Network error: down"), d)).toEqual({});
  });
});

describe("templatesPath", () => {
  it("sends only the filters given", () => {
    expect(templatesPath("", "")).toBe("/api/admin/templates");
    expect(templatesPath("  where is ", "")).toBe("/api/admin/templates?q=where+is");
    expect(templatesPath("", "zh")).toBe("/api/admin/templates?language=zh");
    expect(templatesPath("a&b", "fr")).toBe("/api/admin/templates?q=a%26b&language=fr");
  });
});

import { describe, expect, it } from "vitest";
import { PANEL_STRINGS } from "./panel";
import { reasonText } from "./reasons";

const en = PANEL_STRINGS.en;

describe("reasonText", () => {
  it("has the shopper's words for the API's known refusals", () => {
    expect(reasonText(en, { status: 400, code: "attachment_type_not_allowed", detail: "refused: attachment_type_not_allowed" })).toBe(
      "Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.",
    );
    expect(reasonText(PANEL_STRINGS.de, { status: 400, code: "attachment_too_large", detail: "" })).toBe(
      "Diese Datei ist zu groß: höchstens 10 MB.",
    );
  });

  it("covers throttling and lost connections", () => {
    expect(reasonText(en, { status: 429, code: "messages_per_conversation", detail: "too many requests" })).toBe(
      "Too many attempts. Please wait a few minutes and try again.",
    );
    expect(reasonText(en, { status: 0, code: "network", detail: "" })).toBe(
      "The connection failed. Check your internet connection and try again.",
    );
  });

  it("falls back to the generic sentence with the API's detail", () => {
    expect(reasonText(en, { status: 400, code: "something_new", detail: "refused: something_new" })).toBe(
      "Something went wrong. Please try again. (refused: something_new)",
    );
    expect(reasonText(en, { status: 500, code: "http_500", detail: "" })).toBe("Something went wrong. Please try again.");
  });
});

import { describe, expect, it } from "vitest";
import { browserLanguages, matchLanguage, pickLanguage, serverLocale } from "./language";

describe("pickLanguage", () => {
  it("takes the storefront's locale first", () => {
    expect(pickLanguage("fr", ["de-DE", "en"])).toBe("fr");
  });

  it("uses the base language of a regional tag", () => {
    expect(pickLanguage("pt-BR", [])).toBe("pt");
    expect(pickLanguage("nl_BE", [])).toBe("nl");
  });

  it("maps every Chinese tag to Simplified Chinese", () => {
    expect(pickLanguage("zh-CN", [])).toBe("zh-CN");
    expect(pickLanguage("zh", [])).toBe("zh-CN");
    expect(pickLanguage("zh-Hans-SG", [])).toBe("zh-CN");
    expect(pickLanguage("zh-TW", [])).toBe("zh-CN");
  });

  it("falls back to the browser's languages when the storefront's is missing or unsupported", () => {
    expect(pickLanguage("", ["it-IT", "en"])).toBe("it");
    expect(pickLanguage("ja", ["ko", "es-MX"])).toBe("es");
  });

  it("falls back to English", () => {
    expect(pickLanguage(undefined, [])).toBe("en");
    expect(pickLanguage("ja", ["ko"])).toBe("en");
  });
});

describe("matchLanguage", () => {
  it("is null for nothing or an unsupported language", () => {
    expect(matchLanguage(null)).toBeNull();
    expect(matchLanguage("")).toBeNull();
    expect(matchLanguage("sv-SE")).toBeNull();
  });
});

describe("serverLocale", () => {
  it("sends the shopper's real locale even without widget strings for it", () => {
    expect(serverLocale("ja", ["en"], "en")).toBe("ja");
    expect(serverLocale("pt_BR", [], "pt")).toBe("pt-BR");
  });

  it("skips values the API refuses and falls back to the widget's language", () => {
    expect(serverLocale("not a locale", ["de-DE"], "de")).toBe("de-DE");
    expect(serverLocale("", [], "fr")).toBe("fr");
  });
});

describe("browserLanguages", () => {
  it("prefers navigator.languages, else navigator.language", () => {
    expect(browserLanguages({ languages: ["nl-NL", "en"], language: "nl-NL" })).toEqual(["nl-NL", "en"]);
    expect(browserLanguages({ languages: [], language: "fr-CA" })).toEqual(["fr-CA"]);
    expect(browserLanguages(undefined)).toEqual([]);
  });
});

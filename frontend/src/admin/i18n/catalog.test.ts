import { describe, expect, it } from "vitest";
import { interpolate, languageFor, makeI18n } from ".";
import { AREAS } from "./catalog";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  for (const [area, messages] of Object.entries(AREAS)) {
    it(`${area}: the same keys in English and Chinese, each with the same placeholders`, () => {
      expect(Object.keys(messages["zh-CN"]).sort()).toEqual(Object.keys(messages.en).sort());
      for (const [key, english] of Object.entries(messages.en)) {
        expect(english, key).not.toBe("");
        expect(placeholders(messages["zh-CN"][key] ?? ""), key).toEqual(placeholders(english));
      }
    });

    it(`${area}: every key is prefixed with its area (or nav. in common)`, () => {
      for (const key of Object.keys(messages.en)) {
        const prefix = key.split(".")[0];
        expect(area === "common" ? ["common", "nav"] : [area]).toContain(prefix);
      }
    });
  }
});

describe("languageFor", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-TW", "en"],
    ["en-GB", "en"],
    ["de", "en"],
    ["", "en"],
  ])("%s -> %s", (locale, language) => {
    expect(languageFor(locale)).toBe(language);
  });
});

describe("t", () => {
  it("fills placeholders, leaves unknown ones, and falls back to the key", () => {
    expect(interpolate("{a} of {b}", { a: 1, b: "two" })).toBe("1 of two");
    expect(interpolate("{a} {missing}", { a: "x" })).toBe("x {missing}");
    const { t } = makeI18n("zh-CN");
    expect(t("nav.inbox")).toBe("收件箱");
    expect(t("no.such.key")).toBe("no.such.key");
  });

  it("formats money in the shop's currency, yen without decimals", () => {
    expect(makeI18n("en").formatMoney("12.5", "USD")).toBe("$12.50");
    expect(makeI18n("en").formatMoney("1200", "JPY")).toBe("¥1,200");
  });
});

import { describe, expect, it } from "vitest";
import { makeI18n } from "../../../i18n";
import { countryName, etaSourceText, etaText, formatDay, languageName, safeTrackingUrl, statusText } from "./format";

const en = makeI18n("en");
const zh = makeI18n("zh-CN");

describe("formatDay", () => {
  it("formats the calendar day itself, whatever the browser's time zone", () => {
    expect(formatDay("2026-12-28", "en")).toBe("Mon, Dec 28");
    expect(formatDay("2026-12-28", "zh-CN")).toBe("12月28日周一");
    expect(formatDay("soon", "en")).toBe("soon");
  });
});

describe("etaText", () => {
  it("says one day, a range, or late by the last day", () => {
    const window = { earliest: "2026-12-28", latest: "2026-12-31", source: "default" as const, late: false };
    expect(etaText(window, en.t, "en")).toBe("Expected Mon, Dec 28 – Thu, Dec 31");
    expect(etaText({ ...window, earliest: "2026-12-31" }, en.t, "en")).toBe("Expected Thu, Dec 31");
    expect(etaText({ ...window, late: true }, en.t, "en")).toBe("Was expected by Thu, Dec 31");
    expect(etaText(window, zh.t, "zh-CN")).toBe("预计 12月28日周一 至 12月31日周四 送达");
  });

  it("names where the window comes from", () => {
    const window = { earliest: "2026-12-28", latest: "2026-12-28", late: false };
    expect(etaSourceText({ ...window, source: "carrier" }, en.t)).toBe("Carrier's estimate");
    expect(etaSourceText({ ...window, source: "history" }, en.t)).toBe("From this store's past deliveries");
    expect(etaSourceText({ ...window, source: "default" }, zh.t)).toBe("常规送达时间");
  });
});

describe("safeTrackingUrl", () => {
  it.each([
    ["https://dhl.example/JD1", "https://dhl.example/JD1"],
    ["  http://ups.example/1Z  ", "http://ups.example/1Z"],
    ["javascript:alert(1)", null],
    ["dhl.example/JD1", null],
    ["", null],
    ["https://evil.example/a b", null],
  ])("%s -> %s", (url, expected) => {
    expect(safeTrackingUrl(url)).toBe(expected);
  });
});

describe("statusText", () => {
  it("translates Shopify's status words in any case, keeps unknown ones, names an empty one", () => {
    expect(statusText("financial", "PAID", en.t)).toBe("Paid");
    expect(statusText("financial", "paid", zh.t)).toBe("已付款");
    expect(statusText("shipment", "out_for_delivery", en.t)).toBe("Out for delivery");
    expect(statusText("fulfillment", "", en.t)).toBe("Unfulfilled");
    expect(statusText("shipment", "teleported", en.t)).toBe("teleported");
  });
});

describe("countryName and languageName", () => {
  it("name a country and a language in the admin's language, or keep the code", () => {
    expect(countryName("br", "en")).toBe("Brazil");
    expect(countryName("BR", "zh-CN")).toBe("巴西");
    expect(countryName("", "en")).toBe("");
    expect(languageName("pt-BR", "en")).toBe("Brazilian Portuguese");
    expect(languageName("not a tag!", "en")).toBe("not a tag!");
  });
});

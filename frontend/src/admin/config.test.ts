import { describe, expect, it } from "vitest";
import { AppConfigError, parseAppConfig, readAppConfig } from "./config";

function pageWith(json: string): Document {
  const doc = document.implementation.createHTMLDocument("admin");
  const script = doc.createElement("script");
  script.id = "app-config";
  script.type = "application/json";
  script.textContent = json;
  doc.body.append(script);
  return doc;
}

describe("readAppConfig", () => {
  it("reads the app-config script element", () => {
    const doc = pageWith(
      '{"apiKey": "key-1", "shop": "demo-store.myshopify.com", ' +
        '"devSessionTokenUrl": "/dev/session-token", "locale": "en"}',
    );
    expect(readAppConfig(doc)).toEqual({
      apiKey: "key-1",
      shop: "demo-store.myshopify.com",
      devSessionTokenUrl: "/dev/session-token",
      locale: "en",
    });
  });

  it("accepts a null dev URL and defaults the locale to en", () => {
    expect(parseAppConfig({ apiKey: "k", shop: "s.myshopify.com", devSessionTokenUrl: null })).toEqual({
      apiKey: "k",
      shop: "s.myshopify.com",
      devSessionTokenUrl: null,
      locale: "en",
    });
  });

  it("rejects a missing element, invalid JSON and missing fields", () => {
    const empty = document.implementation.createHTMLDocument("admin");
    expect(() => readAppConfig(empty)).toThrow('app-config: no element with id "app-config"');
    expect(() => readAppConfig(pageWith("{not json"))).toThrow(
      "app-config: the element does not contain valid JSON",
    );
    expect(() => parseAppConfig({ shop: "s.myshopify.com" })).toThrow(
      'app-config: "apiKey" must be a non-empty string',
    );
    expect(() => parseAppConfig([])).toThrow(AppConfigError);
  });
});

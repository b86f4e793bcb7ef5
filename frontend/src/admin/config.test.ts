import { describe, expect, it } from "vitest";
import { AppConfigError, parseAppConfig, readAppConfig, readChatEmbedId } from "./config";

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
        '"devSessionTokenUrl": "/dev/session-token", "locale": "en", "chatEmbedId": "ext-uuid-1"}',
    );
    expect(readAppConfig(doc)).toEqual({
      apiKey: "key-1",
      shop: "demo-store.myshopify.com",
      devSessionTokenUrl: "/dev/session-token",
      locale: "en",
      chatEmbedId: "ext-uuid-1",
    });
  });

  it("accepts a null dev URL and defaults the locale to en", () => {
    expect(parseAppConfig({ apiKey: "k", shop: "s.myshopify.com", devSessionTokenUrl: null })).toEqual({
      apiKey: "k",
      shop: "s.myshopify.com",
      devSessionTokenUrl: null,
      locale: "en",
      chatEmbedId: null,
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

  it("reads the chat embed id as a string, a blank or missing one as null, and refuses another type", () => {
    const base = { apiKey: "k", shop: "s.myshopify.com" };
    expect(parseAppConfig({ ...base, chatEmbedId: "ext-uuid-1" }).chatEmbedId).toBe("ext-uuid-1");
    expect(parseAppConfig({ ...base, chatEmbedId: "  " }).chatEmbedId).toBeNull();
    expect(parseAppConfig({ ...base, chatEmbedId: null }).chatEmbedId).toBeNull();
    expect(() => parseAppConfig({ ...base, chatEmbedId: 12 })).toThrow(
      'app-config: "chatEmbedId" must be a string or null',
    );
  });
});

describe("readChatEmbedId", () => {
  it("answers the page's id, and null without a usable config", () => {
    expect(readChatEmbedId(pageWith('{"apiKey": "k", "shop": "s.myshopify.com", "chatEmbedId": "ext-9"}'))).toBe(
      "ext-9",
    );
    expect(readChatEmbedId(pageWith('{"apiKey": "k", "shop": "s.myshopify.com"}'))).toBeNull();
    expect(readChatEmbedId(pageWith("{broken"))).toBeNull();
    expect(readChatEmbedId(document.implementation.createHTMLDocument("admin"))).toBeNull();
  });
});

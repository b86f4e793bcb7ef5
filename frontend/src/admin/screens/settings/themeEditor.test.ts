import { describe, expect, it } from "vitest";
import { chatEmbedUrl } from "./themeEditor";

describe("chatEmbedUrl", () => {
  it("opens the current theme's app embeds with the chat embed activated", () => {
    expect(chatEmbedUrl("demo-store.myshopify.com", "9f3c2b1e-0d4a-4c6b-8e2f-1a2b3c4d5e6f")).toBe(
      "https://demo-store.myshopify.com/admin/themes/current/editor?context=apps" +
        "&activateAppId=9f3c2b1e-0d4a-4c6b-8e2f-1a2b3c4d5e6f/chat-embed",
    );
  });

  it("escapes what it puts in the query", () => {
    expect(chatEmbedUrl("demo-store.myshopify.com", "a&b=c")).toBe(
      "https://demo-store.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=a%26b%3Dc/chat-embed",
    );
  });

  it("has no link without an id or for a domain that is not the shop's myshopify domain", () => {
    expect(chatEmbedUrl("demo-store.myshopify.com", null)).toBeNull();
    expect(chatEmbedUrl("demo-store.myshopify.com", "  ")).toBeNull();
    expect(chatEmbedUrl("evil.example/x?.myshopify.com", "id")).toBeNull();
    expect(chatEmbedUrl("shop.example.com", "id")).toBeNull();
  });
});

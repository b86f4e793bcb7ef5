import { describe, expect, it } from "vitest";
import { loaderSrc, panelUrl } from "./panelScript";

describe("panelUrl", () => {
  it("sits next to the loader and keeps its version query", () => {
    expect(panelUrl("https://cdn.shopify.com/extensions/abc/1.2.0/assets/support-chat-loader.js?v=1712")).toBe(
      "https://cdn.shopify.com/extensions/abc/1.2.0/assets/support-chat-panel.js?v=1712",
    );
    expect(panelUrl("http://localhost:8000/static/widget/support-chat-loader.js#x")).toBe(
      "http://localhost:8000/static/widget/support-chat-panel.js",
    );
  });
});

describe("loaderSrc", () => {
  it("finds the loader's script tag when currentScript is gone", () => {
    const script = document.createElement("script");
    script.src = "https://cdn.example/assets/support-chat-loader.js?v=3";
    document.head.appendChild(script);
    expect(loaderSrc(document)).toBe("https://cdn.example/assets/support-chat-loader.js?v=3");
    script.remove();
    expect(loaderSrc(document)).toBeNull();
  });
});

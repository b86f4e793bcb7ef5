import { describe, expect, it } from "vitest";
import { cleanProxy, readConfig } from "./config";

function root(attributes: Record<string, string>): HTMLElement {
  const element = document.createElement("div");
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  return element;
}

describe("readConfig", () => {
  it("reads the contract's data attributes", () => {
    const config = readConfig(
      root({
        "data-proxy": "/store/demo-store/apps/support/",
        "data-locale": "de",
        "data-color": "#5C6AC4",
        "data-position": "left",
        "data-customer": "7722233344455566677",
      }),
    );
    expect(config).toEqual({
      proxy: "/store/demo-store/apps/support",
      locale: "de",
      color: "#5c6ac4",
      position: "left",
      customer: "7722233344455566677",
    });
  });

  it("falls back to safe defaults", () => {
    expect(readConfig(root({ "data-color": "javascript:alert(1)", "data-position": "top" }))).toEqual({
      proxy: "/apps/support",
      locale: "",
      color: "#008060",
      position: "right",
      customer: "",
    });
  });
});

describe("cleanProxy", () => {
  it("only accepts a path on the storefront's own origin", () => {
    expect(cleanProxy("https://evil.example/apps/support")).toBe("/apps/support");
    expect(cleanProxy("//evil.example/x")).toBe("/apps/support");
    expect(cleanProxy("/apps/support?x=1")).toBe("/apps/support");
    expect(cleanProxy("/")).toBe("/apps/support");
    expect(cleanProxy("/fr/apps/support")).toBe("/fr/apps/support");
  });
});

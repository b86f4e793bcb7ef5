import { describe, expect, it } from "vitest";
import { lookupRequest, safeLink } from "./wismo";

describe("lookupRequest", () => {
  it("sends an email when the contact has an @", () => {
    expect(lookupRequest(" #1042 ", " ana@example.com ", "en")).toEqual({
      order_name: "#1042",
      email: "ana@example.com",
      postcode: "",
      locale: "en",
    });
  });

  it("sends a postcode otherwise", () => {
    expect(lookupRequest("1042", "75011", "fr")).toEqual({ order_name: "1042", email: "", postcode: "75011", locale: "fr" });
  });
});

describe("safeLink", () => {
  it("keeps web links only", () => {
    expect(safeLink("https://www.dhl.com/track?id=JD1")).toBe("https://www.dhl.com/track?id=JD1");
    expect(safeLink("http://carrier.example/t/1")).toBe("http://carrier.example/t/1");
    expect(safeLink("javascript:alert(1)")).toBeNull();
    expect(safeLink("data:text/html,<b>x</b>")).toBeNull();
    expect(safeLink("")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersFromSearch, hasActiveFilters, inboxApiPath, searchFromFilters } from "./filters";

describe("filtersFromSearch", () => {
  it("defaults to open conversations of anyone", () => {
    expect(filtersFromSearch(new URLSearchParams(""))).toEqual(DEFAULT_FILTERS);
  });

  it("reads every filter, trimming text", () => {
    expect(
      filtersFromSearch(
        new URLSearchParams("status=all&assignee=me&channel=email&priority=A&waiting=true&tag=%20vip%20&q=%20%231001"),
      ),
    ).toEqual({ status: "all", assignee: "me", channel: "email", priority: "A", waiting: "true", tag: "vip", q: "#1001" });
  });

  it("ignores values the API would refuse", () => {
    expect(
      filtersFromSearch(new URLSearchParams("status=deleted&assignee=42&channel=fax&priority=Z&waiting=maybe")),
    ).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch(new URLSearchParams(`q=${"x".repeat(150)}`)).q).toHaveLength(100);
  });
});

describe("searchFromFilters", () => {
  it("writes only what differs from the defaults, and the cursor", () => {
    expect(searchFromFilters(DEFAULT_FILTERS).toString()).toBe("");
    expect(searchFromFilters({ ...DEFAULT_FILTERS, status: "all", priority: "B", q: "late parcel" }, "Y3Vy").toString()).toBe(
      "status=all&priority=B&q=late+parcel&cursor=Y3Vy",
    );
  });

  it("round-trips through the URL", () => {
    const filters = { status: "pending", assignee: "unassigned", channel: "chat", priority: "C", waiting: "false", tag: "refund", q: "ana@example.com" } as const;
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });
});

describe("inboxApiPath", () => {
  it("asks for open conversations by default", () => {
    expect(inboxApiPath(DEFAULT_FILTERS)).toBe("/api/admin/conversations?status=open");
  });

  it("sends no status for all, and every other filter with the cursor", () => {
    expect(
      inboxApiPath(
        { status: "all", assignee: "me", channel: "email", priority: "A", waiting: "true", tag: "vip", q: "#1001" },
        "abc=",
      ),
    ).toBe("/api/admin/conversations?assignee=me&channel=email&priority=A&waiting=true&tag=vip&q=%231001&cursor=abc%3D");
    expect(inboxApiPath({ ...DEFAULT_FILTERS, status: "all" })).toBe("/api/admin/conversations");
  });
});

describe("hasActiveFilters", () => {
  it("is false for the defaults only", () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, tag: "x" })).toBe(true);
  });
});

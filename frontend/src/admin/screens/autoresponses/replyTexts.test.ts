import { describe, expect, it } from "vitest";
import {
  groupOf,
  overriddenCount,
  rowsFor,
  variableProblems,
  variablesIn,
  withText,
  type ReplyTextKey,
} from "./replyTexts";

const text = (language: string, def: string, override: string | null = null) => ({
  language,
  default: def,
  override,
  updated_at: override ? "2026-02-01T10:00:00Z" : null,
  updated_by: override ? "9007199254740993" : null,
});

const LISTING: ReplyTextKey[] = [
  {
    key: "hours.greeting",
    variables: ["shop_name"],
    texts: [text("en", "Welcome to {shop_name}!", "Hi from {shop_name}"), text("de", "Willkommen bei {shop_name}!")],
  },
  { key: "bot.handoff", variables: [], texts: [text("en", "A person will reply."), text("de", "Ein Mensch antwortet.")] },
  { key: "wismo.order", variables: ["name"], texts: [text("en", "Order {name}"), text("de", "Bestellung {name}")] },
];

describe("groups and rows", () => {
  it("groups keys by their prefix", () => {
    expect(groupOf("hours.out_of_hours")).toBe("hours");
    expect(groupOf("bot.order_details")).toBe("bot");
    expect(groupOf("wismo.parcel.delivered")).toBe("wismo");
  });

  it("lists one language's rows per group, or only the overridden ones", () => {
    const rows = rowsFor(LISTING, "en");
    expect(rows.hours.map((row) => [row.key, row.text.override])).toEqual([["hours.greeting", "Hi from {shop_name}"]]);
    expect(rows.bot.map((row) => row.key)).toEqual(["bot.handoff"]);
    expect(rows.wismo.map((row) => row.variables)).toEqual([["name"]]);
    expect(rowsFor(LISTING, "en", { onlyOverridden: true })).toEqual({ hours: [rows.hours[0]], bot: [], wismo: [] });
    expect(rowsFor(LISTING, "it")).toEqual({ hours: [], bot: [], wismo: [] });
  });

  it("replaces one text of one key", () => {
    const next = withText(LISTING, "hours.greeting", text("de", "Willkommen bei {shop_name}!", "Hallo {shop_name}"));
    expect(next[0]!.texts[1]!.override).toBe("Hallo {shop_name}");
    expect(next[0]!.texts[0]).toBe(LISTING[0]!.texts[0]);
    expect(next[1]).toBe(LISTING[1]);
  });

  it("counts the overridden keys of a language", () => {
    expect(overriddenCount(LISTING, "en")).toBe(1);
    expect(overriddenCount(LISTING, "de")).toBe(0);
  });
});

describe("variables", () => {
  it("reads {name} variables, not doubled braces", () => {
    expect(variablesIn("Hi {shop_name}, {{literal}} and {opening}{shop_name}")).toEqual(["shop_name", "opening"]);
  });

  it("says what a draft misses and invents", () => {
    expect(variableProblems("We open {when}.", ["opening"])).toEqual({ missing: ["opening"], unknown: ["when"] });
    expect(variableProblems("We open {opening}.", ["opening"])).toEqual({ missing: [], unknown: [] });
  });
});

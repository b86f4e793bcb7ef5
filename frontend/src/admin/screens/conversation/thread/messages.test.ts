import { describe, expect, it } from "vitest";
import type { Message } from "../types";
import {
  applyTranslation,
  compareIds,
  lastMessageId,
  mergeMessages,
  normalizeMessage,
  seenByShopper,
  unreadUpTo,
} from "./messages";

const message = (id: string, kind = "shopper", body = `m${id}`): Message => normalizeMessage({ id, kind, body });

describe("compareIds", () => {
  it("orders decimal strings by value, beyond 2^53", () => {
    expect(compareIds("9007199254740993", "9007199254740992")).toBeGreaterThan(0);
    expect(compareIds("99", "100")).toBeLessThan(0);
    expect(compareIds("007", "7")).toBe(0);
    expect(compareIds("12", "12")).toBe(0);
  });
});

describe("normalizeMessage", () => {
  it("fills what a socket payload leaves out, with the attachment's download path", () => {
    expect(
      normalizeMessage({
        id: "5",
        kind: "shopper",
        body: "hi",
        attachments: [{ id: "9", filename: "a.png", content_type: "image/png", size: 3 }],
      }),
    ).toEqual({
      id: "5",
      kind: "shopper",
      body: "hi",
      agent_id: null,
      client_id: "",
      created_at: "",
      attachments: [{ id: "9", filename: "a.png", content_type: "image/png", size: 3, url: "/api/admin/attachments/9" }],
      language: "",
      machine_translated: false,
      original_body: "",
      translation: {},
    });
  });

  it("keeps the API's own path, but never another origin's", () => {
    const [kept] = normalizeMessage({ id: "1", attachments: [{ id: "2", filename: "f", content_type: "x", size: 1, url: "/api/admin/attachments/2" }] }).attachments;
    expect(kept?.url).toBe("/api/admin/attachments/2");
    const [replaced] = normalizeMessage({ id: "1", attachments: [{ id: "3", filename: "f", content_type: "x", size: 1, url: "https://evil.example/x" }] }).attachments;
    expect(replaced?.url).toBe("/api/admin/attachments/3");
  });
});

describe("mergeMessages", () => {
  it("adds new messages in id order and keeps one copy of each", () => {
    const thread = [message("9007199254740992"), message("9007199254740994")];
    const merged = mergeMessages(thread, [message("9007199254740993"), message("9007199254740994", "shopper", "edited")]);
    expect(merged.map((m) => [m.id, m.body])).toEqual([
      ["9007199254740992", "m9007199254740992"],
      ["9007199254740993", "m9007199254740993"],
      ["9007199254740994", "edited"],
    ]);
    expect(lastMessageId(merged)).toBe("9007199254740994");
    expect(lastMessageId([])).toBeNull();
  });

  it("returns the same thread when nothing comes in", () => {
    const thread = [message("1")];
    expect(mergeMessages(thread, [])).toBe(thread);
  });
});

describe("applyTranslation", () => {
  it("sets the translation of that message only", () => {
    const thread = [message("1"), message("2")];
    const next = applyTranslation(thread, {
      message_id: "2",
      conversation_id: "7",
      language: "es",
      translation: { language: "en", text: "Where is my order?", provider: "deepl" },
    });
    expect(next[0]).toBe(thread[0]);
    expect(next[1]?.translation).toEqual({ language: "en", text: "Where is my order?", provider: "deepl" });
    expect(next[1]?.language).toBe("es");
    expect(applyTranslation(thread, { message_id: "3", conversation_id: "7", language: "es", translation: {} })).toBe(thread);
  });
});

describe("read marks", () => {
  it("marks up to the newest message when it is past the read id", () => {
    expect(unreadUpTo([message("4"), message("10")], "9")).toBe("10");
    expect(unreadUpTo([message("4"), message("10")], "10")).toBeNull();
    expect(unreadUpTo([], "0")).toBeNull();
  });

  it("finds the newest agent or bot message the shopper has seen, skipping notes", () => {
    const thread = [message("1", "agent"), message("2", "bot"), message("3", "note"), message("4", "agent")];
    expect(seenByShopper(thread, "3")).toBe("2");
    expect(seenByShopper(thread, "4")).toBe("4");
    expect(seenByShopper(thread, "0")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline";
import type { WidgetMessage } from "./types";

function message(id: string, kind = "agent", client_id = ""): WidgetMessage {
  return { id, kind, body: `m${id}`, client_id, created_at: "2026-03-07T10:00:00Z", attachments: [] };
}

describe("Timeline", () => {
  it("orders server messages by id, beyond 2^53, and ignores duplicates", () => {
    const timeline = new Timeline();
    expect(timeline.addServer([message("9007199254740993"), message("9007199254740992")]).map((m) => m.id)).toEqual([
      "9007199254740993",
      "9007199254740992",
    ]);
    expect(timeline.addServer([message("9007199254740992")])).toEqual([]);
    expect(timeline.entries().map((entry) => entry.server?.id)).toEqual(["9007199254740992", "9007199254740993"]);
    expect(timeline.lastId()).toBe("9007199254740993");
  });

  it("shows a local echo after the server's messages and replaces it, same key, when the server's copy arrives", () => {
    const timeline = new Timeline();
    timeline.addServer([message("10")]);
    timeline.addLocal({ client_id: "c-1", body: "hello", attachments: [], created_at: "", status: "sending" });
    expect(timeline.entries().map((entry) => entry.key)).toEqual(["i:10", "c:c-1"]);
    expect(timeline.entries()[1]?.local?.status).toBe("sending");

    timeline.addServer([message("11", "shopper", "c-1")]);
    const entries = timeline.entries();
    expect(entries.map((entry) => entry.key)).toEqual(["i:10", "c:c-1"]);
    expect(entries[1]?.server?.id).toBe("11");
    expect(entries[1]?.local).toBeUndefined();
  });

  it("does not show a local echo the server already has", () => {
    const timeline = new Timeline();
    timeline.addServer([message("11", "shopper", "c-1")]);
    timeline.addLocal({ client_id: "c-1", body: "hello", attachments: [], created_at: "", status: "waiting" });
    expect(timeline.entries()).toHaveLength(1);
  });

  it("updates a local echo's status", () => {
    const timeline = new Timeline();
    timeline.addLocal({ client_id: "c-1", body: "hello", attachments: [], created_at: "", status: "sending" });
    timeline.setLocalStatus("c-1", "failed", "body_too_long", "refused: body_too_long");
    expect(timeline.entries()[0]?.local).toEqual({
      client_id: "c-1",
      body: "hello",
      attachments: [],
      created_at: "",
      status: "failed",
      reason: "body_too_long",
      detail: "refused: body_too_long",
    });
  });
});

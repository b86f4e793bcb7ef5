import { describe, expect, it } from "vitest";
import { countUnread, interpretEvent, planStart } from "./chatRules";
import type { WidgetMessage } from "./types";

function message(id: string, kind: string): WidgetMessage {
  return { id, kind, body: "", client_id: "", created_at: "", attachments: [] };
}

describe("countUnread", () => {
  it("counts the shop's messages after the read id, never the shopper's", () => {
    const messages = [message("9007199254740992", "bot"), message("9007199254740993", "shopper"), message("9007199254740994", "agent")];
    expect(countUnread(messages, null)).toBe(2);
    expect(countUnread(messages, "9007199254740992")).toBe(1);
    expect(countUnread(messages, "9007199254740994")).toBe(0);
  });
});

describe("interpretEvent", () => {
  it("reads messages, the shop's typing and status changes of this conversation", () => {
    const payload = { ...message("7", "agent"), conversation_id: "5" };
    expect(interpretEvent("message.created", payload, "5")).toEqual({ kind: "message", message: payload });
    expect(interpretEvent("typing", { conversation_id: "5", side: "agent", state: "start" }, "5")).toEqual({ kind: "typing", typing: true });
    expect(interpretEvent("typing", { conversation_id: "5", side: "agent", state: "stop" }, "5")).toEqual({ kind: "typing", typing: false });
    expect(
      interpretEvent("conversation.updated", { conversation_id: "5", change: "conversation.status_changed", to: "resolved" }, "5"),
    ).toEqual({ kind: "status", status: "resolved" });
  });

  it("ignores another conversation's events, the shopper's own typing, and anything else", () => {
    expect(interpretEvent("message.created", { ...message("7", "agent"), conversation_id: "6" }, "5")).toBeNull();
    expect(interpretEvent("typing", { conversation_id: "5", side: "shopper", state: "start" }, "5")).toBeNull();
    expect(interpretEvent("message.created", { conversation_id: "5", body: "no id" }, "5")).toBeNull();
    expect(interpretEvent("conversation.updated", { conversation_id: "5", change: "conversation.assigned" }, "5")).toBeNull();
    expect(interpretEvent("conversation.read", { conversation_id: "5", side: "agent", read_id: "7" }, "5")).toBeNull();
  });
});

describe("planStart", () => {
  const never = () => false;

  it("keeps the read id and reply flag when the stored chat resumed", () => {
    expect(planStart({ id: "5", status: "open", readId: "40", replied: true }, { id: "5", status: "pending" }, null, never)).toEqual({
      record: { id: "5", status: "pending", readId: "40", replied: true },
      same: true,
      ratingFor: null,
    });
  });

  it("asks about the previous chat when a new one began and the shop had replied there", () => {
    const plan = planStart({ id: "5", status: "open", readId: "40", replied: true }, { id: "9", status: "open" }, null, never);
    expect(plan).toEqual({ record: { id: "9", status: "open", readId: null, replied: false }, same: false, ratingFor: "5" });
    expect(planStart({ id: "5", status: "open", readId: null, replied: false }, { id: "9", status: "open" }, null, never).ratingFor).toBeNull();
    expect(planStart({ id: "5", status: "open", readId: null, replied: true }, { id: "9", status: "open" }, null, (id) => id === "5").ratingFor).toBeNull();
  });

  it("asks about a resolved or closed chat not rated yet", () => {
    expect(planStart(null, { id: "9", status: "resolved" }, null, never).ratingFor).toBe("9");
    expect(planStart(null, { id: "9", status: "closed" }, null, (id) => id === "9").ratingFor).toBeNull();
  });
});

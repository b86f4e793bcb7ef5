import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../testing/fakes";
import { createStorage, hasOpenChat, KEYS } from "./storage";

describe("createStorage", () => {
  it("stores JSON under the support-chat: prefix", () => {
    const backing = new MemoryStorage();
    const storage = createStorage(backing);
    storage.set("conversation", { id: "9007199254740993", status: "open" });
    expect(backing.getItem("support-chat:conversation")).toBe('{"id":"9007199254740993","status":"open"}');
    expect(storage.get("conversation")).toEqual({ id: "9007199254740993", status: "open" });
    storage.remove("conversation");
    expect(backing.getItem("support-chat:conversation")).toBeNull();
    expect(storage.get("conversation")).toBeNull();
  });

  it("reads unparsable values as null", () => {
    const backing = new MemoryStorage();
    backing.setItem("support-chat:outbox", "{not json");
    expect(createStorage(backing).get("outbox")).toBeNull();
  });

  it("keeps values in memory when localStorage throws", () => {
    const broken = new MemoryStorage();
    broken.setItem = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    broken.getItem = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    const storage = createStorage(broken);
    storage.set("visitor", "token-1");
    expect(storage.get("visitor")).toBe("token-1");
    expect(createStorage(null).get("visitor")).toBeNull();
  });
});

describe("hasOpenChat", () => {
  it("is true for an open conversation or unsent messages only", () => {
    const storage = createStorage(new MemoryStorage());
    expect(hasOpenChat(storage)).toBe(false);
    storage.set(KEYS.conversation, { id: "5", status: "resolved", readId: null, replied: true });
    expect(hasOpenChat(storage)).toBe(false);
    storage.set(KEYS.outbox, [{ client_id: "c1", body: "hi", attachments: [], created_at: "" }]);
    expect(hasOpenChat(storage)).toBe(true);
    storage.remove(KEYS.outbox);
    storage.set(KEYS.conversation, { id: "5", status: "open", readId: null, replied: false });
    expect(hasOpenChat(storage)).toBe(true);
  });
});

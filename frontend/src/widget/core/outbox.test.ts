import { describe, expect, it } from "vitest";
import { createStorage } from "../shared/storage";
import { MemoryStorage } from "../testing/fakes";
import { WidgetApiError } from "./api";
import { Outbox, type PendingMessage } from "./outbox";
import type { WidgetMessage } from "./types";

function pending(clientId: string, body = clientId): PendingMessage {
  return { client_id: clientId, body, attachments: [], created_at: "2026-03-07T10:00:00.000Z" };
}

function echo(p: PendingMessage, id: string): WidgetMessage {
  return { id, kind: "shopper", body: p.body, client_id: p.client_id, created_at: p.created_at, attachments: [] };
}

function recorder() {
  const events: string[] = [];
  return {
    events,
    handlers: {
      onSending: (p: PendingMessage) => events.push(`sending ${p.client_id}`),
      onSent: (p: PendingMessage, m: WidgetMessage) => events.push(`sent ${p.client_id} as ${m.id}`),
      onRefused: (p: PendingMessage, e: WidgetApiError) => events.push(`refused ${p.client_id} ${e.code}`),
      onPaused: (e: WidgetApiError) => events.push(`paused ${e.code}`),
    },
  };
}

describe("Outbox", () => {
  it("persists across instances (a reload) in the order written, without duplicates", () => {
    const backing = new MemoryStorage();
    const outbox = new Outbox(createStorage(backing));
    outbox.add(pending("a"));
    outbox.add(pending("b"));
    outbox.add(pending("a"));
    expect(new Outbox(createStorage(backing)).list().map((p) => p.client_id)).toEqual(["a", "b"]);
    expect(backing.getItem("support-chat:outbox")).toContain('"client_id":"a"');
  });

  it("sends in order, one at a time, and empties itself", async () => {
    const outbox = new Outbox(createStorage(new MemoryStorage()));
    outbox.add(pending("a"));
    outbox.add(pending("b"));
    const bodies: string[] = [];
    const { events, handlers } = recorder();
    const result = await outbox.flush(async (p) => {
      bodies.push(p.body);
      return echo(p, String(bodies.length));
    }, handlers);

    expect(result).toBe("empty");
    expect(bodies).toEqual(["a", "b"]);
    expect(events).toEqual(["sending a", "sent a as 1", "sending b", "sent b as 2"]);
    expect(outbox.list()).toEqual([]);
  });

  it("stops at a failure worth retrying, keeps that message and the rest, and resends them in order later", async () => {
    const outbox = new Outbox(createStorage(new MemoryStorage()));
    outbox.add(pending("a"));
    outbox.add(pending("b"));
    outbox.add(pending("c"));
    const tried: string[] = [];
    const first = recorder();
    await outbox.flush(async (p) => {
      tried.push(p.client_id);
      if (p.client_id === "b") {
        throw new WidgetApiError(0, "network");
      }
      return echo(p, "1");
    }, first.handlers);

    expect(tried).toEqual(["a", "b"]);
    expect(first.events).toEqual(["sending a", "sent a as 1", "sending b", "paused network"]);
    expect(outbox.list().map((p) => p.client_id)).toEqual(["b", "c"]);

    const resent: string[] = [];
    const second = recorder();
    expect(await outbox.flush(async (p) => (resent.push(p.client_id), echo(p, "2")), second.handlers)).toBe("empty");
    expect(resent).toEqual(["b", "c"]);
  });

  it("drops a message the server refuses for good and goes on with the next", async () => {
    const outbox = new Outbox(createStorage(new MemoryStorage()));
    outbox.add(pending("a"));
    outbox.add(pending("b"));
    const { events, handlers } = recorder();
    await outbox.flush(async (p) => {
      if (p.client_id === "a") {
        throw new WidgetApiError(400, "body_too_long", "refused: body_too_long");
      }
      return echo(p, "2");
    }, handlers);
    expect(events).toEqual(["sending a", "refused a body_too_long", "sending b", "sent b as 2"]);
    expect(outbox.list()).toEqual([]);
  });

  it("never resends a message the server already echoed (removed on sight)", async () => {
    const outbox = new Outbox(createStorage(new MemoryStorage()));
    outbox.add(pending("a"));
    outbox.add(pending("b"));
    expect(outbox.remove("a")).toBe(true); // e.g. its message.created arrived on the socket
    expect(outbox.remove("a")).toBe(false);
    const sent: string[] = [];
    await outbox.flush(async (p) => (sent.push(p.client_id), echo(p, "9")), recorder().handlers);
    expect(sent).toEqual(["b"]);
  });

  it("runs one flush at a time and sends a message written meanwhile in the same run", async () => {
    const outbox = new Outbox(createStorage(new MemoryStorage()));
    outbox.add(pending("a"));
    let release: (() => void) | null = null;
    const sent: string[] = [];
    const running = outbox.flush(async (p) => {
      sent.push(p.client_id);
      if (p.client_id === "a") {
        await new Promise<void>((resolve) => (release = resolve));
      }
      return echo(p, p.client_id);
    }, recorder().handlers);
    outbox.add(pending("b"));
    expect(await outbox.flush(async (p) => echo(p, "x"), recorder().handlers)).toBe("busy");
    (release as unknown as () => void)();
    expect(await running).toBe("empty");
    expect(sent).toEqual(["a", "b"]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { FakeSocket, ManualTimers, settle } from "../testing/fakes";
import {
  type ConnectionStatus,
  PING_INTERVAL_MS,
  RealtimeConnection,
  reconnectDelay,
  TOKEN_MAX_AGE_MS,
} from "./realtime";
import type { SocketTokenResponse } from "./types";

const URL = "wss://app.example/ws/widget/";

function setup(fresh: () => Promise<SocketTokenResponse> = async () => ({ socket_token: "fresh", socket_url: URL })) {
  FakeSocket.reset();
  const timers = new ManualTimers();
  const events: Array<[string, Record<string, unknown>]> = [];
  const opens: boolean[] = [];
  const statuses: ConnectionStatus[] = [];
  let tokenCalls = 0;
  const connection = new RealtimeConnection({
    WebSocketImpl: FakeSocket,
    fetchToken: () => {
      tokenCalls += 1;
      return fresh();
    },
    timers,
    now: () => timers.now,
    random: () => 0.5,
    onEvent: (event, payload) => events.push([event, payload]),
    onOpen: (reconnected) => opens.push(reconnected),
    onStatus: (status) => statuses.push(status),
  });
  return { connection, timers, events, opens, statuses, tokenCalls: () => tokenCalls };
}

afterEach(() => FakeSocket.reset());

describe("reconnectDelay", () => {
  it("doubles from 1 s with jitter in the upper half, capped at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ]);
    expect([0, 5, 10].map((attempt) => reconnectDelay(attempt, () => 1))).toEqual([1000, 30000, 30000]);
  });
});

describe("RealtimeConnection", () => {
  it("opens <socket_url>?token=<token>, forwards events and ignores pongs and junk", async () => {
    const { connection, timers, events, opens } = setup();
    connection.start({ socket_token: "tok en/1", socket_url: URL }, timers.now);
    await settle();
    const socket = FakeSocket.last();
    expect(socket.url).toBe("wss://app.example/ws/widget/?token=tok%20en%2F1");
    socket.accept();
    socket.push({ event: "pong" });
    socket.push({ event: "message.created", payload: { id: "9007199254740993", kind: "agent" } });
    socket.onmessage?.(new MessageEvent("message", { data: "not json" }));
    expect(opens).toEqual([false]);
    expect(events).toEqual([["message.created", { id: "9007199254740993", kind: "agent" }]]);
  });

  it("pings every 25 s while open", async () => {
    const { connection, timers } = setup();
    connection.start({ socket_token: "t", socket_url: URL }, timers.now);
    await settle();
    const socket = FakeSocket.last();
    socket.accept();
    timers.advance(PING_INTERVAL_MS - 1);
    expect(socket.sent).toEqual([]);
    timers.advance(1);
    timers.advance(PING_INTERVAL_MS);
    expect(socket.sent).toEqual([{ type: "ping" }, { type: "ping" }]);
  });

  it("reconnects after a drop with backoff, reusing a young token, and says it is a reconnect", async () => {
    const { connection, timers, opens, statuses, tokenCalls } = setup();
    connection.start({ socket_token: "t1", socket_url: URL }, timers.now);
    await settle();
    FakeSocket.last().accept();
    FakeSocket.last().drop(1006);
    expect(timers.pending()).toEqual([750]); // attempt 0, random 0.5: 500 + 250
    timers.advance(749);
    await settle();
    expect(FakeSocket.instances).toHaveLength(1);
    timers.advance(1);
    await settle();
    expect(FakeSocket.instances).toHaveLength(2);
    expect(FakeSocket.last().url).toBe(`${URL}?token=t1`);
    expect(tokenCalls()).toBe(0);
    FakeSocket.last().accept();
    expect(opens).toEqual([false, true]);
    expect(statuses).toEqual(["connecting", "open", "closed", "connecting", "open"]);
  });

  it("backs off further on each failed attempt and resets after a success", async () => {
    const { connection, timers } = setup();
    connection.start({ socket_token: "t1", socket_url: URL }, timers.now);
    await settle();
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    const delays: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const [delay] = timers.pending();
      delays.push(delay ?? -1);
      timers.advance(delay ?? 0);
      await settle();
      FakeSocket.last().drop(); // refused before opening
    }
    expect(delays).toEqual([750, 1500, 3000]);
    timers.advance(timers.pending()[0] ?? 0);
    await settle();
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    expect(timers.pending()).toEqual([750]);
  });

  it("asks for a fresh token when the server refused the old one (4401)", async () => {
    const { connection, timers, tokenCalls } = setup();
    connection.start({ socket_token: "old", socket_url: URL }, timers.now);
    await settle();
    FakeSocket.last().drop(4401);
    timers.advance(timers.pending()[0] ?? 0);
    await settle();
    expect(tokenCalls()).toBe(1);
    expect(FakeSocket.last().url).toBe(`${URL}?token=fresh`);
  });

  it("asks for a fresh token when the old one is older than ~9 minutes", async () => {
    const { connection, timers, tokenCalls } = setup();
    connection.start({ socket_token: "old", socket_url: URL }, timers.now);
    await settle();
    FakeSocket.last().accept();
    timers.advance(TOKEN_MAX_AGE_MS);
    FakeSocket.last().drop(1001);
    timers.advance(timers.pending()[0] ?? 0);
    await settle();
    expect(tokenCalls()).toBe(1);
    expect(FakeSocket.last().url).toBe(`${URL}?token=fresh`);
  });

  it("keeps retrying with backoff when even the token request fails", async () => {
    let fail = true;
    const { connection, timers, tokenCalls } = setup(async () => {
      if (fail) {
        throw new Error("offline");
      }
      return { socket_token: "fresh", socket_url: URL };
    });
    connection.start({ socket_token: "old", socket_url: URL }, timers.now);
    await settle();
    FakeSocket.last().drop(4401);
    timers.advance(timers.pending()[0] ?? 0);
    await settle();
    expect(tokenCalls()).toBe(1);
    expect(FakeSocket.instances).toHaveLength(1);
    fail = false;
    timers.advance(timers.pending()[0] ?? 0);
    await settle();
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("reconnects at once when asked (back online), and never after stop()", async () => {
    const { connection, timers } = setup();
    connection.start({ socket_token: "t", socket_url: URL }, timers.now);
    await settle();
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    connection.reconnectNow();
    await settle();
    expect(FakeSocket.instances).toHaveLength(2);
    const second = FakeSocket.last();
    connection.stop();
    expect(second.closedWith).toBe(1000);
    expect(timers.pending()).toEqual([]);
    timers.advance(60_000);
    await settle();
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("sends frames only while open", async () => {
    const { connection, timers } = setup();
    connection.start({ socket_token: "t", socket_url: URL }, timers.now);
    await settle();
    expect(connection.send({ type: "typing", state: "start" })).toBe(false);
    FakeSocket.last().accept();
    expect(connection.send({ type: "typing", state: "start" })).toBe(true);
    expect(FakeSocket.last().sent).toEqual([{ type: "typing", state: "start" }]);
  });
});

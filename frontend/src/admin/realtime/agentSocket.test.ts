import { beforeEach, describe, expect, it } from "vitest";
import { AgentSocket, agentSocketUrl, PING_INTERVAL_MS } from "./agentSocket";
import { FakeWebSocket, ManualTimers } from "./testing";

/** Lets the awaited token promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(random = () => 0.5) {
  const timers = new ManualTimers();
  const events: [string, unknown][] = [];
  const statuses: string[] = [];
  let tokens = 0;
  const socket = new AgentSocket({
    url: (token) => `wss://app.example/ws/agent/?token=${token}`,
    getToken: async () => `token-${++tokens}`,
    createSocket: (url) => new FakeWebSocket(url),
    onEvent: (name, payload) => events.push([name, payload]),
    onStatus: (status) => statuses.push(status),
    timers,
    random,
  });
  return { socket, timers, events, statuses };
}

beforeEach(() => FakeWebSocket.reset());

describe("AgentSocket", () => {
  it("connects with a token and dispatches server events by name, ignoring pongs and junk", async () => {
    const { socket, events } = setup();
    socket.start();
    await settle();

    const ws = FakeWebSocket.latest();
    expect(ws.url).toBe("wss://app.example/ws/agent/?token=token-1");
    ws.serverOpen();
    ws.serverSend({ event: "pong" });
    ws.serverSend({ event: "message.created", payload: { id: "9007199254740993", conversation_id: "5" } });
    ws.serverSend({ event: "no.such.event", payload: {} });
    ws.onmessage?.(new MessageEvent("message", { data: "not json" }));
    ws.serverSend({ event: "typing", payload: { conversation_id: "5", side: "shopper", state: "start" } });

    expect(events).toEqual([
      ["message.created", { id: "9007199254740993", conversation_id: "5" }],
      ["typing", { conversation_id: "5", side: "shopper", state: "start" }],
    ]);
  });

  it("pings every 25 s while open, and stops pinging once closed", async () => {
    const { socket, timers } = setup();
    socket.start();
    await settle();
    const ws = FakeWebSocket.latest();
    ws.serverOpen();

    expect([...timers.intervals.values()].map((i) => i.ms)).toEqual([PING_INTERVAL_MS]);
    timers.tickIntervals();
    timers.tickIntervals();
    expect(ws.frames()).toEqual([{ type: "ping" }, { type: "ping" }]);

    ws.serverClose();
    expect(timers.intervals.size).toBe(0);
  });

  it("reconnects after a drop with a fresh token and growing, capped delays, then signals reconnected", async () => {
    const { socket, timers, events } = setup(() => 1);
    socket.start();
    await settle();
    FakeWebSocket.latest().serverOpen();
    expect(events).toEqual([]); // the first open is not a reconnect

    const delays: number[] = [];
    for (let failure = 0; failure < 7; failure += 1) {
      FakeWebSocket.latest().serverClose();
      delays.push(...timers.runTimeouts());
      await settle();
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(FakeWebSocket.instances.map((ws) => ws.url.split("=")[1])).toEqual([
      "token-1", "token-2", "token-3", "token-4", "token-5", "token-6", "token-7", "token-8",
    ]);

    FakeWebSocket.latest().serverOpen();
    expect(events).toEqual([["reconnected", {}]]);

    // A successful open resets the backoff.
    FakeWebSocket.latest().serverClose();
    expect(timers.runTimeouts()).toEqual([1000]);
  });

  it("retries when the token cannot be had, without opening a socket", async () => {
    const timers = new ManualTimers();
    const socket = new AgentSocket({
      url: (token) => `ws://x/ws/agent/?token=${token}`,
      getToken: () => Promise.reject(new Error("no token")),
      createSocket: (url) => new FakeWebSocket(url),
      onEvent: () => undefined,
      timers,
      random: () => 0,
    });
    socket.start();
    await settle();

    expect(FakeWebSocket.instances).toHaveLength(0);
    expect([...timers.timeouts.values()].map((t) => t.ms)).toEqual([500]);
    expect(socket.state).toBe("waiting");
  });

  it("reconnectNow skips the remaining wait", async () => {
    const { socket, timers } = setup();
    socket.start();
    await settle();
    FakeWebSocket.latest().serverOpen();
    FakeWebSocket.latest().serverClose();
    expect(timers.timeouts.size).toBe(1);

    socket.reconnectNow();
    await settle();
    expect(timers.timeouts.size).toBe(0);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it("sends presence now when open, and again after a reconnect while away", async () => {
    const { socket, timers } = setup();
    socket.start();
    await settle();
    const first = FakeWebSocket.latest();
    first.serverOpen();

    socket.setPresence("away");
    socket.setPresence("away");
    expect(first.frames()).toEqual([{ type: "presence", status: "away" }]);

    first.serverClose();
    timers.runTimeouts();
    await settle();
    const second = FakeWebSocket.latest();
    second.serverOpen();
    expect(second.frames()).toEqual([{ type: "presence", status: "away" }]);

    socket.setPresence("online");
    expect(second.frames()).toEqual([
      { type: "presence", status: "away" },
      { type: "presence", status: "online" },
    ]);
  });

  it("drops frames while not open, and stop() closes for good", async () => {
    const { socket, timers, statuses } = setup();
    expect(socket.send({ type: "ping" })).toBe(false);
    socket.start();
    await settle();
    const ws = FakeWebSocket.latest();
    expect(socket.send({ type: "ping" })).toBe(false);
    expect(ws.sent).toEqual([]);

    ws.serverOpen();
    socket.stop();
    expect(ws.closedWith).toEqual({ code: 1000, reason: "bye" });
    expect(timers.timeouts.size).toBe(0);
    expect(timers.intervals.size).toBe(0);
    expect(socket.send({ type: "ping" })).toBe(false);
    expect(statuses).toEqual(["connecting", "open", "stopped"]);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it("opens no socket when stopped while the token was on its way", async () => {
    const { socket } = setup();
    socket.start();
    socket.stop();
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});

describe("agentSocketUrl", () => {
  it("follows the page's scheme and host, and escapes the token", () => {
    expect(agentSocketUrl({ protocol: "https:", host: "support.example.com" }, "a.b+c/d")).toBe(
      "wss://support.example.com/ws/agent/?token=a.b%2Bc%2Fd",
    );
    expect(agentSocketUrl({ protocol: "http:", host: "localhost:8000" }, "t")).toBe("ws://localhost:8000/ws/agent/?token=t");
  });
});

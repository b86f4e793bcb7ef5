import { act, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProvider } from "../api/context";
import { RealtimeProvider, useRealtimeEvent, useRealtimeSend } from "./RealtimeProvider";
import { FakeWebSocket } from "./testing";

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

function Probe() {
  const [seen, setSeen] = useState<string[]>([]);
  const send = useRealtimeSend();
  useRealtimeEvent("conversation.read", (payload) => setSeen((s) => [...s, `read ${payload.read_id}`]));
  useRealtimeEvent("reconnected", () => setSeen((s) => [...s, "reconnected"]));
  return (
    <>
      <button type="button" onClick={() => send({ type: "typing", state: "start", conversation_id: "7" })}>
        type
      </button>
      <ul aria-label="seen">
        {seen.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
    </>
  );
}

function renderWith(getToken?: () => Promise<string>) {
  const apiFetch = vi.fn(() => Promise.reject(new Error("no HTTP in this test")));
  render(
    <ApiProvider apiFetch={apiFetch} getToken={getToken}>
      <RealtimeProvider>
        <Probe />
      </RealtimeProvider>
    </ApiProvider>,
  );
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeEach(() => {
  FakeWebSocket.reset();
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

afterEach(() => {
  // Back to jsdom's own getter.
  delete (document as { visibilityState?: unknown }).visibilityState;
});

describe("RealtimeProvider", () => {
  it("opens the same-origin agent socket with the session token and hands events to subscribers", async () => {
    renderWith(async () => "tok en");
    await settle();

    expect(FakeWebSocket.instances).toHaveLength(1);
    const ws = FakeWebSocket.latest();
    expect(ws.url).toBe(`ws://${window.location.host}/ws/agent/?token=tok%20en`);

    act(() => {
      ws.serverOpen();
      ws.serverSend({ event: "conversation.read", payload: { conversation_id: "7", side: "shopper", read_id: "41" } });
    });
    expect(screen.getByRole("listitem").textContent).toBe("read 41");

    act(() => screen.getByRole("button", { name: "type" }).click());
    expect(ws.frames()).toEqual([{ type: "typing", state: "start", conversation_id: "7" }]);
  });

  it("opens no socket without a session-token source, and sending does nothing", async () => {
    renderWith(undefined);
    await settle();
    act(() => screen.getByRole("button", { name: "type" }).click());
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it("reports away while the tab is hidden and online when visible again", async () => {
    renderWith(async () => "t");
    await settle();
    const ws = FakeWebSocket.latest();
    act(() => ws.serverOpen());

    act(() => setVisibility("hidden"));
    act(() => setVisibility("visible"));
    expect(ws.frames()).toEqual([
      { type: "presence", status: "away" },
      { type: "presence", status: "online" },
    ]);
  });

  it("reconnects at once when the browser is back online, then signals reconnected", async () => {
    renderWith(async () => "t");
    await settle();
    act(() => FakeWebSocket.latest().serverOpen());
    act(() => FakeWebSocket.latest().serverClose());

    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(2);
    act(() => FakeWebSocket.latest().serverOpen());
    expect(screen.getByRole("listitem").textContent).toBe("reconnected");
  });

  it("closes the socket on unmount", async () => {
    renderWith(async () => "t");
    await settle();
    const ws = FakeWebSocket.latest();
    act(() => ws.serverOpen());
    const { cleanup } = await import("@testing-library/react");
    cleanup();
    expect(ws.closedWith).toEqual({ code: 1000, reason: "bye" });
  });
});

/**
 * One agent websocket for the whole admin, mounted once inside `<MeGate>`.
 *
 * - `useRealtimeEvent(name, handler)`: call `handler(payload)` for every event
 *   of that name (`"reconnected"` after the socket came back: resync over HTTP).
 * - `useRealtimeSend()`: send a frame (typing); dropped while disconnected.
 *
 * No socket without a session-token source (`useSessionToken()` is null, as in
 * most tests). The agent's presence follows the tab's visibility: away while
 * hidden, online when visible again (and a dropped socket retries at once).
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useSessionToken } from "../api/context";
import { AgentSocket, agentSocketUrl, type Presence } from "./agentSocket";
import type { ClientFrame, RealtimeEventName } from "./events";
import { createHub, type EventHub, type Handler } from "./hub";

interface Realtime {
  hub: EventHub;
  send: (frame: ClientFrame) => boolean;
}

const silent: Realtime = { hub: createHub(), send: () => false };
const RealtimeContext = createContext<Realtime>(silent);

function visiblePresence(): Presence {
  return document.visibilityState === "hidden" ? "away" : "online";
}

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const getToken = useSessionToken();
  const hub = useMemo(() => createHub(), []);
  const socketRef = useRef<AgentSocket | null>(null);

  useEffect(() => {
    if (getToken === null) return undefined;
    const socket = new AgentSocket({
      url: (token) => agentSocketUrl(window.location, token),
      getToken,
      createSocket: (url) => new WebSocket(url),
      onEvent: (name, payload) => hub.emit(name, payload),
    });
    socketRef.current = socket;
    socket.setPresence(visiblePresence());
    socket.start();

    const onVisibility = () => {
      const presence = visiblePresence();
      socket.setPresence(presence);
      if (presence === "online") socket.reconnectNow();
    };
    const onOnline = () => socket.reconnectNow();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      socket.stop();
      if (socketRef.current === socket) socketRef.current = null;
    };
  }, [getToken, hub]);

  const value = useMemo<Realtime>(() => ({ hub, send: (frame) => socketRef.current?.send(frame) ?? false }), [hub]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** Calls the latest `handler` for each event named `name` while the component is mounted. */
export function useRealtimeEvent<N extends RealtimeEventName>(name: N, handler: Handler<N>): void {
  const { hub } = useContext(RealtimeContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => hub.on(name, (payload) => latest.current(payload)), [hub, name]);
}

export function useRealtimeSend(): (frame: ClientFrame) => boolean {
  return useContext(RealtimeContext).send;
}

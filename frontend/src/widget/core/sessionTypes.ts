/** The chat session's public shapes: its state (what views read) and its dependencies. */
import type { WidgetStorage } from "../shared/storage";
import type { WidgetApi, WidgetApiError } from "./api";
import type { ConnectionStatus, SocketFactory } from "./realtime";
import type { Timers } from "./timers";

export type Phase = "idle" | "prechat" | "starting" | "ready" | "error";

export interface SessionState {
  phase: Phase;
  conversationId: string | null;
  status: string;
  /** null until the start response says. */
  agentsOnline: boolean | null;
  online: boolean;
  connection: ConnectionStatus;
  shopTyping: boolean;
  unread: number;
  startError: WidgetApiError | null;
  /** A conversation to ask a rating for, and whether it was just given. */
  ratingFor: string | null;
  ratingDone: boolean;
  /** The shop has an email to reply to (given here, or a logged-in customer). */
  emailKnown: boolean;
}

export interface SessionDeps {
  api: WidgetApi;
  storage: WidgetStorage;
  timers: Timers;
  now: () => number;
  random: () => number;
  isOnline: () => boolean;
  newClientId: () => string;
  timeZone: () => string;
  /** The locale sent when the chat starts. */
  locale: string;
  loggedIn: boolean;
  WebSocketImpl: SocketFactory;
}

export interface ShopperDetails {
  name: string;
  email: string;
}

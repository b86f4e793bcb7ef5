/**
 * The agent websocket's events: names (mirroring support/realtime.py), the
 * shapes of their payloads, and the pure parser of incoming frames.
 *
 * A frame from the server is `{"event": name, "payload": {...}}`; `{"event": "pong"}`
 * answers our ping and carries nothing. Every id in a payload is a string.
 */

export const MESSAGE_CREATED = "message.created";
export const CONVERSATION_UPDATED = "conversation.updated";
export const CONVERSATION_READ = "conversation.read";
export const TYPING = "typing";
export const PRESENCE_UPDATED = "presence.updated";
export const CONVERSATION_ESCALATED = "conversation.escalated";
export const MESSAGE_TRANSLATED = "message.translated";
export const SLA_WARNING = "sla.warning";
export const SLA_BREACHED = "sla.breached";
export const SLA_ESCALATED = "sla.escalated";
/** Not from the server: the socket is open again after a drop; screens resync over HTTP. */
export const RECONNECTED = "reconnected";

export const SERVER_EVENTS = [
  MESSAGE_CREATED,
  CONVERSATION_UPDATED,
  CONVERSATION_READ,
  TYPING,
  PRESENCE_UPDATED,
  CONVERSATION_ESCALATED,
  MESSAGE_TRANSLATED,
  SLA_WARNING,
  SLA_BREACHED,
  SLA_ESCALATED,
] as const;

export type ServerEventName = (typeof SERVER_EVENTS)[number];
export type RealtimeEventName = ServerEventName | typeof RECONNECTED;

export interface WireAttachment {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  /** Present in HTTP responses; socket payloads leave it out. */
  url?: string;
}

export interface WireTranslation {
  language?: string;
  text?: string;
  provider?: string;
}

/** A message as the API and the socket send it. */
export interface WireMessage {
  id: string;
  kind: "shopper" | "agent" | "note" | "bot" | "system" | string;
  body: string;
  agent_id: string | null;
  client_id: string;
  created_at: string;
  attachments: WireAttachment[];
  language: string;
  machine_translated: boolean;
  original_body: string;
  translation: WireTranslation;
}

export interface MessageCreatedPayload extends WireMessage {
  conversation_id: string;
}

export interface ConversationChangePayload {
  conversation_id: string;
  change?: string;
  [field: string]: unknown;
}

export interface ConversationReadPayload {
  conversation_id: string;
  side: "shopper" | "agent";
  read_id: string;
}

export interface TypingPayload {
  conversation_id: string;
  side: "shopper" | "agent" | "note";
  state: "start" | "stop";
  agent_id?: string;
}

export interface PresencePayload {
  agent_id: string;
  status: "online" | "away" | "offline";
}

export interface MessageTranslatedPayload {
  message_id: string;
  conversation_id: string;
  language: string;
  translation: WireTranslation;
}

export interface SlaPayload {
  conversation_id: string;
  target: string;
  due_at: string;
  [field: string]: unknown;
}

export interface RealtimePayloads {
  [MESSAGE_CREATED]: MessageCreatedPayload;
  [CONVERSATION_UPDATED]: ConversationChangePayload;
  [CONVERSATION_READ]: ConversationReadPayload;
  [TYPING]: TypingPayload;
  [PRESENCE_UPDATED]: PresencePayload;
  [CONVERSATION_ESCALATED]: ConversationChangePayload;
  [MESSAGE_TRANSLATED]: MessageTranslatedPayload;
  [SLA_WARNING]: SlaPayload;
  [SLA_BREACHED]: SlaPayload;
  [SLA_ESCALATED]: SlaPayload;
  [RECONNECTED]: Record<string, never>;
}

export interface ServerEvent {
  event: ServerEventName;
  payload: Record<string, unknown>;
}

function isServerEvent(name: unknown): name is ServerEventName {
  return typeof name === "string" && (SERVER_EVENTS as readonly string[]).includes(name);
}

/**
 * A frame's event, or null for anything else (a pong, an unknown event, a
 * payload that is not an object, text that is not JSON).
 */
export function parseFrame(data: unknown): ServerEvent | null {
  if (typeof data !== "string") return null;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof frame !== "object" || frame === null) return null;
  const { event, payload } = frame as { event?: unknown; payload?: unknown };
  if (!isServerEvent(event)) return null;
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  return { event, payload: payload as Record<string, unknown> };
}

/** Frames an agent's client sends. */
export type ClientFrame =
  | { type: "ping" }
  | { type: "presence"; status: "online" | "away" }
  | { type: "typing"; state: "start" | "stop"; conversation_id: string; note?: true };

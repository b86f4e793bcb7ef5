/**
 * A fake widget API (the app behind the proxy), answering like
 * support/api/widget*.py: idempotent sends on client_id, messages after an id,
 * socket tokens, read receipts, one rating. For the widget's tests only.
 */
import type { WidgetMessage } from "../core/types";
import { fakeNetwork, json, type RecordedRequest } from "./fakes";

export const SOCKET_URL = "wss://app.example/ws/widget/";
export const CONVERSATION_ID = "9007199254740993"; // above 2^53: must stay a string
const BASE = "/apps/support/api/widget/";

export interface FakeServerState {
  conversationId: string;
  status: string;
  messages: WidgetMessage[];
  agentsOnline: boolean;
  /** false: every request fails as a dropped connection does. */
  up: boolean;
  /** Message POSTs to fail before storing (network error). */
  failSendsBefore: number;
  /** Message POSTs to store, then lose the response of (network error). */
  loseResponses: number;
  /** Message POSTs to refuse for good (400 body_too_long). */
  refuseSends: number;
  /** The refusal code of the next uploads (e.g. attachment_type_not_allowed), or "". */
  refuseUploads: string;
  rated: boolean;
  visitorToken: string | null;
  nextId: bigint;
  tokens: number;
}

export function fakeServer(initial: Partial<FakeServerState> = {}) {
  const state: FakeServerState = {
    conversationId: CONVERSATION_ID,
    status: "open",
    messages: [],
    agentsOnline: true,
    up: true,
    failSendsBefore: 0,
    loseResponses: 0,
    refuseSends: 0,
    refuseUploads: "",
    rated: false,
    visitorToken: "visitor-1",
    nextId: 9007199254741000n,
    tokens: 0,
    ...initial,
  };

  function store(kind: string, body: string, clientId: string): WidgetMessage {
    const message: WidgetMessage = {
      id: String(state.nextId++),
      kind,
      body,
      client_id: clientId,
      created_at: "2026-03-07T10:00:00Z",
      attachments: [],
      machine_translated: false,
    };
    state.messages.push(message);
    return message;
  }

  function route(request: RecordedRequest): Response {
    if (!state.up) {
      throw new TypeError("Failed to fetch");
    }
    const path = request.url.startsWith(BASE) ? request.url.slice(BASE.length) : request.url;
    const conversation = `conversations/${state.conversationId}`;
    if (request.method === "POST" && path === "conversations") {
      return json(
        {
          conversation: { id: state.conversationId, status: state.status },
          visitor_token: state.visitorToken,
          socket_token: "socket-1",
          socket_url: SOCKET_URL,
          messages: state.messages,
          agents_online: state.agentsOnline,
        },
        201,
      );
    }
    if (request.method === "GET" && path.startsWith(`${conversation}/messages`)) {
      const after = new URL(request.url, "https://shop.example").searchParams.get("after");
      return json(state.messages.filter((m) => after === null || BigInt(m.id) > BigInt(after)));
    }
    if (request.method === "POST" && path === `${conversation}/messages`) {
      if (state.failSendsBefore > 0) {
        state.failSendsBefore -= 1;
        throw new TypeError("Failed to fetch");
      }
      if (state.refuseSends > 0) {
        state.refuseSends -= 1;
        return json({ detail: "refused: body_too_long", code: "body_too_long" }, 400);
      }
      const body = request.body as { body: string; client_id: string };
      const existing = state.messages.find((m) => m.client_id === body.client_id);
      const message = existing ?? store("shopper", body.body, body.client_id);
      if (state.loseResponses > 0) {
        state.loseResponses -= 1;
        throw new TypeError("Failed to fetch");
      }
      return json(message, existing ? 200 : 201);
    }
    if (request.method === "POST" && path === `${conversation}/attachments`) {
      if (state.refuseUploads) {
        return json({ detail: `refused: ${state.refuseUploads}`, code: state.refuseUploads }, 400);
      }
      const file = (request.body as FormData).get("file") as File;
      return json({ id: "88", filename: file.name, content_type: file.type, size: file.size }, 201);
    }
    if (request.method === "POST" && path === `${conversation}/socket-token`) {
      state.tokens += 1;
      return json({ socket_token: `socket-fresh-${state.tokens}`, socket_url: SOCKET_URL });
    }
    if (request.method === "POST" && path === `${conversation}/read`) {
      return json({ read_id: (request.body as { up_to: string }).up_to });
    }
    if (request.method === "POST" && path === `${conversation}/rating`) {
      if (state.rated) {
        return json({ detail: "refused: already_rated", code: "already_rated" }, 400);
      }
      state.rated = true;
      return json({ rating: (request.body as { rating: number }).rating, rated_at: "2026-03-07T10:05:00Z" }, 201);
    }
    return json({ detail: "Not found.", code: "not_found" }, 404);
  }

  const network = fakeNetwork(route);
  return {
    state,
    fetch: network.fetch,
    requests: network.requests,
    /** "METHOD path" of every request, path relative to /apps/support/api/widget/. */
    log: () => network.requests.map((r) => `${r.method} ${r.url.replace(BASE, "")}`),
    /** An agent (or the bot) writes. */
    reply: (body: string, kind = "agent") => store(kind, body, `agent-${state.nextId}`),
  };
}

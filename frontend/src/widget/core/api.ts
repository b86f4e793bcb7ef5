/**
 * The widget's HTTP client: every call goes to `<proxy>/api/widget/...` on the
 * storefront's origin (Shopify's app proxy signs and forwards it) and carries
 * the visitor token as X-Visitor-Token when there is one.
 */
import type {
  LookupRequest,
  LookupResponse,
  RatingRequest,
  RatingResponse,
  ReadResponse,
  SendRequest,
  SocketTokenResponse,
  StartRequest,
  StartResponse,
  WidgetAttachment,
  WidgetMessage,
} from "./types";

export const VISITOR_HEADER = "X-Visitor-Token";

/** A failed call. status 0: no response (offline, blocked); code is the API's reason ("network" then). */
export class WidgetApiError extends Error {
  override name = "WidgetApiError";
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fields: Record<string, unknown> | null;

  constructor(status: number, code: string, detail = "", fields: Record<string, unknown> | null = null) {
    super(detail || code);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fields = fields;
  }

  /** Worth sending again later: no response, a server error, too many requests. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface WidgetApiOptions {
  proxy: string;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  visitorToken: () => string | null;
}

export interface WidgetApi {
  start(body: StartRequest): Promise<StartResponse>;
  messages(conversationId: string, after?: string | null): Promise<WidgetMessage[]>;
  send(conversationId: string, body: SendRequest): Promise<WidgetMessage>;
  upload(conversationId: string, file: Blob, filename: string): Promise<WidgetAttachment>;
  download(attachment: WidgetAttachment): Promise<Blob>;
  read(conversationId: string, upTo: string): Promise<ReadResponse>;
  rate(conversationId: string, body: RatingRequest): Promise<RatingResponse>;
  socketToken(conversationId: string): Promise<SocketTokenResponse>;
  lookupOrder(body: LookupRequest): Promise<LookupResponse>;
}

const API_PREFIX = "/api/widget/";

/** Where the shopper's browser downloads an attachment: through the proxy. Pure. */
export function attachmentPath(proxy: string, attachment: WidgetAttachment): string {
  if (attachment.url && attachment.url.startsWith(API_PREFIX) && !attachment.url.includes("..")) {
    return proxy + attachment.url;
  }
  return `${proxy}${API_PREFIX}attachments/${encodeURIComponent(attachment.id)}`;
}

function parse(text: string): unknown {
  if (text === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown): WidgetApiError {
  const data = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof data.code === "string" && data.code ? data.code : `http_${response.status}`;
  const detail = typeof data.detail === "string" ? data.detail : response.statusText;
  const fields = typeof data.fields === "object" && data.fields !== null ? (data.fields as Record<string, unknown>) : null;
  return new WidgetApiError(response.status, code, detail, fields);
}

function jsonInit(method: string, body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
}

export function createWidgetApi(options: WidgetApiOptions): WidgetApi {
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = options.visitorToken();
    if (token) {
      headers.set(VISITOR_HEADER, token);
    }
    let response: Response;
    try {
      response = await options.fetch(path, { ...init, headers, credentials: "same-origin" });
    } catch {
      throw new WidgetApiError(0, "network");
    }
    if (!response.ok) {
      throw errorFrom(response, parse(await response.text().catch(() => "")));
    }
    return response;
  }

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set("Accept", "application/json");
    const response = await request(options.proxy + API_PREFIX + path, { ...init, headers });
    return parse(await response.text()) as T;
  }

  const conversation = (id: string) => `conversations/${encodeURIComponent(id)}`;

  return {
    start: (body) => call<StartResponse>("conversations", jsonInit("POST", body)),
    messages: (id, after) =>
      call<WidgetMessage[]>(`${conversation(id)}/messages${after ? `?after=${encodeURIComponent(after)}` : ""}`),
    send: (id, body) => call<WidgetMessage>(`${conversation(id)}/messages`, jsonInit("POST", body)),
    upload: (id, file, filename) => {
      const form = new FormData();
      form.append("file", file, filename);
      return call<WidgetAttachment>(`${conversation(id)}/attachments`, { method: "POST", body: form });
    },
    download: async (attachment) => (await request(attachmentPath(options.proxy, attachment))).blob(),
    read: (id, upTo) => call<ReadResponse>(`${conversation(id)}/read`, jsonInit("POST", { up_to: upTo })),
    rate: (id, body) => call<RatingResponse>(`${conversation(id)}/rating`, jsonInit("POST", body)),
    socketToken: (id) => call<SocketTokenResponse>(`${conversation(id)}/socket-token`, { method: "POST" }),
    lookupOrder: (body) => call<LookupResponse>("orders/lookup", jsonInit("POST", body)),
  };
}

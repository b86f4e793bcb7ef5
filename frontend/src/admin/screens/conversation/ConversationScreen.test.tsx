import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeWebSocket, json, renderAdmin, type SentRequest } from "../inbox/testing";
import type { ConversationCredit, Grant } from "./credit/types";
import type { ConversationDetail, Message } from "./types";

const ID = "9007199254740993";
const BASE = `/api/admin/conversations/${ID}`;

const DETAIL: ConversationDetail = {
  id: ID,
  status: "open",
  channel: "chat",
  priority: "B",
  language: "es",
  assignee_id: null,
  customer_name: "Ana Lima",
  customer_email: "ana@example.com",
  waiting_since: null,
  first_response_at: null,
  snoozed_until: null,
  last_activity_at: "2026-05-01T11:50:00Z",
  tags: ["vip"],
  last_message: null,
  agent_read_id: "0",
  shopper_read_id: "0",
  unread: true,
  rating: null,
  response_due_at: null,
  response_target: "",
  resolution_due_at: null,
  sla_level: 0,
  customer: { name: "Ana Lima" },
};

function message(id: string, kind: string, body: string, extra: Partial<Message> = {}): Message {
  return {
    id,
    kind,
    body,
    agent_id: kind === "agent" || kind === "note" ? "12" : null,
    client_id: "",
    created_at: "2026-05-01T11:00:00Z",
    attachments: [],
    language: "",
    machine_translated: false,
    original_body: "",
    translation: {},
    ...extra,
  };
}

const THREAD = [
  message("1000", "system", "Assigned to Ada Agent"),
  message("1001", "shopper", "¿Dónde está mi paquete?", {
    language: "es",
    translation: { language: "en", text: "Where is my parcel?", provider: "deepl" },
  }),
  message("1002", "note", "Checked with the carrier: <b>delayed</b>"),
  message("1003", "agent", "It is on its way."),
];

type Route = (request: SentRequest) => Response | undefined;

/** The conversation, its messages, and read receipts; `extra` answers anything else first. */
function serve(extra: Route = () => undefined, thread: Message[] = THREAD) {
  return renderAdmin(`/conversations/${ID}`, (request) => {
    const answered = extra(request);
    if (answered) return answered;
    if (request.method === "GET" && request.url === BASE) return json(DETAIL);
    if (request.method === "GET" && request.url === `${BASE}/messages`) return json(thread);
    if (request.method === "POST" && request.url === `${BASE}/read`) {
      return json({ read_id: (request.body as { up_to: string }).up_to });
    }
    return undefined;
  });
}

const mine = (requests: SentRequest[]) =>
  requests.filter((r) => r.url.startsWith(`${BASE}/messages`) || r.url === `${BASE}/read`);

/** The thread, once there (the first test also waits for the screen's lazy chunk to compile). */
async function log() {
  return screen.findByRole("log", { name: "Messages" }, { timeout: 5000 });
}

function articles(region: HTMLElement) {
  return within(region).queryAllByRole("article");
}

async function openSocket() {
  await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
  const socket = FakeWebSocket.latest();
  act(() => socket.serverOpen());
  return socket;
}

describe("ConversationScreen", () => {
  it("shows each kind of message distinctly, translations with the original, and marks the thread read", async () => {
    const { requests } = serve();
    const thread = await log();

    expect(screen.getByRole("heading", { level: 1, name: "Ana Lima" })).toBeDefined();
    expect(articles(thread).map((a) => a.getAttribute("aria-label"))).toEqual([
      "System event, May 1, 2026, 11:00 AM",
      "Message from Ana Lima, May 1, 2026, 11:00 AM",
      "Internal note by You, May 1, 2026, 11:00 AM",
      "Reply from You, May 1, 2026, 11:00 AM",
    ]);
    const [system, shopper, note] = articles(thread);
    expect(within(system!).getByText("Assigned to Ada Agent")).toBeDefined();
    expect(within(shopper!).getByText("¿Dónde está mi paquete?")).toBeDefined();
    expect(within(shopper!).getByText("Machine translation (en)")).toBeDefined();
    expect(within(shopper!).getByText("Where is my parcel?")).toBeDefined();
    expect(within(note!).getByText("Internal note")).toBeDefined();
    expect(within(note!).getByText("Checked with the carrier: <b>delayed</b>")).toBeDefined();

    await waitFor(() => expect(mine(requests()).some((r) => r.url === `${BASE}/read`)).toBe(true));
    expect(mine(requests())).toEqual([
      { method: "GET", url: `${BASE}/messages`, body: undefined },
      { method: "POST", url: `${BASE}/read`, body: { up_to: "1003" } },
    ]);
  });

  it("sends a reply with the exact body and shows it once, even when the socket echoes it", async () => {
    const stored = message("1004", "agent", "Thanks, it ships today.");
    const { requests } = serve((request) =>
      request.method === "POST" && request.url === `${BASE}/messages` ? json(stored, 201) : undefined,
    );
    const thread = await log();
    const socket = await openSocket();

    fireEvent.change(screen.getByRole("textbox", { name: "Reply" }), { target: { value: "  Thanks, it ships today.\n" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));

    expect(await within(thread).findByText("Thanks, it ships today.")).toBeDefined();
    act(() => socket.serverSend({ event: "message.created", payload: { ...stored, conversation_id: ID } }));

    const posts = requests().filter((r) => r.method === "POST" && r.url === `${BASE}/messages`);
    expect(posts).toEqual([
      {
        method: "POST",
        url: `${BASE}/messages`,
        body: { body: "Thanks, it ships today.", client_id: expect.stringMatching(/^[0-9a-f-]{32,36}$/), internal: false, attachment_ids: [] },
      },
    ]);
    expect(within(thread).getAllByText("Thanks, it ships today.")).toHaveLength(1);
    expect((screen.getByRole("textbox", { name: "Reply" }) as HTMLTextAreaElement).value).toBe("");
  });

  it("adds an internal note with Ctrl+Enter from the note box, labelled as a note", async () => {
    const stored = message("1004", "note", "Customer is a VIP");
    const { requests } = serve((request) =>
      request.method === "POST" && request.url === `${BASE}/messages` ? json(stored, 201) : undefined,
    );
    const thread = await log();

    fireEvent.keyDown(document.body, { key: "n" });
    const box = screen.getByRole("textbox", { name: "Internal note" });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: "Customer is a VIP" } });
    fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });

    expect(await within(thread).findByText("Customer is a VIP")).toBeDefined();
    const added = articles(thread).at(-1)!;
    expect(added.getAttribute("aria-label")).toBe("Internal note by You, May 1, 2026, 11:00 AM");
    expect(within(added).getByText("Internal note")).toBeDefined();
    const posts = requests().filter((r) => r.method === "POST" && r.url === `${BASE}/messages`);
    expect(posts.map((r) => r.body)).toEqual([
      { body: "Customer is a VIP", client_id: expect.any(String), internal: true, attachment_ids: [] },
    ]);
  });

  it("on a promise warning sends nothing until confirmed, then resends with confirm_promises and the same client id", async () => {
    const warning = {
      detail: "the reply promises what the shop's policy does not allow",
      code: "promise_warning",
      warnings: [{ code: "refund", phrase: "full refund" }],
    };
    const stored = message("1004", "agent", "You get a full refund.");
    const { requests } = serve((request) => {
      if (request.method !== "POST" || request.url !== `${BASE}/messages`) return undefined;
      return (request.body as { confirm_promises?: boolean }).confirm_promises ? json(stored, 201) : json(warning, 409);
    });
    const thread = await log();
    const posts = () => requests().filter((r) => r.method === "POST" && r.url === `${BASE}/messages`);

    fireEvent.change(screen.getByRole("textbox", { name: "Reply" }), { target: { value: "You get a full refund." } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    let dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Refund: “full refund”")).toBeDefined();

    fireEvent.click(within(dialog).getByRole("button", { name: "Edit reply" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(posts()).toHaveLength(1);
    expect(within(thread).queryByText("You get a full refund.")).toBeNull();
    expect((screen.getByRole("textbox", { name: "Reply" }) as HTMLTextAreaElement).value).toBe("You get a full refund.");

    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Send anyway" }));
    expect(await within(thread).findByText("You get a full refund.")).toBeDefined();

    const bodies = posts().map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(3);
    const clientId = bodies[0]!.client_id;
    expect(bodies).toEqual([
      { body: "You get a full refund.", client_id: clientId, internal: false, attachment_ids: [] },
      { body: "You get a full refund.", client_id: clientId, internal: false, attachment_ids: [] },
      { body: "You get a full refund.", client_id: clientId, internal: false, attachment_ids: [], confirm_promises: true },
    ]);
  });

  it("adds exactly one message per socket event, ignores other conversations, and shows the shopper typing", async () => {
    serve();
    const thread = await log();
    const socket = await openSocket();
    const incoming = { ...message("1005", "shopper", "Any news?"), conversation_id: ID };

    act(() => socket.serverSend({ event: "typing", payload: { conversation_id: ID, side: "shopper", state: "start" } }));
    expect(screen.getByText("Ana Lima is typing…")).toBeDefined();
    act(() => {
      socket.serverSend({ event: "message.created", payload: incoming });
      socket.serverSend({ event: "message.created", payload: incoming });
      socket.serverSend({ event: "message.created", payload: { ...incoming, id: "2000", conversation_id: "777", body: "Other" } });
    });

    expect(within(thread).getAllByText("Any news?")).toHaveLength(1);
    expect(within(thread).queryByText("Other")).toBeNull();
    expect(articles(thread)).toHaveLength(5);
    expect(screen.queryByText("Ana Lima is typing…")).toBeNull();
  });

  it("sends typing frames while the agent writes (notes marked as such), and a stop when sent", async () => {
    serve((request) =>
      request.method === "POST" && request.url === `${BASE}/messages` ? json(message("1004", "note", "x"), 201) : undefined,
    );
    await log();
    const socket = await openSocket();

    fireEvent.change(screen.getByRole("textbox", { name: "Reply" }), { target: { value: "H" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Reply" }), { target: { value: "He" } });
    fireEvent.click(screen.getByRole("button", { name: "Internal note" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Internal note" }), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Internal note" })).toHaveProperty("value", ""));

    expect(socket.frames()).toEqual([
      { type: "typing", state: "start", conversation_id: ID },
      { type: "typing", state: "stop", conversation_id: ID },
      { type: "typing", state: "start", conversation_id: ID, note: true },
      { type: "typing", state: "stop", conversation_id: ID, note: true },
    ]);
  });

  it("marks the newest reply the shopper has read as seen", async () => {
    serve();
    const thread = await log();
    const socket = await openSocket();
    expect(within(thread).queryByText("Seen by the customer")).toBeNull();

    act(() => socket.serverSend({ event: "conversation.read", payload: { conversation_id: ID, side: "shopper", read_id: "1003" } }));
    const seen = within(thread).getByText("Seen by the customer");
    expect(seen.closest("article")?.getAttribute("aria-label")).toBe("Reply from You, May 1, 2026, 11:00 AM");
  });

  it("shows an image attachment fetched with the session token, never by a bare URL", async () => {
    const created: Blob[] = [];
    const createObjectURL = (blob: Blob) => {
      created.push(blob);
      return "blob:thumbnail";
    };
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    try {
      const photo = message("1004", "shopper", "", {
        attachments: [{ id: "88", filename: "parcel.jpg", content_type: "image/jpeg", size: 5000, url: "/api/admin/attachments/88" }],
      });
      const { fetchMock } = serve(
        (request) => (request.url === "/api/admin/attachments/88" ? new Response("jpeg-bytes", { status: 200 }) : undefined),
        [...THREAD, photo],
      );
      const thread = await log();

      const image = await within(thread).findByRole("img", { name: "parcel.jpg" });
      expect(image.getAttribute("src")).toBe("blob:thumbnail");
      expect(await created[0]?.text()).toBe("jpeg-bytes");
      const call = fetchMock.mock.calls.find(([url]) => url === "/api/admin/attachments/88");
      expect(new Headers(call?.[1]?.headers).get("Authorization")).toBe("Bearer dev-token");
      expect(within(thread).getByRole("button", { name: "Download parcel.jpg" })).toBeDefined();
    } finally {
      Reflect.deleteProperty(URL, "createObjectURL");
      Reflect.deleteProperty(URL, "revokeObjectURL");
    }
  });

  it("after a reconnect fetches the messages after the last id it has", async () => {
    const { requests } = serve((request) =>
      request.url === `${BASE}/messages?after=1003` ? json([message("1004", "shopper", "Missed while offline")]) : undefined,
    );
    const thread = await log();
    const first = await openSocket();
    act(() => first.serverClose());
    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    act(() => FakeWebSocket.latest().serverOpen());

    expect(await within(thread).findByText("Missed while offline")).toBeDefined();
    expect(requests().filter((r) => r.url.startsWith(`${BASE}/messages`)).map((r) => r.url)).toEqual([
      `${BASE}/messages`,
      `${BASE}/messages?after=1003`,
    ]);
  });

  it("never shows a note without its label, whether loaded or live", async () => {
    serve();
    const thread = await log();
    const socket = await openSocket();
    act(() =>
      socket.serverSend({ event: "message.created", payload: { ...message("1006", "note", "Refund approved"), conversation_id: ID } }),
    );

    const notes = articles(thread).filter((a) => a.getAttribute("aria-label")?.startsWith("Internal note"));
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(within(note).getByText("Internal note")).toBeDefined();
    expect(within(thread).getAllByText("Internal note")).toHaveLength(2);
  });

  it("uploads an attachment and sends its id with the reply", async () => {
    const stored = message("1004", "agent", "Label attached", {
      attachments: [{ id: "88", filename: "label.pdf", content_type: "application/pdf", size: 2048, url: "/api/admin/attachments/88" }],
    });
    const { requests } = serve((request) => {
      if (request.method === "POST" && request.url === `${BASE}/attachments`) {
        return json({ id: "88", filename: "label.pdf", content_type: "application/pdf", size: 2048 }, 201);
      }
      if (request.method === "POST" && request.url === `${BASE}/messages`) return json(stored, 201);
      return undefined;
    });
    const thread = await log();

    const file = new File(["%PDF-1.4"], "label.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("Choose files to attach"), { target: { files: [file] } });
    expect(await screen.findByText("label.pdf")).toBeDefined();
    fireEvent.change(screen.getByRole("textbox", { name: "Reply" }), { target: { value: "Label attached" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));

    expect(await within(thread).findByRole("button", { name: "Download label.pdf" })).toBeDefined();
    const upload = requests().find((r) => r.url === `${BASE}/attachments`);
    expect((upload?.body as FormData).get("file")).toBeInstanceOf(File);
    const send = requests().find((r) => r.method === "POST" && r.url === `${BASE}/messages`);
    expect(send?.body).toEqual({ body: "Label attached", client_id: expect.any(String), internal: false, attachment_ids: ["88"] });
  });

  it("changes the status, assigns to me with a and to a colleague from the list", async () => {
    const { requests } = serve((request) => {
      if (request.url === `${BASE}/status`) return json({ ...DETAIL, status: (request.body as { status: string }).status });
      if (request.url === `${BASE}/assign`) return json({ ...DETAIL, assignee_id: "12" });
      return undefined;
    });
    await log();

    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "pending" } });
    await waitFor(() => expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("pending"));
    fireEvent.keyDown(document.body, { key: "e" });
    await waitFor(() => expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("resolved"));
    fireEvent.keyDown(document.body, { key: "a" });
    await waitFor(() => expect((screen.getByLabelText("Assignee") as HTMLSelectElement).value).toBe("12"));
    const assignee = screen.getByLabelText("Assignee") as HTMLSelectElement;
    expect([...assignee.options].map((option) => option.text)).toEqual([
      "Nobody",
      "Ada Agent (you)",
      "Bo Lead (away)",
    ]);

    fireEvent.change(assignee, { target: { value: "14" } });
    await waitFor(() =>
      expect(requests().filter((r) => r.url === `${BASE}/assign`).map((r) => r.body)).toHaveLength(2),
    );

    expect(requests().filter((r) => r.method === "POST" && !r.url.endsWith("/read"))).toEqual([
      { method: "POST", url: `${BASE}/status`, body: { status: "pending" } },
      { method: "POST", url: `${BASE}/status`, body: { status: "resolved" } },
      { method: "POST", url: `${BASE}/assign`, body: { assignee_id: "12" } },
      { method: "POST", url: `${BASE}/assign`, body: { assignee_id: "14" } },
    ]);
  });

  it("reloads the credit card when a grant is issued or decided elsewhere, not on other messages", async () => {
    const states: Grant["state"][] = ["approved", "issued", "rejected"];
    const credit = (state: Grant["state"]): ConversationCredit => ({
      policy: {} as ConversationCredit["policy"],
      orders: [],
      allowance: null,
      may_approve: false,
      grants: [
        {
          id: "9007199254740997",
          state,
          amount: "7.50",
          currency: "USD",
          reason: "late_delivery",
          note: "",
          instrument: "store_credit",
          order: { id: "9100000000200001", name: "#1042" },
          customer: { id: "77", name: "Ana Lima" },
          conversation_id: ID,
          requested_by: { id: "12", name: "Ada Agent" },
          decided_by: null,
          decision_note: "",
          expires_at: null,
          shopify_transaction_id: "",
          error_code: "",
          error_message: "",
          requested_at: "2026-05-01T11:00:00Z",
          decided_at: null,
          issued_at: null,
        },
      ],
    });
    const { requests } = serve((request) =>
      request.method === "GET" && request.url === `${BASE}/credit` ? json(credit(states.shift()!)) : undefined,
    );
    await log();
    const socket = await openSocket();
    const grants = await screen.findByRole("list", { name: "Credits in this conversation" });
    expect(within(grants).getByText("Approved")).toBeDefined();
    const notice = { ...message("1004", "bot", "We've added $7.50 in store credit."), client_id: "credit:9007199254740997:issued" };

    act(() => {
      socket.serverSend({ event: "message.created", payload: { ...message("1005", "shopper", "Thanks"), conversation_id: ID } });
      socket.serverSend({ event: "message.created", payload: { ...notice, id: "2000", conversation_id: "777" } });
      socket.serverSend({ event: "conversation.updated", payload: { conversation_id: ID, change: "status_changed" } });
    });
    act(() => socket.serverSend({ event: "message.created", payload: { ...notice, conversation_id: ID } }));
    expect(await within(grants).findByText("Issued")).toBeDefined();
    act(() => socket.serverSend({ event: "conversation.updated", payload: { conversation_id: ID, change: "credit.rejected" } }));
    expect(await within(grants).findByText("Rejected")).toBeDefined();

    expect(requests().filter((r) => r.url === `${BASE}/credit`)).toHaveLength(3);
  });

  it("shows the API's reason when the conversation is not this shop's", async () => {
    const { requests } = renderAdmin(`/conversations/${ID}`, () => json({ detail: "no such conversation" }, 404));
    expect(await screen.findByText("no such conversation")).toBeDefined();
    expect(screen.queryByRole("log")).toBeNull();
    expect(requests().map((r) => r.url)).toEqual([BASE]);
  });
});

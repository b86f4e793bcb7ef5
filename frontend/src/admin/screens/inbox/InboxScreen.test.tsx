import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeWebSocket, json, renderAdmin, type SentRequest } from "./testing";
import type { ConversationSummary } from "./types";

const NOW = new Date("2026-05-01T12:00:00Z");

function conversation(overrides: Partial<ConversationSummary>): ConversationSummary {
  return {
    id: "101",
    status: "open",
    channel: "chat",
    priority: "C",
    language: "en",
    assignee_id: null,
    customer_name: "Ana Lima",
    customer_email: "ana@example.com",
    waiting_since: null,
    first_response_at: null,
    snoozed_until: null,
    last_activity_at: "2026-05-01T11:50:00Z",
    tags: [],
    last_message: null,
    agent_read_id: "0",
    shopper_read_id: "0",
    unread: false,
    rating: null,
    response_due_at: null,
    response_target: "",
    resolution_due_at: null,
    sla_level: 0,
    ...overrides,
  };
}

const ANA = conversation({
  id: "9007199254740993",
  priority: "A",
  unread: true,
  waiting_since: "2026-05-01T11:35:00Z",
  response_due_at: "2026-05-01T12:05:00Z",
  last_message: { id: "77", kind: "shopper", body: "Where is my parcel?" },
});
const BO = conversation({
  id: "102",
  customer_name: "Bo Chen",
  customer_email: "bo@example.com",
  channel: "email",
  priority: "B",
  assignee_id: "12",
  resolution_due_at: "2026-05-01T11:40:00Z",
  last_message: { id: "78", kind: "agent", body: "<b>Refund</b> sent" },
});

const page = (results: ConversationSummary[], next_cursor: string | null = null) => json({ results, next_cursor });

const gets = (requests: SentRequest[]) => requests.filter((r) => r.method === "GET").map((r) => r.url);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Polaris renders the bulk actions twice (one copy measures their width); both act alike. */
function bulkButton(name: string): HTMLElement {
  const [button] = screen.getAllByRole("button", { name });
  if (!button) throw new Error(`no ${name} button`);
  return button;
}

async function rowsShown() {
  const table = await screen.findByRole("table", {}, { timeout: 5000 }); // the first test also compiles the lazy chunk
  return within(table).getAllByRole("row").slice(1); // the first is the heading
}

describe("InboxScreen", () => {
  it("lists open conversations with customer, preview, channel, priority, assignee, waiting time and SLA", async () => {
    const { requests } = renderAdmin("/inbox", ({ url }) =>
      url === "/api/admin/conversations?status=open" ? page([ANA, BO]) : undefined,
    );

    const [ana, bo] = await rowsShown();
    const cells = (row: HTMLElement | undefined) => within(row!).getAllByRole("cell").map((cell) => cell.textContent);
    // Badges start with their tone for screen readers ("Warning", "Critical").
    expect(cells(ana)).toEqual([
      "Select the conversation with Ana Lima",
      "Ana LimaAttentionUnread",
      "Where is my parcel?",
      "Chat",
      "CriticalPriority A",
      "Unassigned",
      "25 min",
      "Warning5 min leftReply",
    ]);
    expect(cells(bo)).toEqual([
      "Select the conversation with Bo Chen",
      "Bo Chen",
      "<b>Refund</b> sent",
      "Email",
      "WarningPriority B",
      "You",
      "—",
      "CriticalOverdue by 20 minResolution",
    ]);
    // Shopper text is text, never markup.
    expect(within(bo!).queryByText("Refund")).toBeNull();
    expect(within(ana!).getByRole("link", { name: "Ana Lima" }).getAttribute("href")).toBe(
      "/conversations/9007199254740993",
    );
    expect(gets(requests())).toEqual(["/api/admin/conversations?status=open"]);
  });

  it("speaks Simplified Chinese when the admin does", async () => {
    renderAdmin("/inbox", () => page([BO]), { locale: "zh-CN" });
    const [bo] = await rowsShown();
    expect(screen.getByRole("columnheader", { name: "顾客" })).toBeDefined();
    expect(within(bo!).getByText("邮件")).toBeDefined();
    expect(within(bo!).getByText("你")).toBeDefined();
    expect(within(bo!).getByText("已超时 20 分钟")).toBeDefined();
  });

  it("takes its filters from the URL and asks for the exact query when one changes", async () => {
    const { requests } = renderAdmin("/inbox?status=all&assignee=me", () => page([]));
    expect(await screen.findByText("No conversations", {}, { timeout: 5000 })).toBeDefined();
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("all");

    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "A" } });
    await waitFor(() => expect(requests()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText("Reply due"), { target: { value: "true" } });
    await waitFor(() => expect(requests()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: " #1001 " } });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(requests()).toHaveLength(4));

    expect(gets(requests())).toEqual([
      "/api/admin/conversations?assignee=me",
      "/api/admin/conversations?assignee=me&priority=A",
      "/api/admin/conversations?assignee=me&priority=A&waiting=true",
      "/api/admin/conversations?assignee=me&priority=A&waiting=true&q=%231001",
    ]);
  });

  it("pages with the cursor the API gave, and back", async () => {
    const { requests } = renderAdmin("/inbox", ({ url }) => {
      if (url === "/api/admin/conversations?status=open") return page([ANA], "Y3Vyc29y");
      if (url === "/api/admin/conversations?status=open&cursor=Y3Vyc29y") return page([BO]);
      return undefined;
    });
    await rowsShown();
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("Bo Chen")).toBeDefined();
    expect(screen.queryByText("Ana Lima")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(await screen.findByText("Ana Lima")).toBeDefined();
    expect(gets(requests())).toEqual([
      "/api/admin/conversations?status=open",
      "/api/admin/conversations?status=open&cursor=Y3Vyc29y",
      "/api/admin/conversations?status=open",
    ]);
  });

  it("closes the selected conversations in one bulk request, then reloads", async () => {
    const { requests } = renderAdmin("/inbox", ({ method, url }) => {
      if (method === "POST" && url === "/api/admin/conversations/bulk") return json({ changed: 2 });
      if (url === "/api/admin/conversations?status=open") return page([ANA, BO]);
      return undefined;
    });
    await rowsShown();
    fireEvent.click(screen.getByRole("checkbox", { name: "Select the conversation with Ana Lima" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Select the conversation with Bo Chen" }));
    fireEvent.click(bulkButton("Close"));

    expect(await screen.findByText("Conversations closed: 2")).toBeDefined();
    await waitFor(() => expect(requests()).toHaveLength(3));
    expect(requests()).toEqual([
      { method: "GET", url: "/api/admin/conversations?status=open", body: undefined },
      { method: "POST", url: "/api/admin/conversations/bulk", body: { ids: ["9007199254740993", "102"], status: "closed" } },
      { method: "GET", url: "/api/admin/conversations?status=open", body: undefined },
    ]);
  });

  it("shows the reason of a refused bulk change and reloads nothing", async () => {
    const { requests } = renderAdmin("/inbox", ({ method }) =>
      method === "POST" ? json({ detail: "no such conversation", code: "not_found" }, 404) : page([ANA, BO]),
    );
    await rowsShown();
    fireEvent.click(screen.getByRole("checkbox", { name: "Select the conversation with Bo Chen" }));
    fireEvent.click(bulkButton("Close"));

    expect(await screen.findByText("no such conversation")).toBeDefined();
    expect(screen.queryByText(/Conversations closed/)).toBeNull();
    expect(requests().map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(await rowsShown()).toHaveLength(2);
  });

  it("refreshes quietly when the socket reports a new message, showing a new conversation", async () => {
    let results = [BO];
    const { requests } = renderAdmin("/inbox", () => page(results));
    await rowsShown();
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe(`ws://${window.location.host}/ws/agent/?token=dev-token`);
    act(() => socket.serverOpen());

    results = [ANA, BO];
    act(() => {
      socket.serverSend({ event: "message.created", payload: { id: "79", conversation_id: ANA.id, kind: "shopper" } });
      socket.serverSend({ event: "conversation.updated", payload: { conversation_id: BO.id, change: "conversation.assigned" } });
    });
    // The old rows stay on screen (no loading skeleton) until the new page is there.
    expect(screen.queryByRole("status", { name: "Loading" })).toBeNull();
    expect(await screen.findByText("Ana Lima")).toBeDefined();
    expect(await rowsShown()).toHaveLength(2);
    expect(gets(requests())).toEqual(["/api/admin/conversations?status=open", "/api/admin/conversations?status=open"]);
  });

  it("moves with j/k, resolves with e, assigns with a, and opens the help with ?", async () => {
    const { requests } = renderAdmin("/inbox", ({ method, url }) => {
      if (method === "POST") return json(BO);
      return url.startsWith("/api/admin/conversations?") ? page([ANA, BO]) : undefined;
    });
    await rowsShown();

    fireEvent.keyDown(document.body, { key: "j" });
    expect(document.activeElement).toBe(screen.getByRole("link", { name: "Ana Lima" }));
    fireEvent.keyDown(document.activeElement!, { key: "j" });
    expect(document.activeElement).toBe(screen.getByRole("link", { name: "Bo Chen" }));
    fireEvent.keyDown(document.activeElement!, { key: "e" });
    expect(await screen.findByText("Conversation resolved")).toBeDefined();
    fireEvent.keyDown(document.body, { key: "k" });
    fireEvent.keyDown(document.body, { key: "a" });
    expect(await screen.findByText("Conversation assigned to you")).toBeDefined();

    const posts = requests().filter((r) => r.method === "POST");
    expect(posts).toEqual([
      { method: "POST", url: "/api/admin/conversations/102/status", body: { status: "resolved" } },
      { method: "POST", url: "/api/admin/conversations/9007199254740993/assign", body: { assignee_id: "12" } },
    ]);

    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(screen.getByLabelText("Search"));
    fireEvent.keyDown(document.body, { key: "?" });
    const help = await screen.findByRole("dialog");
    expect(within(help).getByText("Next conversation")).toBeDefined();
  });

  it("opens the focused conversation with Enter", async () => {
    const { requests } = renderAdmin("/inbox", ({ url }) => {
      if (url.startsWith("/api/admin/conversations?")) return page([ANA]);
      if (url === `/api/admin/conversations/${ANA.id}`) return json({ ...ANA, customer: {} });
      if (url === `/api/admin/conversations/${ANA.id}/messages`) return json([]);
      return undefined;
    });
    await rowsShown();
    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "Enter" });
    expect(await screen.findByRole("heading", { level: 1, name: "Ana Lima" }, { timeout: 3000 })).toBeDefined();
    expect(requests().map((r) => r.url)).toContain(`/api/admin/conversations/${ANA.id}`);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { createStorage, KEYS, type WidgetStorage } from "../shared/storage";
import { FakeSocket, ManualTimers, MemoryStorage, settle } from "../testing/fakes";
import { CONVERSATION_ID, fakeServer, SOCKET_URL } from "../testing/fakeServer";
import { createWidgetApi } from "./api";
import { ChatSession, SHOP_TYPING_TIMEOUT_MS } from "./session";

interface Options {
  online?: boolean;
  storage?: WidgetStorage;
  loggedIn?: boolean;
  server?: ReturnType<typeof fakeServer>;
}

function setup(options: Options = {}) {
  FakeSocket.reset();
  const server = options.server ?? fakeServer();
  const storage = options.storage ?? createStorage(new MemoryStorage());
  const timers = new ManualTimers();
  let online = options.online ?? true;
  let ids = 0;
  const session = new ChatSession({
    api: createWidgetApi({ proxy: "/apps/support", fetch: server.fetch, visitorToken: () => storage.get<string>(KEYS.visitor) }),
    storage,
    timers,
    now: () => timers.now,
    random: () => 0.5,
    isOnline: () => online,
    newClientId: () => `client-${++ids}`,
    timeZone: () => "Europe/Madrid",
    locale: "es-ES",
    loggedIn: options.loggedIn ?? false,
    WebSocketImpl: FakeSocket,
  });
  return {
    session,
    server,
    storage,
    timers,
    goOnline(value: boolean) {
      online = value;
      session.setOnline(value);
    },
    rows: () =>
      session.timeline.entries().map((entry) =>
        entry.server ? `${entry.server.kind}:${entry.server.id}:${entry.server.body}` : `local:${entry.local.status}:${entry.local.body}`,
      ),
  };
}

async function started(options: Options = {}) {
  const context = setup(options);
  await context.session.start({ name: "Ana", email: "" });
  await settle();
  FakeSocket.last().accept();
  await settle();
  return context;
}

afterEach(() => FakeSocket.reset());

describe("ChatSession start", () => {
  it("starts with the pre-chat details, the locale and the browser's zone, keeps the visitor token and opens the socket", async () => {
    const { session, server, storage } = setup();
    server.reply("Hola, ¿en qué podemos ayudarte?", "bot");
    expect(session.needsPrechat()).toBe(true);
    await session.start({ name: " Ana ", email: "ana@example.com" });

    expect(server.requests[0]?.body).toEqual({ name: "Ana", email: "ana@example.com", locale: "es-ES", time_zone: "Europe/Madrid" });
    expect(storage.get(KEYS.visitor)).toBe("visitor-1");
    expect(storage.get(KEYS.conversation)).toEqual({ id: CONVERSATION_ID, status: "open", readId: null, replied: false });
    expect(session.state).toMatchObject({ phase: "ready", conversationId: CONVERSATION_ID, agentsOnline: true, emailKnown: true });
    expect(FakeSocket.last().url).toBe(`${SOCKET_URL}?token=socket-1`);
    expect(session.needsPrechat()).toBe(false);
  });

  it("sends the visitor token on every later call", async () => {
    const { session, server } = await started();
    session.send("¿Dónde está mi pedido?");
    await settle();
    const later = server.requests.slice(1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((request) => request.headers.get("X-Visitor-Token") === "visitor-1")).toBe(true);
  });

  it("shows why it could not start, and tries again when back online", async () => {
    const { session, server, goOnline } = setup({ server: fakeServer({ up: false }) });
    await session.start();
    expect(session.state.phase).toBe("error");
    expect(session.state.startError?.code).toBe("network");
    server.state.up = true;
    goOnline(true);
    await settle();
    expect(session.state.phase).toBe("ready");
    expect(server.log()).toEqual(["POST conversations", "POST conversations"]);
  });
});

describe("ChatSession sending", () => {
  it("echoes a message at once as sending, then replaces it with the server's message matched on client_id", async () => {
    const { session, server, rows } = await started();
    session.send("  Hello there  ");
    expect(rows()).toEqual(["local:sending:Hello there"]);
    const key = session.timeline.entries()[0]?.key;
    await settle();

    expect(server.requests.at(-1)?.body).toEqual({ body: "Hello there", client_id: "client-1", attachment_ids: [] });
    expect(rows()).toEqual(["shopper:9007199254741000:Hello there"]);
    expect(session.timeline.entries()[0]?.key).toBe(key);
    expect(session.outbox.list()).toEqual([]);
  });

  it("sends nothing for an empty message", async () => {
    const { session, server } = await started();
    const before = server.requests.length;
    expect(session.send("   ")).toBe(false);
    await settle();
    expect(server.requests.length).toBe(before);
    expect(session.timeline.entries()).toEqual([]);
  });

  it("queues while offline (kept in localStorage, shown as waiting) and sends in order when back online", async () => {
    const { session, server, storage, goOnline, rows } = await started();
    goOnline(false);
    const before = server.requests.length;
    session.send("first");
    session.send("second");
    await settle();

    expect(server.requests.length).toBe(before);
    expect(rows()).toEqual(["local:waiting:first", "local:waiting:second"]);
    expect((storage.get<Array<{ body: string }>>(KEYS.outbox) ?? []).map((item) => item.body)).toEqual(["first", "second"]);

    goOnline(true);
    await settle();
    expect(server.requests.slice(before).map((request) => request.body)).toEqual([
      { body: "first", client_id: "client-1", attachment_ids: [] },
      { body: "second", client_id: "client-2", attachment_ids: [] },
    ]);
    expect(rows()).toEqual(["shopper:9007199254741000:first", "shopper:9007199254741001:second"]);
    expect(storage.get(KEYS.outbox)).toBeNull();
  });

  it("keeps a message whose POST failed as waiting, then resyncs and resends it after the socket reconnects", async () => {
    const server = fakeServer();
    server.reply("Hi! How can we help?", "bot");
    const { session, timers, rows } = await started({ server });
    server.state.failSendsBefore = 2;
    session.send("one");
    await settle();
    expect(rows()).toEqual(["bot:9007199254741000:Hi! How can we help?", "local:waiting:one"]);

    server.reply("Are you still there?"); // broadcast while the socket is down: missed
    FakeSocket.last().drop();
    timers.advance(750); // the POST retry (fails again) and the socket's reconnect
    await settle();
    FakeSocket.last().accept();
    await settle();

    expect(server.log().slice(1)).toEqual([
      `GET conversations/${CONVERSATION_ID}/messages?after=9007199254741000`, // the first open's resync
      `POST conversations/${CONVERSATION_ID}/messages`,
      `POST conversations/${CONVERSATION_ID}/messages`,
      `GET conversations/${CONVERSATION_ID}/messages?after=9007199254741000`,
      `POST conversations/${CONVERSATION_ID}/messages`,
    ]);
    expect(rows()).toEqual([
      "bot:9007199254741000:Hi! How can we help?",
      "agent:9007199254741001:Are you still there?",
      "shopper:9007199254741002:one",
    ]);
  });

  it("shows a reply stored after the start but before the socket opened (its broadcast reached no one)", async () => {
    const { session, server, rows } = setup();
    server.reply("Hi! How can we help?", "bot");
    await session.start({ name: "Ana", email: "" });
    await settle();
    server.reply("Welcome back, Ana"); // between the start's read and the socket's subscription
    FakeSocket.last().accept();
    await settle();

    expect(server.log()).toEqual([
      "POST conversations",
      `GET conversations/${CONVERSATION_ID}/messages?after=9007199254741000`,
    ]);
    expect(rows()).toEqual(["bot:9007199254741000:Hi! How can we help?", "agent:9007199254741001:Welcome back, Ana"]);
  });

  it("resyncs from the last id it saw in full, not from its own message's id", async () => {
    const { session, server, timers, rows } = await started();
    server.reply("Missed while offline");
    session.send("mine"); // answered with a higher id than the missed reply
    await settle();
    FakeSocket.last().drop();
    timers.advance(750);
    await settle();
    FakeSocket.last().accept();
    await settle();
    expect(server.log().at(-1)).toBe(`GET conversations/${CONVERSATION_ID}/messages`);
    expect(rows()).toEqual(["agent:9007199254741000:Missed while offline", "shopper:9007199254741001:mine"]);
  });

  it("never sends twice a message the server stored but whose answer was lost (its echo clears the outbox)", async () => {
    const { session, server, timers, rows } = await started();
    server.state.loseResponses = 1;
    session.send("once");
    await settle();
    expect(rows()).toEqual(["local:waiting:once"]);
    const stored = server.state.messages[0];
    FakeSocket.last().push({ event: "message.created", payload: { ...stored, conversation_id: CONVERSATION_ID } });
    expect(rows()).toEqual(["shopper:9007199254741000:once"]);
    expect(session.outbox.list()).toEqual([]);

    timers.advance(60_000); // the POST retry finds nothing to send
    await settle();
    expect(server.log().filter((line) => line.startsWith("POST") && line.endsWith("/messages"))).toHaveLength(1);
    expect(server.state.messages).toHaveLength(1);
  });

  it("keeps unsent messages across a reload and sends them after resuming, without starting a new chat", async () => {
    const backing = new MemoryStorage();
    const first = await started({ storage: createStorage(backing) });
    first.goOnline(false);
    first.session.send("written offline");
    first.session.dispose();

    const server = first.server;
    const second = setup({ storage: createStorage(backing), server });
    expect(second.rows()).toEqual(["local:waiting:written offline"]);
    const before = server.requests.length;
    await second.session.resume();
    await settle();

    expect(server.log().slice(before)).toEqual([
      `GET conversations/${CONVERSATION_ID}/messages`,
      `POST conversations/${CONVERSATION_ID}/socket-token`,
      `POST conversations/${CONVERSATION_ID}/messages`,
    ]);
    expect(server.requests.at(-1)?.body).toEqual({ body: "written offline", client_id: "client-1", attachment_ids: [] });
    expect(second.rows()).toEqual(["shopper:9007199254741000:written offline"]);
    expect(FakeSocket.last().url).toBe(`${SOCKET_URL}?token=socket-fresh-1`);
  });

  it("forgets a stored chat the server no longer knows for this visitor", async () => {
    const storage = createStorage(new MemoryStorage());
    storage.set(KEYS.conversation, { id: "41", status: "open", readId: null, replied: false });
    const { session, server } = setup({ storage });
    await session.resume();
    expect(server.log()).toEqual(["GET conversations/41/messages"]);
    expect(storage.get(KEYS.conversation)).toBeNull();
    expect(session.state.conversationId).toBeNull();
    expect(FakeSocket.instances).toEqual([]);
  });

  it("shows a refused message as failed with the API's reason and sends the next one", async () => {
    const { session, server, rows } = await started();
    server.state.refuseSends = 1;
    session.send("too long");
    session.send("next");
    await settle();
    expect(rows()).toEqual(["shopper:9007199254741000:next", "local:failed:too long"]);
    const failed = session.timeline.entries()[1]?.local;
    expect([failed?.reason, failed?.detail]).toEqual(["body_too_long", "refused: body_too_long"]);
    expect(session.outbox.list()).toEqual([]);
  });
});

describe("ChatSession while the panel is open or closed", () => {
  it("counts the shop's messages as unread while closed, and marks them read when opened", async () => {
    const { session, server, storage } = await started();
    const agent = server.reply("Your parcel left today.");
    FakeSocket.last().push({ event: "message.created", payload: { ...agent, conversation_id: CONVERSATION_ID } });
    const bot = server.reply("Anything else?", "bot");
    FakeSocket.last().push({ event: "message.created", payload: { ...bot, conversation_id: CONVERSATION_ID } });
    expect(session.state.unread).toBe(2);
    expect(server.log().some((line) => line.endsWith("/read"))).toBe(false);

    session.open();
    await settle();
    expect(session.state.unread).toBe(0);
    expect(server.requests.at(-1)?.url).toBe(`/apps/support/api/widget/conversations/${CONVERSATION_ID}/read`);
    expect(server.requests.at(-1)?.body).toEqual({ up_to: "9007199254741001" });
    expect(storage.get(KEYS.conversation)).toEqual({ id: CONVERSATION_ID, status: "open", readId: "9007199254741001", replied: true });

    const more = server.reply("Here is the tracking link.");
    FakeSocket.last().push({ event: "message.created", payload: { ...more, conversation_id: CONVERSATION_ID } });
    await settle();
    expect(session.state.unread).toBe(0);
    expect(server.requests.at(-1)?.body).toEqual({ up_to: "9007199254741002" });
  });

  it("ignores events of another conversation", async () => {
    const { session, rows } = await started();
    FakeSocket.last().push({
      event: "message.created",
      payload: { id: "5", kind: "agent", body: "not yours", client_id: "", created_at: "", attachments: [], conversation_id: "6" },
    });
    expect(rows()).toEqual([]);
    expect(session.state.unread).toBe(0);
  });

  it("shows the shop typing until it stops, writes, or goes quiet for 8 s", async () => {
    const { session, server, timers } = await started();
    const socket = FakeSocket.last();
    socket.push({ event: "typing", payload: { conversation_id: CONVERSATION_ID, side: "agent", state: "start" } });
    expect(session.state.shopTyping).toBe(true);
    socket.push({ event: "typing", payload: { conversation_id: CONVERSATION_ID, side: "agent", state: "stop" } });
    expect(session.state.shopTyping).toBe(false);

    socket.push({ event: "typing", payload: { conversation_id: CONVERSATION_ID, side: "agent", state: "start" } });
    const reply = server.reply("Found it!");
    socket.push({ event: "message.created", payload: { ...reply, conversation_id: CONVERSATION_ID } });
    expect(session.state.shopTyping).toBe(false);

    socket.push({ event: "typing", payload: { conversation_id: CONVERSATION_ID, side: "agent", state: "start" } });
    timers.advance(SHOP_TYPING_TIMEOUT_MS);
    expect(session.state.shopTyping).toBe(false);
  });

  it("sends the shopper's typing over the socket", async () => {
    const { session } = await started();
    session.typing.input(true);
    session.send("hi");
    expect(FakeSocket.last().sent).toEqual([
      { type: "typing", state: "start" },
      { type: "typing", state: "stop" },
    ]);
  });

  it("offers the pre-chat form to an anonymous newcomer only", async () => {
    const anonymous = setup();
    anonymous.session.open();
    expect(anonymous.session.state.phase).toBe("prechat");
    expect(anonymous.server.requests).toEqual([]);

    const customer = setup({ loggedIn: true });
    customer.session.open();
    await settle();
    expect(customer.session.state.phase).toBe("ready");
    expect(customer.server.requests[0]?.body).toEqual({ name: "", email: "", locale: "es-ES", time_zone: "Europe/Madrid" });
    expect(customer.session.state.emailKnown).toBe(true);
  });
});

describe("ChatSession rating and email", () => {
  it("asks for a rating when the conversation is resolved, and sends it once", async () => {
    const { session, server, storage } = await started();
    FakeSocket.last().push({
      event: "conversation.updated",
      payload: { conversation_id: CONVERSATION_ID, change: "conversation.status_changed", from: "open", to: "resolved" },
    });
    expect(session.state.ratingFor).toBe(CONVERSATION_ID);

    await session.rate(5, "  Quick and kind  ");
    expect(server.requests.at(-1)?.body).toEqual({ rating: 5, comment: "Quick and kind" });
    expect(session.state.ratingDone).toBe(true);
    expect(storage.get(KEYS.rated)).toEqual([CONVERSATION_ID]);

    session.dismissRating();
    FakeSocket.last().push({
      event: "conversation.updated",
      payload: { conversation_id: CONVERSATION_ID, change: "conversation.status_changed", from: "open", to: "closed" },
    });
    expect(session.state.ratingFor).toBeNull();
  });

  it("takes an earlier rating (already_rated) as done", async () => {
    const { session, server } = await started({ server: fakeServer({ status: "resolved", rated: true }) });
    expect(session.state.ratingFor).toBe(CONVERSATION_ID);
    await session.rate(4, "");
    expect(session.state.ratingDone).toBe(true);
    expect(server.requests.at(-1)?.body).toEqual({ rating: 4, comment: "" });
  });

  it("lets a rating error through and records nothing", async () => {
    const { session, server, storage } = await started({ server: fakeServer({ status: "resolved" }) });
    server.state.up = false;
    await expect(session.rate(2, "")).rejects.toMatchObject({ code: "network" });
    expect(session.state.ratingDone).toBe(false);
    expect(storage.get(KEYS.rated)).toBeNull();
  });

  it("asks about the previous chat when a new one had to begin (the old one was resolved)", async () => {
    const storage = createStorage(new MemoryStorage());
    storage.set(KEYS.visitor, "visitor-1");
    storage.set(KEYS.conversation, { id: "77", status: "open", readId: "300", replied: true });
    const { session } = setup({ storage });
    await session.start();
    expect(session.state.conversationId).toBe(CONVERSATION_ID);
    expect(session.state.ratingFor).toBe("77");
    expect(storage.get(KEYS.conversation)).toEqual({ id: CONVERSATION_ID, status: "open", readId: null, replied: false });
  });

  it("sends the email replies go to when no one is online", async () => {
    const { session, server } = await started({ server: fakeServer({ agentsOnline: false }) });
    expect(session.state).toMatchObject({ agentsOnline: false, emailKnown: false });
    await session.giveEmail("ana@example.com");
    expect(server.requests.at(-1)?.body).toEqual({ name: "", email: "ana@example.com", locale: "es-ES", time_zone: "Europe/Madrid" });
    expect(session.state.emailKnown).toBe(true);
    expect(FakeSocket.instances).toHaveLength(1); // same chat: the socket stays
  });
});

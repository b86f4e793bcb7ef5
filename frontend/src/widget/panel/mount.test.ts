import { fireEvent, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { boot } from "../loader/boot";
import { PANEL_READY_EVENT, type WidgetContext } from "../shared/context";
import { createStorage, KEYS, type WidgetStorage } from "../shared/storage";
import { FakeSocket, MemoryStorage, settle } from "../testing/fakes";
import { CONVERSATION_ID, fakeServer } from "../testing/fakeServer";
import { mountPanel } from "./mount";

afterEach(() => {
  document.body.replaceChildren();
  FakeSocket.reset();
});

interface WidgetOptions {
  data?: Record<string, string>;
  storage?: WidgetStorage;
  server?: ReturnType<typeof fakeServer>;
}

/** The widget as a storefront runs it: the loader, the real panel, a fake app behind the proxy. */
async function widget(options: WidgetOptions = {}) {
  const server = options.server ?? fakeServer();
  vi.stubGlobal("fetch", server.fetch);
  vi.stubGlobal("WebSocket", FakeSocket);
  const root = document.createElement("div");
  root.id = "support-chat-root";
  root.hidden = true;
  Object.assign(root.dataset, { proxy: "/apps/support", locale: "en", color: "#008060", position: "right", customer: "", ...options.data });
  document.body.appendChild(root);
  const storage = options.storage ?? createStorage(new MemoryStorage());
  let blobs = 0;
  boot({
    doc: document,
    root,
    scriptSrc: "https://cdn.shopify.com/extensions/x/assets/support-chat-loader.js",
    browserLanguages: ["en-US"],
    storage,
    loadScript: async () => {
      // What support-chat-panel.js does when it runs (jsdom has no blob: URLs, hence objectUrls).
      const mount = (context: WidgetContext) =>
        mountPanel(context, { objectUrls: { create: () => `blob:shop/${++blobs}`, revoke: () => undefined }, timeZone: () => "America/New_York" });
      document.dispatchEvent(new CustomEvent(PANEL_READY_EVENT, { detail: { mount } }));
    },
  });
  await settle();
  const shadow = root.shadowRoot as ShadowRoot;
  const ui = within(shadow as unknown as HTMLElement);
  const launcher = ui.getByRole("button", { name: options.data?.locale === "zh-CN" ? "联系客服" : "Chat with us" });
  return {
    server,
    storage,
    shadow,
    ui,
    launcher,
    focused: () => shadow.activeElement,
    async open() {
      launcher.click();
      await settle();
    },
  };
}

async function startedChat(options: WidgetOptions = {}) {
  const context = await widget({ ...options, data: { customer: "7001", ...options.data } });
  await context.open();
  FakeSocket.last().accept();
  await settle();
  return context;
}

describe("the panel", () => {
  it("opens as a labelled non-modal dialog, moves focus in, and Escape closes it back to the launcher", async () => {
    const { ui, launcher, open, focused } = await widget();
    await open();

    const dialog = ui.getByRole("dialog", { name: "Chat with us" });
    expect(dialog.getAttribute("aria-modal")).toBe("false");
    expect(launcher.getAttribute("aria-expanded")).toBe("true");
    expect(focused()).toBe(ui.getByRole("textbox", { name: "Name (optional)" }));

    fireEvent.keyDown(focused() as Element, { key: "Escape" });
    expect(ui.queryByRole("dialog")).toBeNull();
    expect(launcher.getAttribute("aria-expanded")).toBe("false");
    expect(focused()).toBe(launcher);
  });

  it("leaves Escape alone while the shopper types in the page's own fields", async () => {
    const { ui, open } = await widget();
    await open();
    const search = document.createElement("input");
    search.setAttribute("aria-label", "Search the store");
    document.body.appendChild(search);
    search.focus();
    fireEvent.keyDown(search, { key: "Escape" });
    expect(ui.getByRole("dialog", { name: "Chat with us" })).toBeDefined();
  });

  it("closes with its close button", async () => {
    const { ui, launcher, open, focused } = await widget();
    await open();
    ui.getByRole("button", { name: "Close chat" }).click();
    expect(ui.queryByRole("dialog")).toBeNull();
    expect(focused()).toBe(launcher);
  });

  it("starts from the pre-chat form and sends a message with a local echo", async () => {
    const { ui, server, open, focused } = await widget();
    await open();
    fireEvent.change(ui.getByRole("textbox", { name: "Name (optional)" }), { target: { value: "Ana" } });
    fireEvent.change(ui.getByRole("textbox", { name: "Email (optional)" }), { target: { value: "ana@example.com" } });
    ui.getByRole("button", { name: "Start chat" }).click();
    await settle();

    expect(server.requests[0]?.body).toEqual({ name: "Ana", email: "ana@example.com", locale: "en", time_zone: "America/New_York" });
    const box = ui.getByRole("textbox", { name: "Message" });
    expect(focused()).toBe(box);
    FakeSocket.last().accept();

    fireEvent.change(box, { target: { value: "Where is my parcel?" } });
    fireEvent.keyDown(box, { key: "Enter" });
    const log = ui.getByRole("log", { name: "Messages" });
    expect(within(log).getByText("Where is my parcel?")).toBeDefined();
    expect(within(log).getByText("Sending…")).toBeDefined();
    await settle();

    expect(server.requests.at(-1)?.body).toEqual({ body: "Where is my parcel?", client_id: expect.any(String), attachment_ids: [] });
    expect(within(log).queryByText("Sending…")).toBeNull();
    expect(within(log).getAllByText("Where is my parcel?")).toHaveLength(1);
    expect((box as HTMLTextAreaElement).value).toBe("");
  });

  it("refuses a mistyped email in the pre-chat form without calling the API", async () => {
    const { ui, server, open } = await widget();
    await open();
    fireEvent.change(ui.getByRole("textbox", { name: "Email (optional)" }), { target: { value: "ana@example" } });
    ui.getByRole("button", { name: "Start chat" }).click();
    await settle();
    expect(ui.getByRole("alert").textContent).toBe("Enter a valid email address, or leave it empty.");
    expect(server.requests).toEqual([]);
  });

  it("speaks the storefront's language", async () => {
    const { ui, open } = await widget({ data: { locale: "zh-CN" } });
    await open();
    expect(ui.getByRole("dialog", { name: "在线客服" })).toBeDefined();
    expect(ui.getByRole("button", { name: "跳过" })).toBeDefined();
    expect(ui.getByRole("button", { name: "查询我的订单" })).toBeDefined();
  });

  it("shows the shop typing and its replies, and marks them read", async () => {
    const { ui, server } = await startedChat();
    const socket = FakeSocket.last();
    socket.push({ event: "typing", payload: { conversation_id: CONVERSATION_ID, side: "agent", state: "start" } });
    expect(ui.getByText("Support is typing…")).toBeDefined();
    const reply = server.reply("It ships tomorrow.");
    socket.push({ event: "message.created", payload: { ...reply, conversation_id: CONVERSATION_ID } });
    await settle();
    expect(ui.queryByText("Support is typing…")).toBeNull();
    expect(within(ui.getByRole("log")).getByText("It ships tomorrow.")).toBeDefined();
    expect(server.requests.at(-1)?.body).toEqual({ up_to: reply.id });
  });

  it("shows unread replies on the launcher while closed", async () => {
    const { server, launcher, shadow } = await startedChat();
    launcher.click(); // close
    await settle();
    const reply = server.reply("Your refund is on its way.");
    FakeSocket.last().push({ event: "message.created", payload: { ...reply, conversation_id: CONVERSATION_ID } });
    expect(shadow.querySelector(".sc-badge")?.textContent).toBe("1");
    expect(shadow.getElementById("sc-unread")?.textContent).toBe("1 unread message");
  });

  it("queues while offline and sends when the browser is back online", async () => {
    const { ui, server } = await startedChat();
    const onLine = vi.spyOn(window.navigator, "onLine", "get").mockReturnValue(false);
    window.dispatchEvent(new Event("offline"));
    expect(ui.getByText("You're offline. Your messages will be sent when you're back online.")).toBeDefined();
    const before = server.requests.length;
    const box = ui.getByRole("textbox", { name: "Message" });
    fireEvent.change(box, { target: { value: "sent later" } });
    ui.getByRole("button", { name: "Send" }).click();
    await settle();
    expect(within(ui.getByRole("log")).getByText("Waiting for a connection. It will be sent automatically.")).toBeDefined();
    expect(server.requests.length).toBe(before);

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(server.requests.slice(before).map((r) => r.body)).toEqual([
      { body: "sent later", client_id: expect.any(String), attachment_ids: [] },
    ]);
    expect(ui.queryByText(/You're offline/)).toBeNull();
  });

  it("uploads a file, then sends it with the message", async () => {
    const { ui, server, shadow } = await startedChat();
    const input = shadow.querySelector('input[type="file"]') as HTMLInputElement;
    const photo = new File(["\x89PNG"], "parcel.png", { type: "image/png" });
    Object.defineProperty(input, "files", { value: [photo], configurable: true });
    fireEvent.change(input);
    await settle();

    expect(server.log().at(-1)).toBe(`POST conversations/${CONVERSATION_ID}/attachments`);
    expect(ui.getByRole("button", { name: "Remove parcel.png" })).toBeDefined();
    ui.getByRole("button", { name: "Send" }).click();
    await settle();
    expect(server.requests.at(-1)?.body).toEqual({ body: "", client_id: expect.any(String), attachment_ids: ["88"] });
    expect(ui.queryByRole("button", { name: "Remove parcel.png" })).toBeNull();
  });

  it("refuses a file type before uploading, and shows the API's refusal of one it did upload", async () => {
    const { ui, server, shadow } = await startedChat();
    const input = shadow.querySelector('input[type="file"]') as HTMLInputElement;
    const before = server.requests.length;
    Object.defineProperty(input, "files", { value: [new File(["<svg/>"], "x.svg", { type: "image/svg+xml" })], configurable: true });
    fireEvent.change(input);
    await settle();
    expect(ui.getByRole("alert").textContent).toBe("Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.");
    expect(server.requests.length).toBe(before);

    server.state.refuseUploads = "attachment_too_large";
    Object.defineProperty(input, "files", { value: [new File(["x"], "big.jpg", { type: "image/jpeg" })], configurable: true });
    fireEvent.change(input);
    await settle();
    expect(ui.getByRole("alert").textContent).toBe("This file is too large: 10 MB at most.");
    expect(ui.queryByRole("button", { name: /Remove/ })).toBeNull();
  });

  it("asks for an email when no one is online", async () => {
    const { ui, server } = await startedChat({ data: { customer: "" }, storage: withVisitor(), server: fakeServer({ agentsOnline: false }) });
    expect(ui.getByText("No one is online right now. Leave your email and we'll reply by email.")).toBeDefined();
    fireEvent.change(ui.getByRole("textbox", { name: "Your email" }), { target: { value: "ana@example.com" } });
    ui.getByRole("button", { name: "Save email" }).click();
    await settle();
    expect(server.requests.at(-1)?.body).toEqual({ name: "", email: "ana@example.com", locale: "en", time_zone: "America/New_York" });
    expect(ui.getByText("Thanks! We'll reply by email.")).toBeDefined();
    expect(ui.queryByRole("textbox", { name: "Your email" })).toBeNull();
  });

  it("asks for a rating once the conversation is resolved", async () => {
    const { ui, server } = await startedChat();
    FakeSocket.last().push({
      event: "conversation.updated",
      payload: { conversation_id: CONVERSATION_ID, change: "conversation.status_changed", from: "open", to: "resolved" },
    });
    const card = within(ui.getByRole("region", { name: "How would you rate this conversation?" }));
    const before = server.requests.length;
    card.getByRole("button", { name: "Send rating" }).click();
    await settle();
    expect(card.getByRole("alert").textContent).toBe("Choose a rating from 1 to 5.");
    expect(server.requests.length).toBe(before);

    card.getByRole("radio", { name: "5 – Excellent" }).click();
    fireEvent.change(card.getByRole("textbox", { name: "Comment (optional)" }), { target: { value: "Fast!" } });
    card.getByRole("button", { name: "Send rating" }).click();
    await settle();
    expect(server.requests.at(-1)?.body).toEqual({ rating: 5, comment: "Fast!" });
    expect(card.getByText("Thank you for your feedback!")).toBeDefined();
  });

  it("switches to the order lookup and back", async () => {
    const { ui, focused } = await startedChat();
    ui.getByRole("button", { name: "Where is my order?" }).click();
    expect(focused()).toBe(ui.getByRole("textbox", { name: "Order number" }));
    expect(ui.getByRole("textbox", { name: "Email or postcode" })).toBeDefined();
    expect(ui.queryByRole("log")).toBeNull();
    ui.getByRole("button", { name: "Back to chat" }).click();
    expect(focused()).toBe(ui.getByRole("textbox", { name: "Message" }));
  });

  it("resumes an open chat on page load without starting a new one", async () => {
    const server = fakeServer();
    server.reply("We have shipped it.");
    const storage = withVisitor();
    storage.set(KEYS.conversation, { id: CONVERSATION_ID, status: "open", readId: null, replied: true });
    const { shadow } = await widget({ storage, server });
    await settle();
    expect(server.log()).toEqual([
      `GET conversations/${CONVERSATION_ID}/messages`,
      `POST conversations/${CONVERSATION_ID}/socket-token`,
    ]);
    expect(shadow.querySelector(".sc-badge")?.textContent).toBe("1");
  });
});

function withVisitor(): WidgetStorage {
  const storage = createStorage(new MemoryStorage());
  storage.set(KEYS.visitor, "visitor-1");
  return storage;
}

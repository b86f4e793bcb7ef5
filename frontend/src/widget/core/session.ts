/**
 * One shopper's chat, without any DOM: start or resume, the messages, the
 * outbox, the websocket, read receipts, typing, the rating. Views subscribe
 * and read `state` and `timeline`; every dependency is passed in. The rules
 * are pure functions in chatRules.ts; sending is sender.ts; the socket and
 * resync are liveUpdates.ts.
 */
import { KEYS, type StoredConversation } from "../shared/storage";
import { WidgetApiError } from "./api";
import { countUnread, isClosed, planStart } from "./chatRules";
import * as record from "./conversationRecord";
import { LiveUpdates } from "./liveUpdates";
import { Outbox, type PendingMessage } from "./outbox";
import { Sender } from "./sender";
import type { SessionDeps, SessionState, ShopperDetails } from "./sessionTypes";
import { Timeline } from "./timeline";
import { TypingNotifier } from "./typing";
import type { StartResponse, WidgetAttachment, WidgetMessage } from "./types";

export type { Phase, SessionDeps, SessionState, ShopperDetails } from "./sessionTypes";

export const SHOP_TYPING_TIMEOUT_MS = 8_000;

export class ChatSession {
  readonly timeline = new Timeline();
  readonly outbox: Outbox;
  readonly typing: TypingNotifier;
  state: SessionState;

  private readonly listeners = new Set<() => void>();
  private readonly sender: Sender;
  private readonly live: LiveUpdates;
  private panelOpen = false;
  private started = false;
  private starting: Promise<void> | null = null;
  private typingTimer: unknown = null;

  constructor(private readonly deps: SessionDeps) {
    const stored = record.readConversation(deps.storage);
    this.outbox = new Outbox(deps.storage);
    this.state = {
      phase: "idle",
      conversationId: stored?.id ?? null,
      status: stored?.status ?? "",
      agentsOnline: null,
      online: deps.isOnline(),
      connection: "closed",
      shopTyping: false,
      unread: 0,
      startError: null,
      ratingFor: null,
      ratingDone: false,
      emailKnown: deps.loggedIn || record.emailGiven(deps.storage),
    };
    for (const pending of this.outbox.list()) {
      this.timeline.addLocal({ ...pending, status: "waiting" });
    }
    this.typing = new TypingNotifier((state) => this.live.send({ type: "typing", state }), deps.timers, deps.now);
    this.sender = new Sender({
      api: deps.api,
      outbox: this.outbox,
      timeline: this.timeline,
      timers: deps.timers,
      random: deps.random,
      onSent: (message) => this.receive([message]),
      onChange: () => this.emit(),
      retry: () => void this.flush(),
    });
    this.live = new LiveUpdates({
      api: deps.api,
      WebSocketImpl: deps.WebSocketImpl,
      timers: deps.timers,
      now: deps.now,
      random: deps.random,
      onMessages: (messages) => this.receive(messages),
      onTyping: (typing) => this.setShopTyping(typing),
      onStatus: (status) => this.statusChanged(status),
      onConnection: (connection) => this.set({ connection }),
      afterOpen: () => this.flush(),
    });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No chat yet and nothing names the shopper: offer the (optional) pre-chat form. */
  needsPrechat(): boolean {
    const { storage, loggedIn } = this.deps;
    return (
      !loggedIn &&
      this.state.conversationId === null &&
      storage.get<string>(KEYS.visitor) === null &&
      storage.get<boolean>(KEYS.prechat) !== true
    );
  }

  /**
   * On page load with a chat already open: its messages and the websocket,
   * without POST /conversations (which would open a new chat if the old one
   * was resolved). Nothing happens offline or without a stored chat.
   */
  async resume(): Promise<void> {
    const id = this.state.conversationId;
    if (id === null || this.state.phase !== "idle" || !this.deps.isOnline()) {
      return;
    }
    try {
      const messages = await this.deps.api.messages(id);
      const token = await this.deps.api.socketToken(id);
      if (this.state.conversationId !== id || this.state.phase !== "idle") {
        return; // a start overtook this
      }
      this.live.observe(messages);
      this.receive(messages);
      this.set({ phase: "ready" });
      this.live.connect(id, token);
      void this.flush();
    } catch (error) {
      if (error instanceof WidgetApiError && error.status === 404 && this.state.conversationId === id) {
        this.deps.storage.remove(KEYS.conversation); // not this visitor's any more
        this.forgetMessages();
        this.set({ conversationId: null, status: "" });
      }
    }
  }

  /** The panel opened: start (or show the pre-chat form) and mark what is shown as read. */
  open(): void {
    this.panelOpen = true;
    this.state = { ...this.state, unread: 0 };
    if (!this.started && this.starting === null && this.state.phase !== "prechat") {
      if (this.needsPrechat()) {
        this.set({ phase: "prechat" });
      } else {
        void this.start();
      }
    }
    this.markRead();
    this.emit();
  }

  close(): void {
    this.panelOpen = false;
    this.typing.stop();
  }

  /** POST /conversations: start or resume, with what the pre-chat form gave (maybe nothing). */
  start(details: ShopperDetails = { name: "", email: "" }): Promise<void> {
    if (this.starting === null) {
      this.starting = this.doStart(details).finally(() => {
        this.starting = null;
      });
    }
    return this.starting;
  }

  /** "No one is online": the email replies go to. Throws the API's refusal. */
  async giveEmail(email: string): Promise<void> {
    const response = await this.deps.api.start(this.startBody({ name: "", email }));
    this.applyStart(response, { name: "", email });
  }

  /** Writes a message: shown at once, kept in the outbox, sent when possible. False when empty. */
  send(body: string, attachments: WidgetAttachment[] = []): boolean {
    const text = body.trim();
    if (text === "" && attachments.length === 0) {
      return false;
    }
    const pending: PendingMessage = {
      client_id: this.deps.newClientId(),
      body: text,
      attachments,
      created_at: new Date(this.deps.now()).toISOString(),
    };
    this.outbox.add(pending);
    this.timeline.addLocal({ ...pending, status: this.canSend() ? "sending" : "waiting" });
    this.typing.stop();
    this.emit();
    void this.flush();
    return true;
  }

  /** Uploads a file to the conversation (to send with the next message). */
  async upload(file: Blob, filename: string): Promise<WidgetAttachment> {
    const id = this.state.conversationId;
    if (id === null || this.state.phase !== "ready") {
      throw new WidgetApiError(0, "not_started");
    }
    if (!this.deps.isOnline()) {
      throw new WidgetApiError(0, "network");
    }
    return this.deps.api.upload(id, file, filename);
  }

  /** Rates the conversation in `ratingFor` once; an earlier rating counts as done. */
  async rate(rating: number, comment: string): Promise<void> {
    const id = this.state.ratingFor;
    if (id === null) {
      return;
    }
    try {
      await this.deps.api.rate(id, { rating, comment: comment.trim() });
    } catch (error) {
      if (!(error instanceof WidgetApiError && error.code === "already_rated")) {
        throw error;
      }
    }
    record.markRated(this.deps.storage, id);
    this.set({ ratingDone: true });
  }

  /** "Not now", or the thanks was seen: the rating is not offered again. */
  dismissRating(): void {
    if (this.state.ratingFor !== null) {
      record.markRated(this.deps.storage, this.state.ratingFor);
    }
    this.set({ ratingFor: null, ratingDone: false });
  }

  setOnline(online: boolean): void {
    this.set({ online });
    if (!online) {
      this.sender.markWaiting();
      return;
    }
    this.live.reconnectNow();
    if (this.state.phase === "error") {
      void this.start();
    } else {
      void this.flush();
    }
  }

  /** Sends what waits in the outbox, in order (no-op before the chat started; waiting offline). */
  async flush(): Promise<void> {
    const id = this.state.conversationId;
    if (id === null || this.state.phase !== "ready") {
      return;
    }
    if (!this.deps.isOnline()) {
      this.sender.markWaiting();
      return;
    }
    await this.sender.flush(id);
  }

  /** GET .../messages?after=<cursor>: what the socket missed. */
  resync(): Promise<void> {
    return this.live.resync();
  }

  dispose(): void {
    this.live.stop();
    this.typing.stop();
    this.sender.dispose();
    this.setShopTyping(false);
    this.listeners.clear();
  }

  private startBody(details: ShopperDetails) {
    return { name: details.name.trim(), email: details.email.trim(), locale: this.deps.locale, time_zone: this.deps.timeZone() };
  }

  private async doStart(details: ShopperDetails): Promise<void> {
    this.deps.storage.set(KEYS.prechat, true);
    const wasReady = this.state.phase === "ready";
    this.set({ phase: wasReady ? "ready" : "starting", startError: null });
    try {
      this.applyStart(await this.deps.api.start(this.startBody(details)), details);
    } catch (caught) {
      const error = caught instanceof WidgetApiError ? caught : new WidgetApiError(0, "network");
      this.set({ phase: this.state.phase === "ready" ? "ready" : "error", startError: error });
    }
  }

  private applyStart(response: StartResponse, details: ShopperDetails): void {
    const { storage } = this.deps;
    this.started = true;
    if (response.visitor_token) {
      storage.set(KEYS.visitor, response.visitor_token);
    }
    const email = details.email.trim() !== "";
    if (email) {
      record.rememberEmailGiven(storage);
    }
    const plan = planStart(record.readConversation(storage), response.conversation, this.state.ratingFor, (id) =>
      record.isRated(storage, id),
    );
    if (!plan.same) {
      this.forgetMessages(); // a new chat began: the old one's messages go
    }
    record.writeConversation(storage, plan.record);
    this.state = {
      ...this.state,
      phase: "ready",
      conversationId: plan.record.id,
      status: plan.record.status,
      agentsOnline: response.agents_online,
      startError: null,
      ratingFor: plan.ratingFor,
      emailKnown: this.state.emailKnown || email,
    };
    this.live.observe(response.messages);
    this.receive(response.messages);
    if (!plan.same || !this.live.connected) {
      this.live.connect(plan.record.id, { socket_token: response.socket_token, socket_url: response.socket_url });
    }
    void this.flush();
  }

  private statusChanged(status: string): void {
    const stored = this.stored();
    if (stored === null) {
      return;
    }
    record.writeConversation(this.deps.storage, { ...stored, status });
    const ask = isClosed(status) && !record.isRated(this.deps.storage, stored.id);
    this.set({ status, ratingFor: ask ? stored.id : this.state.ratingFor });
  }

  /** Messages from the server, however they came (the live side has moved its cursor already). */
  private receive(messages: readonly WidgetMessage[]): void {
    const fresh = this.timeline.addServer(messages);
    for (const message of messages) {
      if (message.client_id) {
        this.outbox.remove(message.client_id); // on the server already: never sent again
      }
    }
    if (fresh.some((message) => message.kind !== "shopper")) {
      this.setShopTyping(false);
    }
    const stored = this.stored();
    if (stored && !stored.replied && fresh.some((message) => message.kind === "agent")) {
      record.writeConversation(this.deps.storage, { ...stored, replied: true });
    }
    this.markRead();
    this.emit();
  }

  /** While the panel is open: a receipt up to the last message when the shop wrote something unseen. */
  private markRead(): void {
    const stored = this.stored();
    const messages = this.timeline.serverMessages();
    if (!this.panelOpen || stored === null) {
      this.state = { ...this.state, unread: this.panelOpen ? 0 : countUnread(messages, stored?.readId ?? null) };
      return;
    }
    this.state = { ...this.state, unread: 0 };
    const last = this.timeline.lastId();
    if (last === null || countUnread(messages, stored.readId) === 0) {
      return;
    }
    record.writeConversation(this.deps.storage, { ...stored, readId: last });
    this.deps.api.read(stored.id, last).catch(() => undefined); // a lost receipt only delays "seen"
  }

  private setShopTyping(typing: boolean): void {
    if (this.typingTimer !== null) {
      this.deps.timers.clearTimeout(this.typingTimer);
      this.typingTimer = null;
    }
    if (typing) {
      this.typingTimer = this.deps.timers.setTimeout(() => this.setShopTyping(false), SHOP_TYPING_TIMEOUT_MS);
    }
    if (this.state.shopTyping !== typing) {
      this.set({ shopTyping: typing });
    }
  }

  private forgetMessages(): void {
    this.timeline.clearServer();
    this.live.reset();
  }

  private canSend(): boolean {
    return this.deps.isOnline() && this.state.conversationId !== null && this.state.phase === "ready";
  }

  /** The stored record of the current conversation. */
  private stored(): StoredConversation | null {
    const stored = record.readConversation(this.deps.storage);
    return stored !== null && stored.id === this.state.conversationId ? stored : null;
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}

/**
 * The panel: a labelled, non-modal dialog in the widget's shadow root that
 * shows the pre-chat form, the chat or the order lookup, wired to a
 * ChatSession. `mountPanel(context, env?)` is what the loader calls; `env`
 * defaults to the browser's globals (tests pass only what jsdom lacks).
 */
import { createWidgetApi } from "../core/api";
import { ChatSession } from "../core/session";
import type { SocketFactory } from "../core/realtime";
import { browserTimers, type Timers } from "../core/timers";
import { format } from "../i18n/format";
import { PANEL_STRINGS } from "../i18n/panel";
import { reasonText } from "../i18n/reasons";
import type { PanelHandle, WidgetContext } from "../shared/context";
import { serverLocale } from "../shared/language";
import { KEYS } from "../shared/storage";
import { AttachmentFiles, type ObjectUrls } from "./attachments";
import { Composer } from "./composer";
import { h, replaceChildren } from "./dom";
import { createEmailAsk } from "./emailAsk";
import { MessageListView } from "./messageList";
import { OrderLookupView } from "./orderLookup";
import { createPrechat } from "./prechat";
import { createRating } from "./rating";
import { PANEL_CSS } from "./styles";

export interface PanelEnv {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  WebSocketImpl: SocketFactory;
  timers: Timers;
  now: () => number;
  random: () => number;
  isOnline: () => boolean;
  newClientId: () => string;
  timeZone: () => string;
  objectUrls: ObjectUrls;
  win: Window;
}

function randomId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function browserEnv(win: Window = window): PanelEnv {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    WebSocketImpl: globalThis.WebSocket as unknown as SocketFactory,
    timers: browserTimers,
    now: () => Date.now(),
    random: () => Math.random(),
    isOnline: () => win.navigator.onLine !== false,
    newClientId: randomId,
    timeZone: () => {
      try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
      } catch {
        return "";
      }
    },
    objectUrls: { create: (blob) => URL.createObjectURL(blob), revoke: (url) => URL.revokeObjectURL(url) },
    win,
  };
}

type View = "chat" | "order";

export function mountPanel(context: WidgetContext, overrides: Partial<PanelEnv> = {}): PanelHandle {
  const env: PanelEnv = { ...browserEnv(), ...overrides };
  const { config, launcher, storage } = context;
  const doc = context.container.ownerDocument;
  const strings = PANEL_STRINGS[context.language];
  const loggedIn = config.customer !== "";

  const api = createWidgetApi({ proxy: config.proxy, fetch: env.fetch, visitorToken: () => storage.get<string>(KEYS.visitor) });
  const session = new ChatSession({
    api,
    storage,
    timers: env.timers,
    now: env.now,
    random: env.random,
    isOnline: env.isOnline,
    newClientId: env.newClientId,
    timeZone: env.timeZone,
    locale: serverLocale(config.locale, context.browserLanguages, context.language),
    loggedIn,
    WebSocketImpl: env.WebSocketImpl,
  });
  const files = new AttachmentFiles(api, env.objectUrls);

  // Views
  const log = new MessageListView(doc, strings, context.language, files);
  const empty = h(doc, "p", { class: "sc-empty" }, strings.emptyLog);
  const typing = h(doc, "p", { class: "sc-typing", "aria-live": "polite" });
  const composer = new Composer(doc, strings, {
    send: (body, attachments) => session.send(body, attachments),
    upload: (file) => session.upload(file, file.name),
    typing: (hasText) => session.typing.input(hasText),
  });
  const rating = createRating(doc, strings, {
    rate: (value, comment) => session.rate(value, comment),
    dismiss: () => session.dismissRating(),
  });
  const emailAsk = createEmailAsk(doc, strings, (email) => session.giveEmail(email));
  const chat = h(doc, "div", { class: "sc-chat" }, rating.el, emailAsk.el, empty, log.el, typing, composer.el);
  const prechat = createPrechat(doc, strings, (details) => {
    void session.start(details);
    composer.focus();
  });
  const lookup = new OrderLookupView(doc, strings, { api, language: context.language, loggedIn });

  // Frame
  const notices = h(doc, "div", { class: "sc-notices", "aria-live": "polite" });
  const body = h(doc, "div", { class: "sc-body" });
  const orderToggle = h(doc, "button", { type: "button", class: "sc-order-toggle" }, strings.orderButton);
  const closeButton = h(doc, "button", { type: "button", class: "sc-close", "aria-label": strings.close }, "×");
  const panel = h(
    doc,
    "section",
    { id: "sc-panel", class: "sc-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "sc-title", hidden: true },
    h(doc, "header", { class: "sc-head" }, h(doc, "h2", { id: "sc-title", class: "sc-title" }, strings.title), orderToggle, closeButton),
    notices,
    body,
  );
  const style = h(doc, "style", {}, PANEL_CSS);
  context.shadow.insertBefore(style, context.container);
  context.container.appendChild(panel);

  let view: View = "chat";
  let opened = false;

  function currentView(): HTMLElement {
    if (view === "order") {
      return lookup.el;
    }
    return session.state.phase === "prechat" ? prechat.el : chat;
  }

  function renderNotices() {
    const state = session.state;
    const items: HTMLElement[] = [];
    if (!state.online) {
      items.push(h(doc, "p", { class: "sc-notice" }, strings.offline));
    } else if (state.phase === "starting") {
      items.push(h(doc, "p", { class: "sc-notice" }, strings.starting));
    } else if (state.phase === "error" && state.startError) {
      const retry = h(doc, "button", { type: "button", class: "sc-secondary" }, strings.retry);
      retry.addEventListener("click", () => void session.start());
      items.push(h(doc, "p", { class: "sc-notice", role: "alert" },
        format(strings.startFailed, { reason: reasonText(strings, state.startError) }), retry));
    }
    const signature = items.map((item) => item.textContent).join("|");
    if (notices.dataset.signature !== signature) {
      notices.dataset.signature = signature;
      replaceChildren(notices, ...items);
    }
  }

  function render() {
    const state = session.state;
    launcher.setUnread(state.unread);
    renderNotices();
    const wanted = currentView();
    if (body.firstElementChild !== wanted) {
      replaceChildren(body, wanted);
    }
    orderToggle.textContent = view === "order" ? strings.backToChat : strings.orderButton;
    rating.el.hidden = state.ratingFor === null;
    rating.setDone(state.ratingDone);
    emailAsk.el.hidden = state.agentsOnline !== false;
    emailAsk.update(state.emailKnown);
    const entries = session.timeline.entries();
    empty.hidden = entries.length > 0 || state.phase !== "ready";
    log.update(entries);
    typing.textContent = state.shopTyping ? strings.typing : "";
  }

  function focusView() {
    if (view === "order") {
      lookup.focus();
    } else if (session.state.phase === "prechat") {
      prechat.focus();
    } else {
      composer.focus();
    }
  }

  function open() {
    if (opened) {
      return;
    }
    opened = true;
    panel.hidden = false;
    launcher.setExpanded(true);
    session.open();
    render();
    focusView();
  }

  function close() {
    if (!opened) {
      return;
    }
    opened = false;
    panel.hidden = true;
    launcher.setExpanded(false);
    session.close();
    if (session.state.ratingDone) {
      session.dismissRating();
    }
    launcher.focus();
  }

  orderToggle.addEventListener("click", () => {
    view = view === "order" ? "chat" : "order";
    render();
    focusView();
  });
  closeButton.addEventListener("click", close);
  // Escape closes when focus is in the widget (the shadow host, seen from the page) or was lost to
  // <body>; never while the shopper types in the page's own fields.
  doc.addEventListener("keydown", (event) => {
    const active = doc.activeElement;
    if (event.key === "Escape" && opened && (active === context.shadow.host || active === doc.body || active === null)) {
      close();
    }
  });
  const onOnline = () => session.setOnline(true);
  const onOffline = () => session.setOnline(false);
  env.win.addEventListener("online", onOnline);
  env.win.addEventListener("offline", onOffline);
  env.win.addEventListener("pagehide", () => files.dispose());

  session.subscribe(render);
  render();
  void session.resume();

  return { open, close, isOpen: () => opened };
}

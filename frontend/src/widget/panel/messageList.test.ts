import { afterEach, describe, expect, it } from "vitest";
import { createWidgetApi } from "../core/api";
import { Timeline } from "../core/timeline";
import type { WidgetMessage } from "../core/types";
import { PANEL_STRINGS } from "../i18n/panel";
import { fakeNetwork, settle } from "../testing/fakes";
import { AttachmentFiles } from "./attachments";
import { MessageListView } from "./messageList";

afterEach(() => document.body.replaceChildren());

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function message(id: string, kind: string, body: string, extra: Partial<WidgetMessage> = {}): WidgetMessage {
  return { id, kind, body, client_id: "", created_at: "2026-03-07T10:05:00Z", attachments: [], ...extra };
}

function view() {
  const network = fakeNetwork(() => new Response("PNG", { headers: { "Content-Type": "image/png" } }));
  const api = createWidgetApi({ proxy: "/apps/support", fetch: network.fetch, visitorToken: () => "visitor-1" });
  const created: string[] = [];
  const files = new AttachmentFiles(api, { create: () => (created.push("blob"), `blob:shop/${created.length}`), revoke: () => undefined });
  const list = new MessageListView(document, PANEL_STRINGS.en, "en", files);
  document.body.appendChild(list.el);
  return { list, requests: network.requests };
}

describe("MessageListView", () => {
  it("is a polite, labelled log", () => {
    const { list } = view();
    expect(list.el.getAttribute("role")).toBe("log");
    expect(list.el.getAttribute("aria-live")).toBe("polite");
    expect(list.el.getAttribute("aria-label")).toBe("Messages");
  });

  it("shows HTML written by anyone as text, never as markup", () => {
    const { list } = view();
    const timeline = new Timeline();
    timeline.addServer([message("1", "shopper", HOSTILE), message("2", "agent", HOSTILE)]);
    timeline.addLocal({ client_id: "c-1", body: HOSTILE, attachments: [], created_at: "", status: "sending" });
    list.update(timeline.entries());

    const texts = [...list.el.querySelectorAll(".sc-text")].map((node) => node.textContent);
    expect(texts).toEqual([HOSTILE, HOSTILE, HOSTILE]);
    expect(list.el.querySelector("img")).toBeNull();
    expect(list.el.querySelector("script")).toBeNull();
  });

  it("marks who wrote each message; bot and system messages visibly", () => {
    const { list } = view();
    const timeline = new Timeline();
    timeline.addServer([
      message("1", "bot", "Hi! I'm the shop's assistant."),
      message("2", "shopper", "Where is my order?"),
      message("3", "agent", "Let me check.", { machine_translated: true }),
      message("4", "system", "Conversation assigned"),
    ]);
    list.update(timeline.entries());

    const rows = [...list.el.querySelectorAll("ol.sc-log-list > li")];
    expect(rows.map((row) => row.className)).toEqual([
      "sc-msg sc-msg--bot",
      "sc-msg sc-msg--shopper",
      "sc-msg sc-msg--shop",
      "sc-msg sc-msg--system",
    ]);
    expect(rows.map((row) => row.firstElementChild?.textContent)).toEqual(["Automated reply", "You", "Support", "Update"]);
    expect(rows.map((row) => row.firstElementChild?.className)).toEqual(["sc-who", "sc-vh", "sc-vh", "sc-who"]);
    expect(rows[2]?.querySelector(".sc-meta")?.textContent).toContain("Translated automatically");
  });

  it("shows a local echo's state and turns it into the server's message without a second row", () => {
    const { list } = view();
    const timeline = new Timeline();
    timeline.addLocal({ client_id: "c-1", body: "Hello", attachments: [], created_at: "", status: "sending" });
    list.update(timeline.entries());
    expect(list.el.querySelector(".sc-meta")?.textContent).toBe("Sending…");

    timeline.setLocalStatus("c-1", "waiting");
    list.update(timeline.entries());
    expect(list.el.querySelector(".sc-meta")?.textContent).toBe("Waiting for a connection. It will be sent automatically.");

    timeline.addServer([message("9007199254740993", "shopper", "Hello", { client_id: "c-1" })]);
    list.update(timeline.entries());
    expect(list.el.querySelectorAll("li.sc-msg")).toHaveLength(1);
    expect(list.el.querySelector(".sc-meta")?.textContent).not.toBe("Sending…");
  });

  it("says why a message was not sent", () => {
    const { list } = view();
    const timeline = new Timeline();
    timeline.addLocal({ client_id: "c-1", body: "x", attachments: [], created_at: "", status: "failed", reason: "body_too_long" });
    list.update(timeline.entries());
    expect(list.el.querySelector(".sc-meta")?.textContent).toBe("Not sent. This message is too long: 5,000 characters at most.");
  });

  it("keeps rows in id order as messages arrive out of order", () => {
    const { list } = view();
    const timeline = new Timeline();
    timeline.addServer([message("12", "agent", "second")]);
    list.update(timeline.entries());
    timeline.addServer([message("11", "agent", "first")]);
    list.update(timeline.entries());
    expect([...list.el.querySelectorAll(".sc-text")].map((node) => node.textContent)).toEqual(["first", "second"]);
  });

  it("fetches an image with the visitor token and shows it from a blob: URL; a file name stays text", async () => {
    const { list, requests } = view();
    const timeline = new Timeline();
    timeline.addServer([
      message("1", "agent", "", {
        attachments: [
          { id: "55", filename: "label<b>.png", content_type: "image/png", size: 3, url: "/api/widget/attachments/55" },
          { id: "56", filename: "invoice.pdf", content_type: "application/pdf", size: 9 },
        ],
      }),
    ]);
    list.update(timeline.entries());
    await settle();

    const img = list.el.querySelector("img");
    expect(img?.getAttribute("alt")).toBe("label<b>.png");
    expect(img?.getAttribute("src")).toBe("blob:shop/1");
    expect(list.el.querySelector("b")).toBeNull();
    expect(requests.map((r) => [r.url, r.headers.get("X-Visitor-Token")])).toEqual([
      ["/apps/support/api/widget/attachments/55", "visitor-1"],
    ]);
    const pdf = list.el.querySelector("button.sc-file");
    expect(pdf?.textContent).toBe("invoice.pdf");
    expect(pdf?.getAttribute("aria-label")).toBe("Download invoice.pdf");
  });
});

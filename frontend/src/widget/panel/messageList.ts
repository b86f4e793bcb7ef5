/**
 * The message log (role="log", polite). Rows are keyed (client_id, else id)
 * and updated in place, so a local echo turning into the server's message
 * does not add a row, and screen readers hear each new message once.
 * Every text is a text node.
 */
import type { LocalMessage, TimelineEntry } from "../core/timeline";
import type { WidgetAttachment, WidgetMessage } from "../core/types";
import { format } from "../i18n/format";
import type { PanelStrings } from "../i18n/panel";
import { reasonText } from "../i18n/reasons";
import { type AttachmentFiles, renderAttachment } from "./attachments";
import { h } from "./dom";
import { formatTime } from "./format";

type Side = "shopper" | "shop" | "bot" | "system";

function sideOf(entry: TimelineEntry): Side {
  if (entry.local) {
    return "shopper";
  }
  const kind = entry.server.kind;
  return kind === "shopper" ? "shopper" : kind === "bot" ? "bot" : kind === "system" ? "system" : "shop";
}

function signature(entry: TimelineEntry): string {
  return entry.local ? `l:${entry.local.status}:${entry.local.reason ?? ""}` : `s:${entry.server.id}`;
}

export class MessageListView {
  /** The scrolling log region; the rows are items of the list inside it (a `role="log"` on the list
   * itself would take its list semantics away). */
  readonly el: HTMLDivElement;
  private readonly list: HTMLOListElement;
  private readonly rows = new Map<string, { row: HTMLLIElement; signature: string }>();

  constructor(
    private readonly doc: Document,
    private readonly strings: PanelStrings,
    private readonly language: string,
    private readonly files: AttachmentFiles,
  ) {
    this.list = h(doc, "ol", { class: "sc-log-list" });
    this.el = h(doc, "div", { class: "sc-log", role: "log", "aria-live": "polite", "aria-label": strings.messages },
      this.list);
  }

  update(entries: readonly TimelineEntry[]): void {
    const keep = new Set<string>();
    let previous: HTMLLIElement | null = null;
    for (const entry of entries) {
      keep.add(entry.key);
      const current = this.rows.get(entry.key);
      const sig = signature(entry);
      let row: HTMLLIElement;
      if (!current) {
        row = this.renderRow(entry);
        this.rows.set(entry.key, { row, signature: sig });
      } else if (current.signature !== sig) {
        row = this.renderRow(entry);
        current.row.replaceWith(row);
        this.rows.set(entry.key, { row, signature: sig });
      } else {
        row = current.row;
      }
      const expected: ChildNode | null = previous ? previous.nextSibling : this.list.firstChild;
      if (expected !== row) {
        this.list.insertBefore(row, expected);
      }
      previous = row;
    }
    for (const [key, { row }] of this.rows) {
      if (!keep.has(key)) {
        row.remove();
        this.rows.delete(key);
      }
    }
    this.el.scrollTop = this.el.scrollHeight; // the log scrolls itself, never the page
  }

  private renderRow(entry: TimelineEntry): HTMLLIElement {
    const side = sideOf(entry);
    const message: WidgetMessage | LocalMessage = entry.server ?? entry.local;
    const who = { shopper: this.strings.you, shop: this.strings.shop, bot: this.strings.bot, system: this.strings.system }[
      side
    ];
    const row = h(this.doc, "li", { class: `sc-msg sc-msg--${side}`, "data-key": entry.key });
    // Bot and system messages are marked visibly; for the others the sender is for screen readers.
    row.appendChild(h(this.doc, "span", { class: side === "bot" || side === "system" ? "sc-who" : "sc-vh" }, who));
    const bubble = h(this.doc, "div", { class: "sc-bubble" });
    if (message.body) {
      bubble.appendChild(h(this.doc, "p", { class: "sc-text" }, message.body));
    }
    const attachments: WidgetAttachment[] = message.attachments ?? [];
    if (attachments.length > 0) {
      bubble.appendChild(
        h(this.doc, "ul", { class: "sc-files" }, ...attachments.map((a) => renderAttachment(this.doc, this.strings, this.files, a))),
      );
    }
    row.appendChild(bubble);
    row.appendChild(this.meta(entry));
    return row;
  }

  private meta(entry: TimelineEntry): HTMLElement {
    const meta = h(this.doc, "p", { class: "sc-meta" });
    if (entry.server) {
      const time = formatTime(entry.server.created_at, this.language);
      meta.appendChild(this.doc.createTextNode(time));
      if (entry.server.machine_translated) {
        meta.appendChild(this.doc.createTextNode(` · ${this.strings.translated}`));
      }
      return meta;
    }
    const local = entry.local;
    let text: string;
    if (local.status === "failed") {
      const reason = reasonText(this.strings, { status: 400, code: local.reason ?? "", detail: local.detail ?? "" });
      text = format(this.strings.failed, { reason });
      meta.classList.add("sc-meta--failed");
    } else {
      text = local.status === "sending" ? this.strings.sending : this.strings.waiting;
    }
    meta.appendChild(this.doc.createTextNode(text));
    return meta;
  }
}
